// Wires the Apps Script services into the adapters, once, for every entry point.
import { SETTING_KEYS, type Settings } from '../core/settings';
import type { Clock, DiagnosticLog, KeyValueStore, RelayBox, RunLock, ShortCache, TriggerSetup } from '../app/ports';
import { DocumentCopy, documentPrefix } from './document-copy';
import { GasCache } from './gas-cache';
import { GasClock } from './gas-clock';
import { GasDiagnosticLog } from './gas-diagnostic-log';
import { GasLock } from './gas-lock';
import { GasPropertyStore } from './gas-property-store';
import { GasRelayBox } from './gas-relay-box';
import { GasTriggers } from './gas-triggers';
import { SheetBaseStore } from './sheet-base-store';
import { spreadsheetZoneOffset } from './gas-time-zone';
import type { ZoneOffset } from '../core/field-values';
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
  /** The add-on user's copies of settings for runs without a document; null in a bound script and in such runs. */
  documentCopy: DocumentCopy | null;
  /** The e-mail of the user the execution runs as. */
  userEmail: string;
  /** Board-change hints an add-on's web app relays to users' executions (shared by every execution of the script). */
  relay: RelayBox;
  spreadsheet(settings: Settings): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The id of the spreadsheet this execution was opened from, or null (triggers of standalone scripts, web apps). */
  activeSpreadsheetId(): string | null;
  leadStore(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string): SheetLeadStore;
  baseStore(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetBaseStore;
  syncLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetSyncLog;
  /** The Sheets API for `spreadsheet`; quota answers are waited out until `deadline` (epoch ms). */
  sheetsApi(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, deadline: number): SheetsApi;
  trello(credentials: TrelloCredentials, deadline: number): TrelloClient;
  /** The offset of `spreadsheet`'s time zone at an instant (for date fields). */
  zoneOffset(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ZoneOffset;
  /** The deployed web app URL, or null when the script is not deployed as one. */
  webAppUrl(): string | null;
  newSecret(): string;
  /** A one-way digest of `text` (SHA-256, base64), to compare secrets without keeping them. */
  digest(text: string): string;
}

/** Applies SpreadsheetApp's buffered writes, so that the Sheets API and the next run holding the lock see them. */
function flushSpreadsheetApp(): void {
  SpreadsheetApp.flush();
}

function isInstalledAddOn(): boolean {
  return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
}

/** Where settings and state live, which lock serializes runs and which cache they share, in this execution. */
interface Storage {
  store: KeyValueStore;
  lock: RunLock;
  cache: ShortCache;
  documentCopy: DocumentCopy | null;
}

/**
 * A bound script keeps everything in its Script Properties, script lock and cache. An add-on's script-wide ones are
 * shared by every user of the add-on (one user's token must never reach another user's sheet), so it uses the
 * document's — and the user lock too, which its runs without a document (an hourly trigger may start so) share with
 * the trigger owner's other runs. Those runs use the owner's copy of the settings, found by the trigger's id.
 */
function storage(isAddOn: boolean, triggerUid: string | undefined): Storage {
  if (!isAddOn) {
    return {
      store: new GasPropertyStore(PropertiesService.getScriptProperties()),
      lock: new GasLock(flushSpreadsheetApp, LockService.getScriptLock()),
      cache: new GasCache(CacheService.getScriptCache()),
      documentCopy: null,
    };
  }
  const copy = new DocumentCopy(PropertiesService.getUserProperties());
  const documentProperties = PropertiesService.getDocumentProperties();
  const documentLock = LockService.getDocumentLock();
  const documentCache = CacheService.getDocumentCache();
  if (documentProperties && documentLock && documentCache) {
    return {
      store: new GasPropertyStore(documentProperties),
      lock: new GasLock(flushSpreadsheetApp, documentLock, LockService.getUserLock()),
      cache: new GasCache(documentCache),
      documentCopy: copy,
    };
  }
  const spreadsheetId = (triggerUid && copy.spreadsheetOf(triggerUid)) || '';
  return {
    store: copy.store(spreadsheetId),
    lock: new GasLock(flushSpreadsheetApp, LockService.getUserLock()),
    cache: new GasCache(CacheService.getUserCache(), documentPrefix(spreadsheetId)),
    documentCopy: null,
  };
}

/** A one-way digest of `text` (SHA-256, base64), to compare and key secrets without keeping them. */
export function sha256Digest(text: string): string {
  return Utilities.base64Encode(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}

/** The relay box over the script's own cache and properties (the add-on's, in an add-on). */
export function relayBox(): RelayBox {
  return new GasRelayBox(CacheService.getScriptCache(), PropertiesService.getScriptProperties());
}

/** Builds the services of one execution; `triggerUid` (a time-driven trigger's event) finds an add-on's document. */
export function gasServices(triggerUid?: string): Services {
  const isAddOn = isInstalledAddOn();
  const { store, lock, cache, documentCopy } = storage(isAddOn, triggerUid);
  const clock = new GasClock();
  const userEmail = Session.getEffectiveUser().getEmail();
  return {
    store,
    lock,
    cache,
    clock,
    log: new GasDiagnosticLog(),
    triggers: new GasTriggers(isAddOn, store, userEmail),
    isAddOn,
    documentCopy,
    userEmail,
    relay: relayBox(),
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
      if (!sheet) throw new SheetNotFoundError(`The spreadsheet has no tab named "${sheetName}". Rename the lead tab, or change the sheet name in the sidebar (Trello Sync → Open sidebar).`);
      return new SheetLeadStore(sheet);
    },
    baseStore: (spreadsheet) => new SheetBaseStore(spreadsheet),
    zoneOffset: spreadsheetZoneOffset,
    syncLog: (spreadsheet) => {
      // One call for the zone, not one per line: each Spreadsheet call is a round trip.
      let timeZone: string | undefined;
      return new SheetSyncLog(spreadsheet, (at) => Utilities.formatDate(new Date(at), (timeZone ??= spreadsheet.getSpreadsheetTimeZone()), 'yyyy-MM-dd HH:mm:ss'));
    },
    sheetsApi: (spreadsheet, deadline) => new SheetsApi(spreadsheet.getId(), flushSpreadsheetApp, clock, deadline, (name) => spreadsheet.getSheetByName(name)?.getSheetId() ?? -1),
    trello: (credentials, deadline) => new TrelloClient(UrlFetchApp, credentials, clock, deadline, cache),
    webAppUrl: () => ScriptApp.getService().getUrl() || null,
    newSecret: () => (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, ''),
    digest: sha256Digest,
  };
}
