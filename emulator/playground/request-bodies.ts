// Checks the JSON bodies the page posts to the playground server; a bad body is a RequestError (answered 400).
import type { WebAppAccess } from '../gas';
import type { RowChange } from '../gas';
import type { BoardChange, EditRequest, RowsRequest, RpcRequest } from './playground-types';

/** A malformed request from the page. */
export class RequestError extends Error {}

type Body = Record<string, unknown>;

function object(raw: string): Body {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new RequestError('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RequestError('the body must be a JSON object');
  return parsed as Body;
}

function text(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new RequestError(`${name} must be a string`);
  return value;
}

function position(body: Body, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new RequestError(`${name} must be a whole number ≥ 1`);
  return value;
}

/** POST /api/edit. */
export function editRequest(raw: string): EditRequest {
  const body = object(raw);
  const values = body.values;
  const block = Array.isArray(values) && values.length > 0 && values.every((line) => Array.isArray(line) && line.length > 0 && line.every((cell) => typeof cell === 'string'));
  if (!block) throw new RequestError('values must be rows of strings');
  return { sheet: text(body, 'sheet'), row: position(body, 'row'), column: position(body, 'column'), values: values as string[][] };
}

/** POST /api/rows. */
export function rowsRequest(raw: string): RowsRequest {
  const body = object(raw);
  const sheet = text(body, 'sheet');
  const change = body.change;
  if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new RequestError('change must be an object');
  const fields = change as Body;
  const kind = text(fields, 'kind');
  const parsed: RowChange | undefined =
    kind === 'insert'
      ? { kind, beforeRow: position(fields, 'beforeRow'), count: position(fields, 'count') }
      : kind === 'delete'
        ? { kind, row: position(fields, 'row'), count: position(fields, 'count') }
        : kind === 'sort' && typeof fields.ascending === 'boolean'
          ? { kind, column: position(fields, 'column'), ascending: fields.ascending }
          : undefined;
  if (!parsed) throw new RequestError('change must be an insert, a delete or a sort (with ascending true or false)');
  return { sheet, change: parsed };
}

/** POST /api/menu: the function a menu item calls. */
export function menuRequest(raw: string): string {
  return text(object(raw), 'functionName');
}

/** POST /api/board. */
export function boardChange(raw: string): BoardChange {
  const body = object(raw);
  const op = text(body, 'op');
  switch (op) {
    case 'moveCard':
      return { op, cardId: text(body, 'cardId'), listId: text(body, 'listId') };
    case 'renameCard':
      return { op, cardId: text(body, 'cardId'), name: text(body, 'name') };
    case 'archiveCard':
      return { op, cardId: text(body, 'cardId') };
    case 'createCard':
      return { op, listId: text(body, 'listId'), name: text(body, 'name') };
    case 'addLabel':
    case 'removeLabel':
      return { op, cardId: text(body, 'cardId'), labelId: text(body, 'labelId') };
    case 'addMember':
    case 'removeMember':
      return { op, cardId: text(body, 'cardId'), idMember: text(body, 'idMember') };
    case 'setDue':
      return { op, cardId: text(body, 'cardId'), due: body.due === null ? null : text(body, 'due') };
    case 'setDueComplete':
      if (typeof body.dueComplete !== 'boolean') throw new RequestError('dueComplete must be true or false');
      return { op, cardId: text(body, 'cardId'), dueComplete: body.dueComplete };
    default:
      throw new RequestError(`unknown op ${op}`);
  }
}

/** POST /api/deployment. */
export function deploymentAccess(raw: string): WebAppAccess {
  const access = text(object(raw), 'access');
  if (access !== 'MYSELF' && access !== 'ANYONE_ANONYMOUS') throw new RequestError('access must be MYSELF or ANYONE_ANONYMOUS');
  return access;
}

/** POST /rpc. */
export function rpcRequest(raw: string): RpcRequest {
  const body = object(raw);
  if (!Array.isArray(body.args)) throw new RequestError('args must be an array');
  return { name: text(body, 'name'), args: body.args };
}
