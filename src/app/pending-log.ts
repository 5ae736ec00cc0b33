// Sync Log lines of partial runs wait in a property and are written by the next full run, so that an edit or a
// webhook delivery stays within its Sheets-call budget.
import type { TimedLogLine } from '../adapters/sheet-sync-log';
import type { Services } from '../adapters/gas-services';
import { STATE_KEYS } from '../core/settings';

// A property value holds at most 9 KB (bytes of UTF-8, not characters); past this the oldest lines give way (other
// lines before conflicts), and their number is kept so that the full run says what was lost.
const MAX_PENDING_BYTES = 8000;

/** Lines that had to be dropped, and when the first of them happened. */
interface Dropped {
  count: number;
  since: number;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function parsed<T>(text: string | undefined, fallback: T, valid: (value: unknown) => boolean): T {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return valid(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

function waitingLines(entries: Record<string, string>): TimedLogLine[] {
  return parsed<TimedLogLine[]>(entries[STATE_KEYS.pendingLog], [], Array.isArray);
}

function droppedLines(entries: Record<string, string>): Dropped {
  return parsed<Dropped>(entries[STATE_KEYS.droppedLogLines], { count: 0, since: 0 }, (value) => typeof (value as Dropped | null)?.count === 'number');
}

/**
 * The lines waiting for the Sync Log, after a line counting those that had to be dropped; the full run that writes
 * them calls `forgetPendingLog` afterwards.
 */
export function pendingLog(entries: Record<string, string>): TimedLogLine[] {
  const dropped = droppedLines(entries);
  const trace: TimedLogLine[] = dropped.count
    ? [{ direction: 'info', leadId: '', at: dropped.since, message: `${dropped.count} earlier Sync Log line(s) of edits and webhook deliveries could not be kept (their queue was full); the changes themselves were synced.` }]
    : [];
  return [...trace, ...waitingLines(entries)];
}

/** Removes and answers the oldest line, other lines before conflicts. */
function dropOne(lines: TimedLogLine[]): TimedLogLine {
  const index = lines.findIndex((line) => line.direction !== 'conflict');
  return lines.splice(index === -1 ? 0 : index, 1)[0];
}

/**
 * Adds lines to the waiting ones (under the script lock, so no other run writes them meanwhile). Losing log lines
 * must not fail a run whose changes are already made, so a refused write is only reported.
 */
export function queueLog(services: Services, entries: Record<string, string>, lines: TimedLogLine[]): void {
  if (lines.length === 0) return;
  const all = [...waitingLines(entries), ...lines];
  const dropped = droppedLines(entries);
  let text = JSON.stringify(all);
  while (utf8Bytes(text) > MAX_PENDING_BYTES && all.length > 0) {
    const gone = dropOne(all);
    if (dropped.count === 0) dropped.since = gone.at;
    dropped.count++;
    text = JSON.stringify(all);
  }
  try {
    const updates: Record<string, string> = { [STATE_KEYS.pendingLog]: text };
    if (dropped.count) updates[STATE_KEYS.droppedLogLines] = JSON.stringify(dropped);
    services.store.set(updates);
  } catch (error) {
    services.log.error(`Sync Log lines were dropped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Drops the waiting lines once a full run has written them. */
export function forgetPendingLog(services: Services, entries: Record<string, string>): void {
  services.store.delete([STATE_KEYS.pendingLog, STATE_KEYS.droppedLogLines].filter((key) => entries[key] !== undefined));
}
