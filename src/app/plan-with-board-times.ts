// Plans a run, first reading the board's change time of conflicts that would otherwise be settled without it.
import type { TrelloClient } from '../adapters/trello-client';
import type { FieldReads } from '../core/field-mapping';
import { planSync, type PlanInput, type SyncPlan } from '../core/sync-plan';
import { readCards } from './board-reader';

/** A plan, and the cards whose change times could not be read for it (their leads wait for a later run). */
export interface TimedPlan {
  plan: SyncPlan;
  unread: string[];
}

/**
 * Plans the run. A conflict the sheet won only because the board's change time was not read — the step that made the
 * change was deferred past the actions cursor, or the card was read without its actions — gets the card's own actions
 * read (only those cards, in batched requests; none in a run without such a conflict) and is planned again. A card that
 * cannot be read even then has its step left out: its lead is settled by a later run, never without the board's time.
 */
export function planWithBoardTimes(trello: TrelloClient, boardId: string, readWithActions: ReadonlySet<string>, input: PlanInput, reads?: FieldReads): TimedPlan {
  const first = planSync(input);
  const untimed = first.untimedConflictCards.filter((cardId) => !readWithActions.has(cardId));
  if (untimed.length === 0) return { plan: first, unread: [] };
  const reread = readCards(trello, boardId, untimed, reads);
  const changeTimes = new Map([...input.board.changeTimes, ...reread.changeTimes]);
  const plan = planSync({ ...input, board: { ...input.board, changeTimes } });
  const unread = new Set(reread.unread);
  return { plan: { ...plan, steps: plan.steps.filter((step) => !unread.has(step.nextBase.cardId)) }, unread: reread.unread };
}
