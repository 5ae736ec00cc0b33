import { MissingColumnsError, readLeadTable } from '../../src/core/lead-table';
import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';

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
    const table = readLeadTable('LeadTracker', [header, ['L1', 'A', '', 'NEW', '', 'c1'], ['L2', 'A copy', '', 'NEW', '', 'c1'], ['L3', 'B', '', 'NEW', '', 'c2']], DEFAULT_STATUS_MAPPING);
    expect(table.problems.map((problem) => [problem.row, problem.column, problem.message])).toEqual([
      [2, 'trello_card_id', expect.stringContaining('Rows 2, 3 are linked to the same card')],
      [3, 'trello_card_id', expect.stringContaining('Rows 2, 3 are linked to the same card')],
    ]);
    expect(table.leads.map((lead) => lead.id)).toEqual(['L3']);
  });
});
