// Wires the Apps Script services into the adapters, once, for every entry point.
import { SETTING_KEYS, type Settings } from '../core/settings';
import type { Clock, DiagnosticLog, KeyValueStore, RunLock, ShortCache, TriggerSetup } from '../app/ports';
import { GasCache } from './gas-cache';
import { GasClock } from './gas-clock';
import { GasDiagnosticLog } from './gas-diagnostic-log';
import { GasLock } from './gas-lock';
import { GasPropertyStore } from './gas-property-store';
import { GasTriggers } from './gas-triggers';
import { SheetBaseStore } from './sheet-base-store';
import { SheetLeadStore } from './sheet-lead-store';
import { SheetSyncLog } from './sheet-sync-log';
import { SheetsApi } from './sheets-api';
import { TrelloClient, type TrelloCredentials } from './trello-client';

/** Raised when the spreadsheet or the lead tab cannot be found. */
export class SheetNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetNotFoundError';
  }
}

/** Everything the use cases reach the platform through. */
export interface Services {
  /** Settings and state: Script Properties in a bound script, Document Properties when installed as an add-on. */
  store: KeyValueStore;
  lock: RunLock;
  cache: ShortCache;
  clock: Clock;
  log: DiagnosticLog;
  triggers: TriggerSetup;
  /** True when running as an installed editor add-on. */
  isAddOn: boolean;
  spreadsheet(settings: Settings): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The id of the spreadsheet this execution was opened from, or null (triggers of standalone scripts, web apps). */
  activeSpreadsheetId(): string | null;
  leadStore(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string): SheetLeadStore;
  baseStore(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetBaseStore;
  syncLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetSyncLog;
  /** The Sheets API for `spreadsheet`; quota answers are waited out until `deadline` (epoch ms). */
  sheetsApi(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, deadline: number): SheetsApi;
  trello(credentials: TrelloCredentials, deadline: number): TrelloClient;
  /** The deployed web app URL, or null when the script is not deployed as one. */
  webAppUrl(): string | null;
  newSecret(): string;
}

function isInstalledAddOn(): boolean {
  return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
}

/** Builds the services of one execution. */
export function gasServices(): Services {
  const isAddOn = isInstalledAddOn();
  // An add-on's Script Properties are shared by every user: one user's token must never reach another's sheet.
  const properties = isAddOn ? PropertiesService.getDocumentProperties() : PropertiesService.getScriptProperties();
  const store = new GasPropertyStore(properties);
  const clock = new GasClock();
  const cache = new GasCache(isAddOn ? CacheService.getDocumentCache() ?? CacheService.getScriptCache() : CacheService.getScriptCache());
  return {
    store,
    lock: new GasLock(isAddOn ? LockService.getDocumentLock() : LockService.getScriptLock()),
    cache,
    clock,
    log: new GasDiagnosticLog(),
    triggers: new GasTriggers(isAddOn, store),
    isAddOn,
    spreadsheet(settings) {
      const active = SpreadsheetApp.getActiveSpreadsheet();
      if (active) return active;
      if (!settings.spreadsheetId) {
        throw new SheetNotFoundError(`No spreadsheet is open here: set ${SETTING_KEYS.spreadsheetId} to the id of the lead spreadsheet.`);
      }
      return SpreadsheetApp.openById(settings.spreadsheetId);
    },
    activeSpreadsheetId: () => SpreadsheetApp.getActiveSpreadsheet()?.getId() ?? null,
    leadStore(spreadsheet, sheetName) {
      const sheet = spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new SheetNotFoundError(`The spreadsheet has no tab named "${sheetName}". Rename the lead tab or set ${SETTING_KEYS.sheetName}.`);
      return new SheetLeadStore(sheet);
    },
    baseStore: (spreadsheet) => new SheetBaseStore(spreadsheet),
    syncLog: (spreadsheet) => {
      // One call for the zone, not one per line: each Spreadsheet call is a round trip.
      let timeZone: string | undefined;
      return new SheetSyncLog(spreadsheet, (at) => Utilities.formatDate(new Date(at), (timeZone ??= spreadsheet.getSpreadsheetTimeZone()), 'yyyy-MM-dd HH:mm:ss'));
    },
    sheetsApi: (spreadsheet, deadline) => new SheetsApi(spreadsheet.getId(), clock, deadline),
    trello: (credentials, deadline) => new TrelloClient(UrlFetchApp, credentials, clock, deadline, cache),
    webAppUrl: () => ScriptApp.getService().getUrl() || null,
    newSecret: () => (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, ''),
  };
}
