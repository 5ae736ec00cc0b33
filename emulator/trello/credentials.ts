// Reading the API key and token of a request: the OAuth `Authorization` header or `key`/`token` parameters.

/** The key and token a request presents, and how. */
export interface Credentials {
  key?: string;
  token?: string;
  /** `header` for `Authorization: OAuth …`, `params` for `key`/`token` in the query or body. */
  via: 'header' | 'params' | 'none';
}

/** Names of the parameters that carry credentials (never part of an operation's documented parameters). */
export const CREDENTIAL_PARAMS: readonly string[] = ['key', 'token'];

const OAUTH_PAIR = /(\w+)="([^"]*)"/g;

/** Credentials from `Authorization: OAuth oauth_consumer_key="…", oauth_token="…"`, else from the parameters. */
export function readCredentials(headers: Record<string, string>, params: Record<string, string>): Credentials {
  const authorization = headers.authorization ?? '';
  if (/^OAuth\s/i.test(authorization)) {
    const pairs = new Map([...authorization.matchAll(OAUTH_PAIR)].map((m) => [m[1], decodeURIComponent(m[2])]));
    return { key: pairs.get('oauth_consumer_key'), token: pairs.get('oauth_token'), via: 'header' };
  }
  if (params.key !== undefined || params.token !== undefined) {
    return { key: params.key, token: params.token, via: 'params' };
  }
  return { via: 'none' };
}
