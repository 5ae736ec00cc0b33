// Turns emulator state into the JSON the page shows: sheet tabs, the board, executions with their costs.
import type { ExecutionResult, SheetModel } from '../gas';
import type { DataValidationModel } from '../gas/spreadsheet';
import type { TrelloBoardMember, TrelloCard, TrelloLabel, TrelloList } from '../trello';
import { isFlagNote } from '../../src/core/row-problem';
import type { BoardView, ExecutionView, SheetCell, SheetView } from './playground-types';

/** The dropdown a cell's rule shows, if it shows one. */
function dropdown(rule: DataValidationModel | null): Pick<SheetCell, 'choices' | 'strict'> {
  return rule?.criteria === 'VALUE_IN_LIST' && rule.showDropdown ? { choices: [...rule.values], strict: !rule.allowInvalid } : {};
}

/**
 * A tab from A1 to its last row and column with content, as displayed, with notes and dropdowns; `extraRows` empty
 * rows below (where a person adds a lead) come with their dropdowns too.
 */
export function sheetView(sheet: SheetModel, extraRows = 0): SheetView {
  const columns = sheet.lastColumn();
  const rows = Math.min(sheet.lastRow() + extraRows, sheet.maxRows);
  if (rows === 0 || columns === 0) return { name: sheet.name, cells: [] };
  const notes = sheet.read('notes', 1, 1, rows, columns);
  const rules = sheet.read('rules', 1, 1, rows, columns);
  const cells = sheet.readDisplay(1, 1, rows, columns).map((line, r) =>
    line.map((text, c): SheetCell => {
      const note = notes[r][c];
      return { text, ...(note ? { note, flagged: isFlagNote(note) } : {}), ...dropdown(rules[r][c]) };
    }),
  );
  return { name: sheet.name, cells };
}

/** What the Trello emulator's `/_emulator/state` returns for a board. */
export interface BoardState {
  lists: TrelloList[];
  cards: TrelloCard[];
  labels: TrelloLabel[];
  members: TrelloBoardMember[];
}

/** The board's open lists in board order, each with its open cards in list order, and its labels and members. */
export function boardView(name: string, board: BoardState): BoardView {
  const byPos = <T extends { pos: number }>(a: T, b: T) => a.pos - b.pos;
  return {
    name,
    lists: board.lists.filter((list) => !list.closed).sort(byPos).map((list) => ({ id: list.id, name: list.name })),
    cards: board.cards
      .filter((card) => !card.closed)
      .sort(byPos)
      .map((card) => ({ id: card.id, name: card.name, idList: card.idList, idLabels: card.idLabels, idMembers: card.idMembers, due: card.due, dueComplete: card.dueComplete })),
    labels: board.labels.map((label) => ({ id: label.id, name: label.name, color: label.color })),
    members: board.members.map((member) => ({ id: member.id, username: member.username, fullName: member.fullName })),
  };
}

/** One execution and its calls; every UrlFetch of the bundle goes to Trello. */
export function executionView(result: ExecutionResult): ExecutionView {
  return {
    functionName: result.functionName,
    startedAt: result.startedAt,
    durationMs: result.endedAt - result.startedAt,
    sheetsDataCalls: result.counters.sheetsDataCalls,
    spreadsheetCalls: result.counters.spreadsheetCalls,
    trelloRequests: result.counters.urlFetchRequests,
    ...(result.error === undefined ? {} : { error: result.error }),
  };
}
