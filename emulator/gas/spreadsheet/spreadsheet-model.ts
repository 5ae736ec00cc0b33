// A spreadsheet file: its id, name, time zone and ordered sheets. Direct use (tests, the runtime) is not counted.
import { GasError, messages } from './gas-error';
import { SheetModel } from './sheet-model';
import { isTimeZone } from './time-zone';

let nextBook = 1;

/** The most cells (rows × columns of every sheet) a spreadsheet may have. */
export const MAX_CELLS = 10_000_000;

/** One spreadsheet. It starts with no sheets: fixtures add the ones they need. */
export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  private tabs: SheetModel[] = [];
  private nextSheetId = 0;
  private activeSheetId: number | null = null;
  private changes = 0;

  constructor(input: { id?: string; name?: string; timeZone?: string } = {}) {
    const n = nextBook++;
    this.id = input.id ?? `emulated-spreadsheet-${n}`;
    this.name = input.name ?? 'Untitled spreadsheet';
    this.timeZone = input.timeZone ?? 'Etc/GMT';
    if (!isTimeZone(this.timeZone)) throw new RangeError(`unknown time zone ${this.timeZone}`);
  }

  /** Grows with every change of the spreadsheet or its sheets: a copy made at one version is stale at the next. */
  get version(): number {
    return this.changes;
  }

  /** Notes a change (sheets call it for their own). */
  changed(): void {
    this.changes++;
  }

  /** A copy of the whole spreadsheet (same id), sharing nothing that a change of either could alter. */
  copy(): SpreadsheetModel {
    const copy = new SpreadsheetModel({ id: this.id, name: this.name, timeZone: this.timeZone });
    copy.tabs = this.tabs.map((sheet) => sheet.copyFor(copy));
    copy.nextSheetId = this.nextSheetId;
    copy.activeSheetId = this.activeSheetId;
    return copy;
  }

  /** Cells of every sheet (rows × columns of each grid, empty or not), as Sheets counts them against its limit. */
  cellCount(): number {
    return this.tabs.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
  }

  /** Throws the Sheets error when `cells` more cells would take the spreadsheet past MAX_CELLS. */
  checkRoomFor(cells: number): void {
    if (this.cellCount() + cells > MAX_CELLS) throw new GasError(messages.tooManyCells(MAX_CELLS));
  }

  /** Adds a 1000 × 26 sheet (grown to fit `rows`) at `index` (default: last), `rows` typed in as a person would. */
  addSheet(name: string, rows: unknown[][] = [], index: number = this.tabs.length): SheetModel {
    this.checkNewName(name);
    const sheet = new SheetModel(this, name, this.nextSheetId++);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length > sheet.maxRows) sheet.maxRows = rows.length;
    if (width > sheet.maxColumns) sheet.maxColumns = width;
    this.checkRoomFor(sheet.maxRows * sheet.maxColumns);
    if (rows.length > 0) sheet.typeAsUser(1, 1, rows);
    this.tabs.splice(Math.max(0, Math.min(index, this.tabs.length)), 0, sheet);
    this.changed();
    return sheet;
  }

  /** Throws the Sheets error if another sheet than `renamed` has a name equal to `name` regardless of case. */
  checkNewName(name: string, renamed?: SheetModel): void {
    const taken = name.toLowerCase();
    if (this.tabs.some((s) => s !== renamed && s.name.toLowerCase() === taken)) throw new GasError(messages.sheetExists(name));
  }

  /** The sheet called exactly `name`. */
  sheet(name: string): SheetModel | undefined {
    return this.tabs.find((s) => s.name === name);
  }

  /** The sheet with this id. */
  sheetById(sheetId: number): SheetModel | undefined {
    return this.tabs.find((s) => s.sheetId === sheetId);
  }

  /** The sheets in tab order. */
  sheets(): SheetModel[] {
    return [...this.tabs];
  }

  /** Removes a sheet; the last one cannot go. */
  removeSheet(sheet: SheetModel): void {
    const at = this.tabs.indexOf(sheet);
    if (at < 0) return;
    if (this.tabs.length === 1) throw new GasError(messages.removeAllSheets);
    this.tabs.splice(at, 1);
    if (this.activeSheetId === sheet.sheetId) this.activeSheetId = null;
    this.changed();
  }

  /** The sheet in front: the one last activated, else the first visible one. */
  activeSheet(): SheetModel | undefined {
    return this.tabs.find((s) => s.sheetId === this.activeSheetId) ?? this.tabs.find((s) => !s.hidden) ?? this.tabs[0];
  }

  /** Brings `sheet` to the front (showing it if hidden), as Sheet.activate and insertSheet do. */
  activate(sheet: SheetModel): void {
    sheet.hidden = false;
    this.activeSheetId = sheet.sheetId;
    this.changed();
  }
}
