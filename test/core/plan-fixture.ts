// Builders for sync-plan tests: a sheet, a base and a board described in a few lines.
import type { BaseRecord } from '../../src/core/base-record';
import { mappedLists, type BoardCard, type CardChangeTimes } from '../../src/core/board';
import { describeLead } from '../../src/core/card-description';
import type { FieldEditTimes } from '../../src/core/edit-times';
import { readLeadTable } from '../../src/core/lead-table';
import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';
import { planSync, type PlanInput, type SyncPlan } from '../../src/core/sync-plan';

export const LISTS = new Map([
  ['TODO', 'list-todo'],
  ['IN_PROGRESS', 'list-doing'],
  ['DONE', 'list-done'],
]);
export const NOW = Date.UTC(2026, 0, 5, 12);
const HEADER = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];

/** A row: [id, name, email, status, source, cardId]. */
export type Row = [string, string, string, string, string, string];

export function card(id: string, leadId: string | null, listName: string, name: string, extra: Partial<BoardCard> = {}): BoardCard {
  return {
    id,
    name,
    desc: leadId ? describeLead('', { id: leadId, email: `${leadId}@example.com`, source: 'Web' }) : '',
    idList: LISTS.get(listName) ?? listName,
    shortLink: `s${id}`,
    ...extra,
  };
}

export function base(leadId: string, cardId: string, status: string, listName: string, name: string, extra: Partial<BaseRecord> = {}): BaseRecord {
  return {
    leadId,
    cardId,
    status,
    listId: LISTS.get(listName) ?? listName,
    name,
    cardFate: '',
    rowDeleted: false,
    archivePending: false,
    syncedAt: NOW - 3_600_000,
    blockedFingerprint: '',
    blockedError: '',
    ...extra,
  };
}

/** A lead row whose email and source match what `card()` describes. */
export function row(id: string, name: string, status: string, cardId = ''): Row {
  return [id, name, `${id}@example.com`, status, 'Web', cardId];
}

export interface Scenario {
  rows: Row[];
  base?: BaseRecord[];
  cards?: BoardCard[];
  complete?: boolean;
  fates?: PlanInput['board']['fates'];
  changeTimes?: [string, CardChangeTimes][];
  /** Sheet edit times by lead: a number is an edit of every synced field. */
  editTimes?: [string, number | FieldEditTimes][];
  scope?: string[];
  scopeCards?: string[];
  options?: Partial<PlanInput['options']>;
  /** The stored base was lost (defaults to false, whatever `base` holds). */
  baseMissing?: boolean;
}

/** The plan input a scenario describes. */
export function planInput(scenario: Scenario): PlanInput {
  return {
    table: readLeadTable('LeadTracker', [HEADER, ...scenario.rows], DEFAULT_STATUS_MAPPING),
    base: new Map((scenario.base ?? []).map((record) => [record.leadId, record])),
    board: {
      cards: new Map((scenario.cards ?? []).map((item) => [item.id, item])),
      complete: scenario.complete ?? true,
      fates: scenario.fates ?? new Map(),
      changeTimes: new Map(scenario.changeTimes ?? []),
    },
    lists: mappedLists(LISTS),
    mapping: DEFAULT_STATUS_MAPPING,
    sheetEditTimes: new Map((scenario.editTimes ?? []).map(([leadId, times]) => [leadId, typeof times === 'number' ? { status: times, name: times } : times])),
    scope: scenario.scope ? { leadIds: new Set(scenario.scope), cardIds: new Set(scenario.scopeCards ?? []) } : undefined,
    options: { importBoardCards: true, archiveCardOnRowDelete: false, blankStatus: 'FROM_CARD', ...scenario.options },
    baseMissing: scenario.baseMissing,
    now: NOW,
  };
}

export function plan(scenario: Scenario): SyncPlan {
  return planSync(planInput(scenario));
}
