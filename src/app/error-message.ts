// Turns any thrown value into a message fit for a cell, a log line or the sidebar — with no secret in it.

/** The message of `error`, with every occurrence of a secret replaced. */
export function errorMessage(error: unknown, secrets: string[]): string {
  const text = error instanceof Error ? error.message : String(error);
  return secrets.filter((secret) => secret.length >= 4).reduce((message, secret) => message.split(secret).join('[hidden]'), text);
}
