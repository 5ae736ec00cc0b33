// MappedFieldsPlanner and sheetTextOf: what one lead's mapped fields give its card, cells, description block and base.
import type { BaseRecord } from '../../src/core/base-record';
import type { BoardCard, BoardFields } from '../../src/core/board';
import { describeCard, type DescriptionLine } from '../../src/core/card-description';
import { DEFAULT_FIELD_MAPPING, parseFieldMapping } from '../../src/core/field-mapping';
import type { Lead } from '../../src/core/lead';
import { MappedFieldsPlanner, sheetTextOf } from '../../src/core/mapped-fields-plan';
import type { CellWrites, LogLine, PlanInput } from '../../src/core/sync-plan';
import { base, planInput } from './plan-fixture';

const CARD = 'c00000000000000000000001';
const BOARD: BoardFields = {
  labels: [{ id: 'lab1', name: 'Hot', color: 'red' }],
  members: [],
  customFields: [
    { id: 'cf1', name: 'Deal value', type: 'number' },
    { id: 'cf2', name: 'Notes', type: 'text' },
    { id: 'cf3', name: 'Phone', type: 'date' },
  ],
};

/** Lead L1 (linked to CARD) with the texts of its mapped columns by column key. */
function lead(fields?: Record<string, string>): Lead {
  return { id: 'L1', name: 'Ada', email: 'ada@example.com', status: 'NEW', source: 'Web', cardId: CARD, row: 2, ...(fields ? { fields } : {}) };
}

/** CARD with the description lines `lines` in its block, and `extra`. */
function boardCard(lines: DescriptionLine[] = [], extra: Partial<BoardCard> = {}): BoardCard {
  return { id: CARD, name: 'Ada', desc: describeCard('', 'L1', lines), idList: 'list-todo', shortLink: 'sL1', ...extra };
}

/** A planner for `entries` as FIELD_MAPPING on a board with `fields` (null: not read), and the flags it raises as [column, message]. */
function plannerOf(entries: object[], extra: Partial<PlanInput> = {}, fields: BoardFields | null = BOARD) {
  const flags: [string, string][] = [];
  const input = planInput({ rows: [] });
  const planner = new MappedFieldsPlanner({ ...input, board: { ...input.board, fields: fields ?? undefined }, fieldMapping: parseFieldMapping(JSON.stringify(entries)), ...extra }, (_, column, message) => flags.push([column, message]), () => undefined);
  return { planner, flags };
}

/** forLinkedLead with a fresh log and cell writes. */
function linked(planner: MappedFieldsPlanner, target: Lead, card: BoardCard, known?: BaseRecord) {
  const log: LogLine[] = [];
  const cells: CellWrites = {};
  const outcome = planner.forLinkedLead(target, card, known, log, cells);
  return { outcome, log, cells };
}

const known = (fields?: Record<string, string>) => base('L1', CARD, 'NEW', 'TODO', 'Ada', fields ? { fields } : {});

describe('sheetTextOf', () => {
  it("reads the name, e-mail and source from the lead's own columns, any other mapped column from its fields", () => {
    const target = { ...lead({ tags: 'Hot', name: 'not this' }), email: 'ada@example.com' };
    const [name, email, source] = DEFAULT_FIELD_MAPPING;
    const tags = parseFieldMapping('[{"column":"Tags","field":"labels","direction":"both"}]')[0];
    expect([name, email, source, tags].map((entry) => sheetTextOf(target, entry))).toEqual(['Ada', 'ada@example.com', 'Web', 'Hot']);
  });

  it('reads a mapped column of a lead read without mapped columns as blank', () => {
    const tags = parseFieldMapping('[{"column":"Tags","field":"labels","direction":"both"}]')[0];
    expect(sheetTextOf(lead(), tags)).toBe('');
  });
});

describe('MappedFieldsPlanner.lines', () => {
  const phoneFromBoard = [{ column: 'Phone', field: 'desc:Phone', direction: 'toSheet' }];

  it('gives a new card a blank line for a description line that comes from the board', () => {
    expect(plannerOf(phoneFromBoard).planner.lines(lead({ phone: '111' }))).toEqual([['Phone', '']]);
  });

  it("takes a description line that comes from the board from the card's block, not from the cell", () => {
    expect(plannerOf(phoneFromBoard).planner.lines(lead({ phone: '111' }), boardCard([['Phone', '555']]))).toEqual([['Phone', '555']]);
  });
});

describe('MappedFieldsPlanner.forLinkedLead', () => {
  it("flags labels, members and custom fields the board is not known to have when the board's fields were not read", () => {
    const { planner, flags } = plannerOf(
      [
        { column: 'Tags', field: 'labels', direction: 'both' },
        { column: 'Owners', field: 'members', direction: 'both' },
        { column: 'Value', field: 'custom:Deal value', direction: 'both' },
      ],
      {},
      null,
    );
    const { outcome } = linked(planner, lead({ tags: 'Hot', owners: 'ada', value: '12' }), boardCard());
    expect(flags).toEqual([
      ['tags', expect.stringContaining('no label "Hot"')],
      ['owners', expect.stringContaining('"ada" is not a member')],
      ['value', expect.stringContaining('no custom field "Deal value"')],
    ]);
    expect(outcome).toEqual({ card: {}, items: [], lines: [], base: {} });
  });

  it('keeps no shown text for a description line, even one labelled like a date custom field', () => {
    const { planner } = plannerOf([{ column: 'Phone', field: 'desc:Phone', direction: 'both' }], { shownDates: new Map([['L1', { 'desc:Phone': '556' }]]) });
    const { outcome } = linked(planner, lead({ phone: '556' }), boardCard([['Phone', '555']]), known({ 'desc:Phone': '555' }));
    expect(outcome.base).toStrictEqual({ 'desc:Phone': '556' });
  });

  it("keeps a text field's shown text for the base only when it may be a rendered date", () => {
    const notes = [{ column: 'Notes', field: 'custom:Notes', direction: 'both' }];
    const card = boardCard([], { customFieldItems: [{ idCustomField: 'cf2', value: { text: 'call back' } }] });
    const shownAs = (text: string) => linked(plannerOf(notes, { shownDates: new Map([['L1', { 'custom:Notes': text }]]) }).planner, lead({ notes: '46085' }), card, known({ 'custom:Notes': 'call back' })).outcome.base;
    expect(shownAs('call back')).toStrictEqual({ 'custom:Notes': 'call back' });
    expect(shownAs('3/4/2026')).toStrictEqual({ 'custom:Notes': '3/4/2026', 'custom:Notes@shown': '3/4/2026' });
  });

  it('reads a due date cell by its serial number, not by the text it showed', () => {
    const { planner, flags } = plannerOf([{ column: 'Follow up', field: 'due', direction: 'both' }], { shownDates: new Map([['L1', { due: '2026-03-04' }]]) });
    // The cell holds 2026-03-05 (serial 46086) while the base still has what it showed at the last sync.
    const { outcome } = linked(planner, lead({ 'follow up': '46086' }), boardCard([], { due: '2026-03-04T12:00:00.000Z' }), known({ due: '2026-03-04' }));
    expect(flags).toEqual([]);
    expect(outcome.card).toEqual({ due: '2026-03-05T12:00:00.000Z' });
  });

  it("reads a custom field's cell as it is when no shown text was kept for the lead", () => {
    const { planner } = plannerOf([{ column: 'Value', field: 'custom:Deal value', direction: 'both' }], { shownDates: new Map([['L9', { 'custom:Deal value': '1' }]]) });
    const { outcome } = linked(planner, lead({ value: '12' }), boardCard(), known({ 'custom:Deal value': '' }));
    expect(outcome.items).toEqual([{ fieldId: 'cf1', body: { value: { number: '12' } } }]);
  });

  it("keeps the base's value and shown text of a field the board no longer has, and flags its cell", () => {
    const closing = [{ column: 'Closing', field: 'custom:Closing', direction: 'both' }];
    const { planner, flags } = plannerOf(closing);
    const { outcome } = linked(planner, lead({ closing: '46085' }), boardCard(), known({ 'custom:Closing': '2026-03-04', 'custom:Closing@shown': '3/4/2026' }));
    expect(outcome.base).toStrictEqual({ 'custom:Closing': '2026-03-04', 'custom:Closing@shown': '3/4/2026' });
    expect(flags).toEqual([['closing', expect.stringContaining('no custom field "Closing"')]]);
  });

  it('leaves the base without a value for a missing field it never had, and does not flag a blank cell', () => {
    const closing = [{ column: 'Closing', field: 'custom:Closing', direction: 'both' }];
    const { planner, flags } = plannerOf(closing);
    expect(linked(planner, lead({ closing: '' }), boardCard()).outcome.base).toStrictEqual({});
    expect(linked(planner, lead({ closing: '' }), boardCard(), known()).outcome.base).toStrictEqual({});
    expect(flags).toEqual([]);
  });

  it("keeps the card's description line when its cell holds an error value", () => {
    const { planner, flags } = plannerOf([{ column: 'Phone', field: 'desc:Phone', direction: 'both' }]);
    const { outcome } = linked(planner, lead({ phone: '#N/A' }), boardCard([['Phone', '555']]), known({ 'desc:Phone': '555' }));
    expect(flags).toEqual([['phone', expect.any(String)]]);
    expect(outcome.lines).toEqual([['Phone', '555']]);
    expect(outcome.base).toStrictEqual({ 'desc:Phone': '555' });
  });

  it('rewrites a one-way description line silently, and logs every other mapped change', () => {
    const { planner } = plannerOf([
      { column: 'email', field: 'desc:Email', direction: 'toTrello' },
      { column: 'Tags', field: 'labels', direction: 'toTrello' },
      { column: 'Follow up', field: 'due', direction: 'both' },
    ]);
    const { outcome, log } = linked(planner, lead({ tags: 'Hot', 'follow up': '2026-03-05' }), boardCard([['Email', 'old@example.com']]), known({ due: '' }));
    expect(outcome.lines).toEqual([['Email', 'ada@example.com']]);
    expect(outcome.items).toEqual([]);
    expect(log.map((line) => line.message)).toEqual([`Set the card's labels (column "Tags") to "Hot".`, `Set the card's due date (column "Follow up") to "2026-03-05".`]);
  });
});

describe('MappedFieldsPlanner.forNewCard', () => {
  it('sends neither the name, nor fields that come from the board, nor custom fields the board lacks', () => {
    const { planner, flags } = plannerOf([
      { column: 'name', field: 'name', direction: 'both' },
      { column: 'Follow up', field: 'due', direction: 'toSheet' },
      { column: 'Closing', field: 'custom:Closing', direction: 'both' },
    ]);
    expect(planner.forNewCard(lead({ 'follow up': '#N/A', closing: '2026-03-04' }))).toStrictEqual({ card: {}, items: [], base: {} });
    expect(flags).toEqual([]);
  });
});

describe('MappedFieldsPlanner.forImportedCard', () => {
  const made = boardCard([['Phone', '555']], { due: '2026-03-04T12:00:00.000Z' });

  it("fills the mapped columns from the card, but not the lead's own name column", () => {
    const { planner } = plannerOf([
      { column: 'name', field: 'name', direction: 'both' },
      { column: 'Phone', field: 'desc:Phone', direction: 'both' },
    ]);
    expect(planner.forImportedCard(made)).toStrictEqual({ fields: { phone: '555' }, base: { 'desc:Phone': '555' } });
  });

  it('leaves the name column to the import even when a description line maps it', () => {
    const { planner } = plannerOf([{ column: 'name', field: 'desc:Who', direction: 'both' }]);
    expect(planner.forImportedCard(boardCard([['Who', 'Ada Lovelace']]))).toStrictEqual({ fields: {}, base: {} });
  });

  it("leaves a one-way-to-Trello column blank, and keeps base values only of fields synced both ways", () => {
    const { planner } = plannerOf([
      { column: 'Follow up', field: 'due', direction: 'toTrello' },
      { column: 'Phone', field: 'desc:Phone', direction: 'toSheet' },
    ]);
    expect(planner.forImportedCard(made)).toStrictEqual({ fields: { 'follow up': '', phone: '555' }, base: {} });
  });
});
