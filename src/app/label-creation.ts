// Creates on the board the labels a mapping allows to be created, before the run plans with the board's labels.
import { trelloPath, type TrelloClient } from '../adapters/trello-client';
import type { BaseRecord } from '../core/base-record';
import type { BoardFields, BoardLabel } from '../core/board';
import type { FieldMapping } from '../core/field-mapping';
import type { Lead } from '../core/lead';
import { labelsToCreate } from '../core/missing-labels';
import { quote } from '../core/quote';
import type { LogLine } from '../core/sync-plan';

/**
 * Creates each label name the sheet asks for that the board lacks (where the `labels` entry has `createMissing`): one
 * request per new name, without colour. Created labels join `fields.labels`, so the plan puts them on the cards in
 * this run; a name Trello refused stays missing and its cells are flagged as before. Answers the log lines.
 */
export function createMissingLabels(trello: TrelloClient, boardId: string, mapping: FieldMapping | undefined, leads: readonly Lead[], base: ReadonlyMap<string, BaseRecord>, fields: BoardFields | undefined): LogLine[] {
  const names = fields && mapping ? labelsToCreate(mapping, leads, base, fields.labels) : [];
  if (!fields || !names.length) return [];
  const answers = trello.sendAll(names.map((name) => ({ method: 'post', path: `${trelloPath('boards', boardId)}/labels`, body: { name, color: null } })));
  return answers.map((answer, index): LogLine => {
    if (!answer.ok) return { direction: 'info', leadId: '', message: `Could not create the label ${quote(names[index])} on the board (${answer.message}); its cells are flagged until it exists.` };
    const label = answer.data as BoardLabel;
    fields.labels.push({ id: label.id, name: label.name, color: label.color ?? null });
    return { direction: 'sheet → Trello', leadId: '', message: `Created the label ${quote(names[index])} on the board (FIELD_MAPPING allows it).` };
  });
}
