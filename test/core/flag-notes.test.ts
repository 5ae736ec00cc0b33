import { reconcileFlags } from '../../src/core/flag-notes';
import { indexColumns } from '../../src/core/lead-table';
import { FLAG_PREFIX } from '../../src/core/row-problem';

const columns = indexColumns('LeadTracker', ['id', 'name', 'email', 'status', 'source', 'trello_card_id']);

describe('reconcileFlags', () => {
  it('sets a flag on the offending cell and clears flags whose problem is gone', () => {
    const notes = [
      ['', '', '', '', '', ''],
      ['', '', '', `${FLAG_PREFIX}old problem`, '', ''],
      ['', '', '', '', '', ''],
    ];
    const result = reconcileFlags([{ row: 3, column: 'status', leadId: 'L2', message: 'Unknown status "X".' }], notes, columns);
    expect(result.notes).toEqual([
      { row: 3, column: 4, value: `${FLAG_PREFIX}Unknown status "X".` },
      { row: 2, column: 4, value: '' },
    ]);
    expect(result.newlyFlagged.map((problem) => problem.row)).toEqual([3]);
    expect(result.before).toEqual({ cells: 1, rows: 1 });
    expect(result.after).toEqual({ cells: 1, rows: 1 });
  });

  it('counts flagged rows, not cells, and leaves a row that was not read alone', () => {
    const notes = [
      [`${FLAG_PREFIX}no id`, '', '', `${FLAG_PREFIX}old`, '', ''],
      ['', '', '', '', '', ''],
    ];
    const problems = [
      { row: 4, column: 'id' as const, leadId: '', message: 'no id' },
      { row: 4, column: 'status' as const, leadId: '', message: 'Unknown status "X".' },
      { row: 5, column: 'name' as const, leadId: 'L5', message: 'waits for a name' },
      { row: 9, column: 'name' as const, leadId: 'L9', message: 'not read this time' },
    ];
    const result = reconcileFlags(problems, notes, columns, 4);
    expect(result.before).toEqual({ cells: 2, rows: 1 });
    expect(result.after).toEqual({ cells: 3, rows: 2 });
    expect(result.notes).toEqual([
      { row: 4, column: 4, value: `${FLAG_PREFIX}Unknown status "X".` },
      { row: 5, column: 2, value: `${FLAG_PREFIX}waits for a name` },
    ]);
  });

  it('leaves the rows just before and just after the rows read alone', () => {
    const notes = [['', '', '', '', '', '']];
    const problems = [
      { row: 3, column: 'name', leadId: 'L3', message: 'before' },
      { row: 5, column: 'name', leadId: 'L5', message: 'after' },
    ];
    const result = reconcileFlags(problems, notes, columns, 4);
    expect(result.notes).toEqual([]);
    expect(result.after).toEqual({ cells: 0, rows: 0 });
  });

  it('flags a cell past the end of the notes read for its row', () => {
    const result = reconcileFlags([{ row: 1, column: 'trello_card_id', leadId: 'L1', message: 'gone' }], [['', '']], columns);
    expect(result.notes).toEqual([{ row: 1, column: 6, value: `${FLAG_PREFIX}gone` }]);
  });

  it('leaves a problem of a column the sheet lacks unflagged', () => {
    const result = reconcileFlags([{ row: 1, column: 'phone', leadId: 'L1', message: 'no phone column' }], [['', '', '', '', '', '']], columns);
    expect(result).toEqual({ notes: [], newlyFlagged: [], unflaggable: [], before: { cells: 0, rows: 0 }, after: { cells: 0, rows: 0 } });
  });

  it('puts the problems of one cell into one note, one a line', () => {
    const problems = [
      { row: 1, column: 'status', leadId: 'L1', message: 'first' },
      { row: 1, column: 'status', leadId: 'L1', message: 'second' },
    ];
    expect(reconcileFlags(problems, [['', '', '', '', '', '']], columns).notes).toEqual([{ row: 1, column: 4, value: `${FLAG_PREFIX}first\nsecond` }]);
  });

  it('leaves a note a person wrote alone, and reports that problem as not flaggable', () => {
    const notes = [
      ['', '', '', '', '', ''],
      ['Called on Monday', '', '', '', '', ''],
    ];
    const problem = { row: 2, column: 'id' as const, leadId: '', message: 'no id' };
    const result = reconcileFlags([problem], notes, columns);
    expect(result.notes).toEqual([]);
    expect(result.unflaggable).toEqual([problem]);
  });

  it('changes nothing when the flags are already there', () => {
    const notes = [['', '', '', '', '', ''], [`${FLAG_PREFIX}no id`, '', '', '', '', '']];
    const result = reconcileFlags([{ row: 2, column: 'id', leadId: '', message: 'no id' }], notes, columns);
    expect(result).toEqual({ notes: [], newlyFlagged: [], unflaggable: [], before: { cells: 1, rows: 1 }, after: { cells: 1, rows: 1 } });
  });
});
