import { MissingColumnsError, readLeadTable } from '../../src/core/lead-table';
import { DEFAULT_FIELD_MAPPING, type FieldMapEntry } from '../../src/core/field-mapping';
import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';

const HEADER = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];
const CARD_1 = '5f1a2b3c4d5e6f7a8b9c0d11';
const CARD_2 = '5f1a2b3c4d5e6f7a8b9c0d22';

describe('readLeadTable', () => {
  it('matches columns by header text in any order and case, and reads ids as text', () => {
    const table = readLeadTable(
      'LeadTracker',
      [
        ['Notes', 'STATUS', 'Trello_Card_Id', ' ID ', 'Name', 'email', 'source'],
        ['call back', 'qualified ', '', 1001, 'Ada', 'ada@example.com', 'Web'],
      ],
      DEFAULT_STATUS_MAPPING,
    );
    expect(table.columns).toEqual({ id: 4, name: 5, email: 6, status: 2, source: 7, trello_card_id: 3 });
    expect(table.leads).toEqual([{ id: '1001', name: 'Ada', email: 'ada@example.com', status: 'QUALIFIED', source: 'Web', cardId: '', row: 2 }]);
  });

  it('names every missing column', () => {
    expect(() => readLeadTable('Leads', [['id', 'name', 'status']], DEFAULT_STATUS_MAPPING)).toThrow(MissingColumnsError);
    expect(() => readLeadTable('Leads', [['id', 'name', 'status']], DEFAULT_STATUS_MAPPING)).toThrow('The sheet "Leads" has no column "email", "source", "trello_card_id"');
    expect(() => readLeadTable('Leads', [['id', 'name', 'status']], DEFAULT_STATUS_MAPPING)).toThrow('Add a header cell with that text in row 1 (any order, any case).');
  });

  it('raises a missing column as an error named MissingColumnsError', () => {
    expect(() => readLeadTable('Leads', [['id']], DEFAULT_STATUS_MAPPING)).toThrow(expect.objectContaining({ name: 'MissingColumnsError', sheetName: 'Leads' }));
  });

  it('reads only the columns FIELD_MAPPING maps beyond the lead columns into the lead\'s fields', () => {
    const dealValue: FieldMapEntry = { column: 'Deal value', field: 'custom:Deal value', direction: 'both', kind: 'custom', label: 'Deal value' };
    const table = readLeadTable('LeadTracker', [[...HEADER, 'Deal value'], ['L1', 'A', 'a@example.com', 'NEW', 'Web', '', '100']], DEFAULT_STATUS_MAPPING, new Set(), [...DEFAULT_FIELD_MAPPING, dealValue]);
    expect(table.leads.map((lead) => lead.fields)).toEqual([{ 'deal value': '100' }]);
  });

  it('gives a row without an id a flag that names no lead', () => {
    const table = readLeadTable('LeadTracker', [HEADER, ['', 'A', '', 'NEW', '', '']], DEFAULT_STATUS_MAPPING);
    expect(table.problems).toEqual([{ row: 2, column: 'id', leadId: '', message: expect.stringContaining('no id') }]);
  });

  it('keeps the ids and card ids of rows with an error value present, except those read from the failing cell', () => {
    const table = readLeadTable(
      'LeadTracker',
      [HEADER, ['#N/A', 'A', '', 'NEW', '', CARD_1], ['L2', 'B', '', '#REF!', '', CARD_2], ['L3', 'C', '', 'NEW', '', '#N/A'], ['L4', 'D', '#VALUE!', 'NEW', '', '']],
      DEFAULT_STATUS_MAPPING,
    );
    expect(table.problems.map((problem) => [problem.row, problem.column, problem.leadId])).toEqual([
      [2, 'id', ''],
      [3, 'status', 'L2'],
      [4, 'trello_card_id', 'L3'],
      [5, 'email', 'L4'],
    ]);
    expect([...table.presentIds].sort()).toEqual(['L2', 'L3', 'L4']);
    expect([...table.presentCardIds].sort()).toEqual([CARD_1, CARD_2]);
  });

  it('lists as present only the card ids the rows hold', () => {
    const table = readLeadTable('LeadTracker', [HEADER, ['L1', 'A', '', 'NEW', '', CARD_1], ['L2', 'B', '', 'NEW', '', '']], DEFAULT_STATUS_MAPPING);
    expect([...table.presentCardIds]).toEqual([CARD_1]);
  });

  it('does not take an id cell holding an object other than a date for a date', () => {
    const table = readLeadTable('LeadTracker', [HEADER, [{ toString: () => 'L1' }, 'A', '', 'NEW', '', '']], DEFAULT_STATUS_MAPPING);
    expect(table.problems).toEqual([]);
    expect(table.leads.map((lead) => lead.id)).toEqual(['L1']);
  });

  it('flags blank ids with content, every row of a duplicate id and unknown statuses, and keeps the rest', () => {
    const header = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];
    const table = readLeadTable(
      'LeadTracker',
      [header, ['', 'No id', '', 'NEW', '', ''], ['L1', 'A', '', 'NEW', '', ''], ['L1', 'B', '', 'NEW', '', ''], ['L2', 'C', '', 'MAYBE', '', ''], ['L3', 'D', '', '', '', ''], ['', '', '', '', '', '']],
      DEFAULT_STATUS_MAPPING,
    );
    expect(table.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, 'id'],
      [3, 'id'],
      [4, 'id'],
      [5, 'status'],
    ]);
    expect(table.leads.map((lead) => lead.id)).toEqual(['L3']);
    expect([...table.presentIds]).toEqual(['L1', 'L2', 'L3']);
  });

  it('flags every row linked to the same card (a copied row), so the card is not pulled two ways', () => {
    const header = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];
    const table = readLeadTable('LeadTracker', [header, ['L1', 'A', '', 'NEW', '', CARD_1], ['L2', 'A copy', '', 'NEW', '', CARD_1], ['L3', 'B', '', 'NEW', '', CARD_2]], DEFAULT_STATUS_MAPPING);
    expect(table.problems.map((problem) => [problem.row, problem.column, problem.message])).toEqual([
      [2, 'trello_card_id', expect.stringContaining('Rows 2, 3 are linked to the same card')],
      [3, 'trello_card_id', expect.stringContaining('Rows 2, 3 are linked to the same card')],
    ]);
    expect(table.leads.map((lead) => lead.id)).toEqual(['L3']);
  });

  it('flags a card id that is not a Trello id (a crafted one could reach another card through the request path)', () => {
    const table = readLeadTable('LeadTracker', [HEADER, ['L1', 'A', '', 'NEW', '', `${CARD_1},/cards/${CARD_2}`], ['L2', 'B', '', 'NEW', '', CARD_2.toUpperCase()], ['L3', 'C', '', 'NEW', '', CARD_2]], DEFAULT_STATUS_MAPPING);
    expect(table.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, 'trello_card_id'],
      [3, 'trello_card_id'],
    ]);
    expect(table.problems[0].message).toContain('is not a Trello card id (24 characters, 0-9 and a-f)');
    expect(table.leads.map((lead) => lead.id)).toEqual(['L3']);
  });

  it('flags an id with a line break and an id that is a date, and keeps them present (not deleted rows)', () => {
    const table = readLeadTable('LeadTracker', [HEADER, ['L1\nL2', 'A', '', 'NEW', '', ''], [new Date(Date.UTC(2026, 2, 4)), 'B', '', 'NEW', '', ''], ['3/4/2026', 'C', '', 'NEW', '', ''], ['L4', 'D', '', 'NEW', '', '']], DEFAULT_STATUS_MAPPING, new Set([4]));
    expect(table.problems.map((problem) => [problem.row, problem.column, problem.message.slice(0, 40)])).toEqual([
      [2, 'id', expect.stringContaining('"L1\nL2"')],
      [3, 'id', expect.stringContaining('The id "2026-03-04')],
      [4, 'id', expect.stringContaining('The id "3/4/2026" is a date')],
    ]);
    expect(table.problems[0].message).toContain('holds a line break');
    expect(table.problems[1].message).toContain("changes with the cell's format");
    expect(table.leads.map((lead) => lead.id)).toEqual(['L4']);
    expect(table.presentIds.has('3/4/2026')).toBe(true);
  });

  it('quotes at most 200 characters of a cell in a flag', () => {
    const table = readLeadTable('LeadTracker', [HEADER, ['L1', 'A', '', 'X'.repeat(49_990), '', '']], DEFAULT_STATUS_MAPPING);
    expect(table.problems[0].message.length).toBeLessThan(400);
    expect(table.problems[0].message).toContain('(49,990 characters)');
  });
});
