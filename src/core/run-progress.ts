// How far a long run has got with its Trello writes, and how the sidebar says it.

/** A running sync's progress, as the run last wrote it (epoch ms times). */
export interface RunProgress {
  /** Trello writes answered so far, and how many the run has to send. */
  done: number;
  total: number;
  /** True when every write creates a card (a first import), so the text can say "cards created". */
  creates: boolean;
  startedAt: number;
  at: number;
  /** When the run stops sending (its time budget): what is left then goes on at the next run. */
  until: number;
}

const count = (value: number) => value.toLocaleString('en-US');

/** Milliseconds the rest will take at the pace so far, or null before the first write is answered. */
export function remainingMs(progress: RunProgress): number | null {
  if (progress.done === 0) return null;
  return ((progress.at - progress.startedAt) / progress.done) * (progress.total - progress.done);
}

/** E.g. "312 of 1,000 cards created — about 70 s left", or "… — the rest goes on at the next run". */
export function progressText(progress: RunProgress): string {
  const head = `${count(progress.done)} of ${count(progress.total)} ${progress.creates ? 'cards created' : 'changes sent to Trello'}`;
  const left = remainingMs(progress);
  if (left === null) return head;
  if (progress.at + left > progress.until) return `${head} — the rest goes on at the next run`;
  return `${head} — about ${count(Math.max(1, Math.round(left / 1000)))} s left`;
}

/** The part done, from 0 to 1 (for a progress bar). */
export function progressShare(progress: RunProgress): number {
  return progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
}
