// The global objects one execution's script sees: the Apps Script services (and nothing from Node).
import type { SyncTransport } from '../http';
import { advancedServiceGlobals, type AdvancedServiceEntry } from './advanced-services';
import { createCacheService, type CacheStores } from './cache-service';
import { createContentService } from './content-service';
import type { Execution } from './execution';
import { createHtmlService } from './html-service';
import { createLockService, type LockStates } from './lock-service';
import { createConsole, createLogger } from './logger';
import { createPropertiesService, type PropertyStores } from './properties-service';
import { createScriptApp, type ScriptAppSetup } from './script-app';
import { createSession, type SessionIdentity } from './session';
import type { SpreadsheetModel, SpreadsheetServiceHandle } from './spreadsheet';
import { createUrlFetchApp } from './url-fetch-app';
import { createUtilities } from './utilities';

/** Everything the services of one execution reach; document-scoped stores are null where there is no document. */
export interface ScriptWorld {
  spreadsheet: SpreadsheetServiceHandle;
  properties: PropertyStores;
  caches: CacheStores;
  locks: LockStates;
  scriptApp: ScriptAppSetup;
  session: SessionIdentity;
  html: Readonly<Record<string, string>>;
  transport: SyncTransport;
  /** The advanced services the manifest enables. */
  advancedServices: readonly AdvancedServiceEntry[];
  /** The spreadsheets the advanced Sheets service reaches by id (whether or not the execution has a document). */
  spreadsheets: readonly SpreadsheetModel[];
}

/** The GAS globals for `env`. */
export function scriptGlobals(env: Execution, world: ScriptWorld): Record<string, unknown> {
  return {
    SpreadsheetApp: world.spreadsheet.app,
    UrlFetchApp: createUrlFetchApp(env, world.transport, world.scriptApp.scriptId),
    PropertiesService: createPropertiesService(env, world.properties),
    LockService: createLockService(env, world.locks),
    CacheService: createCacheService(env, world.caches),
    ScriptApp: createScriptApp(env, world.scriptApp),
    HtmlService: createHtmlService(env, world.html),
    ContentService: createContentService(env),
    Utilities: createUtilities(env),
    Session: createSession(env, world.session),
    Logger: createLogger(env),
    console: createConsole(env),
    ...advancedServiceGlobals(env, world.advancedServices, world.spreadsheets),
  };
}
