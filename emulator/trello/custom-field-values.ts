// What `PUT /cards/{idCard}/customField/{idCustomField}/item` may set: its body read against the field's type, as Trello checks it.
import { parseJson, type Params } from './params';
import { trelloErrors } from './responses';
import type { CustomFieldRecord } from './trello-store';

/** The item's new content: a `value` (strings by type key), a list option (`idValue`), or nothing (cleared). */
export type CustomFieldContent = { value: Record<string, string> } | { idValue: string } | 'cleared';

/** The key of `value` each type takes (list fields take `idValue`). */
const VALUE_KEYS = { text: 'text', number: 'number', date: 'date', checkbox: 'checked' } as const;

/**
 * The content a request sets on `field`: `{"value": {"<key>": …}}` with the type's key (a number as a string or a
 * number; a date Trello can parse; checked `true`/`false`), `{"idValue": "<option id>"}` for a list field, and
 * `{"value": ""}` or `{"idValue": ""}` to clear. Unchecking a checkbox clears it. A value of the wrong type or key, or
 * an option of another field, is Trello's `Invalid custom field item value.`
 */
export function customFieldContent(field: CustomFieldRecord, params: Params): CustomFieldContent {
  const { value, idValue } = params;
  if (value === undefined && idValue === undefined) throw trelloErrors.invalidValue('value');
  if (value === '' || idValue === '') return 'cleared';
  if (field.type === 'list') {
    if (idValue === undefined || !field.options.some((option) => option.id === idValue.toLowerCase())) throw trelloErrors.invalidCustomFieldValue();
    return { idValue: idValue.toLowerCase() };
  }
  if (value === undefined) throw trelloErrors.invalidCustomFieldValue();
  const parsed = parseJson(value, 'value');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw trelloErrors.invalidCustomFieldValue();
  const entries = Object.entries(parsed);
  const key = VALUE_KEYS[field.type];
  if (entries.length !== 1 || entries[0][0] !== key) throw trelloErrors.invalidCustomFieldValue();
  const raw = entries[0][1];
  const text = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  if (text === undefined || !fitsType(field.type, raw, text)) throw trelloErrors.invalidCustomFieldValue();
  if (field.type === 'checkbox') return text === 'true' ? { value: { checked: 'true' } } : 'cleared';
  if (field.type === 'date') return { value: { date: new Date(Date.parse(text)).toISOString() } };
  return { value: { [key]: text } };
}

function fitsType(type: CustomFieldRecord['type'], raw: unknown, text: string): boolean {
  switch (type) {
    case 'text':
      return typeof raw === 'string';
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) && typeof raw !== 'boolean';
    case 'date':
      return typeof raw === 'string' && !Number.isNaN(Date.parse(text));
    case 'checkbox':
      return text === 'true' || text === 'false';
    case 'list':
      return false;
  }
}
