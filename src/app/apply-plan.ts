// Applies a sync plan to Trello, and works out what the sheet, the base and the log get — each only for what succeeded.
import { refusesCredentials, trelloPath, type TrelloClient, type TrelloRequest, type TrelloResult } from '../adapters/trello-client';
import type { BaseRecord } from '../core/base-record';
import type { LeadTable } from '../core/lead-table';
import { cardGoneMessage, refusedChange, type RowProblem } from '../core/row-problem';
import type { CustomItemWrite } from '../core/field-values';
import type { CardFields, CreatedCardItem, LeadStep, LogLine, NewLeadRow, SyncPlan } from '../core/sync-plan';

/** A cell of a lead's row to set; the row is found by the lead's id when the change is written. */
export interface LeadCellChange {
  leadId: string;
  /** A lead column, or the key (lower-case header) of a column FIELD_MAPPING maps. */
  column: string;
  /** Text, or a checkbox's state. */
  value: string | boolean;
}

/** What the sheet gets from a run. */
export interface SheetChanges {
  cells: LeadCellChange[];
  /** New leads (cards made on the board), laid out in the tab's columns when they are written. */
  appended: NewLeadRow[];
  /** Every row to flag: the plan's, and changes Trello refused. */
  problems: RowProblem[];
}

/** What applying a plan did. */
export interface ApplyOutcome {
  /** Base records to store (succeeded steps, and changes Trello refused). */
  baseRecords: BaseRecord[];
  sheet: SheetChanges;
  log: LogLine[];
  /** Lead ids whose step succeeded or needed nothing. */
  settledLeadIds: Set<string>;
  created: number;
  updatedCards: number;
  imported: number;
  conflicts: number;
  /** Steps left for a later run (Trello unreachable, rate limited or the run out of time). */
  deferred: number;
  /** Trello refusals (4xx), by lead. */
  refused: string[];
  /** Card updates Trello confirmed, with the fields they set. */
  cardUpdates: { cardId: string; fields: CardFields }[];
  /** Trello's answer when it refused the token itself (401/403): the run's steps wait, no row is blamed. */
  tokenRefused?: string;
}

/** The requests of one step: the card's create or update, then its custom field items (each has a route of its own). */
function trelloRequests(step: LeadStep): TrelloRequest[] {
  const write = step.trello;
  if (!write) return [];
  if (write.kind === 'create') return [{ method: 'post', path: '/cards', body: { idList: write.listId, name: write.name, desc: write.desc, pos: 'bottom', ...write.fields } }];
  const card: TrelloRequest[] = Object.keys(write.fields).length ? [{ method: 'put', path: trelloPath('cards', write.cardId), body: { ...write.fields } }] : [];
  return [...card, ...(write.items ?? []).map((item) => itemRequest(write.cardId, item))];
}

/** The write of one custom field item of a card. */
function itemRequest(cardId: string, item: CustomItemWrite): TrelloRequest {
  return { method: 'put', path: `${trelloPath('cards', cardId, 'customField', item.fieldId)}/item`, body: item.body };
}

/**
 * Writes the custom field items of the cards just created (they needed the card's id). An item Trello did not take
 * leaves its field unknown in the base, so the next run sends the cell's value again.
 */
function writeCreatedItems(trello: TrelloClient, created: { record: BaseRecord; items: CreatedCardItem[] }[]): void {
  const writes = created.flatMap(({ record, items }) => items.map((item) => ({ record, item })));
  trello.sendAll(writes.map(({ record, item }) => itemRequest(record.cardId, item))).forEach((result, index) => {
    const { record, item } = writes[index];
    if (!result.ok && record.fields) delete record.fields[item.field];
  });
}

/** Hears how many of a run's Trello writes are answered, given how many there are and whether all create cards. */
export type WriteProgress = (total: number, creates: boolean) => (answered: number) => void;

/** Sends the plan's Trello writes and answers, per step, what happened: its first failure, else its first answer. */
function sendTrelloWrites(trello: TrelloClient, steps: LeadStep[], progress?: WriteProgress): (TrelloResult | undefined)[] {
  const requests = steps.map(trelloRequests);
  const writes = requests.flat();
  const sent = trello.sendAll(writes, progress?.(writes.length, steps.every((step) => !step.trello || step.trello.kind === 'create')));
  let next = 0;
  return requests.map((stepRequests) => {
    const answers = sent.slice(next, (next += stepRequests.length));
    return answers.find((answer) => !answer.ok) ?? answers[0];
  });
}

/** Sends the plan's Trello writes (telling `progress` as they are answered) and works out the rest from the answers. */
export function applyPlan(plan: SyncPlan, table: LeadTable, base: ReadonlyMap<string, BaseRecord>, trello: TrelloClient, progress?: WriteProgress): ApplyOutcome {
  const sheet: SheetChanges = { cells: [], appended: [], problems: [...plan.problems] };
  const outcome: ApplyOutcome = {
    baseRecords: [],
    sheet,
    log: [],
    settledLeadIds: new Set(table.leads.map((lead) => lead.id)),
    created: 0,
    updatedCards: 0,
    imported: 0,
    conflicts: 0,
    deferred: 0,
    refused: [],
    cardUpdates: [],
  };

  const refuse = (step: LeadStep, answer: string) => {
    outcome.refused.push(`${step.leadId}: ${answer}`);
    outcome.log.push({ direction: 'info', leadId: step.leadId, message: `Trello refused the change (${answer}); not retried until the row changes.` });
    const known = base.get(step.leadId) ?? { ...step.nextBase, cardId: '', status: '', listId: '', name: '' };
    outcome.baseRecords.push({ ...known, blockedFingerprint: step.fingerprint, blockedError: answer });
    const lead = table.leads.find((candidate) => candidate.id === step.leadId);
    // Stryker disable next-line LogicalOperator: a step has a row exactly when its lead is in the table
    if (step.row !== null && lead) sheet.problems.push({ row: step.row, leadId: step.leadId, ...refusedChange(answer, lead) });
  };
  // A card deleted since it was read answers 404: the row is marked as for any deleted card, not blocked.
  const vanish = (step: LeadStep, cardId: string) => {
    const known = base.get(step.leadId) ?? step.nextBase;
    outcome.baseRecords.push({ ...known, cardId, cardFate: 'deleted', syncedAt: step.nextBase.syncedAt });
    outcome.log.push({ direction: 'Trello → sheet', leadId: step.leadId, message: 'The card was deleted from Trello; the row is kept and marked.' });
    if (step.row !== null) sheet.problems.push({ row: step.row, column: 'trello_card_id', leadId: step.leadId, message: cardGoneMessage('deleted') });
  };
  const createdItems: { record: BaseRecord; items: CreatedCardItem[] }[] = [];
  const settle = (step: LeadStep, result: TrelloResult | undefined) => {
    const created = step.trello?.kind === 'create' && result?.ok ? String((result.data as { id: string }).id) : undefined;
    if (created) outcome.created++;
    else if (step.trello?.kind === 'update') {
      outcome.updatedCards++;
      outcome.cardUpdates.push({ cardId: step.trello.cardId, fields: step.trello.fields });
    }
    const cardId = created ?? step.nextBase.cardId;
    const cells = step.cells?.trello_card_id === '' ? { ...step.cells, trello_card_id: cardId } : step.cells;
    for (const [column, value] of Object.entries(cells ?? {}) as [string, string | boolean][]) sheet.cells.push({ leadId: step.leadId, column, value });
    if (step.append) {
      sheet.appended.push(step.append);
      outcome.imported++;
    }
    const record: BaseRecord = { ...step.nextBase, cardId, ...(step.nextBase.fields ? { fields: { ...step.nextBase.fields } } : {}) };
    outcome.baseRecords.push(record);
    // Stryker disable next-line OptionalChaining: `created` is set only for a step that sent a create
    if (created && step.trello?.kind === 'create' && step.trello.items) createdItems.push({ record, items: step.trello.items });
    outcome.log.push(...step.log);
  };

  sendTrelloWrites(trello, plan.steps, progress).forEach((result, index) => {
    const step = plan.steps[index];
    if (!result || result.ok) settle(step, result);
    // Stryker disable next-line OptionalChaining: a failed answer comes only from a step that sent a request
    else if (result.status === 404 && step.trello?.kind === 'update') vanish(step, step.trello.cardId);
    else if (!result.retryable && !refusesCredentials(result.status)) refuse(step, result.message);
    else {
      if (!result.retryable) outcome.tokenRefused = result.message;
      // A create whose answer was lost may have made the card: the base remembers the lead, so that if its row is
      // deleted before the next run, the card (found by its marker) is taken for a deleted row, not a new lead.
      // Stryker disable next-line OptionalChaining: a failed answer comes only from a step that sent a request
      if (result.retryable && step.trello?.kind === 'create' && !base.has(step.leadId)) outcome.baseRecords.push({ ...step.nextBase, status: '', listId: '', name: '' });
      outcome.deferred++;
      outcome.settledLeadIds.delete(step.leadId);
    }
  });
  if (createdItems.length) writeCreatedItems(trello, createdItems);
  outcome.conflicts = outcome.log.filter((line) => line.direction === 'conflict').length;
  return outcome;
}
