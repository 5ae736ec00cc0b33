// Advanced services: a script has one only where its manifest (appsscript.json) enables it, under the global name
// (userSymbol) the manifest gives. The emulator provides the Sheets API v4; other enabled services stay undefined.
import type { Execution } from './execution';
import { createSheetsService } from './sheets-api/sheets-service';
import type { SpreadsheetModel } from './spreadsheet/spreadsheet-model';

/** One entry of `dependencies.enabledAdvancedServices`. */
export interface AdvancedServiceEntry {
  userSymbol: string;
  serviceId: string;
  version: string;
}

function isEntry(value: unknown): value is AdvancedServiceEntry {
  const entry = value as Partial<Record<keyof AdvancedServiceEntry, unknown>> | null;
  return typeof entry?.userSymbol === 'string' && typeof entry.serviceId === 'string' && typeof entry.version === 'string';
}

/** The advanced services `manifest` enables (none for a missing or malformed manifest). */
export function enabledAdvancedServices(manifest: unknown): AdvancedServiceEntry[] {
  const dependencies = (manifest as { dependencies?: { enabledAdvancedServices?: unknown } } | null | undefined)?.dependencies;
  const entries = dependencies?.enabledAdvancedServices;
  return Array.isArray(entries) ? entries.filter(isEntry) : [];
}

/** The globals of the enabled services the emulator provides, by userSymbol; `books` are the spreadsheets reachable by id. */
export function advancedServiceGlobals(env: Execution, entries: readonly AdvancedServiceEntry[], books: readonly SpreadsheetModel[]): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  for (const entry of entries) {
    if (entry.serviceId === 'sheets' && entry.version === 'v4') globals[entry.userSymbol] = createSheetsService(env, books);
  }
  return globals;
}
