// The status panel's rows: where the sync stands comes from the status model, never from the last run's words alone.
import type { SidebarState } from '../../src/app/sidebar-types';
import { syncStatus } from '../../src/core/sync-status';
import { statusRows } from '../../src/ui/status-panel';

function state(overrides: Partial<SidebarState>): SidebarState {
  return {
    version: '1.0.0',
    mode: 'bound script',
    latencyNote: '',
    settingsProblem: null,
    hasKey: true,
    hasToken: true,
    boardId: 'b1',
    sheetName: 'LeadTracker',
    mapping: [],
    importBoardCards: true,
    archiveCardOnRowDelete: false,
    blankStatus: 'FROM_CARD',
    triggersInstalled: true,
    triggersOwner: '',
    webAppDeployed: true,
    webhookRegistered: false,
    webhook: { active: null, consecutiveFailures: null, note: '' },
    lastSync: null,
    recentErrors: [],
    queued: { edits: 0, webhookDeliveries: 0 },
    status: syncStatus({ flaggedRows: 0, waitingEdits: 0, waitingDeliveries: 0, deferred: 0 }),
    schedule: { everyMinutes: 1, quietRunMs: 0, dailyTriggerMs: 0, dailyLimitMs: 90 * 60_000, note: '' },
    ...overrides,
  };
}

const syncRow = (rows: ReturnType<typeof statusRows>) => rows.find((row) => row.term === 'Sync');

describe('statusRows', () => {
  it('says "In sync" in green only when the status is in sync and a sync has run', () => {
    const lastSync = { ok: true, kind: 'full', at: '2026-01-01T00:00:00.000Z', finished: true, created: 0, updatedCards: 0, changedCells: 0, imported: 0, conflicts: 0, flagged: 0, deferred: 0, errors: [], message: 'Everything is in sync.' } as const;
    expect(syncRow(statusRows(state({ lastSync: { ...lastSync, errors: [] } })))).toEqual({ term: 'Sync', value: 'In sync', good: true, detail: undefined });
    expect(syncRow(statusRows(state({})))).toMatchObject({ value: 'Not synced yet', detail: expect.stringContaining('Sync now') });
  });

  it('says nothing syncs while Trello is not connected, whatever the status model says', () => {
    expect(syncRow(statusRows(state({ hasKey: false, boardId: '' })))).toMatchObject({ value: 'Not syncing', good: false, detail: expect.stringContaining('API key') });
  });

  it('shows rows that need attention and waiting changes in red, with why', () => {
    const status = syncStatus({ flaggedRows: 3, waitingEdits: 2, waitingDeliveries: 0, deferred: 0 });
    const row = syncRow(statusRows(state({ status, queued: { edits: 2, webhookDeliveries: 0 } })));
    expect(row).toMatchObject({ value: '3 row(s) need attention, 2 change(s) waiting', good: false });
    expect(row?.detail).toContain('see the notes on the sheet');
    expect(row?.detail).toContain('2 edit(s) made while another sync was running');
  });

  it('offers to dismiss each recent error it lists', () => {
    const recentErrors = [
      { at: '2026-01-01T00:01:00.000Z', message: 'L2: 400 invalid value for name' },
      { at: '2026-01-01T00:00:00.000Z', message: 'L1: 400 invalid value for desc' },
    ];
    const errorRows = statusRows(state({ recentErrors })).filter((row) => row.dismiss);
    expect(errorRows.map((row) => [row.term, row.detail, row.dismiss])).toEqual([
      ['Recent errors', recentErrors[0].message, recentErrors[0]],
      ['', recentErrors[1].message, recentErrors[1]],
    ]);
  });
});
