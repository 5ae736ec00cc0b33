// Building Trello-like HTTP responses, and the error texts the real API answers with.
import type { HttpResponse } from '../http';
import type { JsonValue } from './types';

/** A 2xx/4xx JSON response. */
export function jsonResponse(body: JsonValue, status = 200): HttpResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** A plain-text response: Trello answers most errors as bare text. */
export function textResponse(status: number, text: string): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

/** Thrown inside request handling to answer with `response` (an API error, not an emulator bug). */
export class ApiError extends Error {
  constructor(readonly response: HttpResponse) {
    super(`${response.status} ${response.body}`);
  }
}

/** The error answers of the real API, by situation. */
export const trelloErrors = {
  /** A malformed id in the path (not 24 hex digits). */
  invalidId: () => new ApiError(textResponse(400, 'invalid id')),
  /** A well-formed id of nothing (or of something deleted). */
  notFound: () => new ApiError(textResponse(404, 'The requested resource was not found.')),
  /** A parameter with a value the operation does not accept. */
  invalidValue: (name: string) => new ApiError(textResponse(400, `invalid value for ${name}`)),
  /** A parameter the operation does not document; real Trello mostly ignores these, the emulator rejects them. */
  unknownParameter: (name: string) => new ApiError(textResponse(400, `unknown parameter ${name}`)),
  /** No credentials, a key without a token, a member without access to the model, or a write with a read-only token. */
  unauthorized: () => new ApiError(textResponse(401, 'unauthorized permission requested')),
  invalidKey: () => new ApiError(textResponse(401, 'invalid key')),
  invalidToken: () => new ApiError(textResponse(401, 'invalid token')),
  /** A token past its `dateExpires`. */
  expiredToken: () => new ApiError(textResponse(401, 'expired token')),
  /** `POST /1/cards` with a well-formed idList that names no list. */
  cardBoardNotFound: () => new ApiError(textResponse(404, 'could not find the board that the card belongs to')),
  /** A member id that is not a member of the card's board, in a card's `idMembers` (Trello's JSON error). */
  invalidObjectId: () => new ApiError(jsonResponse({ message: 'Invalid objectId', error: 'ERROR' }, 400)),
  /** A custom field value that does not fit the field's type (or a list option of another field). */
  invalidCustomFieldValue: () => new ApiError(jsonResponse({ message: 'Invalid custom field item value.', error: 'ERROR' }, 400)),
  /** `POST /cards/{id}/idLabels` with a label the card already has. */
  labelAlreadyOnCard: () => new ApiError(textResponse(400, 'that label is already on the card')),
  /** `POST /cards/{id}/idMembers` with a member already on the card. */
  memberAlreadyOnCard: () => new ApiError(textResponse(400, 'member is already on the card')),
  /** No route for the method and path; Express's text, with the path and query as sent. */
  noRoute: (method: string, pathAndQuery: string) => new ApiError(textResponse(404, `Cannot ${method} ${pathAndQuery}`)),
};

/** The 429 bodies documented in Trello's rate-limit guide (the /1/members one is assumed: no capture of it). */
export function rateLimitResponse(limit: 'token' | 'key' | 'member'): HttpResponse {
  const error = { token: 'API_TOKEN_LIMIT_EXCEEDED', key: 'API_KEY_LIMIT_EXCEEDED', member: 'API_MEMBER_LIMIT_EXCEEDED' }[limit];
  return jsonResponse({ error, message: 'Rate limit exceeded' }, 429);
}
