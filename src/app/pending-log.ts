// Sync Log lines of partial runs wait in a property and are written by the next full run, so that an edit or a
// webhook delivery stays within its Sheets-call budget.
import type { TimedLogLine } from '../adapters/sheet-sync-log';
import type { Services } from '../adapters/gas-services';
import { STATE_KEYS } from '../core/settings';

// A property value holds at most 9 KB (bytes of UTF-8, not characters); the oldest lines give way.
const MAX_PENDING_BYTES = 8000;

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The lines waiting for the Sync Log; the full run that writes them calls `forgetPendingLog` afterwards. */
export function pendingLog(entries: Record<string, string>): TimedLogLine[] {
  try {
    const parsed: unknown = JSON.parse(entries[STATE_KEYS.pendingLog] ?? '[]');
    return Array.isArray(parsed) ? (parsed as TimedLogLine[]) : [];
  } catch {
    return [];
  }
}

/**
 * Adds lines to the waiting ones (under the script lock, so no other run writes them meanwhile). Losing log lines
 * must not fail a run whose changes are already made, so a refused write is only reported.
 */
export function queueLog(services: Services, entries: Record<string, string>, lines: TimedLogLine[]): void {
  if (lines.length === 0) return;
  const all = [...pendingLog(entries), ...lines];
  let text = JSON.stringify(all);
  while (utf8Bytes(text) > MAX_PENDING_BYTES && all.length > 0) {
    all.shift();
    text = JSON.stringify(all);
  }
  try {
    services.store.set({ [STATE_KEYS.pendingLog]: text });
  } catch (error) {
    services.log.error(`Sync Log lines were dropped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Drops the waiting lines once a full run has written them. */
export function forgetPendingLog(services: Services, entries: Record<string, string>): void {
  if (entries[STATE_KEYS.pendingLog] !== undefined) services.store.delete([STATE_KEYS.pendingLog]);
}
