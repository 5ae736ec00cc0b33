// The sheet's row tools: insert a row above or below the selected cell, delete its row, sort by its column — each a
// person's change of the sheet's rows in the emulator.
import { byId } from '../../../src/ui/dom';
import { columnLetters } from '../../gas/spreadsheet/a1-notation';
import type { RowChange } from '../../gas';
import type { RowsRequest } from '../playground-types';
import type { CellPosition } from './sheet-grid';

/** Each tool's button id and the change it makes at the selected cell. */
const TOOLS: ReadonlyArray<readonly [id: string, change: (cell: CellPosition) => RowChange]> = [
  ['insert-row-above', (cell) => ({ kind: 'insert', beforeRow: cell.row, count: 1 })],
  ['insert-row-below', (cell) => ({ kind: 'insert', beforeRow: cell.row + 1, count: 1 })],
  ['delete-row', (cell) => ({ kind: 'delete', row: cell.row, count: 1 })],
  ['sort-ascending', (cell) => ({ kind: 'sort', column: cell.column, ascending: true })],
  ['sort-descending', (cell) => ({ kind: 'sort', column: cell.column, ascending: false })],
];

/** The toolbar above the grid; its buttons work on the cell selected last (the header row cannot be moved). */
export class RowTools {
  private readonly where = byId('selected-cell', HTMLSpanElement);
  private readonly buttons = TOOLS.map(([id, change]) => ({ button: byId(id, HTMLButtonElement), change }));
  private cell: CellPosition | undefined;

  constructor(onChange: (request: RowsRequest) => void) {
    for (const { button, change } of this.buttons) {
      button.addEventListener('click', () => this.cell && onChange({ sheet: this.cell.sheet, change: change(this.cell) }));
    }
    this.show(undefined);
  }

  /** Takes the newly selected cell. */
  show(cell: CellPosition | undefined): void {
    this.cell = cell && cell.row > 1 ? cell : undefined;
    this.where.textContent = cell ? `Row ${cell.row}, column ${columnLetters(cell.column)}` : 'no cell';
    for (const { button } of this.buttons) button.disabled = this.cell === undefined;
  }
}
