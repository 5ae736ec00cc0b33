// "Set up triggers": the edit and time-driven triggers, and the status dropdown on the lead tab.
import type { Services } from '../adapters/gas-services';
import { indexColumns } from '../core/lead-table';
import { errorMessage } from './error-message';
import { secretsOf, settingsFrom } from '../core/settings';
import type { ActionResult } from './sidebar-types';

/** Switches the sync triggers off (the sheet and board are left as they are; "Sync now" still works). */
export function tearDown(services: Services): ActionResult {
  const removed = services.triggers.remove();
  return {
    ok: true,
    message: removed > 0 ? 'Triggers off: edits and board changes wait for "Sync now" until triggers are set up again.' : 'No triggers were set up.',
  };
}

/** Installs the triggers (never twice) and puts a dropdown of the mapped statuses on the status column. */
export function setUp(services: Services): ActionResult {
  const settings = settingsFrom(services.store.getAll());
  try {
    const spreadsheet = services.spreadsheet(settings);
    const report = services.triggers.install(spreadsheet);
    const triggers = `Triggers ready: edits sync at once, and a full sync runs ${report.every}.`;
    const store = services.leadStore(spreadsheet, settings.sheetName);
    const columns = indexColumns(settings.sheetName, store.readHeader());
    store.setStatusDropdown(columns.status, settings.mapping.map(([status]) => status));
    return { ok: true, message: `${triggers} The status column has a dropdown of the statuses.` };
  } catch (error) {
    return { ok: false, message: errorMessage(error, secretsOf(settings)) };
  }
}
