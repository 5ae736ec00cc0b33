// Sync Log lines of partial runs wait in a property and are written by the next full run, so that an edit or a
// webhook delivery stays within its Sheets-call budget.
import type { TimedLogLine, SheetSyncLog } from '../adapters/sheet-sync-log';
import type { Services } from '../adapters/gas-services';
import { STATE_KEYS } from './settings';

// A property value holds at most 9 KB; the oldest lines give way.
const MAX_PENDING_CHARS = 8000;

function pendingLines(entries: Record<string, string>): TimedLogLine[] {
  try {
    const parsed: unknown = JSON.parse(entries[STATE_KEYS.pendingLog] ?? '[]');
    return Array.isArray(parsed) ? (parsed as TimedLogLine[]) : [];
  } catch {
    return [];
  }
}

/** Adds lines to the waiting ones (under the script lock, so no other run writes them meanwhile). */
export function queueLog(services: Services, entries: Record<string, string>, lines: TimedLogLine[]): void {
  if (lines.length === 0) return;
  const all = [...pendingLines(entries), ...lines];
  let text = JSON.stringify(all);
  while (text.length > MAX_PENDING_CHARS && all.length > 1) {
    all.shift();
    text = JSON.stringify(all);
  }
  services.store.set({ [STATE_KEYS.pendingLog]: text });
}

/** Writes the waiting lines and `lines` to the Sync Log in one call. */
export function flushLog(services: Services, entries: Record<string, string>, log: SheetSyncLog, lines: TimedLogLine[]): void {
  const pending = pendingLines(entries);
  log.append([...pending, ...lines]);
  if (pending.length > 0) services.store.delete([STATE_KEYS.pendingLog]);
}
