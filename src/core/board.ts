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
  /** The fields below are read only when FIELD_MAPPING maps them. Due date (ISO), or null. */
  due?: string | null;
  dueComplete?: boolean;
  idLabels?: string[];
  idMembers?: string[];
  customFieldItems?: CustomFieldItem[];
}

/** A card's value of one custom field, as Trello answers it. */
export interface CustomFieldItem {
  idCustomField: string;
  value?: { text?: string; number?: string; date?: string; checked?: string } | null;
  /** The chosen option of a list (dropdown) field. */
  idValue?: string | null;
}

/** A label of the board. */
export interface BoardLabel {
  id: string;
  name: string;
  color: string | null;
}

/** A member of the board (Trello shows an e-mail only where the member lets it be seen). */
export interface BoardMember {
  id: string;
  username: string;
  email?: string | null;
}

/** The type of a Trello custom field. */
export type CustomFieldType = 'text' | 'number' | 'date' | 'checkbox' | 'list';

/** A custom field defined on the board. */
export interface CustomFieldDefinition {
  id: string;
  name: string;
  type: CustomFieldType;
  /** The options of a list (dropdown) field. */
  options?: { id: string; value: { text: string } }[];
}

/** What the board offers to mapped fields: its labels, members and custom field definitions. */
export interface BoardFields {
  labels: BoardLabel[];
  members: BoardMember[];
  customFields: CustomFieldDefinition[];
}

/** When a card's list and name last changed on the board (epoch ms), from board actions; unknown lets the sheet win. */
export interface CardChangeTimes {
  list?: number;
  name?: number;
  /** Other mapped fields, by field key (`due`, `labels`, `desc`, `custom:<name>`, …). */
  fields?: Record<string, number>;
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
  /** The board's labels, members and custom fields; read only when FIELD_MAPPING maps such a field. */
  fields?: BoardFields;
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
