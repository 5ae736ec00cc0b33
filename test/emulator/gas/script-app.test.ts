// ScriptApp triggers: creation and quotas, add-on restrictions, edit triggers fired only by a person's edits with
// the real event, and time-driven triggers on the emulated clock.
import { GasEmulator, NO_CALL_COSTS, SpreadsheetModel, type GasEmulatorOptions } from '../../../emulator/gas';

const CODE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var edit = ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(ss).onEdit().create();
  var clock = ScriptApp.newTrigger('onSchedule').timeBased().everyMinutes(5).create();
  return [edit.getEventType() === ScriptApp.EventType.ON_EDIT, String(edit.getEventType()), edit.getHandlerFunction(),
    String(edit.getTriggerSource()), edit.getTriggerSourceId() === ss.getId(), String(clock.getTriggerSource()), clock.getTriggerSourceId(),
    ScriptApp.getProjectTriggers().length, ScriptApp.getUserTriggers(ss).length];
}
function installMany(n) {
  for (var i = 0; i < n; i++) ScriptApp.newTrigger('f' + i).timeBased().everyHours(1).create();
}
function hourly() { ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create(); return 'ok'; }
function everyMinute() { ScriptApp.newTrigger('onSchedule').timeBased().everyMinutes(1).create(); return 'ok'; }
function once(ms) { ScriptApp.newTrigger('onSchedule').timeBased().after(ms).create(); }
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
function onSheetEdit(e) {
  Logger.log(JSON.stringify({ a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), source: e.source.getId(),
    hasValue: 'value' in e, value: e.value, hasOld: 'oldValue' in e, oldValue: e.oldValue, full: e.authMode === ScriptApp.AuthMode.FULL,
    user: e.user, uid: e.triggerUid }));
}
function onSchedule(e) { Logger.log(JSON.stringify(e)); }
function installOnChange() { ScriptApp.newTrigger('onSheetChange').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onChange().create(); }
function onSheetChange(e) { Logger.log(JSON.stringify({ changeType: e.changeType, user: e.user.email })); }
function scriptWrite() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads').getRange('A1').setValue('by script'); }
function webAppUrl() { return ScriptApp.getService().getUrl(); }
function installation() { return [String(ScriptApp.getInstallationSource()), ScriptApp.getInstallationSource() === ScriptApp.InstallationSource.NONE]; }
`;

function withSheet(options: Partial<GasEmulatorOptions> = {}): GasEmulator {
  const spreadsheet = new SpreadsheetModel({ id: 'ss-1' });
  spreadsheet.addSheet('Leads', [['status'], ['NEW'], ['']]);
  return new GasEmulator({ code: CODE, spreadsheet, ...options });
}

describe('ScriptApp triggers', () => {
  it('creates spreadsheet and time-driven triggers that outlive the execution', () => {
    const emulator = withSheet();
    expect(emulator.run('install').returnValue).toEqual([true, 'ON_EDIT', 'onSheetEdit', 'SPREADSHEETS', true, 'CLOCK', null, 2, 1]);
    expect(emulator.triggers()).toEqual([
      { handlerFunction: 'onSheetEdit', eventType: 'ON_EDIT', uniqueId: expect.stringMatching(/^\d+$/), owner: 'owner@example.com' },
      { handlerFunction: 'onSchedule', eventType: 'CLOCK', uniqueId: expect.stringMatching(/^\d+$/), owner: 'owner@example.com', everyMs: 300_000 },
    ]);
    expect(emulator.run('removeAll').returnValue).toBe(0);
    expect(emulator.triggers()).toEqual([]);
  });

  it('allows 20 triggers per user per script', () => {
    const emulator = withSheet();
    expect(emulator.run('installMany', 20).error).toBeUndefined();
    expect(emulator.run('installMany', 1).error).toBe(
      'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(emulator.triggers()).toHaveLength(20);
  });

  it('refuses time triggers more frequent than hourly for an installed add-on only', () => {
    const addOn = withSheet({ installationSource: 'WEB_STORE_ADD_ON' });
    expect(addOn.run('everyMinute').error).toBe('Exception: The recurrence interval for an Add-on trigger must be at least one hour.');
    expect(addOn.run('hourly').returnValue).toBe('ok');
    expect(addOn.run('installation').returnValue).toEqual(['WEB_STORE_ADD_ON', false]);
    const script = withSheet();
    expect(script.run('everyMinute').returnValue).toBe('ok');
    expect(script.run('installation').returnValue).toEqual(['NONE', true]);
  });

  it('fires edit triggers for a person’s single-cell edit with value and oldValue', () => {
    const emulator = withSheet({ userEmail: 'ana@example.com' });
    emulator.run('install');
    const [edit] = emulator.userEdit('Leads', 'A2', [['CONTACTED']]);
    expect(edit.functionName).toBe('onSheetEdit');
    expect(JSON.parse(edit.logs[0])).toEqual({
      a1: 'A2', sheet: 'Leads', source: 'ss-1', hasValue: true, value: 'CONTACTED', hasOld: true, oldValue: 'NEW', full: true,
      user: { email: 'ana@example.com', nickname: 'ana' }, uid: emulator.triggers()[0].uniqueId,
    });
  });

  it('leaves out oldValue for a cell that was empty and value for a cell that was cleared', () => {
    const emulator = withSheet();
    emulator.run('install');
    const filled = JSON.parse(emulator.userEdit('Leads', 'A3', [[7]])[0].logs[0]);
    expect([filled.hasValue, filled.value, filled.hasOld]).toEqual([true, '7', false]);
    const cleared = JSON.parse(emulator.userEdit('Leads', 'A3', [['']])[0].logs[0]);
    expect([cleared.hasValue, cleared.hasOld, cleared.oldValue]).toEqual([false, true, '7']);
  });

  it('gives a multi-cell edit (a paste) neither value nor oldValue', () => {
    const emulator = withSheet();
    emulator.run('install');
    const paste = JSON.parse(emulator.userEdit('Leads', 'A2', [['QUALIFIED'], ['LOST']])[0].logs[0]);
    expect([paste.a1, paste.hasValue, paste.hasOld]).toEqual(['A2:A3', false, false]);
  });

  describe('a person’s row changes', () => {
    function withRows(): GasEmulator {
      const spreadsheet = new SpreadsheetModel({ id: 'ss-1' });
      spreadsheet.addSheet('Leads', [['status', 'id'], ['NEW', 'b'], ['LOST', 'c'], ['CONTACTED', 'a']]);
      const emulator = new GasEmulator({ code: CODE, spreadsheet, userEmail: 'ana@example.com' });
      emulator.run('install');
      emulator.run('installOnChange');
      return emulator;
    }
    const leads = (emulator: GasEmulator) => emulator.spreadsheet.sheet('Leads')!.readDisplay(1, 1, 5, 2);
    const logged = (runs: { functionName: string; logs: string[] }[]) => runs.map((run) => [run.functionName, JSON.parse(run.logs[0])]);

    it('inserting and deleting rows fire only the change triggers, with INSERT_ROW and REMOVE_ROW', () => {
      const emulator = withRows();
      expect(logged(emulator.userChangesRows('Leads', { kind: 'insert', beforeRow: 3, count: 1 }))).toEqual([
        ['onSheetChange', { changeType: 'INSERT_ROW', user: 'ana@example.com' }],
      ]);
      expect(leads(emulator).map((row) => row[1])).toEqual(['id', 'b', '', 'c', 'a']);
      expect(logged(emulator.userChangesRows('Leads', { kind: 'delete', row: 2, count: 2 }))).toEqual([
        ['onSheetChange', { changeType: 'REMOVE_ROW', user: 'ana@example.com' }],
      ]);
      expect(leads(emulator).map((row) => row[1])).toEqual(['id', 'c', 'a', '', '']);
    });

    it('a sort below the header moves whole rows and fires the edit triggers for the sorted block, then the change triggers', () => {
      const emulator = withRows();
      emulator.spreadsheet.sheet('Leads')!.setNoteAsUser(4, 1, 'call back');
      const runs = emulator.userChangesRows('Leads', { kind: 'sort', column: 2, ascending: true, headerRows: 1 });
      expect(leads(emulator).slice(0, 4)).toEqual([['status', 'id'], ['CONTACTED', 'a'], ['NEW', 'b'], ['LOST', 'c']]);
      expect(emulator.spreadsheet.sheet('Leads')!.read('notes', 2, 1, 1, 1)).toEqual([['call back']]);
      expect(runs.map((run) => run.functionName)).toEqual(['onSheetEdit', 'onSheetChange']);
      const edit = JSON.parse(runs[0].logs[0]);
      expect([edit.a1, edit.hasValue, edit.hasOld]).toEqual(['A2:B4', false, false]);
      expect(JSON.parse(runs[1].logs[0]).changeType).toBe('EDIT');
    });
  });

  it('never fires edit triggers for the script’s own writes', () => {
    const emulator = withSheet();
    emulator.run('install');
    const before = emulator.executions.length;
    emulator.run('scriptWrite');
    expect(emulator.executions.map((e) => e.functionName).slice(before)).toEqual(['scriptWrite']);
    expect(emulator.spreadsheet.sheet('Leads')?.cell(1, 1).value).toBe('by script');
  });

  it('runs time-driven triggers as the clock passes, each as its own execution with the time event', () => {
    // Free calls: the schedule is anchored at the instant `install` ran, which is `start`.
    const emulator = withSheet({ callCosts: NO_CALL_COSTS });
    emulator.run('install');
    const start = emulator.clock.now();
    expect(emulator.advanceTime(299_999)).toEqual([]);
    const runs = emulator.advanceTime(600_001);
    expect(runs.map((r) => [r.functionName, r.startedAt - start])).toEqual([
      ['onSchedule', 300_000],
      ['onSchedule', 600_000],
      ['onSchedule', 900_000],
    ]);
    expect(emulator.clock.now() - start).toBe(900_000);
    const event = JSON.parse(runs[0].logs[0]);
    expect(event).toEqual({
      authMode: 'FULL', 'day-of-month': 5, 'day-of-week': 1, hour: 9, minute: 5, month: 1, second: 0, timezone: 'UTC',
      triggerUid: emulator.triggers()[1].uniqueId, 'week-of-year': 2, year: 2026,
    });
  });

  it('runs triggers in time order and a one-off trigger only once', () => {
    const emulator = withSheet();
    emulator.run('once', 90_000);
    emulator.run('hourly');
    const runs = emulator.advanceTime(2 * 3_600_000);
    expect(runs.map((r) => r.startedAt - runs[0].startedAt)).toEqual([0, 3_510_000, 7_110_000]);
  });

  it('keeps a one-off trigger that has fired: it counts against the 20 until deleted', () => {
    const emulator = withSheet();
    emulator.run('once', 1_000);
    expect(emulator.advanceTime(60_000)).toHaveLength(1);
    expect(emulator.triggers()).toHaveLength(1);
    expect(emulator.run('installMany', 19).error).toBeUndefined();
    expect(emulator.run('installMany', 1).error).toMatch(/too many triggers/);
    expect(emulator.run('removeAll').returnValue).toBe(0);
  });

  it('refuses an add-on\'s one-off trigger within an hour of another of its clock events, and allows it otherwise', () => {
    const addOn = withSheet({ installationSource: 'WEB_STORE_ADD_ON' });
    expect(addOn.run('once', 1_000).error).toBeUndefined();
    expect(addOn.run('once', 30 * 60_000).error).toBe('Exception: Clock events must be scheduled at least 1 hour(s) apart.');
    expect(addOn.run('once', 2 * 3_600_000).error).toBeUndefined();
    expect(addOn.run('removeAll').returnValue).toBe(0);
    addOn.run('hourly');
    // An hourly trigger runs within an hour of any moment: no one-off fits beside it.
    expect(addOn.run('once', 5_000).error).toBe('Exception: Clock events must be scheduled at least 1 hour(s) apart.');
    expect(addOn.run('once', 5 * 3_600_000 + 1_000).error).toBe('Exception: Clock events must be scheduled at least 1 hour(s) apart.');
    const script = withSheet();
    script.run('hourly');
    expect(script.run('once', 5_000).error).toBeUndefined();
  });

  it('reports the web app URL only when deployed', () => {
    expect(withSheet().run('webAppUrl').returnValue).toBeNull();
    const url = 'https://script.google.com/macros/s/abc/exec';
    expect(withSheet({ webApp: { url, access: 'ANYONE_ANONYMOUS' } }).run('webAppUrl').returnValue).toBe(url);
  });
});
