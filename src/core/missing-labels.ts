// Which label names the sheet asks for that the board lacks, where FIELD_MAPPING allows creating them.
import type { BaseRecord } from './base-record';
import type { BoardLabel } from './board';
import { isErrorValue } from './error-value';
import type { FieldMapping } from './field-mapping';
import { stillSays, unknownLabelNames } from './field-values';
import type { Lead } from './lead';
import { sheetTextOf } from './mapped-fields-plan';

/**
 * The label names to create on the board before planning, each once (the first spelling met; names compare
 * case-insensitively): those the `labels` column of `leads` lists and `labels` lacks, when its entry has
 * `createMissing`. A cell still saying what was synced last names no new label: a label deleted on the board is not
 * made again, its removal reaches the cell instead.
 */
export function labelsToCreate(mapping: FieldMapping, leads: readonly Lead[], base: ReadonlyMap<string, BaseRecord>, labels: readonly BoardLabel[]): string[] {
  const entry = mapping.find((candidate) => candidate.kind === 'labels' && candidate.createMissing);
  if (!entry) return [];
  const names = new Map<string, string>();
  for (const lead of leads) {
    const text = sheetTextOf(lead, entry);
    const synced = base.get(lead.id)?.fields?.[entry.field];
    if (isErrorValue(text) || (synced !== undefined && stillSays(text, synced))) continue;
    for (const name of unknownLabelNames(text, labels)) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}
