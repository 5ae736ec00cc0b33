// Concurrent executions: interleaving at service-call boundaries as the seed says, LockService across executions,
// the cap of 30 simultaneous executions per user, and locks freed when an execution ends.
import { GasEmulator, MAX_SIMULTANEOUS_EXECUTIONS, type ExecutionResult } from '../../../emulator/gas';

const CODE = `
function mark(step) { UrlFetchApp.fetch('https://order.test/' + step); }
function work(tag) { for (var i = 0; i < 4; i++) mark(tag + i); return tag; }
function holder() {
  try { LockService.getScriptLock().waitLock(1000); } catch (e) { return e.message; }
  mark('holder-locked'); mark('holder-busy'); mark('holder-busy'); mark('holder-done'); return 'locked';
}
function waiter() {
  mark('waiter-start');
  try { LockService.getScriptLock().waitLock(5000); mark('waiter-locked'); return 'locked'; }
  catch (e) { return e.message; }
}
function keepLock() { LockService.getScriptLock().waitLock(1000); return 'kept'; }
function lockLater() { mark('later'); return LockService.getScriptLock().tryLock(0); }
function nest() { mark('n'); return 'ran'; }
function doPost(e) { mark('post'); return ContentService.createTextOutput('posted'); }
function onEditHandler(e) { mark('edit'); return e.value; }
function install() { ScriptApp.newTrigger('onEditHandler').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
`;

/** An emulator whose UrlFetchApp calls land, in order, in `steps` (the trace of every execution's calls). */
function traced(): { gas: GasEmulator; steps: string[] } {
  const steps: string[] = [];
  const gas = new GasEmulator({
    code: CODE,
    webApp: { url: 'https://script.google.com/macros/s/AKfycbTest/exec', access: 'ANYONE_ANONYMOUS' },
    fetch: (request) => {
      steps.push(request.url.slice('https://order.test/'.length));
      return { status: 200, headers: {}, body: '' };
    },
  });
  return { gas, steps };
}

/** The trace of `work('A')` and `work('B')` started together under `seed`. */
function twoWorkers(seed: number): string[] {
  const { gas, steps } = traced();
  const results = gas.concurrently({ seed, startChance: 0.3 }, (batch) => {
    batch.run('work', 'A');
    batch.run('work', 'B');
  });
  expect(results.map((executions) => executions.map((e) => e.returnValue))).toEqual([['A'], ['B']]);
  return steps;
}

const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);

describe('concurrent executions', () => {
  it('starts one execution inside a gap between two service calls of the other, where the seed says', () => {
    const traces = SEEDS.map(twoWorkers);
    for (const trace of traces) {
      const outer = trace[0]?.[0] as string;
      const inner = trace.filter((step) => step[0] !== outer);
      const at = trace.indexOf(inner[0] as string);
      // The inner execution's calls form one unbroken block inside the outer's sequence.
      expect(trace.slice(at, at + 4)).toEqual(inner);
      expect(trace.filter((step) => step[0] === outer)).toEqual([0, 1, 2, 3].map((i) => outer + i));
    }
    const strictlyInside = traces.filter((trace) => trace[0]?.[0] !== trace[7]?.[0]);
    expect(strictlyInside.length).toBeGreaterThan(0);
  });

  it('replays the same interleaving for the same seed and varies it across seeds', () => {
    expect(twoWorkers(7)).toEqual(twoWorkers(7));
    expect(new Set(SEEDS.map((seed) => twoWorkers(seed).join(' '))).size).toBeGreaterThanOrEqual(3);
  });

  it('keeps the lock of a suspended execution from one nested in it, which times out on the emulated clock', () => {
    const timeout = 'Lock timeout: another process was holding the lock for too long.';
    const runs = Array.from({ length: 40 }, (_, index) => {
      const { gas, steps } = traced();
      const [[holding], [waiting]] = gas.concurrently({ seed: index + 1, startChance: 0.25 }, (batch) => {
        batch.run('holder');
        batch.run('waiter');
      }) as [[ExecutionResult], [ExecutionResult]];
      const start = steps.indexOf('waiter-start');
      const locked = steps.indexOf('waiter-locked');
      const [from, to] = [steps.indexOf('holder-locked'), steps.indexOf('holder-done')];
      return {
        waiterStartedInsideHold: start > from && start < to,
        bothInsideAtOnce: locked > from && locked < to,
        outcomes: [holding.returnValue, waiting.returnValue],
        waited: [holding.endedAt - holding.startedAt, waiting.endedAt - waiting.startedAt],
      };
    });
    // The waiter started while the holder, suspended below it, held the lock: it can only time out, after 5 s.
    const blocked = runs.filter((run) => run.waiterStartedInsideHold);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.length).toBeLessThan(runs.length);
    expect(blocked.map((run) => run.outcomes)).toEqual(blocked.map(() => ['locked', timeout]));
    expect(blocked.filter((run) => run.waited[0]! < 5000 || run.waited[1]! < 5000)).toEqual([]);
    // Otherwise one got the lock while the other ran, or both one after the other: never both at once.
    expect(runs.filter((run) => run.bothInsideAtOnce || run.outcomes.every((outcome) => outcome === timeout))).toEqual([]);
    expect(runs.filter((run) => run.outcomes[0] === timeout && run.waited[0]! < 1000)).toEqual([]);
  });

  it('frees the locks of an execution that ends, for the execution it was nested in', () => {
    let nestedFirst = 0;
    for (const seed of SEEDS.slice(0, 8)) {
      const { gas } = traced();
      const [[later], [kept]] = gas.concurrently({ seed, startChance: 1 }, (batch) => {
        batch.run('lockLater');
        batch.run('keepLock');
      }) as [[ExecutionResult], [ExecutionResult]];
      expect([later.returnValue, kept.returnValue]).toEqual([true, 'kept']);
      if (gas.executions[0] === kept) nestedFirst += 1;
    }
    expect(nestedFirst).toBeGreaterThan(0);
  });

  it(`lets at most ${MAX_SIMULTANEOUS_EXECUTIONS} executions of a user run at once; the next fail with the Apps Script text`, () => {
    const { gas } = traced();
    const results = gas.concurrently({ seed: 3, startChance: 1 }, (batch) => {
      for (let i = 0; i < MAX_SIMULTANEOUS_EXECUTIONS + 5; i++) batch.run('nest');
    });
    const outcomes = results.flat().map((e) => e.error ?? e.returnValue);
    expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(MAX_SIMULTANEOUS_EXECUTIONS);
    expect(outcomes.filter((outcome) => outcome === 'Exception: There are too many scripts running simultaneously for this Google user account.')).toHaveLength(5);
    expect(gas.run('nest').returnValue).toBe('ran');
  });

  it("returns each action's executions, whatever ran nested in them", () => {
    const { gas } = traced();
    gas.spreadsheet.addSheet('Sheet1', [['a']]);
    gas.run('install');
    const results = gas.concurrently({ seed: 5, startChance: 1 }, (batch) => {
      batch.userEdit('Sheet1', 'A1', [['typed']]);
      batch.webRequest({ method: 'POST', url: 'https://script.google.com/macros/s/AKfycbTest/exec', headers: {}, body: '' });
      batch.act(() => [gas.run('work', 'C'), gas.run('work', 'D')]);
    });
    expect(results.map((executions) => executions.map((e) => [e.functionName, e.error ?? e.returnValue]))).toEqual([
      [['onEditHandler', 'typed']],
      [['doPost', expect.anything()]],
      [['work', 'C'], ['work', 'D']],
    ]);
    expect(gas.executions.slice(1).map((e) => e.functionName)).not.toEqual(['onEditHandler', 'doPost', 'work', 'work']);
  });

  it('runs the actions one after another when no boundary starts them', () => {
    const { gas, steps } = traced();
    gas.concurrently({ seed: 1, startChance: 0 }, (batch) => {
      batch.run('work', 'A');
      batch.run('work', 'B');
    });
    expect([steps.slice(0, 4).join(), steps.slice(4).join()].sort()).toEqual(['A0,A1,A2,A3', 'B0,B1,B2,B3']);
  });

  it('calls betweenCalls at each service call of a running execution, where a run it starts overlaps that execution', () => {
    const steps: string[] = [];
    let started = false;
    const gas: GasEmulator = new GasEmulator({
      code: CODE,
      fetch: (request) => {
        steps.push(request.url.slice('https://order.test/'.length));
        return { status: 200, headers: {}, body: '' };
      },
      betweenCalls: () => {
        // Once, when the first worker is half-way: a call that arrived meanwhile runs nested in it.
        if (started || steps.length !== 2) return;
        started = true;
        gas.run('nest');
      },
    });
    expect(gas.run('work', 'A').returnValue).toBe('A');
    expect(steps).toEqual(['A0', 'A1', 'n', 'A2', 'A3']);
    expect(gas.executions.map((execution) => execution.functionName)).toEqual(['nest', 'work']);
  });
});
