// The status model: "in sync" only when nothing is flagged and nothing waits; counts and reasons otherwise.
import { IN_SYNC_TEXT, syncStatus } from '../../src/core/sync-status';

const quiet = { flaggedRows: 0, waitingEdits: 0, waitingDeliveries: 0, deferred: 0 };

describe('syncStatus', () => {
  it('is in sync only when no row is flagged and nothing waits', () => {
    expect(syncStatus(quiet)).toEqual({ inSync: true, rowsNeedingAttention: 0, changesWaiting: 0, headline: 'In sync', text: IN_SYNC_TEXT });
    expect(syncStatus({ ...quiet, flaggedRows: 1 }).inSync).toBe(false);
    expect(syncStatus({ ...quiet, waitingEdits: 1 }).inSync).toBe(false);
    expect(syncStatus({ ...quiet, waitingDeliveries: 1 }).inSync).toBe(false);
    expect(syncStatus({ ...quiet, deferred: 1 }).inSync).toBe(false);
  });

  it('counts the rows that need attention and points at the notes', () => {
    const status = syncStatus({ ...quiet, flaggedRows: 3 });
    expect(status).toMatchObject({ rowsNeedingAttention: 3, changesWaiting: 0, headline: '3 row(s) need attention' });
    expect(status.text).toBe('3 row(s) need attention and are not synced: see the notes on the sheet.');
  });

  it('counts waiting changes and says why each waits', () => {
    const status = syncStatus({ flaggedRows: 1, waitingEdits: 2, waitingDeliveries: 1, deferred: 4 });
    expect(status.changesWaiting).toBe(7);
    expect(status.headline).toBe('1 row(s) need attention, 7 change(s) waiting');
    expect(status.text).toBe(
      '1 row(s) need attention and are not synced: see the notes on the sheet. 7 change(s) wait for the next run: 2 edit(s) made while another sync was running; ' +
        '1 board change(s) that arrived while another sync was running; 4 left unfinished by the last run (Trello busy or out of reach, or out of time).',
    );
  });

  it('names only the reasons that hold: nothing left unfinished when nothing was', () => {
    expect(syncStatus({ ...quiet, waitingEdits: 2 }).text).toBe('2 change(s) wait for the next run: 2 edit(s) made while another sync was running.');
    expect(syncStatus({ ...quiet, waitingDeliveries: 1 }).text).toBe('1 change(s) wait for the next run: 1 board change(s) that arrived while another sync was running.');
  });
});
