// The script realm: nothing of Node inside, except the mutation-testing global when the test runner has one.
import vm from 'node:vm';
import { EmulatedClock } from '../../../emulator/clock';
import { ScriptRealm } from '../../../emulator/gas/script-realm';

const host = globalThis as Record<string, unknown>;
const GLOBAL = '__stryker__';
const ENV_KEY = '__STRYKER_ACTIVE_MUTANT__';

function seenInRealm(realm: ScriptRealm, expression: string): unknown {
  return vm.runInContext(expression, realm.context);
}

describe('the mutation-testing hook of the script realm', () => {
  const saved = { stryker: host[GLOBAL], env: process.env[ENV_KEY] };
  afterEach(() => {
    if (saved.stryker === undefined) delete host[GLOBAL];
    else host[GLOBAL] = saved.stryker;
    if (saved.env === undefined) delete process.env[ENV_KEY];
    else process.env[ENV_KEY] = saved.env;
  });

  it('gives the realm no such global when the host has none (as in Apps Script)', () => {
    delete host[GLOBAL];
    delete process.env[ENV_KEY];
    const realm = new ScriptRealm(new EmulatedClock());
    expect(seenInRealm(realm, 'typeof __stryker__')).toBe('undefined');
    expect(seenInRealm(realm, 'typeof process')).toBe('undefined');
  });

  it("shares the host's object with the realm, with the active mutant the runner put in the environment", () => {
    const shared: { activeMutant?: string } = {};
    host[GLOBAL] = shared;
    process.env[ENV_KEY] = '42';
    const realm = new ScriptRealm(new EmulatedClock());
    expect(seenInRealm(realm, `${GLOBAL}.activeMutant`)).toBe('42');
    vm.runInContext(`${GLOBAL}.seen = true`, realm.context);
    expect(shared).toEqual({ activeMutant: '42', seen: true });
    expect(seenInRealm(realm, 'typeof process')).toBe('undefined');
  });

  it('makes the shared object when only the environment names a mutant (no mutated code ran outside a realm yet)', () => {
    delete host[GLOBAL];
    process.env[ENV_KEY] = '7';
    const realm = new ScriptRealm(new EmulatedClock());
    expect(seenInRealm(realm, `${GLOBAL}.activeMutant`)).toBe('7');
    expect(host[GLOBAL]).toEqual({ activeMutant: '7' });
  });
});
