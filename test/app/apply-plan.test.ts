// Applying a plan: what the sheet, the base and the log get from Trello's answers — each only for what succeeded.
import { applyPlan } from '../../src/app/apply-plan';
import type { TrelloClient, TrelloRequest, TrelloResult } from '../../src/adapters/trello-client';
import type { BaseRecord } from '../../src/core/base-record';
import { readLeadTable } from '../../src/core/lead-table';
import { cardGoneMessage, refusedChange } from '../../src/core/row-problem';
import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';
import type { LeadStep, SyncPlan } from '../../src/core/sync-plan';
import { base } from '../core/plan-fixture';

const CARD = 'c00000000000000000000001';
const NEW_CARD = 'c00000000000000000000009';
const TABLE = readLeadTable('LeadTracker', [
  ['id', 'name', 'email', 'status', 'source', 'trello_card_id'],
  ['L1', 'Ada', 'ada@example.com', 'CONTACTED', 'Web', CARD],
  ['L2', 'Bo', 'bo@example.com', 'NEW', 'Web', ''],
  ['L3', 'Cy', 'c@x.io', 'NEW', 'A referral from the spring fair', 'c00000000000000000000003'],
], DEFAULT_STATUS_MAPPING);

const ok = (data: unknown = {}): TrelloResult => ({ ok: true, status: 200, data });
const failed = (status: number, message: string, retryable = false): TrelloResult => ({ ok: false, status, message, retryable });

/** A Trello client that answers each request it is sent with the next of `answers`, and keeps what it was sent. */
function trelloAnswering(...answers: TrelloResult[]) {
  const sent: TrelloRequest[][] = [];
  const client = {
    sendAll(requests: TrelloRequest[]) {
      sent.push(requests);
      return requests.map(() => answers.shift() ?? ok());
    },
  } as unknown as TrelloClient;
  return { client, sent };
}

/** L1's card moved to another list. */
const moveStep: LeadStep = {
  leadId: 'L1',
  row: 2,
  fingerprint: 'f1',
  trello: { kind: 'update', cardId: CARD, fields: { idList: 'list-doing' } },
  nextBase: base('L1', CARD, 'CONTACTED', 'IN_PROGRESS', 'Ada'),
  log: [{ direction: 'sheet → Trello', leadId: 'L1', message: 'Moved the card to IN_PROGRESS (status CONTACTED).' }],
};

/** L2's card made, with a custom field item written once it has its id. */
const createStep: LeadStep = {
  leadId: 'L2',
  row: 3,
  fingerprint: 'f2',
  trello: { kind: 'create', listId: 'list-todo', name: 'Bo', desc: 'Lead ID: L2', items: [{ field: 'custom:Deal value', fieldId: 'cf1', body: { value: { number: '5' } } }] },
  cells: { trello_card_id: '' },
  nextBase: base('L2', '', 'NEW', 'TODO', 'Bo', { fields: { 'custom:Deal value': '5' } }),
  log: [{ direction: 'sheet → Trello', leadId: 'L2', message: 'Created a card in TODO.' }],
};

/** A card made on the board, imported as a new row; its description gets the lead block. */
const IMPORTED_ROW = { id: 'TRELLO-s1', name: 'Idea', email: '', status: 'NEW', source: 'Trello', cardId: NEW_CARD };
const importStep: LeadStep = {
  leadId: 'TRELLO-s1',
  row: null,
  fingerprint: '',
  trello: { kind: 'update', cardId: NEW_CARD, fields: { desc: 'Lead ID: TRELLO-s1' } },
  append: IMPORTED_ROW,
  nextBase: base('TRELLO-s1', NEW_CARD, 'NEW', 'TODO', 'Idea'),
  log: [],
};

function planOf(...steps: LeadStep[]): SyncPlan {
  return { steps, problems: [], untimedConflictCards: [] };
}

function apply(plan: SyncPlan, trello: TrelloClient, known: BaseRecord[] = []) {
  return applyPlan(plan, TABLE, new Map(known.map((record) => [record.leadId, record])), trello);
}

describe('applyPlan', () => {
  it('writes a created card’s id into its row and its base record, then its custom field items, and counts it', () => {
    const { client, sent } = trelloAnswering(ok({ id: NEW_CARD }));
    const outcome = apply(planOf(createStep), client);
    expect(outcome.created).toBe(1);
    expect(outcome.sheet.cells).toEqual([{ leadId: 'L2', column: 'trello_card_id', value: NEW_CARD }]);
    expect(outcome.baseRecords).toEqual([{ ...createStep.nextBase, cardId: NEW_CARD }]);
    expect(sent[1]).toEqual([{ method: 'put', path: `/cards/${NEW_CARD}/customField/cf1/item`, body: { value: { number: '5' } } }]);
    expect(outcome.log).toEqual(createStep.log);
    expect(outcome.settledLeadIds).toEqual(new Set(['L1', 'L2', 'L3']));
  });

  it('leaves a custom field Trello did not take unknown in the base, so the next run sends it again', () => {
    const { client } = trelloAnswering(ok({ id: NEW_CARD }), failed(400, 'invalid value for value'));
    const outcome = apply(planOf(createStep), client);
    expect(outcome.baseRecords[0].fields).toEqual({});
    expect(createStep.nextBase.fields).toEqual({ 'custom:Deal value': '5' }); // the plan's own record is left as it was
  });

  it('counts a confirmed card update and keeps the fields it set', () => {
    const outcome = apply(planOf(moveStep), trelloAnswering(ok()).client);
    expect(outcome.updatedCards).toBe(1);
    expect(outcome.cardUpdates).toEqual([{ cardId: CARD, fields: { idList: 'list-doing' } }]);
    expect(outcome.created).toBe(0);
  });

  it('appends a card made on the board as a new row and counts it', () => {
    const outcome = apply(planOf({ ...importStep, trello: undefined }), trelloAnswering().client);
    expect(outcome.imported).toBe(1);
    expect(outcome.sheet.appended).toEqual([IMPORTED_ROW]);
  });

  it('blocks a change Trello refused until the row changes: the row is flagged and the old base kept', () => {
    const known = base('L1', CARD, 'NEW', 'TODO', 'Ada');
    const outcome = apply(planOf(moveStep), trelloAnswering(failed(400, 'invalid value for idList')).client, [known]);
    expect(outcome.refused).toEqual(['L1: invalid value for idList']);
    expect(outcome.log).toEqual([{ direction: 'info', leadId: 'L1', message: 'Trello refused the change (invalid value for idList); not retried until the row changes.' }]);
    expect(outcome.baseRecords).toEqual([{ ...known, blockedFingerprint: 'f1', blockedError: 'invalid value for idList' }]);
    expect(outcome.sheet.problems).toEqual([{ row: 2, leadId: 'L1', ...refusedChange('invalid value for idList', { email: 'ada@example.com', source: 'Web' }) }]);
    expect(outcome.updatedCards).toBe(0);
  });

  it('remembers a refused new card as made of nothing yet, so the sheet’s values are sent again once the row changes', () => {
    const outcome = apply(planOf(createStep), trelloAnswering(failed(400, 'invalid value for name')).client);
    expect(outcome.baseRecords).toEqual([{ ...createStep.nextBase, cardId: '', status: '', listId: '', name: '', blockedFingerprint: 'f2', blockedError: 'invalid value for name' }]);
    expect(outcome.sheet.cells).toEqual([]);
  });

  it('takes a step whose card update went through but whose custom field item was refused as refused', () => {
    const withItem: LeadStep = { ...moveStep, trello: { kind: 'update', cardId: CARD, fields: { idList: 'list-doing' }, items: [{ fieldId: 'cf1', body: { value: { number: 'x' } } }] } };
    const outcome = apply(planOf(withItem), trelloAnswering(ok(), failed(400, 'invalid value for value')).client);
    expect(outcome.refused).toEqual(['L1: invalid value for value']);
    expect(outcome.updatedCards).toBe(0);
  });

  it('flags no row for a refused change of a card being imported (it has no row yet)', () => {
    const outcome = apply(planOf(importStep), trelloAnswering(failed(400, 'invalid value for desc')).client);
    expect(outcome.refused).toEqual(['TRELLO-s1: invalid value for desc']);
    expect(outcome.sheet.problems).toEqual([]);
  });

  it('flags the refused description on the longest cell of the lead it is about', () => {
    const describeL3: LeadStep = { ...moveStep, leadId: 'L3', row: 4, trello: { kind: 'update', cardId: 'c00000000000000000000003', fields: { desc: 'x' } } };
    const outcome = apply(planOf(describeL3), trelloAnswering(failed(400, 'invalid value for desc')).client);
    expect(outcome.sheet.problems.map((problem) => [problem.row, problem.column])).toEqual([[4, 'source']]);
  });

  it('marks no row for a card gone before its import wrote one', () => {
    const outcome = apply(planOf(importStep), trelloAnswering(failed(404, 'not found')).client);
    expect(outcome.baseRecords).toEqual([{ ...importStep.nextBase, cardFate: 'deleted' }]);
    expect(outcome.sheet.problems).toEqual([]);
  });

  it('marks the row of a card deleted since it was read, instead of blocking it', () => {
    const known = base('L1', CARD, 'NEW', 'TODO', 'Ada');
    const outcome = apply(planOf(moveStep), trelloAnswering(failed(404, 'The requested resource was not found.')).client, [known]);
    expect(outcome.refused).toEqual([]);
    expect(outcome.baseRecords).toEqual([{ ...known, cardId: CARD, cardFate: 'deleted', syncedAt: moveStep.nextBase.syncedAt }]);
    expect(outcome.log).toEqual([{ direction: 'Trello → sheet', leadId: 'L1', message: 'The card was deleted from Trello; the row is kept and marked.' }]);
    expect(outcome.sheet.problems).toEqual([{ row: 2, column: 'trello_card_id', leadId: 'L1', message: cardGoneMessage('deleted') }]);
  });

  it('leaves a step Trello could not answer for a later run, and remembers a lead whose card may have been made', () => {
    const outcome = apply(planOf(moveStep, createStep), trelloAnswering(failed(429, 'rate limited', true), failed(500, 'lost', true)).client);
    expect(outcome.deferred).toBe(2);
    expect(outcome.tokenRefused).toBeUndefined();
    expect(outcome.settledLeadIds).toEqual(new Set(['L3']));
    expect(outcome.baseRecords).toEqual([{ ...createStep.nextBase, status: '', listId: '', name: '' }]);
    expect(outcome.log).toEqual([]);
    // A lead the base already knows keeps its record as it is.
    const known = apply(planOf(createStep), trelloAnswering(failed(500, 'lost', true)).client, [base('L2', '', 'NEW', 'TODO', 'Bo')]);
    expect(known.baseRecords).toEqual([]);
  });

  it('takes a card creation Trello answered 404 (its list gone) as refused, not as a deleted card', () => {
    const outcome = apply(planOf(createStep), trelloAnswering(failed(404, 'invalid value for idList')).client);
    expect(outcome.refused).toEqual(['L2: invalid value for idList']);
    expect(outcome.baseRecords[0]).toMatchObject({ cardFate: '', blockedError: 'invalid value for idList' });
  });

  it('does not blame a row when Trello refuses the token itself: the steps wait, and the answer is reported', () => {
    const outcome = apply(planOf(moveStep), trelloAnswering(failed(401, 'invalid token')).client);
    expect(outcome.tokenRefused).toBe('invalid token');
    expect(outcome.refused).toEqual([]);
    expect(outcome.sheet.problems).toEqual([]);
    expect(outcome.deferred).toBe(1);
    // Nor is a card creation taken as possibly made: the token was refused before anything was written.
    expect(apply(planOf(createStep), trelloAnswering(failed(401, 'invalid token')).client).baseRecords).toEqual([]);
  });

  it('counts the conflicts among the log lines of the steps that succeeded', () => {
    const conflict: LeadStep = { ...moveStep, log: [{ direction: 'conflict', leadId: 'L1', message: 'both changed' }] };
    expect(apply(planOf(conflict), trelloAnswering().client).conflicts).toBe(1);
  });

  it('tells its progress listener how many writes there are and whether they all create cards', () => {
    const heard: [number, boolean][] = [];
    const progress = (total: number, creates: boolean) => {
      heard.push([total, creates]);
      return () => undefined;
    };
    const { client } = trelloAnswering(ok({ id: NEW_CARD }));
    applyPlan(planOf(createStep), TABLE, new Map(), client, progress);
    applyPlan(planOf(moveStep, createStep), TABLE, new Map(), trelloAnswering(ok(), ok({ id: NEW_CARD })).client, progress);
    expect(heard).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});
