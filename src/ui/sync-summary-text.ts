// Words for a sync run's summary, shared by the status panel and the "Sync now" result.
import type { SyncSummary } from '../app/sidebar-types';

/** One line: the run's own message, and its errors when there are any. */
export function summaryText(summary: SyncSummary): string {
  const errors = summary.errors.length > 0 ? ` Errors: ${summary.errors.join('; ')}` : '';
  return `${summary.message}${errors}`;
}

/** The run's time in the viewer's own time zone. */
export function summaryTime(summary: SyncSummary): string {
  const at = new Date(summary.at);
  return Number.isNaN(at.getTime()) ? summary.at : at.toLocaleString();
}
