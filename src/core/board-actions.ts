// Reads Trello board actions into per-card change times (for the conflict rule) and the newest action id (the cursor).
import type { CardChangeTimes } from './board';

/** The parts of a Trello action the sync reads. */
export interface ActionLike {
  id?: unknown;
  type?: unknown;
  date?: unknown;
  data?: {
    card?: { id?: unknown };
    listAfter?: unknown;
    old?: Record<string, unknown>;
    customField?: { name?: unknown };
  };
}

/**
 * Card actions that change a field FIELD_MAPPING may map, by the field key they change (`custom:` adds the field's
 * name). A Map, as the type is Trello's text: a word such as `constructor` finds nothing.
 */
const FIELD_ACTIONS = new Map<string, string>([
  ['addLabelToCard', 'labels'],
  ['removeLabelFromCard', 'labels'],
  ['addMemberToCard', 'members'],
  ['removeMemberFromCard', 'members'],
  ['updateCustomFieldItem', 'custom:'],
]);

/** Card fields an `updateCard` may change that a mapping may map (a description line changes `desc`). */
const UPDATED_FIELDS = ['due', 'dueComplete', 'desc'];

/** The mapped field keys an action changes (`due`, `labels`, `custom:<name>`, …). */
export function fieldsChangedBy(action: ActionLike): string[] {
  const type = typeof action.type === 'string' ? action.type : '';
  const old = isObject(action.data?.old) ? action.data.old : {};
  const changed = type === 'updateCard' ? UPDATED_FIELDS.filter((field) => field in old) : [];
  const field = FIELD_ACTIONS.get(type);
  const customName = action.data?.customField?.name;
  if (field === 'custom:') return typeof customName === 'string' ? [`custom:${customName}`] : [];
  return field ? [field] : changed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The change times one action stands for, by card id; empty when it changes no card's list or name. */
function changeOf(action: ActionLike): { cardId: string; times: CardChangeTimes } | undefined {
  const cardId = action.data?.card?.id;
  const at = typeof action.date === 'string' ? Date.parse(action.date) : NaN;
  if (typeof cardId !== 'string' || Number.isNaN(at)) return undefined;
  // Stryker disable next-line OptionalChaining: data is set here, the card id was read from it
  const old = isObject(action.data?.old) ? action.data.old : {};
  const times: CardChangeTimes = {};
  // Stryker disable next-line OptionalChaining: data is set here, the card id was read from it
  if (action.type === 'createCard' || action.type === 'moveCardToBoard' || action.data?.listAfter || 'idList' in old) times.list = at;
  if (action.type === 'createCard' || 'name' in old) times.name = at;
  const fields = fieldsChangedBy(action);
  if (fields.length) times.fields = Object.fromEntries(fields.map((field) => [field, at]));
  return times.list === undefined && times.name === undefined && !times.fields ? undefined : { cardId, times };
}

/** Latest list and name change per card over a list of actions (any order). */
export function changeTimesFrom(actions: readonly ActionLike[]): Map<string, CardChangeTimes> {
  const result = new Map<string, CardChangeTimes>();
  for (const action of actions) {
    const change = changeOf(action);
    if (!change) continue;
    const known = result.get(change.cardId) ?? {};
    const merged: CardChangeTimes = {
      list: Math.max(known.list ?? -Infinity, change.times.list ?? -Infinity),
      name: Math.max(known.name ?? -Infinity, change.times.name ?? -Infinity),
    };
    if (known.fields || change.times.fields) {
      merged.fields = { ...known.fields };
      for (const [field, at] of Object.entries(change.times.fields ?? {})) merged.fields[field] = Math.max(at, merged.fields[field] ?? at);
    }
    result.set(change.cardId, merged);
  }
  for (const times of result.values()) {
    if (times.list === -Infinity) delete times.list;
    if (times.name === -Infinity) delete times.name;
  }
  return result;
}

const ACTION_ID = /^[0-9a-f]{24}$/i;

/**
 * The id of the newest action (Trello ids grow with time), or the given cursor when there is none newer; a cursor
 * that is a date rather than an id is older than any action read after it.
 */
export function newestActionId(actions: readonly ActionLike[], cursor: string): string {
  let newest = cursor;
  for (const action of actions) {
    if (typeof action.id === 'string' && (!ACTION_ID.test(newest) || action.id > newest)) newest = action.id;
  }
  return newest;
}

/** The id of the oldest action of a page, where the next page (`before`) starts; empty when there is none. */
export function oldestActionId(actions: readonly ActionLike[]): string {
  let oldest = '';
  for (const action of actions) {
    if (typeof action.id === 'string' && (!oldest || action.id < oldest)) oldest = action.id;
  }
  return oldest;
}
