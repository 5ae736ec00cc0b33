// The FIELD_MAPPING setting: which sheet column syncs with which card field, and which way.
import { MARKER_LINE_LABEL } from './card-description';
import { quote } from './quote';

/** Which way a mapped field syncs. */
export type FieldDirection = 'both' | 'toTrello' | 'toSheet';

/** The kinds of card field a column can map to. */
export type CardFieldKind = 'name' | 'desc' | 'due' | 'dueComplete' | 'labels' | 'members' | 'custom';

/** One column ⇄ card field pair, as validated. */
export interface FieldMapEntry {
  /** The column's header as written in the setting (matched case-insensitively, trimmed). */
  column: string;
  /** The field as written in the setting: `name`, `desc:<Label>`, `due`, …, `custom:<name>`; also its key in the base. */
  field: string;
  direction: FieldDirection;
  kind: CardFieldKind;
  /** The description line's label (`desc:`) or the custom field's name (`custom:`); '' for the other kinds. */
  label: string;
  /** For `labels` only: a label name the board lacks is created there (without colour) instead of flagged. */
  createMissing?: boolean;
}

/** A validated mapping, in the order of the setting (description lines are written in this order). */
export type FieldMapping = readonly FieldMapEntry[];

const DIRECTIONS: readonly FieldDirection[] = ['both', 'toTrello', 'toSheet'];
const PLAIN_FIELDS: readonly CardFieldKind[] = ['name', 'due', 'dueComplete', 'labels', 'members'];
/** Columns the sync itself owns: the lead's identity, its list and its card. */
export const RESERVED_COLUMNS: readonly string[] = ['id', 'status', 'trello_card_id'];

/** Raised when FIELD_MAPPING cannot be used; the message says what to fix. */
export class FieldMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldMappingError';
  }
}

function defaultEntry(column: string, field: string, direction: FieldDirection): FieldMapEntry {
  // Stryker disable next-line ArrayDeclaration, StringLiteral: every default entry names a known field, so the fallback is never used
  const [kind, label] = splitField(field) ?? ['name', ''];
  return { column, field, direction, kind, label };
}

/** Today's behaviour, which an unset FIELD_MAPPING means: name both ways; email and source one way into the description. */
export const DEFAULT_FIELD_MAPPING: FieldMapping = [defaultEntry('name', 'name', 'both'), defaultEntry('email', 'desc:Email', 'toTrello'), defaultEntry('source', 'desc:Source', 'toTrello')];

/** The kind and label a field text names, or undefined when it names no field. */
function splitField(field: string): [CardFieldKind, string] | undefined {
  const plain = PLAIN_FIELDS.find((kind) => kind === field);
  if (plain) return [plain, ''];
  const prefixed = /^(desc|custom):(.+)$/s.exec(field);
  return prefixed ? [prefixed[1] as CardFieldKind, prefixed[2].trim()] : undefined;
}

/** The normalised key of a column header (how headers are matched). */
export function columnKey(header: string): string {
  return header.trim().toLowerCase();
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Validates one entry of the array (`position` counts from 1, for messages). */
function readEntry(raw: unknown, position: number): FieldMapEntry {
  const where = `Entry ${position} of FIELD_MAPPING`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FieldMappingError(`${where} is not an object like {"column": "…", "field": "…", "direction": "both"}.`);
  const fields = raw as Record<string, unknown>;
  const column = textOf(fields.column)?.trim();
  const field = textOf(fields.field)?.trim();
  const direction = textOf(fields.direction)?.trim();
  if (!column) throw new FieldMappingError(`${where} has no "column" (the header of a sheet column).`);
  if (!field) throw new FieldMappingError(`${where} has no "field" for the column ${quote(column)}.`);
  const split = splitField(field);
  // Stryker disable next-line StringLiteral: a trimmed field ends in a non-space, so the text after its colon is never empty once trimmed
  if (!split || ((split[0] === 'desc' || split[0] === 'custom') && !split[1])) {
    throw new FieldMappingError(
      `${where} maps the column ${quote(column)} to an unknown field ${quote(field)}: use name, desc:<Label>, due, dueComplete, labels, members or custom:<Custom field name>.`,
    );
  }
  if (!direction || !DIRECTIONS.includes(direction as FieldDirection)) {
    throw new FieldMappingError(`${where} (column ${quote(column)}) has the direction ${quote(direction ?? '')}: use both, toTrello or toSheet.`);
  }
  if (RESERVED_COLUMNS.includes(columnKey(column))) throw new FieldMappingError(`${where}: the column ${quote(column)} is the sync's own (id, status and trello_card_id cannot be mapped).`);
  const [kind, label] = split;
  if (kind === 'name' && columnKey(column) !== 'name') throw new FieldMappingError(`${where}: the card name comes from the column "name", not ${quote(column)}.`);
  if (kind === 'desc' && (/[\r\n:]/.test(label) || label.toLowerCase() === MARKER_LINE_LABEL.toLowerCase())) {
    throw new FieldMappingError(`${where}: ${quote(label)} cannot label a description line (one line, no colon, not "${MARKER_LINE_LABEL}").`);
  }
  const entry: FieldMapEntry = { column, field: kind === 'desc' || kind === 'custom' ? `${kind}:${label}` : kind, direction: direction as FieldDirection, kind, label };
  return fields.createMissing === undefined ? entry : { ...entry, createMissing: readCreateMissing(fields.createMissing, entry, where) };
}

/** Validates an entry's `createMissing`: a boolean, on a `labels` entry that sends labels to the board. */
function readCreateMissing(value: unknown, entry: FieldMapEntry, where: string): boolean {
  if (entry.kind !== 'labels') throw new FieldMappingError(`${where} (column ${quote(entry.column)}): "createMissing" applies to the field labels only, not ${quote(entry.field)}.`);
  if (typeof value !== 'boolean') throw new FieldMappingError(`${where} (column ${quote(entry.column)}): "createMissing" must be true or false, without quotes.`);
  if (value && entry.direction === 'toSheet') throw new FieldMappingError(`${where} (column ${quote(entry.column)}): "createMissing" needs the direction both or toTrello (toSheet never sends labels to the board).`);
  return value;
}

/** Parses and validates FIELD_MAPPING; throws FieldMappingError with a message that says what to fix. */
export function parseFieldMapping(text: string): FieldMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FieldMappingError(`FIELD_MAPPING is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!Array.isArray(parsed)) throw new FieldMappingError('FIELD_MAPPING must be a JSON array of {"column", "field", "direction"} objects.');
  const mapping = parsed.map((raw, index) => readEntry(raw, index + 1));
  refuseTwice(mapping, (item) => item.field.toLowerCase(), (item) => `the field ${quote(item.field)}`);
  refuseTwice(mapping, (item) => columnKey(item.column), (item) => `the column ${quote(item.column)}`);
  return mapping;
}

/** Throws when two entries share a key: a field fed by two columns, or a column feeding two fields, has no one value. */
function refuseTwice(mapping: FieldMapping, key: (item: FieldMapEntry) => string, what: (item: FieldMapEntry) => string): void {
  const seen = new Set<string>();
  for (const item of mapping) {
    if (seen.has(key(item))) throw new FieldMappingError(`FIELD_MAPPING maps ${what(item)} twice: each may appear once.`);
    seen.add(key(item));
  }
}

/** The mapped columns that `header` (the sheet's first row) lacks. */
export function unmatchedColumns(mapping: FieldMapping, header: readonly string[]): string[] {
  const present = new Set(header.map(columnKey));
  return mapping.filter((item) => !present.has(columnKey(item.column))).map((item) => item.column);
}

/** The message for mapped columns the sheet lacks. */
export function unmatchedColumnsMessage(sheetName: string, columns: readonly string[]): string {
  return `FIELD_MAPPING names the column${columns.length > 1 ? 's' : ''} ${columns.map(quote).join(', ')}, which the sheet ${quote(sheetName)} does not have. Add the header in row 1 or change the mapping.`;
}

/** What a board read must include for a mapping: the card fields and actions it maps, the board's labels, members and custom fields. */
export interface FieldReads {
  /** Cards are read with their custom field items. */
  items: boolean;
  /** The board's labels, members and custom field definitions are read with the cards. */
  boardFields: boolean;
}

/** The reads `mapping` needs; undefined when it maps nothing beyond today's name and description (nothing more is read). */
export function fieldReadsOf(mapping: FieldMapping | undefined): FieldReads | undefined {
  // Stryker disable next-line ArrayDeclaration: without a mapping there is no entry, and a made-up entry has no kind either
  const kinds = new Set((mapping ?? []).map((entry) => entry.kind));
  if (!['due', 'dueComplete', 'labels', 'members', 'custom'].some((kind) => kinds.has(kind as CardFieldKind)) && !(mapping ?? []).some((entry) => entry.kind === 'desc' && entry.direction !== 'toTrello')) return undefined;
  return { items: kinds.has('custom'), boardFields: kinds.has('labels') || kinds.has('members') || kinds.has('custom') };
}

/**
 * The lower-case keys of the board changes a mapping brings to the sheet (`desc` for any description line): a board
 * action changing one of them is worth reading the card again.
 */
export function boardWatchedFields(mapping: FieldMapping | undefined): Set<string> {
  const watched = (mapping ?? []).filter((entry) => entry.direction !== 'toTrello' && entry.kind !== 'name');
  return new Set(watched.map((entry) => (entry.kind === 'desc' ? 'desc' : entry.field.toLowerCase())));
}

/**
 * The base's key for the text a date field's cell showed at the last sync: while the cell shows the same, its value is
 * the base's, and the cell need not be read again as a serial number.
 */
export function shownKey(field: string): string {
  return `${field}@shown`;
}
