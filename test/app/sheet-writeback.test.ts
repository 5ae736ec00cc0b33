// Writing a run's results back into the sheet: cells where their lead and column are now, new rows, flags, base and log.
import type { BaseSnapshot } from '../../src/adapters/sheet-base-store';
import type { SheetChanges } from '../../src/app/apply-plan';
import { readLeadRows } from '../../src/app/sheet-reads';
import { writeBack, type Flagging, type LeadsAsRead } from '../../src/app/sheet-writeback';
import type { BaseRecord } from '../../src/core/base-record';
import { readLeadTable } from '../../src/core/lead-table';
import { flagNote, type RowProblem } from '../../src/core/row-problem';
import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';
import type { NewLeadRow } from '../../src/core/sync-plan';
import { base } from '../core/plan-fixture';
import { BASE_TAB, FakeSheet, LEADS_TAB, LOG_TAB } from './fake-sheet-tabs';

const NOW = Date.UTC(2026, 0, 5, 12);
const HEADER = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];
const CARD_1 = 'c00000000000000000000001';
const CARD_3 = 'c00000000000000000000003';
const CARD_4 = 'c00000000000000000000004';
const NEW_CARD = 'c00000000000000000000009';
/** Column numbers of the lead columns as the sheet starts. */
const ID = 1;
const NAME = 2;
const EMAIL = 3;
const STATUS = 4;

const ROWS = [
  ['L1', 'Ada', 'ada@example.com', 'NEW', 'Web', CARD_1],
  ['L2', 'Bo', 'bo@example.com', 'NEW', 'Web', ''],
  ['L3', 'Cy', 'cy@example.com', 'CONTACTED', 'Fair', CARD_3],
  ['L4', 'Di', 'di@example.com', 'NEW', 'Web', CARD_4],
];

const IMPORTED: NewLeadRow = { id: 'TRELLO-s1', name: 'Idea', email: '', status: 'NEW', source: 'Trello', cardId: NEW_CARD };

const SNAPSHOT: BaseSnapshot = { records: new Map(), rows: new Map(), lastRow: 1, headerComplete: true, mappedFields: false };

function leadSheet(rows: unknown[][] = ROWS, header: unknown[] = HEADER, notes: Record<string, string> = {}): FakeSheet {
  return new FakeSheet([header, ...rows], notes);
}

/** What a full run reads: the whole lead tab. */
function wholeRead(sheet: FakeSheet): LeadsAsRead {
  const tabs = sheet.sheetTabs;
  const [values] = tabs.api.read([tabs.leads.range()]);
  const read = { table: readLeadTable(LEADS_TAB, values, DEFAULT_STATUS_MAPPING), values };
  sheet.forgetCalls();
  return read;
}

/** What an edit run reads: the header and `rows`. */
function rowsRead(sheet: FakeSheet, rows: number[]): LeadsAsRead {
  const values = readLeadRows(sheet.sheetTabs, rows);
  const read = { table: readLeadTable(LEADS_TAB, values, DEFAULT_STATUS_MAPPING), values, rows };
  sheet.forgetCalls();
  return read;
}

function write(sheet: FakeSheet, read: LeadsAsRead, changes: Partial<SheetChanges>, options: { records?: BaseRecord[]; flagging?: Flagging } = {}) {
  return writeBack(sheet.sheetTabs, read, { cells: [], appended: [], problems: [], ...changes }, { snapshot: SNAPSHOT, records: options.records ?? [] }, [], NOW, options.flagging);
}

/** The lead ids the base tab holds. */
function baseLeadIds(sheet: FakeSheet): unknown[] {
  return Array.from({ length: Math.max(sheet.lastRow(BASE_TAB) - 1, 0) }, (_, index) => sheet.cell(index + 2, 1, BASE_TAB));
}

const problem = (row: number, column: string, leadId: string, message = 'Unknown status "NEWW".'): RowProblem => ({ row, column, leadId, message });
const FULL: Flagging = { count: { cells: 0, rows: 0 } };
const edited = (first: number, last: number, count = { cells: 0, rows: 0 }): Flagging => ({ count, rows: { first, last } });

describe('writeBack', () => {
  it('writes each cell at the row its lead holds now after a person sorted the rows, reading the tab once', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.swapRows(2, 5);
    const report = write(sheet, read, { cells: [{ leadId: 'L1', column: 'status', value: 'CONTACTED' }] }, { records: [base('L1', CARD_1, 'CONTACTED', 'IN_PROGRESS', 'Ada')] });
    expect(sheet.row(5)).toEqual(['L1', 'Ada', 'ada@example.com', 'CONTACTED', 'Web', CARD_1]);
    expect(sheet.row(2)).toEqual(ROWS[3]);
    expect(report).toMatchObject({ changedCells: 1, dropped: 0 });
    expect(baseLeadIds(sheet)).toEqual(['L1']);
    expect(sheet.reads).toHaveLength(1);
    expect(sheet.writes).toHaveLength(1);
  });

  it('writes into a column a person moved meanwhile, reading that column once more', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.insertColumn(2, 'notes');
    const report = write(sheet, read, { cells: [{ leadId: 'L2', column: 'status', value: 'CONTACTED' }] });
    expect(sheet.row(3)).toEqual(['L2', '', 'Bo', 'bo@example.com', 'CONTACTED', 'Web']);
    expect(report).toMatchObject({ changedCells: 1, dropped: 0 });
    expect(sheet.reads).toHaveLength(2);
  });

  it('drops a change to a column a person deleted meanwhile, and keeps that lead’s old base for the next run', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.deleteColumn(6);
    const report = write(
      sheet,
      read,
      {
        cells: [
          { leadId: 'L2', column: 'trello_card_id', value: NEW_CARD },
          { leadId: 'L1', column: 'status', value: 'CONTACTED' },
        ],
      },
      { records: [base('L1', CARD_1, 'CONTACTED', 'IN_PROGRESS', 'Ada'), base('L2', NEW_CARD, 'NEW', 'TODO', 'Bo')] },
    );
    expect(report).toMatchObject({ changedCells: 1, dropped: 1 });
    expect(sheet.row(3)).toEqual(['L2', 'Bo', 'bo@example.com', 'NEW', 'Web']);
    expect(sheet.cell(2, STATUS)).toBe('CONTACTED');
    expect(baseLeadIds(sheet)).toEqual(['L1']);
  });

  it('drops a change for a lead whose id a person copied into another row', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.addRow(ROWS[1]);
    const report = write(sheet, read, { cells: [{ leadId: 'L2', column: 'status', value: 'CONTACTED' }] }, { records: [base('L2', '', 'CONTACTED', 'TODO', 'Bo')] });
    expect(report).toMatchObject({ changedCells: 0, dropped: 1 });
    expect([sheet.cell(3, STATUS), sheet.cell(6, STATUS)]).toEqual(['NEW', 'NEW']);
    expect(sheet.leadWrites().flatMap((call) => call.blocks)).toEqual([]);
    expect(baseLeadIds(sheet)).toEqual([]);
  });

  it('drops a change for a lead whose row a person deleted meanwhile, even one to a cell that was empty', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.deleteRow(3);
    const report = write(sheet, read, { cells: [{ leadId: 'L2', column: 'trello_card_id', value: NEW_CARD }] }, { records: [base('L2', NEW_CARD, 'NEW', 'TODO', 'Bo')] });
    expect(report).toMatchObject({ changedCells: 0, dropped: 1 });
    expect(sheet.leadWrites().flatMap((call) => call.blocks)).toEqual([]);
    expect(baseLeadIds(sheet)).toEqual([]);
  });

  it('does not overwrite a cell a person changed since the run read it', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.setCell(2, STATUS, 'QUALIFIED');
    const report = write(sheet, read, { cells: [{ leadId: 'L1', column: 'status', value: 'CONTACTED' }] });
    expect(sheet.cell(2, STATUS)).toBe('QUALIFIED');
    expect(report).toMatchObject({ changedCells: 0, dropped: 1 });
  });

  it('finds a lead whose id is the same text as the id column’s header in its own row', () => {
    const sheet = leadSheet([...ROWS, ['id', 'Ed', 'ed@example.com', 'NEW', 'Web', '']]);
    const read = wholeRead(sheet);
    const report = write(sheet, read, { cells: [{ leadId: 'id', column: 'status', value: 'CONTACTED' }] });
    expect(sheet.cell(6, STATUS)).toBe('CONTACTED');
    expect(report.dropped).toBe(0);
  });

  it('drops every change and new lead when a person cleared the header row meanwhile', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.clearRow(1);
    const report = write(sheet, read, { cells: [{ leadId: 'L1', column: 'status', value: 'CONTACTED' }], appended: [IMPORTED] });
    expect(report).toMatchObject({ changedCells: 0, dropped: 2 });
    expect(sheet.writes).toEqual([]);
  });

  it('drops changes and new leads once a person deleted the id column, reading nothing more, and keeps their old base', () => {
    const sheet = leadSheet();
    const read = wholeRead(sheet);
    sheet.deleteColumn(ID);
    const report = write(
      sheet,
      read,
      { cells: [{ leadId: 'L1', column: 'status', value: 'CONTACTED' }], appended: [IMPORTED] },
      { records: [base('L1', CARD_1, 'CONTACTED', 'IN_PROGRESS', 'Ada'), base('TRELLO-s1', NEW_CARD, 'NEW', 'TODO', 'Idea'), base('L3', CARD_3, 'CONTACTED', 'IN_PROGRESS', 'Cy')] },
    );
    expect(report).toMatchObject({ changedCells: 0, dropped: 2 });
    expect(sheet.lastRow()).toBe(5);
    expect(sheet.leadWrites().flatMap((call) => call.blocks)).toEqual([]);
    expect(baseLeadIds(sheet)).toEqual(['L3']);
    expect(sheet.reads).toHaveLength(1);
  });

  it('appends a new lead below the last row in the columns the header has now, blank in the others and as wide as the header', () => {
    const sheet = leadSheet(ROWS, [...HEADER, 'comments']);
    const read = wholeRead(sheet);
    sheet.insertColumn(3, 'notes');
    const report = write(sheet, read, { appended: [IMPORTED] }, { records: [base('TRELLO-s1', NEW_CARD, 'NEW', 'TODO', 'Idea')] });
    expect(sheet.leadWrites()[0].blocks).toEqual([{ sheetName: LEADS_TAB, row: 6, column: 1, values: [['TRELLO-s1', 'Idea', '', '', 'NEW', 'Trello', NEW_CARD, '']] }]);
    expect(report.dropped).toBe(0);
    expect(baseLeadIds(sheet)).toEqual(['TRELLO-s1']);
  });

  describe('flags of a full run', () => {
    const L2_STATUS = problem(3, 'status', 'L2');

    it('sets a flag on its cell and clears one whose problem is gone, logs and counts them, in the one write', () => {
      const sheet = leadSheet(ROWS, HEADER, { '5:3': flagNote(problem(5, 'email', 'L4', 'old')) });
      const read = wholeRead(sheet);
      const report = writeBack(sheet.sheetTabs, read, { cells: [], appended: [], problems: [L2_STATUS] }, { snapshot: SNAPSHOT, records: [] }, [], NOW, FULL);
      expect(sheet.allNotes()).toEqual({ [`3:${STATUS}`]: flagNote(L2_STATUS) });
      expect(report).toMatchObject({ flagged: 1, flags: { cells: 1, rows: 1 } });
      expect(report.flagLines).toEqual([{ direction: 'info', leadId: 'L2', message: `Row 3: ${L2_STATUS.message}` }]);
      expect(sheet.row(2, LOG_TAB)).toEqual([NOW, 'info', 'L2', `Row 3: ${L2_STATUS.message}`]);
      expect(sheet.noteReads).toEqual([undefined]);
      expect(sheet.reads).toHaveLength(1);
      expect(sheet.writes).toHaveLength(1);
    });

    it('flags a row without an id at the bottom of the tab', () => {
      const sheet = leadSheet([...ROWS, ['', 'Zed']]);
      const read = wholeRead(sheet);
      const [noId] = read.table.problems;
      expect(noId).toMatchObject({ row: 6, column: 'id' });
      const report = write(sheet, read, { problems: [noId] }, { flagging: FULL });
      expect(sheet.note(6, ID)).toBe(flagNote(noId));
      expect(report.flags).toEqual({ cells: 1, rows: 1 });
    });

    // Flags are tied to cells as the run read them: when rows or columns moved, the next run sets them.
    it.each([
      ['sorted other rows', (sheet: FakeSheet) => sheet.swapRows(4, 5)],
      ['deleted the last row', (sheet: FakeSheet) => sheet.deleteRow(5)],
      ['swapped two columns', (sheet: FakeSheet) => sheet.swapColumns(NAME, EMAIL)],
    ])('leaves its flags for the next run when a person %s meanwhile', (_, change) => {
      const sheet = leadSheet();
      const read = wholeRead(sheet);
      change(sheet);
      const report = write(sheet, read, { problems: [L2_STATUS] }, { flagging: FULL });
      expect(sheet.allNotes()).toEqual({});
      expect(report).toMatchObject({ flagged: 0, flagLines: [] });
      expect(report.flags).toBeUndefined();
    });
  });

  describe('an edit run, which read some rows', () => {
    it('writes a lead’s cell at the row a person sorted it to, found by one search', () => {
      const sheet = leadSheet();
      const read = rowsRead(sheet, [3]);
      sheet.swapRows(3, 5);
      const report = write(sheet, read, { cells: [{ leadId: 'L2', column: 'status', value: 'CONTACTED' }] });
      expect(sheet.row(5)).toEqual(['L2', 'Bo', 'bo@example.com', 'CONTACTED', 'Web']);
      expect(sheet.row(3)).toEqual(ROWS[3]);
      expect(report.dropped).toBe(0);
      expect(sheet.searches).toEqual([['L2']]);
      expect(sheet.reads).toHaveLength(1);
    });

    it('sets its flags after two searches show nothing moved, reading no cell, and changes the flag count by what it did', () => {
      const L2_STATUS = problem(3, 'status', 'L2');
      const sheet = leadSheet(ROWS.map((row) => [...row, 'x']), [...HEADER, 'notes'], { '3:3': flagNote(problem(3, 'email', 'L2', 'old')) });
      const read = rowsRead(sheet, [3]);
      const report = write(sheet, read, { problems: [L2_STATUS] }, { flagging: edited(3, 3, { cells: 5, rows: 3 }) });
      expect(sheet.allNotes()).toEqual({ [`3:${STATUS}`]: flagNote(L2_STATUS) });
      expect(report.flags).toEqual({ cells: 5, rows: 3 });
      expect(sheet.reads).toEqual([]);
      expect([sheet.headerSearches.length, sheet.searches.length]).toEqual([1, 1]);
      expect(sheet.noteReads).toEqual([{ first: 3, last: 3 }]);
    });

    it('takes an id’s text in another column for no moved row', () => {
      const sheet = leadSheet([ROWS[0], ROWS[1], ROWS[2], ['L4', 'Di', 'di@example.com', 'NEW', 'L2', CARD_4]]);
      const read = rowsRead(sheet, [3]);
      write(sheet, read, { problems: [problem(3, 'status', 'L2')] }, { flagging: edited(3, 3) });
      expect(sheet.note(3, STATUS)).not.toBe('');
      expect(sheet.reads).toEqual([]);
    });

    it('leaves problems outside the rows it read alone: no note is read or written', () => {
      const sheet = leadSheet();
      const read = rowsRead(sheet, [3, 4]);
      const report = write(sheet, read, { problems: [problem(2, 'status', 'L1'), problem(5, 'status', 'L4')] }, { flagging: edited(3, 4) });
      expect(report.flags).toBeUndefined();
      expect(sheet.noteReads).toEqual([]);
      expect(sheet.writes).toEqual([]);
    });

    it('reads its rows again when a flagged row has no id, searching only for the leads it flags', () => {
      const sheet = leadSheet([ROWS[0], ['', 'Bo', 'bo@example.com', 'NEW', 'Web', ''], ROWS[2]]);
      const read = rowsRead(sheet, [3, 4]);
      const [noId] = read.table.problems;
      const L3_STATUS = problem(4, 'status', 'L3');
      write(sheet, read, { problems: [noId, L3_STATUS] }, { flagging: edited(3, 4) });
      expect(sheet.allNotes()).toEqual({ [`3:${ID}`]: flagNote(noId), [`4:${STATUS}`]: flagNote(L3_STATUS) });
      expect([sheet.searches, sheet.headerSearches]).toEqual([[['L3']], []]);
      expect(sheet.reads).toHaveLength(1);
    });

    it.each([
      ['sorted its rows', (sheet: FakeSheet) => sheet.swapRows(3, 5)],
      ['inserted a column', (sheet: FakeSheet) => sheet.insertColumn(3, 'notes')],
      ['copied a flagged row below the others', (sheet: FakeSheet) => sheet.addRow(ROWS[1])],
    ])('leaves its flags for the next run when a person %s meanwhile', (_, change) => {
      const sheet = leadSheet();
      const read = rowsRead(sheet, [3, 4]);
      change(sheet);
      const report = write(sheet, read, { problems: [problem(3, 'status', 'L2'), problem(4, 'status', 'L3')] }, { flagging: edited(3, 4) });
      expect(sheet.allNotes()).toEqual({});
      expect(report.flags).toBeUndefined();
    });

    it('leaves its flags for the next run when a flagged lead’s id is now in another row too', () => {
      const sheet = leadSheet();
      const read = rowsRead(sheet, [3, 4]);
      sheet.addRow(ROWS[2]);
      const report = write(sheet, read, { cells: [{ leadId: 'L2', column: 'status', value: 'CONTACTED' }], problems: [problem(4, 'email', 'L3')] }, { flagging: edited(3, 4) });
      expect(sheet.cell(3, STATUS)).toBe('CONTACTED');
      expect(sheet.allNotes()).toEqual({});
      expect(report.flags).toBeUndefined();
    });

    it('writes its cells along with its flags', () => {
      const L2_EMAIL = problem(3, 'email', 'L2', 'Bad email.');
      const sheet = leadSheet();
      const read = rowsRead(sheet, [3]);
      const report = write(sheet, read, { cells: [{ leadId: 'L2', column: 'status', value: 'CONTACTED' }], problems: [L2_EMAIL] }, { flagging: edited(3, 3) });
      expect(sheet.cell(3, STATUS)).toBe('CONTACTED');
      expect(sheet.note(3, EMAIL)).toBe(flagNote(L2_EMAIL));
      expect(report).toMatchObject({ changedCells: 1, dropped: 0 });
    });

    it('lays a new lead out in the columns as they are now after a person swapped two of them', () => {
      const sheet = leadSheet();
      const read = rowsRead(sheet, [3]);
      sheet.swapColumns(NAME, EMAIL);
      write(sheet, read, { appended: [IMPORTED], problems: [problem(3, 'status', 'L2')] }, { flagging: edited(3, 3) });
      expect(sheet.row(6)).toEqual(['TRELLO-s1', '', 'Idea', 'NEW', 'Trello', NEW_CARD]);
    });
  });
});
