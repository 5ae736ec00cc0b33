// A row that cannot be synced as it stands, and the visible flag that says why.
import type { CardFate } from './base-record';
import { longestOf, type Lead, type LeadColumn } from './lead';

/** Why a row is skipped or marked; shown as a note on the offending cell and a Sync Log line. */
export interface RowProblem {
  /** 1-based sheet row. */
  row: number;
  /** The cell that carries the note: a lead column, or the key (lower-case header) of a column FIELD_MAPPING maps. */
  column: string;
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

/**
 * The cell a refusal is about, by the card field Trello named, and what it means in the sheet's words. A Map, as the
 * field is a word of Trello's answer: `constructor` or `__proto__` finds nothing.
 */
const REFUSED_FIELDS = new Map<string, (lead: Pick<Lead, 'email' | 'source'>) => { column: LeadColumn; what: string }>([
  ['name', () => ({ column: 'name', what: "Trello did not accept this name for the card. Change the name" })],
  ['idlist', () => ({ column: 'status', what: "Trello did not accept the move to this status's list. Check the status and the list on the board" })],
  [
    'desc',
    (lead) => ({
      column: longestOf(lead, ['email', 'source']),
      what: "Trello did not accept the card's description: the email and source with the text already on the card are more than a card holds. Shorten this cell or the text on the card",
    }),
  ],
]);

/**
 * The flag of a row whose last change Trello refused (4xx), on the cell the refusal is about: it waits for the row to
 * change. Trello's own answer is quoted last, for whoever looks further.
 */
export function refusedChange(trelloAnswer: string, lead: Pick<Lead, 'email' | 'source'>): { column: LeadColumn; message: string } {
  // Stryker disable next-line StringLiteral: any fallback that names no refused field gives the default flag
  const field = /invalid value for (\w+)/i.exec(trelloAnswer)?.[1]?.toLowerCase() ?? '';
  const about = REFUSED_FIELDS.get(field)?.(lead) ?? { column: 'trello_card_id', what: 'Trello refused the last change to the card. Change the row' };
  return { column: about.column, message: `${about.what}, then the row syncs again. (Trello answered: ${trelloAnswer}.)` };
}
