// The spreadsheet as an editable grid with tabs: each committed cell edit is one user edit in the emulator.
import { byId, make } from '../../../src/ui/dom';
import { columnLetters } from '../../gas/spreadsheet/a1-notation';
import type { EditRequest, SheetView } from '../playground-types';

/** Empty rows offered below the data, to add a lead. */
const EXTRA_ROWS = 2;
/** Column widths, in characters. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 36;

/** Renders the tabs and the active tab's cells; keeps the cell being typed in as it is while state updates arrive. */
export class SheetGrid {
  private readonly tabs = byId('sheet-tabs', HTMLDivElement);
  private readonly wrap = byId('sheet', HTMLDivElement);
  private active = '';
  private tabNames = '';
  private shape = '';
  private inputs: HTMLInputElement[][] = [];
  private sheets: readonly SheetView[] = [];

  constructor(private readonly onEdit: (edit: EditRequest) => void) {}

  /** Shows the latest state of every tab. */
  render(sheets: readonly SheetView[]): void {
    this.sheets = sheets;
    if (!sheets.some((sheet) => sheet.name === this.active)) this.active = sheets[0]?.name ?? '';
    this.renderTabs(sheets.map((sheet) => sheet.name));
    const sheet = sheets.find((candidate) => candidate.name === this.active);
    if (!sheet) return;
    const rows = sheet.cells.length + EXTRA_ROWS;
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
        td.classList.toggle('has-note', Boolean(cell?.note));
        td.classList.toggle('flagged', Boolean(cell?.flagged));
        td.title = cell?.note ?? '';
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
          this.active = name;
          this.render(this.sheets);
        });
        return tab;
      }),
    );
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
        const input = make('input');
        input.type = 'text';
        input.setAttribute('aria-label', `${sheetName} ${columnLetters(c + 1)}${r + 1}`);
        input.addEventListener('change', () => this.onEdit({ sheet: sheetName, row: r + 1, column: c + 1, value: input.value }));
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

  private position(element: Element | null): { row: number; column: number } | undefined {
    for (const [row, line] of this.inputs.entries()) {
      const column = line.findIndex((input) => input === element);
      if (column >= 0) return { row, column };
    }
    return undefined;
  }
}
