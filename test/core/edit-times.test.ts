// Recorded edit times: one entry per edit, keyed by lead and time, read back per lead (newest wins).
import { editTimeEntry, newestEditTimes, recordedEditTimes } from '../../src/core/edit-times';

describe('recorded edit times', () => {
  it('gives each recorded edit its own key, so recording a newer edit never overwrites one a run has read', () => {
    expect(editTimeEntry('L1', 1000)).toEqual(['EDITED_AT:L1#1000', '1000']);
    expect(editTimeEntry('L1', 2000)[0]).not.toBe(editTimeEntry('L1', 1000)[0]);
  });

  it('reads every entry back with its key, lead and time, ids with # or : included', () => {
    const entries = Object.fromEntries([editTimeEntry('L1', 1000), editTimeEntry('L1', 3000), editTimeEntry('A#7:x', 2000), ['TRELLO_KEY', 'k']]);
    expect(recordedEditTimes(entries)).toEqual([
      { key: 'EDITED_AT:L1#1000', leadId: 'L1', at: 1000 },
      { key: 'EDITED_AT:L1#3000', leadId: 'L1', at: 3000 },
      { key: 'EDITED_AT:A#7:x#2000', leadId: 'A#7:x', at: 2000 },
    ]);
  });

  it('reads entries of older versions (one key per lead) and skips unreadable ones', () => {
    expect(recordedEditTimes({ 'EDITED_AT:L2': '1500', 'EDITED_AT:L3': 'soon' })).toEqual([{ key: 'EDITED_AT:L2', leadId: 'L2', at: 1500 }]);
  });

  it('keeps the newest time of each lead', () => {
    const recorded = recordedEditTimes(Object.fromEntries([editTimeEntry('L1', 3000), editTimeEntry('L1', 1000), editTimeEntry('L2', 2000)]));
    expect(newestEditTimes(recorded)).toEqual(new Map([['L1', 3000], ['L2', 2000]]));
  });
});
