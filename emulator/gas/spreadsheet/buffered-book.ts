// One execution's way into a spreadsheet through SpreadsheetApp: its writes wait in a buffer until flush() or the end
// of the execution, while its own reads see them at once — as Apps Script batches SpreadsheetApp writes.
import { GasError } from './gas-error';
import type { SheetModel } from './sheet-model';
import type { SpreadsheetModel } from './spreadsheet-model';

/** A SpreadsheetApp write, applied to whichever copy of the spreadsheet it is given. */
export type BookChange = (book: SpreadsheetModel) => void;

/**
 * The spreadsheet as one execution's SpreadsheetApp sees it. `committed` is the spreadsheet everyone else sees (the
 * advanced Sheets service, people, other executions); until a flush, this execution reads a copy of it with its own
 * pending writes applied, rebuilt whenever someone else changes the committed spreadsheet meanwhile.
 */
export class BufferedBook {
  private readonly pending: BookChange[] = [];
  private view: SpreadsheetModel | null = null;
  private viewVersion = -1;

  /** `writeThrough` applies every write to the committed spreadsheet at once (the kinder reading of the platform). */
  constructor(
    readonly committed: SpreadsheetModel,
    private readonly writeThrough: boolean,
  ) {}

  /** The spreadsheet's id. */
  get id(): string {
    return this.committed.id;
  }

  /** What this execution's SpreadsheetApp reads: the committed spreadsheet with the pending writes applied. */
  read(): SpreadsheetModel {
    if (this.pending.length === 0) return this.committed;
    if (!this.view || this.viewVersion !== this.committed.version) this.view = this.rebuilt();
    return this.view;
  }

  /** Applies `change` to what this execution reads (its checks throw to the script there) and queues it for the flush. */
  write(change: BookChange): void {
    if (this.writeThrough) {
      change(this.committed);
      return;
    }
    const view = this.pending.length === 0 ? this.rebuilt() : this.read();
    try {
      change(view);
    } catch (error) {
      // A refused change may have left the copy half-changed: the next read rebuilds it.
      this.view = null;
      throw error;
    }
    this.view = view;
    this.pending.push(change);
  }

  /** The sheet with `found`'s id as this execution reads it now; `found` itself once the sheet is gone. */
  sheet(found: SheetModel): SheetModel {
    return this.read().sheetById(found.sheetId) ?? found;
  }

  /** A write to the sheet with `found`'s id (none once the sheet is gone). */
  writeSheet(found: SheetModel, change: (sheet: SheetModel, book: SpreadsheetModel) => void): void {
    this.write((book) => {
      const sheet = book.sheetById(found.sheetId);
      if (sheet) change(sheet, book);
    });
  }

  /** Applies `change` to the committed spreadsheet at once (insertSheet): everyone sees it, pending writes stay pending. */
  now<T>(change: (book: SpreadsheetModel) => T): T {
    return change(this.committed);
  }

  /** Applies the pending writes to the committed spreadsheet, in order (SpreadsheetApp.flush, the end of the execution). */
  flush(): void {
    const changes = this.pending.splice(0);
    this.view = null;
    for (const change of changes) applyLeniently(change, this.committed);
  }

  private rebuilt(): SpreadsheetModel {
    const view = this.committed.copy();
    this.viewVersion = this.committed.version;
    for (const change of this.pending) applyLeniently(change, view);
    return view;
  }
}

/**
 * Applies a change that passed its checks when the script made it. If the spreadsheet changed under it since (a
 * person deleted the rows it writes), the change is dropped, as the emulator does not merge edits.
 */
function applyLeniently(change: BookChange, book: SpreadsheetModel): void {
  try {
    change(book);
  } catch (error) {
    if (!(error instanceof GasError)) throw error;
  }
}
