// JSON shapes exchanged between the playground's page and its server.
import type { RowChange, WebAppAccess } from '../gas';

/** One cell as the grid shows it: its displayed text and its note, if any. */
export interface SheetCell {
  text: string;
  note?: string;
  /** True for the add-on's own flag notes (a row it skipped), false for a person's note. */
  flagged?: boolean;
  /** The choices of the cell's dropdown (a "value in list" data validation rule that shows one). */
  choices?: string[];
  /** True when the rule refuses other values (otherwise another value is kept and marked invalid, as in Sheets). */
  strict?: boolean;
}

/** One visible tab of the spreadsheet, from A1 to its last row and column with content. */
export interface SheetView {
  name: string;
  cells: SheetCell[][];
}

/** A label as the board shows it (color null: a label without colour). */
export interface LabelView {
  id: string;
  name: string;
  color: string | null;
}

/** A board member as the board shows it. */
export interface MemberView {
  id: string;
  username: string;
  fullName: string;
}

/** A card as the board shows it: its name and list, labels, members and due date. */
export interface CardView {
  id: string;
  name: string;
  idList: string;
  /** Label ids, in the card's order (the board's `labels` describe them). */
  idLabels: string[];
  /** Member ids (the board's `members` describe them). */
  idMembers: string[];
  /** ISO date-time, or null. */
  due: string | null;
  dueComplete: boolean;
}

/** The Trello board: its open lists in order and their open cards, with the board's labels and members. */
export interface BoardView {
  name: string;
  lists: { id: string; name: string }[];
  cards: CardView[];
  labels: LabelView[];
  members: MemberView[];
}

/** One execution of the bundle and what it cost (calls are counted, not time). */
export interface ExecutionView {
  functionName: string;
  startedAt: number;
  durationMs: number;
  sheetsDataCalls: number;
  spreadsheetCalls: number;
  trelloRequests: number;
  error?: string;
}

/** Everything the page polls for. */
export interface PlaygroundState {
  sheets: SheetView[];
  board: BoardView;
  /** The latest executions, newest first. */
  executions: ExecutionView[];
  /** How many toasts the bundle has shown so far, and the latest one. */
  toasts: { count: number; latest?: string };
  webAppAccess: WebAppAccess;
  /** First-run mode only: the key and token the (emulated) Trello account page shows, to paste into the sidebar. */
  trelloAccount?: { key: string; token: string };
}

/** A person types into one cell, or pastes a block of cells, starting at (row, column). */
export interface EditRequest {
  sheet: string;
  row: number;
  column: number;
  /** Row by row; one cell is `[[text]]`. */
  values: string[][];
}

/** A person inserts, deletes or sorts rows of a tab. */
export interface RowsRequest {
  sheet: string;
  change: RowChange;
}

/** A menu the add-on's onOpen added to the spreadsheet's menu bar. */
export interface MenuView {
  title: string;
  items: { caption: string; functionName: string }[];
}

/** What a menu item's execution did: its error, and the index of the sidebar it opened, if any. */
export interface MenuResult {
  error?: string;
  sidebar?: number;
}

/** A person's change on the board, as the Trello emulator's `/_emulator/person` takes it (the member is added by the server). */
export type BoardChange =
  | { op: 'moveCard'; cardId: string; listId: string }
  | { op: 'renameCard'; cardId: string; name: string }
  | { op: 'archiveCard'; cardId: string }
  | { op: 'createCard'; listId: string; name: string }
  | { op: 'addLabel' | 'removeLabel'; cardId: string; labelId: string }
  | { op: 'addMember' | 'removeMember'; cardId: string; idMember: string }
  | { op: 'setDue'; cardId: string; due: string | null }
  | { op: 'setDueComplete'; cardId: string; dueComplete: boolean };

/** A google.script.run call from the sidebar. */
export interface RpcRequest {
  name: string;
  args: unknown[];
}
