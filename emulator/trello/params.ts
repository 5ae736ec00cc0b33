// Request parameters: gathered from the query string and a JSON or form body (Trello reads both), and read with Trello's checks.
import type { HttpRequest } from '../http';
import { isTrelloId } from './object-id';
import { ApiError, textResponse, trelloErrors } from './responses';
import type { Position } from './trello-store';

/** Parameter values by name, as strings (JSON booleans and numbers become their text). */
export type Params = Record<string, string>;

/** Longest card name or description Trello accepts. */
const MAX_TEXT = 16384;

/** Query parameters, then body parameters (a body value wins, as in Express with a body parser). */
export function collectParams(url: URL, request: HttpRequest): Params {
  const params: Params = Object.fromEntries(url.searchParams);
  const contentType = request.headers['content-type'] ?? '';
  if (request.body === '' || request.method === 'GET' || request.method === 'HEAD') return params;
  if (contentType.includes('application/json')) {
    Object.assign(params, jsonBodyParams(request.body));
  } else if (contentType.includes('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(request.body)));
  }
  return params;
}

function jsonBodyParams(body: string): Params {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError(textResponse(400, 'Invalid JSON'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ApiError(textResponse(400, 'Invalid JSON'));
  return Object.fromEntries(
    Object.entries(parsed).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}

/** `true`/`false`, else `invalid value for <name>`. */
export function boolParam(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw trelloErrors.invalidValue(name);
  return value === 'true';
}

/** `top`, `bottom` or a positive number. */
export function posParam(params: Params, name = 'pos'): Position | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === 'top' || value === 'bottom') return value;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) throw trelloErrors.invalidValue(name);
  return number;
}

/** How {@link textParam} treats an absent or empty value. */
export type TextRule = 'optional' | 'required' | 'nonEmpty';

/**
 * A text of at most 16384 characters. `required`: present and not empty; `nonEmpty`: may be absent, not empty when
 * present; `optional`: anything.
 */
export function textParam(params: Params, name: string, rule: TextRule = 'optional'): string | undefined {
  const value = params[name];
  if (value === undefined && rule !== 'required') return undefined;
  if (value === undefined || value.length > MAX_TEXT || (rule !== 'optional' && value === '')) throw trelloErrors.invalidValue(name);
  return value;
}

/** One of `allowed`, or `fallback` when absent. */
export function enumParam<T extends string>(params: Params, name: string, allowed: readonly T[], fallback: T): T {
  const value = params[name] ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) throw trelloErrors.invalidValue(name);
  return value as T;
}

/** A Trello id given as a parameter; a malformed one is `invalid value for <name>`. */
export function idParam(params: Params, name: string, required: true): string;
export function idParam(params: Params, name: string, required?: false): string | undefined;
export function idParam(params: Params, name: string, required = false): string | undefined {
  const value = params[name];
  if (value === undefined && !required) return undefined;
  if (value === undefined || !isTrelloId(value)) throw trelloErrors.invalidValue(name);
  return value.toLowerCase();
}

/**
 * A date parameter (`due`, `start`): an instant `Date.parse` reads, or `null` / empty to clear it (epoch ms or null);
 * undefined when absent. Anything else is `invalid value for <name>`.
 */
export function dateParam(params: Params, name: string): number | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === 'null' || value === '') return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw trelloErrors.invalidValue(name);
  return at;
}

/** A comma-separated list of ids (`idLabels`, `idMembers`), an empty value clearing the list; undefined when absent. */
export function idListParam(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  // A JSON body may carry the list as an array.
  const items = value.startsWith('[') ? (parseJson(value, name) as unknown[]).map(String) : value.split(',');
  const ids = items.map((item) => item.trim()).filter((item) => item !== '');
  if (ids.some((id) => !isTrelloId(id))) throw trelloErrors.invalidValue(name);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** A parameter holding JSON (a JSON body's object values arrive as their JSON text); unparsable is `invalid value for <name>`. */
export function parseJson(value: string, name: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw trelloErrors.invalidValue(name);
  }
}
