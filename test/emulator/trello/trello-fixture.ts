// Test fixture: an emulator with a seeded workspace and a small client that calls it like the add-on does.
import type { HttpRequest, HttpResponse } from '../../../emulator/http';
import { type SeededWorkspace, TrelloEmulator, type TrelloEmulatorOptions } from '../../../emulator/trello';

/** An emulator, its seeded workspace and helpers to call the API as the workspace's token. */
export interface TrelloFixture {
  emulator: TrelloEmulator;
  workspace: SeededWorkspace;
  /** The `Authorization` header value of the workspace's token. */
  authorization: string;
  /** Sends a request with the OAuth header; `body` goes as JSON. */
  api(method: HttpRequest['method'], path: string, body?: object): HttpResponse;
  /** {@link api} and the parsed JSON body; fails the test when the status is not 200. */
  json<T = unknown>(method: HttpRequest['method'], path: string, body?: object): T;
}

/** `Authorization: OAuth …` for a key and token. */
export function oauthHeader(key: string, token: string): string {
  return `OAuth oauth_consumer_key="${key}", oauth_token="${token}"`;
}

/** A request to the real API's URL for `path` (without `/1`). */
export function apiRequest(method: HttpRequest['method'], path: string, headers: Record<string, string> = {}, body?: object): HttpRequest {
  const withBody = body === undefined ? headers : { ...headers, 'content-type': 'application/json' };
  return { method, url: `https://api.trello.com/1${path}`, headers: withBody, body: body === undefined ? '' : JSON.stringify(body) };
}

export function createFixture(options: TrelloEmulatorOptions = {}): TrelloFixture {
  const emulator = new TrelloEmulator(options);
  const workspace = emulator.seedWorkspace({ username: 'alice' });
  const authorization = oauthHeader(workspace.key, workspace.token);
  const api = (method: HttpRequest['method'], path: string, body?: object) => emulator.handle(apiRequest(method, path, { authorization }, body));
  const json = <T>(method: HttpRequest['method'], path: string, body?: object): T => {
    const response = api(method, path, body);
    if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${response.body}`);
    return JSON.parse(response.body) as T;
  };
  return { emulator, workspace, authorization, api, json };
}
