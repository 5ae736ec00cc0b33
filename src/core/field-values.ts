// The value of a mapped field on each side, as one comparable text (the base stores it), and how it is written back.
import type { BoardCard, BoardFields, BoardLabel, CustomFieldDefinition } from './board';
import type { FieldMapEntry } from './field-mapping';
import { quote } from './quote';

/** Minutes east of UTC of the spreadsheet's time zone at an instant (DST changes it). */
export type ZoneOffset = (utcMs: number) => number;

/** What the codecs need besides the values. */
export interface FieldContext {
  board: BoardFields;
  offsetAt: ZoneOffset;
}

/** A cell's value as the comparable text, or why it cannot be synced (flagged on the cell, not sent). */
export type SheetReading = { value: string } | { bad: string };

/** A custom field item write: PUT /1/cards/{card}/customField/{field}/item with `body`. */
export interface CustomItemWrite {
  fieldId: string;
  body: Record<string, unknown>;
}

/** The card fields a mapping may set, as Trello takes them (ids comma-separated; a null due date clears it). */
export interface MappedCardFields {
  due?: string | null;
  dueComplete?: boolean;
  idLabels?: string;
  idMembers?: string;
}

/** What writing one field to the card takes: card fields (one PUT with the rest) or a custom field item. */
export type CardWrite = { card: MappedCardFields } | { item: CustomItemWrite };

/** Cell texts (lower case) read as a checked and an unchecked checkbox; a blank cell is unchecked. */
const TRUE_TEXTS = ['true', 'yes', 'x', '1', '✓'];
const FALSE_TEXTS = ['', 'false', 'no', '0'];
const DAY_MS = 86_400_000;
/** Sheets serial day 0 (1899-12-30) in epoch days. */
const SERIAL_EPOCH_DAYS = 25_569;
/** A date-only cell stands for noon in the sheet's time zone, so the card shows the same day in nearby zones. */
const DATE_ONLY_HOUR = 12;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A wall-clock time (epoch ms read as UTC) as `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` unless it is noon of a date-only value. */
function wallText(wallMs: number): string {
  const at = new Date(wallMs);
  const day = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  if (at.getUTCHours() === DATE_ONLY_HOUR && at.getUTCMinutes() === 0) return day;
  return `${day} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** The wall-clock time (epoch ms read as UTC) of a date text or a Sheets serial number, or undefined. */
function wallTimeOf(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    const fraction = serial - Math.floor(serial);
    const ms = Math.round(((serial - SERIAL_EPOCH_DAYS) * DAY_MS) / 60_000) * 60_000;
    return fraction === 0 ? ms + DATE_ONLY_HOUR * 3_600_000 : ms;
  }
  const parts = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const [hours, minutes] = parts[4] === undefined ? [DATE_ONLY_HOUR, 0] : [Number(parts[4]), Number(parts[5])];
  const ms = Date.UTC(year, month - 1, day, hours, minutes);
  const check = new Date(ms);
  // 2026-02-30 is no date (Date.UTC would roll it over to March).
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hours < 24 && minutes < 60 ? ms : undefined;
}

/** An instant (ISO) as wall-clock text in the sheet's zone. */
function isoToWall(iso: string | null | undefined, offsetAt: ZoneOffset): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? '' : wallText(ms + offsetAt(ms) * 60_000);
}

/** Wall-clock text in the sheet's zone as an instant (ISO); the zone's offset is looked up at the instant itself. */
function wallToIso(text: string, offsetAt: ZoneOffset): string | null {
  const wall = wallTimeOf(text);
  if (wall === undefined) return null;
  const guess = wall - offsetAt(wall) * 60_000;
  return new Date(wall - offsetAt(guess) * 60_000).toISOString();
}

function readDate(text: string): SheetReading {
  if (!text) return { value: '' };
  const wall = wallTimeOf(text);
  return wall === undefined ? { bad: `${quote(text)} is not a date: use a date cell, or YYYY-MM-DD or YYYY-MM-DD HH:MM.` } : { value: wallText(wall) };
}

function readCheckbox(text: string): SheetReading {
  const lower = text.toLowerCase();
  if (TRUE_TEXTS.includes(lower)) return { value: 'TRUE' };
  if (FALSE_TEXTS.includes(lower)) return { value: 'FALSE' };
  return { bad: `${quote(text)} is not a checkbox value: use TRUE or FALSE (or a checkbox).` };
}

function readNumber(text: string): SheetReading {
  if (!text) return { value: '' };
  const number = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
  return Number.isFinite(number) ? { value: String(number) } : { bad: `${quote(text)} is not a number, so it is not sent to the card's number field.` };
}

/** The names a cell lists, comma-separated, without blanks or repeats. */
function listed(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !seen.has(part.toLowerCase()) && seen.add(part.toLowerCase()));
}

function joined(tokens: string[]): string {
  return [...tokens].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())).join(', ');
}

/** How a label is named in a cell: its name, with its colour where names repeat (or it has none). */
function labelToken(label: BoardLabel, labels: readonly BoardLabel[]): string {
  const repeated = !label.name || labels.filter((other) => other.name === label.name).length > 1;
  return repeated ? `${label.name}${label.name ? ' ' : ''}(${label.color ?? 'no colour'})` : label.name;
}

/** The labels a cell's token names: by their token, else by name and colour (`Hot (red)`), else by name alone. */
function labelsNamed(token: string, labels: readonly BoardLabel[]): BoardLabel[] {
  const lower = token.toLowerCase();
  const byToken = labels.filter((label) => labelToken(label, labels).toLowerCase() === lower);
  if (byToken.length) return byToken;
  const coloured = /^(.*?)\s*\(([^()]+)\)$/.exec(lower);
  const byColour = coloured ? labels.filter((label) => label.name.toLowerCase() === coloured[1] && (label.color ?? 'no colour') === coloured[2]) : [];
  return byColour.length ? byColour : labels.filter((label) => label.name.toLowerCase() === lower);
}

/** The labels a cell's names stand for, or the first name no label answers to. */
function labelsOf(text: string, labels: readonly BoardLabel[]): { labels: BoardLabel[] } | { bad: string } {
  const found: BoardLabel[] = [];
  for (const token of listed(text)) {
    const byName = labelsNamed(token, labels);
    if (byName.length > 1) return { bad: `Several labels of the board are named ${quote(token)}: add the colour, e.g. ${quote(labelToken(byName[0], labels))}.` };
    if (!byName.length) return { bad: `The board has no label ${quote(token)} (labels are matched by name; the add-on creates one only where FIELD_MAPPING's labels entry has "createMissing": true).` };
    found.push(byName[0]);
  }
  return { labels: found };
}

/** The names a cell lists that no label of the board answers to (in the cell's order and spelling). */
export function unknownLabelNames(text: string, labels: readonly BoardLabel[]): string[] {
  return listed(text).filter((token) => !labelsNamed(token, labels).length);
}

/** The members a cell's usernames or e-mails stand for, or the first one who is not a member of the board. */
function membersOf(text: string, board: BoardFields): { ids: string[]; usernames: string[] } | { bad: string } {
  const ids: string[] = [];
  const usernames: string[] = [];
  for (const token of listed(text)) {
    const wanted = token.replace(/^@/, '').toLowerCase();
    const member = board.members.find((candidate) => candidate.username.toLowerCase() === wanted || candidate.email?.toLowerCase() === wanted);
    if (!member) return { bad: `${quote(token)} is not a member of the board: only its members can be put on a card (nobody is invited).` };
    ids.push(member.id);
    usernames.push(member.username);
  }
  return { ids, usernames };
}

function optionText(definition: CustomFieldDefinition, optionId: string | null | undefined): string {
  return definition.options?.find((option) => option.id === optionId)?.value.text ?? '';
}

/** The custom field a `custom:` entry names on the board, or undefined when the board has none by that name. */
export function customFieldOf(entry: FieldMapEntry, board: BoardFields): CustomFieldDefinition | undefined {
  return board.customFields.find((definition) => definition.name === entry.label) ?? board.customFields.find((definition) => definition.name.toLowerCase() === entry.label.toLowerCase());
}

/** Why an entry cannot sync at all with this board (a custom field deleted or renamed there), or undefined. */
export function missingOnBoard(entry: FieldMapEntry, board: BoardFields): string | undefined {
  if (entry.kind !== 'custom' || customFieldOf(entry, board)) return undefined;
  return `The board has no custom field ${quote(entry.label)} (deleted or renamed?): this column does not sync until it is there again or the mapping changes.`;
}

/** A cell's text as the comparable value of `entry` (desc lines and names are plain text). */
export function sheetValue(entry: FieldMapEntry, text: string, context: FieldContext): SheetReading {
  switch (entry.kind) {
    case 'name':
    case 'desc':
      return /[\r\n]/.test(text) && entry.direction === 'both' ? { bad: 'A description line holds one line: remove the line breaks from this cell.' } : { value: text };
    case 'due':
      return readDate(text);
    case 'dueComplete':
      return readCheckbox(text);
    case 'labels': {
      const found = labelsOf(text, context.board.labels);
      return 'bad' in found ? found : { value: joined(found.labels.map((label) => labelToken(label, context.board.labels))) };
    }
    case 'members': {
      const found = membersOf(text, context.board);
      return 'bad' in found ? found : { value: joined(found.usernames) };
    }
    case 'custom': {
      const definition = customFieldOf(entry, context.board);
      // Stryker disable next-line StringLiteral: missingOnBoard always explains a custom entry whose field the board lacks
      if (!definition) return { bad: missingOnBoard(entry, context.board) ?? '' };
      if (definition.type === 'number') return readNumber(text);
      if (definition.type === 'date') return readDate(text);
      if (definition.type === 'checkbox') return readCheckbox(text);
      if (definition.type === 'list' && text) {
        const option = definition.options?.find((candidate) => candidate.value.text.toLowerCase() === text.toLowerCase());
        return option ? { value: option.value.text } : { bad: `${quote(text)} is not an option of ${quote(definition.name)}: use one of ${(definition.options ?? []).map((candidate) => quote(candidate.value.text)).join(', ')}.` };
      }
      return { value: text };
    }
  }
}

/** The card's comparable value of `entry` (not for desc lines, which live in the description block). */
export function boardValue(entry: FieldMapEntry, card: BoardCard, context: FieldContext): string {
  const board = context.board;
  switch (entry.kind) {
    case 'name':
      return card.name.trim();
    case 'desc':
      return '';
    case 'due':
      return isoToWall(card.due, context.offsetAt);
    case 'dueComplete':
      return card.dueComplete ? 'TRUE' : 'FALSE';
    case 'labels':
      return joined(board.labels.filter((label) => card.idLabels?.includes(label.id)).map((label) => labelToken(label, board.labels)));
    case 'members':
      return joined(board.members.filter((member) => card.idMembers?.includes(member.id)).map((member) => member.username));
    case 'custom': {
      const definition = customFieldOf(entry, board);
      const item = definition && card.customFieldItems?.find((candidate) => candidate.idCustomField === definition.id);
      if (!definition) return '';
      if (definition.type === 'checkbox') return item?.value?.checked === 'true' ? 'TRUE' : 'FALSE';
      if (!item) return '';
      if (definition.type === 'list') return optionText(definition, item.idValue);
      if (definition.type === 'number') return item.value?.number ? String(Number(item.value.number)) : '';
      if (definition.type === 'date') return isoToWall(item.value?.date, context.offsetAt);
      return item.value?.text ?? '';
    }
  }
}

/** How a comparable value is written to the card (for every kind but name and desc, which the plan writes itself). */
export function cardWrite(entry: FieldMapEntry, value: string, context: FieldContext): CardWrite {
  const board = context.board;
  switch (entry.kind) {
    case 'due':
      return { card: { due: wallToIso(value, context.offsetAt) } };
    case 'dueComplete':
      return { card: { dueComplete: value === 'TRUE' } };
    case 'labels': {
      const found = labelsOf(value, board.labels);
      return { card: { idLabels: 'bad' in found ? '' : found.labels.map((label) => label.id).join(',') } };
    }
    case 'members': {
      const found = membersOf(value, board);
      return { card: { idMembers: 'bad' in found ? '' : found.ids.join(',') } };
    }
    default: {
      const definition = customFieldOf(entry, board);
      return { item: { fieldId: definition?.id ?? '', body: customItemBody(definition, value, context.offsetAt) } };
    }
  }
}

/** The body of a custom field item write (Trello's shapes: values as text, an empty value clears). */
function customItemBody(definition: CustomFieldDefinition | undefined, value: string, offsetAt: ZoneOffset): Record<string, unknown> {
  if (definition?.type === 'list') return { idValue: definition.options?.find((option) => option.value.text === value)?.id ?? '' };
  if (definition?.type === 'checkbox') return { value: { checked: value === 'TRUE' ? 'true' : 'false' } };
  if (!value) return { value: '' };
  if (definition?.type === 'number') return { value: { number: value } };
  if (definition?.type === 'date') return { value: { date: wallToIso(value, offsetAt) } };
  return { value: { text: value } };
}

/**
 * True when a cell's text still says `value` (names in any order and case): a cell left as it was synced is no change,
 * even when what it names is gone from the board since (a deleted label or custom field option, a member who left).
 */
export function stillSays(text: string, value: string): boolean {
  const tokens = (list: string) => joined(listed(list)).toLowerCase();
  return tokens(text) === tokens(value);
}

/** What a comparable value is written into its cell as: checkboxes as booleans (a checkbox cell stays one), else text. */
export function cellValue(entry: FieldMapEntry, value: string, context: FieldContext): string | boolean {
  const checkbox = entry.kind === 'dueComplete' || (entry.kind === 'custom' && customFieldOf(entry, context.board)?.type === 'checkbox');
  return checkbox ? value === 'TRUE' : value;
}
