// PropertiesService: strings only, null for absent keys, the 9 KB and 500 KB limits, document properties only
// where there is a document, and read/write counters.
import { GasEmulator } from '../../../emulator/gas';

const CODE = `
function store(kind) {
  if (kind === 'document') return PropertiesService.getDocumentProperties();
  return kind === 'user' ? PropertiesService.getUserProperties() : PropertiesService.getScriptProperties();
}
function setMany() {
  var p = store('script');
  p.setProperty('NUM', 42).setProperty('BOOL', true).setProperty('OBJ', { a: 1 }).setProperty('NULL', null);
  return [p.getProperty('NUM'), p.getProperty('BOOL'), p.getProperty('OBJ'), p.getProperty('NULL'), p.getProperty('ABSENT'), typeof p.getProperty('NUM')];
}
function bulk() {
  var p = store('script');
  p.setProperties({ A: 1, B: 'two' });
  p.setProperties({ C: 3 }, true);
  return [p.getKeys(), p.getProperties()];
}
function oversized(size) { try { store('script').setProperty('BIG', new Array(size + 1).join('x')); return 'stored'; } catch (e) { return String(e); } }
function fill() {
  var p = store('script');
  for (var i = 0; ; i++) {
    try { p.setProperty('K' + i, new Array(9001).join('y')); } catch (e) { return [i, String(e)]; }
  }
}
function documentStore() { return store('document') === null ? 'none' : store('document').getProperty('D'); }
function counted() {
  var p = store('user');
  p.getProperty('A'); p.getProperties(); p.getKeys();
  p.setProperty('A', '1'); p.deleteProperty('A'); p.deleteAllProperties();
}
`;

describe('PropertiesService', () => {
  it('stores every value as a string and answers null for an absent key', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('setMany').returnValue).toEqual(['42', 'true', '[object Object]', 'null', null, 'string']);
    expect(emulator.scriptProperties.get('NUM')).toBe('42');
  });

  it('keeps properties across executions and replaces all of them with deleteAllOthers', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.scriptProperties.set('OLD', 'x');
    expect(emulator.run('bulk').returnValue).toEqual([['C'], { C: '3' }]);
    expect(emulator.scriptProperties.entries()).toEqual({ C: '3' });
  });

  it('refuses a value over 9 KB and stores nothing', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('oversized', 9 * 1024).returnValue).toBe('stored');
    expect(emulator.run('oversized', 9 * 1024 + 1).returnValue).toBe('Exception: Argument too large: value');
    expect(emulator.scriptProperties.get('BIG')).toHaveLength(9 * 1024);
  });

  it('refuses a write that takes the store over 500 KB with the quota message', () => {
    const emulator = new GasEmulator({ code: CODE });
    const [stored, error] = emulator.run('fill').returnValue as [number, string];
    expect(error).toBe('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(stored).toBe(Math.floor((500 * 1024) / 9002));
  });

  it('has document properties only where there is a document', () => {
    const bound = new GasEmulator({ code: CODE });
    bound.documentProperties.set('D', 'doc');
    expect(bound.run('documentStore', undefined, { hasUi: false }).returnValue).toBe('doc');
    const unbound = new GasEmulator({ code: CODE, bound: false });
    unbound.documentProperties.set('D', 'doc');
    expect(unbound.run('documentStore', undefined, { hasUi: false }).returnValue).toBe('none');
    expect(unbound.run('documentStore').returnValue).toBe('doc');
  });

  it('counts reads and writes', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('counted').counters).toMatchObject({ propertiesReads: 3, propertiesWrites: 3 });
  });
});
