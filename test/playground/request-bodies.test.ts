// The playground server's checks of what the page posts: edits (a cell or a pasted block), row changes, menu items.
import { editRequest, menuRequest, RequestError, rowsRequest } from '../../emulator/playground/request-bodies';

describe('request bodies', () => {
  it('takes an edit as a block of text rows, one cell being [[text]]', () => {
    expect(editRequest(JSON.stringify({ sheet: 'LeadTracker', row: 2, column: 4, values: [['NEW'], ['LOST']] }))).toEqual({
      sheet: 'LeadTracker',
      row: 2,
      column: 4,
      values: [['NEW'], ['LOST']],
    });
    for (const values of [[], [[]], [['NEW', 3]], 'NEW']) {
      expect(() => editRequest(JSON.stringify({ sheet: 'LeadTracker', row: 2, column: 4, values }))).toThrow(RequestError);
    }
  });

  it('takes an insert, a delete or a sort of rows, and nothing else', () => {
    const rows = (change: unknown) => rowsRequest(JSON.stringify({ sheet: 'LeadTracker', change }));
    expect(rows({ kind: 'insert', beforeRow: 3, count: 1 }).change).toEqual({ kind: 'insert', beforeRow: 3, count: 1 });
    expect(rows({ kind: 'delete', row: 3, count: 2 }).change).toEqual({ kind: 'delete', row: 3, count: 2 });
    expect(rows({ kind: 'sort', column: 2, ascending: false }).change).toEqual({ kind: 'sort', column: 2, ascending: false });
    expect(() => rows({ kind: 'sort', column: 2 })).toThrow('change must be an insert, a delete or a sort');
    expect(() => rows({ kind: 'delete', row: 0, count: 1 })).toThrow('row must be a whole number ≥ 1');
    expect(() => rows({ kind: 'move', row: 2 })).toThrow(RequestError);
  });

  it('takes the function a menu item calls', () => {
    expect(menuRequest(JSON.stringify({ functionName: 'syncNow' }))).toBe('syncNow');
    expect(() => menuRequest(JSON.stringify({ functionName: 3 }))).toThrow('functionName must be a string');
  });
});
