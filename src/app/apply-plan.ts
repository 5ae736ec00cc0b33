// Applies a sync plan: Trello writes first, then the sheet, flags, base and log — each only for what succeeded.
import type { TrelloClient, TrelloRequest, TrelloResult } from '../adapters/trello-client';
import type { SheetLeadStore } from '../adapters/sheet-lead-store';
import type { BaseRecord } from '../core/base-record';
import { asPlainTextCell } from '../core/cell-text';
import { groupWrites, type CellChange } from '../core/column-writes';
import { reconcileFlags } from '../core/flag-notes';
import type { ColumnIndex, LeadTable } from '../core/lead-table';
import { LEAD_COLUMNS, type LeadColumn } from '../core/lead';
import { cardGoneMessage, refusedChangeMessage, type RowProblem } from '../core/row-problem';
import type { CellWrites, LeadStep, LogLine, NewLeadRow, SyncPlan } from '../core/sync-plan';

/** What applying a plan did. */
export interface ApplyOutcome {
  /** Base records to store (succeeded steps, and changes Trello refused). */
  baseRecords: BaseRecord[];
  log: LogLine[];
  /** Lead ids whose step succeeded or needed nothing. */
  settledLeadIds: Set<string>;
  created: number;
  updatedCards: number;
  changedCells: number;
  imported: number;
  conflicts: number;
  /** Steps left for a later run (Trello unreachable, rate limited or the run out of time). */
  deferred: number;
  /** Trello refusals (4xx), by lead. */
  refused: string[];
  /** Rows flagged this run (full runs only). */
  flagged: number;
}

/** The sheet side of a run: where the leads were read and what they looked like. */
export interface LeadSheetState {
  store: SheetLeadStore;
  table: LeadTable;
  values: unknown[][];
  /** Notes of the data range, read by full runs only (flags are reconciled then). */
  notes?: string[][];
}

function trelloRequest(step: LeadStep): TrelloRequest | undefined {
  const write = step.trello;
  if (!write) return undefined;
  if (write.kind === 'create') return { method: 'post', path: '/cards', body: { idList: write.listId, name: write.name, desc: write.desc, pos: 'bottom' } };
  return { method: 'put', path: `/cards/${write.cardId}`, body: { ...write.fields } };
}

/** Sends the plan's Trello writes and answers, per step, what happened. */
function sendTrelloWrites(trello: TrelloClient, steps: LeadStep[]): (TrelloResult | undefined)[] {
  const requests = steps.map(trelloRequest);
  const sent = trello.sendAll(requests.filter((request): request is TrelloRequest => request !== undefined));
  let next = 0;
  return requests.map((request) => (request ? sent[next++] : undefined));
}

/** The sheet row of a lead made from a board card, in the lead tab's column order. */
function appendedRow(lead: NewLeadRow, columns: ColumnIndex, width: number): unknown[] {
  const row: unknown[] = new Array(width).fill('');
  const cells: Record<LeadColumn, string> = { id: lead.id, name: lead.name, email: lead.email, status: lead.status, source: lead.source, trello_card_id: lead.cardId };
  for (const column of LEAD_COLUMNS) row[columns[column] - 1] = asPlainTextCell(cells[column]);
  return row;
}

/** Applies `plan` to Trello and the sheet. */
export function applyPlan(plan: SyncPlan, sheet: LeadSheetState, base: ReadonlyMap<string, BaseRecord>, trello: TrelloClient): ApplyOutcome {
  const { table, values } = sheet;
  const outcome: ApplyOutcome = {
    baseRecords: [],
    log: [],
    settledLeadIds: new Set(table.leads.map((lead) => lead.id)),
    created: 0,
    updatedCards: 0,
    changedCells: 0,
    imported: 0,
    conflicts: 0,
    deferred: 0,
    refused: [],
    flagged: 0,
  };
  const cellChanges: CellChange[] = [];
  const appended: unknown[][] = [];
  const problems: RowProblem[] = [...plan.problems];
  const width = Math.max(values[0]?.length ?? 0, ...Object.values(table.columns));

  const refuse = (step: LeadStep, answer: string) => {
    outcome.refused.push(`${step.leadId}: ${answer}`);
    outcome.log.push({ direction: 'info', leadId: step.leadId, message: `Trello refused the change (${answer}); not retried until the row changes.` });
    const known = base.get(step.leadId) ?? { ...step.nextBase, cardId: '', status: '', listId: '', name: '' };
    outcome.baseRecords.push({ ...known, blockedFingerprint: step.fingerprint, blockedError: answer });
    if (step.row !== null) problems.push({ row: step.row, column: 'trello_card_id', leadId: step.leadId, message: refusedChangeMessage(answer) });
  };
  const settle = (step: LeadStep, result: TrelloResult | undefined) => {
    const created = step.trello?.kind === 'create' && result?.ok ? String((result.data as { id: string }).id) : undefined;
    if (created) outcome.created++;
    else if (step.trello) outcome.updatedCards++;
    const cardId = created ?? step.nextBase.cardId;
    const cells = step.cells?.trello_card_id === '' ? { ...step.cells, trello_card_id: cardId } : step.cells;
    for (const [column, value] of Object.entries(cells ?? {}) as [keyof CellWrites, string][]) {
      if (step.row !== null) cellChanges.push({ row: step.row, column: table.columns[column], value: asPlainTextCell(value) });
    }
    if (step.append) {
      appended.push(appendedRow(step.append, table.columns, width));
      outcome.imported++;
    }
    outcome.baseRecords.push({ ...step.nextBase, cardId });
    outcome.log.push(...step.log);
  };

  // A card deleted since it was read answers 404: the row is marked as for any deleted card, not blocked.
  const vanish = (step: LeadStep, cardId: string) => {
    const known = base.get(step.leadId) ?? step.nextBase;
    outcome.baseRecords.push({ ...known, cardId, cardFate: 'deleted', syncedAt: step.nextBase.syncedAt });
    outcome.log.push({ direction: 'Trello → sheet', leadId: step.leadId, message: 'The card was deleted from Trello; the row is kept and marked.' });
    if (step.row !== null) problems.push({ row: step.row, column: 'trello_card_id', leadId: step.leadId, message: cardGoneMessage('deleted') });
  };

  sendTrelloWrites(trello, plan.steps).forEach((result, index) => {
    const step = plan.steps[index];
    if (!result || result.ok) settle(step, result);
    else if (result.status === 404 && step.trello?.kind === 'update') vanish(step, step.trello.cardId);
    else if (!result.retryable) refuse(step, result.message);
    else {
      outcome.deferred++;
      outcome.settledLeadIds.delete(step.leadId);
    }
  });
  outcome.conflicts = outcome.log.filter((line) => line.direction === 'conflict').length;
  outcome.changedCells = cellChanges.length;

  sheet.store.writeCells(groupWrites(cellChanges, (row, column) => values[row - 1]?.[column - 1] ?? ''));
  sheet.store.appendRows(values.length, appended);
  if (sheet.notes) {
    const notes = sheet.notes;
    const flags = reconcileFlags(problems, notes, table.columns);
    sheet.store.writeNotes(groupWrites(flags.notes, (row, column) => notes[row - 1]?.[column - 1] ?? ''));
    outcome.flagged = flags.newlyFlagged.length;
    for (const problem of flags.newlyFlagged) outcome.log.push({ direction: 'info', leadId: problem.leadId, message: `Row ${problem.row}: ${problem.message}` });
  }
  return outcome;
}
