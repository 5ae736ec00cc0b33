// The playground's admin routes under /_emulator/: board state, a person's edits, seeding, fault switches.
import type { HttpRequest, HttpResponse } from '../http';
import type { TrelloFaults } from './faults';
import { jsonResponse } from './responses';
import type { TrelloEmulator } from './trello-emulator';
import type { JsonValue } from './types';

type Body = Record<string, unknown>;

/** A required string field of an admin request body. */
function field(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new Error(`${name} is required`);
  return value;
}

function optionalField(body: Body, name: string): string | undefined {
  return body[name] === undefined ? undefined : field(body, name);
}

/** A string field that may be null (a cleared date) or absent (undefined). */
function nullableField(body: Body, name: string): string | null {
  const value = body[name];
  if (value === null) return null;
  if (typeof value !== 'string') throw new Error(`${name} must be a string or null`);
  return value;
}

/** A boolean field. */
function boolField(body: Body, name: string): boolean {
  if (typeof body[name] !== 'boolean') throw new Error(`${name} must be true or false`);
  return body[name];
}

/** A custom field value in the API's shape (`{text}`, `{number}`, `{date}`, `{checked}`), or '' to clear; absent is undefined. */
function customValue(body: Body): Record<string, string> | '' | undefined {
  const value = body.value;
  if (value === undefined || value === '') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new Error('value must be an object of strings or ""');
  }
  return value as Record<string, string>;
}

/** Runs an edit that returns nothing; its admin answer is `null`. */
function done(edit: () => void): JsonValue {
  edit();
  return null;
}

/** The edits a person can make through `POST /_emulator/person` (`op` names the edit). */
const PERSON_OPS: Record<string, (emulator: TrelloEmulator, body: Body) => JsonValue> = {
  createCard: (e, b) =>
    e.personCreatesCard({ memberId: field(b, 'memberId'), listId: field(b, 'listId'), name: field(b, 'name'), desc: optionalField(b, 'desc') }),
  moveCard: (e, b) => done(() => e.personMovesCard({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), listId: field(b, 'listId') })),
  renameCard: (e, b) => done(() => e.personRenamesCard({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), name: field(b, 'name') })),
  editDescription: (e, b) =>
    done(() => e.personEditsDescription({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), desc: typeof b.desc === 'string' ? b.desc : '' })),
  archiveCard: (e, b) => done(() => e.personArchivesCard({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId') })),
  unarchiveCard: (e, b) => done(() => e.personUnarchivesCard({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId') })),
  deleteCard: (e, b) => done(() => e.personDeletesCard({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId') })),
  createList: (e, b) => e.personCreatesList({ memberId: field(b, 'memberId'), boardId: field(b, 'boardId'), name: field(b, 'name') }),
  renameList: (e, b) => done(() => e.personRenamesList({ memberId: field(b, 'memberId'), listId: field(b, 'listId'), name: field(b, 'name') })),
  archiveList: (e, b) => done(() => e.personArchivesList({ memberId: field(b, 'memberId'), listId: field(b, 'listId') })),
  setDue: (e, b) => done(() => e.personSetsDue({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), due: nullableField(b, 'due') })),
  setDueComplete: (e, b) =>
    done(() => e.personMarksDueComplete({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), dueComplete: boolField(b, 'dueComplete') })),
  addLabel: (e, b) => done(() => e.personAddsLabel({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), labelId: field(b, 'labelId') })),
  removeLabel: (e, b) => done(() => e.personRemovesLabel({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), labelId: field(b, 'labelId') })),
  addMember: (e, b) => done(() => e.personAddsMemberToCard({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), idMember: field(b, 'idMember') })),
  removeMember: (e, b) =>
    done(() => e.personRemovesMemberFromCard({ memberId: field(b, 'memberId'), cardId: field(b, 'cardId'), idMember: field(b, 'idMember') })),
  setCustomField: (e, b) =>
    done(() =>
      e.personSetsCustomField({
        memberId: field(b, 'memberId'),
        cardId: field(b, 'cardId'),
        customFieldId: field(b, 'customFieldId'),
        value: customValue(b),
        idValue: typeof b.idValue === 'string' ? b.idValue : undefined,
      }),
    ),
};

const FAULT_NAMES: readonly (keyof TrelloFaults)[] = ['latencyMs', 'failNext5xx', 'failNext429', 'loseNextWriteResponses'];

function parseBody(request: HttpRequest): Body {
  const parsed: unknown = request.body === '' ? {} : JSON.parse(request.body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body must be a JSON object');
  return parsed as Body;
}

/** Answers one `/_emulator/…` request; mistakes are 400 `{error}`, unknown routes 404. */
export function handleAdminRequest(emulator: TrelloEmulator, request: HttpRequest): HttpResponse {
  const url = new URL(request.url);
  const route = `${request.method} ${url.pathname.replace(/\/$/, '')}`;
  try {
    switch (route) {
      case 'GET /_emulator/state': {
        const boardId = url.searchParams.get('boardId') ?? '';
        return jsonResponse({
          lists: emulator.listsOn(boardId),
          cards: emulator.cardsOn(boardId, 'open'),
          labels: emulator.labelsOn(boardId),
          members: emulator.membersOn(boardId),
          customFields: emulator.customFieldsOn(boardId),
        });
      }
      case 'POST /_emulator/person': {
        const body = parseBody(request);
        const op = PERSON_OPS[field(body, 'op')];
        if (!op) throw new Error(`unknown op ${String(body.op)}`);
        return jsonResponse({ result: op(emulator, body) });
      }
      case 'POST /_emulator/seed': {
        const body = parseBody(request);
        return jsonResponse(emulator.seedWorkspace({ username: field(body, 'username'), boardName: optionalField(body, 'boardName') }));
      }
      case 'POST /_emulator/faults': {
        const body = parseBody(request);
        for (const name of FAULT_NAMES) {
          const value = body[name];
          if (value === undefined) continue;
          if (typeof value !== 'number' || !(value >= 0)) throw new Error(`${name} must be a number ≥ 0`);
          emulator.faults[name] = value;
        }
        return jsonResponse({ ...emulator.faults });
      }
      case 'POST /_emulator/webhook-deactivation': {
        // A shorter rule lets a test or the playground see Trello deactivate a failing webhook within seconds.
        const body = parseBody(request);
        for (const name of ['failures', 'days'] as const) {
          const value = body[name];
          if (value === undefined) continue;
          if (typeof value !== 'number' || !(value >= 0)) throw new Error(`${name} must be a number ≥ 0`);
          emulator.webhookDeactivation[name] = value;
        }
        return jsonResponse({ ...emulator.webhookDeactivation });
      }
      default:
        return jsonResponse({ error: `no admin route ${route}` }, 404);
    }
  } catch (error) {
    return jsonResponse({ error: error instanceof Error ? error.message : String(error) }, 400);
  }
}
