// The page's calls to the playground server.
import type { PlaygroundState } from '../playground-types';

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

/** The sheet, board and executions as they are now. */
export async function fetchState(): Promise<PlaygroundState> {
  return answer<PlaygroundState>(await fetch('/api/state', { cache: 'no-store' }));
}

/** POSTs a JSON body; rejects with the server's error message. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}
