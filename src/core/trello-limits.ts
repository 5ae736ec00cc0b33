// What Trello accepts in a card, checked before sending so that a row is flagged in words instead of refused.
import { groupedNumber } from './quote';

/** Trello keeps a card's name and its description to at most this many characters. */
export const TRELLO_TEXT_LIMIT = 16_384;

/** A Trello object id: 24 hexadecimal digits (what Trello's own ids look like). */
const TRELLO_ID = /^[0-9a-f]{24}$/;

/** True when `text` has the shape of a Trello card id, and so can go into a request path on its own. */
export function isTrelloId(text: string): boolean {
  return TRELLO_ID.test(text);
}

/** The flag of a card field longer than Trello takes, or undefined when it fits. */
export function tooLongForTrello(field: 'name' | 'description', text: string): string | undefined {
  if (text.length <= TRELLO_TEXT_LIMIT) return undefined;
  return `The card ${field} is too long for Trello: ${groupedNumber(text.length)} characters, at most ${groupedNumber(TRELLO_TEXT_LIMIT)}. Shorten the row to sync it.`;
}
