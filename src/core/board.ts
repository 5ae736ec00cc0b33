// The Trello side as the plan sees it: open cards, mapped lists, and when each card last changed.
import type { CardFate } from './base-record';

/** An open card of the board. */
export interface BoardCard {
  id: string;
  name: string;
  desc: string;
  idList: string;
  /** Trello's short link, used for the id of a lead imported from the board. */
  shortLink: string;
}

/** When a card's list and name last changed on the board (epoch ms), from board actions; unknown lets the sheet win. */
export interface CardChangeTimes {
  list?: number;
  name?: number;
}

/** What the run knows of the board. */
export interface BoardView {
  /** Open cards, by id. */
  cards: ReadonlyMap<string, BoardCard>;
  /** True when `cards` holds every open card of the board (a full pull), false when only some were read. */
  complete: boolean;
  /** Linked cards that were looked up and are not open on the board. */
  fates: ReadonlyMap<string, CardFate>;
  /** Change times by card id. */
  changeTimes: ReadonlyMap<string, CardChangeTimes>;
}

/** The board lists that the status mapping uses, resolved to ids. */
export interface MappedLists {
  idByName: ReadonlyMap<string, string>;
  nameById: ReadonlyMap<string, string>;
}

/** Builds the two-way list lookup from list name → id pairs. */
export function mappedLists(idByName: ReadonlyMap<string, string>): MappedLists {
  return { idByName, nameById: new Map(Array.from(idByName, ([name, id]) => [id, name])) };
}
