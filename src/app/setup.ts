// "Set up triggers": the edit and time-driven triggers (one pair per sheet, in one editor's account), the add-on's
// copy of the settings for hourly runs without a document, and the status dropdown on the lead tab.
import type { Services } from '../adapters/gas-services';
import { indexColumns } from '../core/lead-table';
import { errorMessage } from './error-message';
import { secretsOf, settingsFrom } from '../core/settings';
import type { ActionResult } from './sidebar-types';

/** Why another editor cannot change what the triggers of `owner` do. */
export function ownedElsewhere(owner: string): string {
  return `The triggers of this sheet are set up by ${owner} and run under that account`;
}

/** Switches the sync triggers off (the sheet and board are left as they are; "Sync now" still works). */
export function tearDown(services: Services): ActionResult {
  const { removed, remainingOwner } = services.triggers.remove();
  if (remainingOwner) {
    const strays = removed > 0 ? ` (${removed} extra trigger(s) of your own were removed)` : '';
    return { ok: false, message: `${ownedElsewhere(remainingOwner)}: only ${remainingOwner} can turn them off${strays}.` };
  }
  const spreadsheetId = services.activeSpreadsheetId();
  if (services.documentCopy && spreadsheetId) services.documentCopy.forget(spreadsheetId);
  return {
    ok: true,
    message: removed > 0 ? 'Triggers off: edits and board changes wait for "Sync now" until triggers are set up again.' : 'No triggers were set up.',
  };
}

/** Installs the triggers (never twice, never a second pair) and puts a dropdown of the mapped statuses on the status column. */
export function setUp(services: Services): ActionResult {
  const entries = services.store.getAll();
  const settings = settingsFrom(entries);
  try {
    const spreadsheet = services.spreadsheet(settings);
    const report = services.triggers.install(spreadsheet);
    if (report.mine && services.documentCopy) services.documentCopy.keep(spreadsheet.getId(), entries, report.scheduleId);
    const triggers = report.mine
      ? `Triggers ready: edits sync at once, and a full sync runs ${report.every}.`
      : `Triggers already set up by ${report.owner} (they run under that account): edits sync at once, and a full sync runs ${report.every}.`;
    const store = services.leadStore(spreadsheet, settings.sheetName);
    const columns = indexColumns(settings.sheetName, store.readHeader());
    store.setStatusDropdown(columns.status, settings.mapping.map(([status]) => status));
    return { ok: true, message: `${triggers} The status column has a dropdown of the statuses.` };
  } catch (error) {
    return { ok: false, message: errorMessage(error, secretsOf(settings)) };
  }
}
