// Recorded edit times: one entry per edit, keyed by lead, field and time, read back per lead and field (newest wins).
import { editTimeEntries, editTimeEntry, fieldsInColumns, newestEditTimes, recordedEditTimes } from '../../src/core/edit-times';

describe('recorded edit times', () => {
  it('gives each recorded edit of a field its own key, so recording a newer edit never overwrites one a run has read', () => {
    expect(editTimeEntry('L1', 'status', 1000)).toEqual(['EDITED_AT:L1#status#1000', '1000']);
    expect(editTimeEntry('L1', 'status', 2000)[0]).not.toBe(editTimeEntry('L1', 'status', 1000)[0]);
    expect(editTimeEntry('L1', 'name', 1000)[0]).not.toBe(editTimeEntry('L1', 'status', 1000)[0]);
    expect(editTimeEntries(['L1', 'L2'], ['status', 'name'], 5)).toEqual({
      'EDITED_AT:L1#status#5': '5',
      'EDITED_AT:L1#name#5': '5',
      'EDITED_AT:L2#status#5': '5',
      'EDITED_AT:L2#name#5': '5',
    });
  });

  it('reads every entry back with its key, lead, field and time, ids with #, : or a field-like end included', () => {
    const entries = Object.fromEntries([editTimeEntry('L1', 'status', 1000), editTimeEntry('L1', 'name', 3000), editTimeEntry('A#7:x', 'status', 2000), editTimeEntry('B#name', 'status', 4000), ['TRELLO_KEY', 'k']]);
    expect(recordedEditTimes(entries)).toEqual([
      { key: 'EDITED_AT:L1#status#1000', leadId: 'L1', fields: ['status'], at: 1000 },
      { key: 'EDITED_AT:L1#name#3000', leadId: 'L1', fields: ['name'], at: 3000 },
      { key: 'EDITED_AT:A#7:x#status#2000', leadId: 'A#7:x', fields: ['status'], at: 2000 },
      { key: 'EDITED_AT:B#name#status#4000', leadId: 'B#name', fields: ['status'], at: 4000 },
    ]);
  });

  it('reads entries of older versions (per lead, with or without the time in the key) as edits of every field, and skips unreadable ones', () => {
    expect(recordedEditTimes({ 'EDITED_AT:L2': '1500', 'EDITED_AT:L3': 'soon', 'EDITED_AT:L4#2500': '2500' })).toEqual([
      { key: 'EDITED_AT:L2', leadId: 'L2', fields: ['status', 'name'], at: 1500 },
      { key: 'EDITED_AT:L4#2500', leadId: 'L4', fields: ['status', 'name'], at: 2500 },
    ]);
  });

  it('reads a field whose key ends like another field as the longer one, whatever order the fields come in', () => {
    const fields = ['status', 'due', 'custom:Ref #due'];
    const entries = Object.fromEntries([editTimeEntry('L1', 'custom:Ref #due', 1000)]);
    const expected = [{ key: 'EDITED_AT:L1#custom:Ref #due#1000', leadId: 'L1', fields: ['custom:Ref #due'], at: 1000 }];
    expect(recordedEditTimes(entries, fields)).toEqual(expected);
    expect(recordedEditTimes(entries, [...fields].reverse())).toEqual(expected);
  });

  it('reads a key with no lead id before the field as an older entry of a lead named by the whole key', () => {
    expect(recordedEditTimes({ 'EDITED_AT:#status#1000': '1000' })).toEqual([{ key: 'EDITED_AT:#status#1000', leadId: '#status', fields: ['status', 'name'], at: 1000 }]);
  });

  it('reads an older entry without the time in its key as the whole lead id, even one ending like a field', () => {
    expect(recordedEditTimes({ 'EDITED_AT:B#name': '1500' })).toEqual([{ key: 'EDITED_AT:B#name', leadId: 'B#name', fields: ['status', 'name'], at: 1500 }]);
  });

  it('keeps the newest time of each field of each lead', () => {
    const recorded = recordedEditTimes({
      ...Object.fromEntries([editTimeEntry('L1', 'status', 3000), editTimeEntry('L1', 'status', 1000), editTimeEntry('L1', 'name', 500), editTimeEntry('L2', 'name', 2000)]),
      'EDITED_AT:L1#2000': '2000',
    });
    expect(newestEditTimes(recorded)).toEqual(
      new Map([
        ['L1', { status: 3000, name: 2000 }],
        ['L2', { name: 2000 }],
      ]),
    );
  });

  it('maps an edited range of columns to the synced fields whose header columns it covers', () => {
    const columns = { id: 1, name: 2, email: 3, status: 4, source: 5, trello_card_id: 6 };
    expect(fieldsInColumns(columns, 3, 3)).toEqual([]); // email only
    expect(fieldsInColumns(columns, 7, 9)).toEqual([]); // an extra column
    expect(fieldsInColumns(columns, 4, 4)).toEqual(['status']);
    expect(fieldsInColumns(columns, 2, 2)).toEqual(['name']);
    expect(fieldsInColumns(columns, 1, 6)).toEqual(['status', 'name']); // a paste over the whole row
  });
});
