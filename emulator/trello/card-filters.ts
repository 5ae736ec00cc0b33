// Trello's card filters (`/boards/{id}/cards/{filter}`, nested `cards=`): which cards of a board each one shows.
import type { CardRecord, TrelloStore } from './trello-store';

/** The filters Trello accepts for cards. */
export const CARD_FILTERS = ['all', 'closed', 'none', 'open', 'visible'] as const;

/** One of {@link CARD_FILTERS}. */
export type CardFilter = (typeof CARD_FILTERS)[number];

/** Cards of a board that `filter` keeps: `open` includes cards of archived lists, `visible` does not. */
export function filterCards(store: TrelloStore, cards: CardRecord[], filter: CardFilter): CardRecord[] {
  switch (filter) {
    case 'all':
      return cards;
    case 'none':
      return [];
    case 'closed':
      return cards.filter((c) => c.closed);
    case 'open':
      return cards.filter((c) => !c.closed);
    case 'visible':
      return cards.filter((c) => !c.closed && !store.listById(c.idList).closed);
  }
}
