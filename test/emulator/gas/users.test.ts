// Users of one project: triggers belong to the user who created them and run as that user, user properties and caches
// are per user, document ones shared; an editor add-on's time triggers run without the document by default.
import { GasEmulator, SpreadsheetModel, type GasEmulatorOptions } from '../../../emulator/gas';

const CODE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create();
  return who();
}
function who() { return [Session.getEffectiveUser().getEmail(), Session.getActiveUser().getEmail()]; }
function visible() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return [ScriptApp.getProjectTriggers().length, ScriptApp.getUserTriggers(ss).length];
}
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function installMany(n) { for (var i = 0; i < n; i++) ScriptApp.newTrigger('f' + i).timeBased().everyHours(1).create(); }
function remember(value) {
  PropertiesService.getUserProperties().setProperty('mine', value);
  PropertiesService.getDocumentProperties().setProperty('shared', value);
  CacheService.getUserCache().put('mine', value);
}
function recall() {
  return [PropertiesService.getUserProperties().getProperty('mine'), PropertiesService.getDocumentProperties().getProperty('shared'),
    CacheService.getUserCache().get('mine')];
}
function userLock() { return LockService.getUserLock().tryLock(0); }
function onSheetEdit(e) { Logger.log(JSON.stringify({ runsAs: who(), editor: e.user.email, mine: PropertiesService.getUserProperties().getProperty('mine') })); }
function doPost() {
  CacheService.getScriptCache().put('relayed', 'yes');
  return ContentService.createTextOutput(JSON.stringify({
    runsAs: Session.getEffectiveUser().getEmail(),
    noSpreadsheet: SpreadsheetApp.getActiveSpreadsheet() === null,
    noDocumentProperties: PropertiesService.getDocumentProperties() === null,
    scriptProperty: PropertiesService.getScriptProperties().getProperty('shared'),
  }));
}
function shareScriptWide(value) { PropertiesService.getScriptProperties().setProperty('shared', value); }
function scriptCached() { return CacheService.getScriptCache().get('relayed'); }
function whereAmI() { return [SpreadsheetApp.getActiveSpreadsheet().getId(), PropertiesService.getDocumentProperties().getProperty('shared')]; }
function onSchedule() {
  Logger.log(JSON.stringify({
    runsAs: who(),
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet() === null,
    documentProperties: PropertiesService.getDocumentProperties() === null,
    documentLock: LockService.getDocumentLock() === null,
    documentCache: CacheService.getDocumentCache() === null,
    byId: SpreadsheetApp.openById('ss-1').getName(),
  }));
}
`;

function emulator(options: Partial<GasEmulatorOptions> = {}): GasEmulator {
  const spreadsheet = new SpreadsheetModel({ id: 'ss-1', name: 'Leads' });
  spreadsheet.addSheet('Leads', [['status'], ['NEW']]);
  return new GasEmulator({ code: CODE, spreadsheet, userEmail: 'ana@example.com', ...options });
}

describe('users of one project', () => {
  it('runs as the user it is told to, with that user as effective and active user', () => {
    const gas = emulator();
    expect(gas.run('who').returnValue).toEqual(['ana@example.com', 'ana@example.com']);
    expect(gas.as('bob@example.com').run('who').returnValue).toEqual(['bob@example.com', 'bob@example.com']);
  });

  it('gives each user their own triggers: others cannot see or delete them', () => {
    const gas = emulator();
    gas.run('install');
    expect(gas.as('bob@example.com').run('visible').returnValue).toEqual([0, 0]);
    gas.as('bob@example.com').run('removeAll');
    expect(gas.triggers()).toHaveLength(2);
    gas.as('bob@example.com').run('install');
    expect(gas.run('visible').returnValue).toEqual([2, 1]);
    expect(gas.triggers().map((trigger) => trigger.owner)).toEqual(['ana@example.com', 'ana@example.com', 'bob@example.com', 'bob@example.com']);
    gas.run('removeAll');
    expect(gas.triggers().map((trigger) => trigger.owner)).toEqual(['bob@example.com', 'bob@example.com']);
  });

  it('counts the 20-trigger limit per user', () => {
    const gas = emulator();
    gas.run('installMany', 20);
    expect(gas.run('installMany', 1).error).toBe(
      'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(gas.as('bob@example.com').run('installMany', 20).error).toBeUndefined();
    expect(gas.triggers()).toHaveLength(40);
  });

  it('runs a trigger as its owner, whoever edits the sheet', () => {
    const gas = emulator();
    gas.run('remember', 'ana’s');
    gas.run('install');
    const [edit] = gas.as('bob@example.com').userEdit('Leads', 'A2', [['LOST']]);
    expect(JSON.parse(edit.logs[0])).toEqual({ runsAs: ['ana@example.com', 'ana@example.com'], editor: 'bob@example.com', mine: 'ana’s' });
    const [scheduled] = gas.advanceTime(3_600_000);
    expect(JSON.parse(scheduled.logs[0]).runsAs).toEqual(['ana@example.com', 'ana@example.com']);
  });

  it('keeps user properties and user caches per user, and document properties shared', () => {
    const gas = emulator();
    gas.run('remember', 'ana');
    expect(gas.as('bob@example.com').run('recall').returnValue).toEqual([null, 'ana', null]);
    gas.as('bob@example.com').run('remember', 'bob');
    expect(gas.run('recall').returnValue).toEqual(['ana', 'bob', 'ana']);
    expect(gas.userProperties.get('mine')).toBe('ana');
    expect(gas.as('bob@example.com').userProperties.get('mine')).toBe('bob');
    expect(gas.as('bob@example.com').userCache.get('mine')).toBe('bob');
  });

  it('gives each user their own user lock', () => {
    const gas = emulator();
    const release = gas.as('bob@example.com').holdUserLock();
    expect(gas.as('bob@example.com').run('userLock').returnValue).toBe(false);
    expect(gas.run('userLock').returnValue).toBe(true);
    release();
    expect(gas.as('bob@example.com').run('userLock').returnValue).toBe(true);
  });
});

describe('an editor add-on’s time-driven triggers', () => {
  it('run without the document by default: no active spreadsheet, document properties, lock or cache', () => {
    const gas = emulator({ installationSource: 'WEB_STORE_ADD_ON' });
    gas.run('install');
    const [scheduled] = gas.advanceTime(3_600_000);
    expect(JSON.parse(scheduled.logs[0])).toEqual({
      runsAs: ['ana@example.com', 'ana@example.com'],
      spreadsheet: true,
      documentProperties: true,
      documentLock: true,
      documentCache: true,
      byId: 'Leads',
    });
  });

  it('run with the document attached when told so', () => {
    const gas = emulator({ installationSource: 'WEB_STORE_ADD_ON', addOnTimeTriggerDocument: 'attached' });
    gas.run('install');
    const [scheduled] = gas.advanceTime(3_600_000);
    expect(JSON.parse(scheduled.logs[0])).toMatchObject({ spreadsheet: false, documentProperties: false, documentLock: false, documentCache: false });
  });

  it('keep the document for a bound script’s time triggers', () => {
    const gas = emulator();
    gas.run('install');
    const [scheduled] = gas.advanceTime(3_600_000);
    expect(JSON.parse(scheduled.logs[0])).toMatchObject({ spreadsheet: false, documentProperties: false });
  });
});

describe('an editor add-on’s web app', () => {
  const post = (gas: GasEmulator) => {
    const reply = gas.webApp.handle({ method: 'POST', url: 'https://script.google.com/macros/s/X/exec', headers: {}, body: '{}' });
    return JSON.parse(gas.webApp.handle({ method: 'GET', url: String(reply.headers.location), headers: {}, body: '' }).body);
  };

  it('runs as the developer who deployed it, with no document, sharing the script properties and cache of every user', () => {
    const gas = emulator({ installationSource: 'WEB_STORE_ADD_ON', webApp: { url: 'https://script.google.com/macros/s/X/exec', access: 'ANYONE_ANONYMOUS' } });
    gas.as('bob@example.com').run('shareScriptWide', 'from bob');
    expect(post(gas)).toEqual({ runsAs: 'ana@example.com', noSpreadsheet: true, noDocumentProperties: true, scriptProperty: 'from bob' });
    expect(gas.as('bob@example.com').run('scriptCached').returnValue).toBe('yes');
  });

  it('keeps the document of a bound script’s web app', () => {
    const gas = emulator({ webApp: { url: 'https://script.google.com/macros/s/X/exec', access: 'ANYONE_ANONYMOUS' } });
    expect(post(gas)).toMatchObject({ noSpreadsheet: false, noDocumentProperties: false });
  });
});

describe('documents of an add-on’s users', () => {
  it('give each added spreadsheet its own document properties, and count every cache call', () => {
    const gas = emulator({ installationSource: 'WEB_STORE_ADD_ON' });
    const other = new SpreadsheetModel({ id: 'ss-2', name: 'Other' });
    other.addSheet('Leads', [['status']]);
    gas.addDocument(other).properties.set('shared', 'theirs');
    gas.documentProperties.set('shared', 'ours');
    expect(gas.as('bob@example.com', other).run('whereAmI').returnValue).toEqual(['ss-2', 'theirs']);
    expect(gas.as('bob@example.com').run('whereAmI').returnValue).toEqual(['ss-1', 'ours']);
    expect(() => gas.as('bob@example.com', new SpreadsheetModel()).run('whereAmI')).toThrow('addDocument');
    expect(gas.run('scriptCached').counters.cacheCalls).toBe(1);
  });
});
