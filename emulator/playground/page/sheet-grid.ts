// The spreadsheet as an editable grid with tabs: each committed cell, pasted block or dropdown choice is one user
// edit in the emulator; the selected cell is what the row tools act on.
import { byId, make } from '../../../src/ui/dom';
import { columnLetters } from '../../gas/spreadsheet/a1-notation';
import type { EditRequest, SheetCell, SheetView } from '../playground-types';
import { pastedBlock } from './pasted-block';

/** Column widths, in characters. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 36;
/** What Sheets shows on a cell whose value is not one of its dropdown's choices (a rule that only warns). */
const INVALID_TEXT = 'Invalid: Input must be an item on the specified list';

/** A cell of the active tab, 1-based. */
export interface CellPosition {
  sheet: string;
  row: number;
  column: number;
}

/** Renders the tabs and the active tab's cells; keeps the cell being typed in as it is while state updates arrive. */
export class SheetGrid {
  private readonly tabs = byId('sheet-tabs', HTMLDivElement);
  private readonly wrap = byId('sheet', HTMLDivElement);
  private active = '';
  private tabNames = '';
  private shape = '';
  private inputs: HTMLInputElement[][] = [];
  private sheets: readonly SheetView[] = [];
  private selectedCell: { row: number; column: number } | undefined;

  constructor(
    private readonly onEdit: (edit: EditRequest) => void,
    private readonly onSelect: (cell: CellPosition | undefined) => void,
  ) {}

  /** The cell last focused in the active tab, if any. */
  get selected(): CellPosition | undefined {
    return this.selectedCell && { sheet: this.active, ...this.selectedCell };
  }

  /** Shows the latest state of every tab. */
  render(sheets: readonly SheetView[]): void {
    this.sheets = sheets;
    if (!sheets.some((sheet) => sheet.name === this.active)) this.select(undefined, sheets[0]?.name ?? '');
    this.renderTabs(sheets.map((sheet) => sheet.name));
    const sheet = sheets.find((candidate) => candidate.name === this.active);
    if (!sheet) return;
    const rows = sheet.cells.length;
    const columns = Math.max(1, ...sheet.cells.map((line) => line.length));
    const shape = `${sheet.name}:${rows}x${columns}`;
    if (shape !== this.shape) this.build(sheet.name, rows, columns);
    this.shape = shape;
    // Columns as wide as their longest text (within bounds), as a person would widen them.
    const widths = Array.from({ length: columns }, (_column, c) =>
      Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, ...sheet.cells.map((line) => line[c]?.text.length ?? 0))),
    );
    this.inputs.forEach((line, r) =>
      line.forEach((input, c) => {
        const cell = sheet.cells[r]?.[c];
        // The cell someone is typing in keeps their text until they commit it.
        if (document.activeElement !== input) input.value = cell?.text ?? '';
        input.size = widths[c] + 1;
        const td = input.parentElement as HTMLTableCellElement;
        const invalid = Boolean(cell?.choices && cell.text !== '' && !cell.choices.includes(cell.text));
        td.classList.toggle('has-note', Boolean(cell?.note));
        td.classList.toggle('flagged', Boolean(cell?.flagged));
        td.classList.toggle('invalid', invalid);
        td.title = [cell?.note, invalid ? INVALID_TEXT : undefined].filter(Boolean).join('\n');
        this.renderDropdown(td, input, cell, { sheet: sheet.name, row: r + 1, column: c + 1 });
      }),
    );
  }

  private renderTabs(names: string[]): void {
    const key = `${names.join('\n')}\n${this.active}`;
    if (key === this.tabNames) return;
    this.tabNames = key;
    this.tabs.replaceChildren(
      ...names.map((name) => {
        const tab = make('button', name, 'tab');
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(name === this.active));
        tab.addEventListener('click', () => {
          this.select(undefined, name);
          this.render(this.sheets);
        });
        return tab;
      }),
    );
  }

  /** The cell's dropdown (its data validation's choices), kept in step with the rule; choosing commits the choice. */
  private renderDropdown(td: HTMLTableCellElement, input: HTMLInputElement, cell: SheetCell | undefined, at: CellPosition): void {
    let dropdown = td.querySelector('select');
    if (!cell?.choices) {
      dropdown?.remove();
      return;
    }
    const choices = ['', ...cell.choices];
    if (!dropdown) {
      dropdown = make('select', undefined, 'chip');
      dropdown.setAttribute('aria-label', `${input.getAttribute('aria-label')} choices`);
      const select = dropdown;
      select.addEventListener('focus', () => this.select(at));
      select.addEventListener('change', () => this.onEdit({ ...at, values: [[select.value]] }));
      td.append(select);
    }
    if (dropdown.dataset.choices !== choices.join('\n')) {
      dropdown.dataset.choices = choices.join('\n');
      dropdown.replaceChildren(...choices.map((choice) => new Option(choice === '' ? '(blank)' : choice, choice)));
    }
    if (document.activeElement !== dropdown) dropdown.value = choices.includes(cell.text) ? cell.text : '';
  }

  private build(sheetName: string, rows: number, columns: number): void {
    const focused = this.position(document.activeElement);
    const table = make('table', undefined, 'grid');
    const head = make('tr');
    head.append(make('th', '', 'corner'), ...Array.from({ length: columns }, (_, c) => make('th', columnLetters(c + 1))));
    table.createTHead().append(head);
    const body = table.createTBody();
    this.inputs = Array.from({ length: rows }, (_row, r) => {
      const tr = make('tr');
      tr.append(make('th', String(r + 1)));
      const line = Array.from({ length: columns }, (_column, c) => {
        const at = { sheet: sheetName, row: r + 1, column: c + 1 };
        const input = make('input');
        input.type = 'text';
        input.setAttribute('aria-label', `${sheetName} ${columnLetters(c + 1)}${r + 1}`);
        input.addEventListener('focus', () => this.select(at));
        input.addEventListener('change', () => this.onEdit({ ...at, values: [[input.value]] }));
        // A block copied from a spreadsheet (tabs and line breaks) is pasted into the cells from here on, as one edit.
        input.addEventListener('paste', (event) => {
          const block = pastedBlock(event.clipboardData?.getData('text/plain') ?? '');
          if (!block) return;
          event.preventDefault();
          this.onEdit({ ...at, values: block });
        });
        // Enter commits the cell and moves down, as in Sheets.
        input.addEventListener('keydown', (event) => {
          if (event.key !== 'Enter') return;
          const below = this.inputs[r + 1]?.[c];
          if (below) below.focus();
          else input.blur();
        });
        const td = make('td');
        td.append(input);
        tr.append(td);
        return input;
      });
      body.append(tr);
      return line;
    });
    this.wrap.replaceChildren(table);
    if (focused) this.inputs[focused.row]?.[focused.column]?.focus();
  }

  /** Remembers the selected cell (of `sheet`, default the active tab) and tells the row tools. */
  private select(cell: CellPosition | undefined, sheet = cell?.sheet ?? this.active): void {
    this.active = sheet;
    this.selectedCell = cell && { row: cell.row, column: cell.column };
    this.onSelect(this.selected);
  }

  private position(element: Element | null): { row: number; column: number } | undefined {
    for (const [row, line] of this.inputs.entries()) {
      const column = line.findIndex((input) => input === element);
      if (column >= 0) return { row, column };
    }
    return undefined;
  }
}
