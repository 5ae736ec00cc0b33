// The one message a run gives when Trello refuses the token itself (401/403), instead of blaming rows.
import { refusesCredentials, TrelloError } from '../adapters/trello-client';

/** What the user reads when Trello refuses the token: what happened, what to do, and that nothing is lost. */
export function connectionMessage(answer: string): string {
  return (
    `Trello refused the token (${answer}): it may be read-only, expired or revoked. Save a token with read and write ` +
    'access that never expires in the sidebar (Trello Sync → Open sidebar); the waiting changes then sync by themselves.'
  );
}

/** The connection message when `error` is Trello refusing the token; undefined for any other error. */
export function connectionProblemOf(error: unknown): string | undefined {
  return error instanceof TrelloError && refusesCredentials(error.status) ? connectionMessage(error.message) : undefined;
}
