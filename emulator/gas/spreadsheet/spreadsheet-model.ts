// A spreadsheet file: its id, name, time zone and ordered sheets. Direct use (tests, the runtime) is not counted.
import { GasError, messages } from './gas-error';
import { SheetModel } from './sheet-model';
import { isTimeZone } from './time-zone';

let nextBook = 1;

/** One spreadsheet. It starts with no sheets: fixtures add the ones they need. */
export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  private readonly tabs: SheetModel[] = [];
  private nextSheetId = 0;
  private activeSheetId: number | null = null;

  constructor(input: { id?: string; name?: string; timeZone?: string } = {}) {
    const n = nextBook++;
    this.id = input.id ?? `emulated-spreadsheet-${n}`;
    this.name = input.name ?? 'Untitled spreadsheet';
    this.timeZone = input.timeZone ?? 'Etc/GMT';
    if (!isTimeZone(this.timeZone)) throw new RangeError(`unknown time zone ${this.timeZone}`);
  }

  /** Adds a 1000 × 26 sheet (grown to fit `rows`) at `index` (default: last), `rows` typed in as a person would. */
  addSheet(name: string, rows: unknown[][] = [], index: number = this.tabs.length): SheetModel {
    this.checkNewName(name);
    const sheet = new SheetModel(this, name, this.nextSheetId++);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length > sheet.maxRows) sheet.maxRows = rows.length;
    if (width > sheet.maxColumns) sheet.maxColumns = width;
    if (rows.length > 0) sheet.typeAsUser(1, 1, rows);
    this.tabs.splice(Math.max(0, Math.min(index, this.tabs.length)), 0, sheet);
    return sheet;
  }

  /** Throws the Sheets error if a sheet is already called `name`. */
  checkNewName(name: string): void {
    if (this.sheet(name)) throw new GasError(messages.sheetExists(name));
  }

  /** The sheet called exactly `name`. */
  sheet(name: string): SheetModel | undefined {
    return this.tabs.find((s) => s.name === name);
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
  }

  /** The sheet in front: the one last activated, else the first visible one. */
  activeSheet(): SheetModel | undefined {
    return this.tabs.find((s) => s.sheetId === this.activeSheetId) ?? this.tabs.find((s) => !s.hidden) ?? this.tabs[0];
  }

  /** Brings `sheet` to the front (showing it if hidden), as Sheet.activate and insertSheet do. */
  activate(sheet: SheetModel): void {
    sheet.hidden = false;
    this.activeSheetId = sheet.sheetId;
  }
}
