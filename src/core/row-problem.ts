// A row that cannot be synced as it stands, and the visible flag that says why.
import type { CardFate } from './base-record';
import type { LeadColumn } from './lead';

/** Why a row is skipped or marked; shown as a note on the offending cell and a Sync Log line. */
export interface RowProblem {
  /** 1-based sheet row. */
  row: number;
  /** The cell that carries the note. */
  column: LeadColumn;
  /** The lead id of the row, when it has one. */
  leadId: string;
  message: string;
}

/** The prefix that marks a note as the add-on's own: it never touches notes without it. */
export const FLAG_PREFIX = '⚠ Trello Sync: ';

/** True when a cell note was written by the add-on. */
export function isFlagNote(note: string): boolean {
  return note.startsWith(FLAG_PREFIX);
}

/** The note text for a problem. */
export function flagNote(problem: RowProblem): string {
  return FLAG_PREFIX + problem.message;
}

const FATE_WORDS: Record<CardFate, string> = {
  archived: 'was archived on Trello',
  deleted: 'was deleted from Trello',
  moved: 'was moved to another board',
};

/** The flag of a row whose card is no longer an open card of the board. */
export function cardGoneMessage(fate: CardFate): string {
  return `The card ${FATE_WORDS[fate]}; this row is no longer synced. Clear trello_card_id to create a new card.`;
}

/**
 * True for a refusal of the token itself (401/403), which earlier versions recorded against the row: such a row is not
 * blocked, it syncs as soon as a good token is saved.
 */
export function refusedTheToken(answer: string): boolean {
  return /^40[13]\b/.test(answer);
}

/** What became of a card, in words ("was archived on Trello"). */
export function cardFateWords(fate: CardFate): string {
  return FATE_WORDS[fate];
}

/** The flag of a row whose last change Trello refused (4xx): it waits for the row to change. */
export function refusedChangeMessage(trelloAnswer: string): string {
  return `Trello refused the last change: ${trelloAnswer}. Edit the row to try again.`;
}
