// Whether a Trello token can run the sync: it must write to boards and never expire. Read from the member's token list.

/** A token as `GET /1/members/me/tokens` lists it (the token string itself is never part of it). */
export interface TokenInfo {
  dateExpires?: string | null;
  permissions?: { modelType?: string; idModel?: string; write?: boolean }[];
}

function writesBoards(token: TokenInfo): boolean {
  // Stryker disable next-line ArrayDeclaration: a stand-in list without board permission objects grants no board write either
  return (token.permissions ?? []).some((permission) => permission.modelType?.toLowerCase() === 'board' && permission.write === true);
}

function usable(token: TokenInfo): boolean {
  return !token.dateExpires && writesBoards(token);
}

/**
 * Why the connected token cannot run the sync, or null when it can. `tokens` are the member's tokens, the connected one
 * among them; which one is the connected token cannot be told without putting it in a URL, so a problem is reported
 * only when no token of the member could be a usable one (a member with a single token, the usual case, is judged
 * exactly). A token that slips through is still caught by the first refused write, which stops the run with one
 * message and no row blamed.
 */
export function tokenProblem(tokens: readonly TokenInfo[]): string | null {
  if (tokens.length === 0 || tokens.some(usable)) return null;
  if (!tokens.some(writesBoards)) {
    return 'This Trello token is read-only: the sync moves and creates cards, so it needs a token with read and write access. Create one with scope=read,write.';
  }
  // Stryker disable next-line StringLiteral: some token here has an expiry, and Trello's ISO dates sort before a text stand-in for a missing one
  const expiry = tokens.map((token) => token.dateExpires ?? '').filter(Boolean).sort()[0];
  return `This Trello token expires (${expiry.slice(0, 10)}), and the sync would stop that day. Create a token with expiration=never.`;
}
