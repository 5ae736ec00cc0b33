// Reading the fields of a Sheets API request the way the API does: the request is JSON, enums are checked by name.
import { badRequest } from './api-error';

/** A request body or optional arguments, as the API receives them: the JSON of what the script passed. */
export type ApiRequest = Record<string, unknown>;

/** What the API receives for `value`: Apps Script sends the script's object as JSON (Dates become ISO text, undefined goes). */
export function asRequest(value: unknown): ApiRequest {
  const json: unknown = value === undefined ? {} : JSON.parse(JSON.stringify(value) ?? '{}');
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as ApiRequest) : {};
}

/**
 * The enum field `name` of `request` (its type is the API's enum `type`, e.g. `ValueRenderOption`): `fallback` when
 * absent, one of `allowed`, or the API's "Invalid value at 'value_render_option'" error.
 */
export function enumField<T extends string>(request: ApiRequest, name: string, type: string, allowed: readonly T[], fallback: T): T {
  const value = request[name];
  if (value === undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  const field = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  throw badRequest(`Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), ${JSON.stringify(value)}`);
}

/** The value of `field` if it is an array, else an empty list. */
export function listField(request: ApiRequest, field: string): unknown[] {
  const value = request[field];
  return Array.isArray(value) ? value : [];
}

/** `value` as a request object (an empty one when it is not an object). */
export function objectOf(value: unknown): ApiRequest {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ApiRequest) : {};
}
