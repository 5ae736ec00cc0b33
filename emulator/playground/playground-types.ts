// JSON shapes exchanged between the playground's page and its server.
import type { WebAppAccess } from '../gas';

/** One cell as the grid shows it: its displayed text and its note, if any. */
export interface SheetCell {
  text: string;
  note?: string;
  /** True for the add-on's own flag notes (a row it skipped), false for a person's note. */
  flagged?: boolean;
}

/** One visible tab of the spreadsheet, from A1 to its last row and column with content. */
export interface SheetView {
  name: string;
  cells: SheetCell[][];
}

/** The Trello board: its open lists in order and their open cards. */
export interface BoardView {
  name: string;
  lists: { id: string; name: string }[];
  cards: { id: string; name: string; idList: string }[];
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
}

/** A person's edit of one cell. */
export interface EditRequest {
  sheet: string;
  row: number;
  column: number;
  value: string;
}

/** A person's change on the board, as the Trello emulator's `/_emulator/person` takes it (the member is added by the server). */
export type BoardChange =
  | { op: 'moveCard'; cardId: string; listId: string }
  | { op: 'renameCard'; cardId: string; name: string }
  | { op: 'archiveCard'; cardId: string }
  | { op: 'createCard'; listId: string; name: string };

/** A google.script.run call from the sidebar. */
export interface RpcRequest {
  name: string;
  args: unknown[];
}
