// google.script.run for the real sidebar inside the playground: every server call becomes POST /rpc {name, args}.
import type { ScriptRun } from '../../../src/ui/server-client';
import type { RpcRequest } from '../playground-types';

type Handler = (value: unknown) => void;

async function call(request: RpcRequest): Promise<{ value?: unknown; error?: string }> {
  const response = await fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  return (await response.json()) as { value?: unknown; error?: string };
}

/**
 * A runner like HtmlService's: withSuccessHandler/withFailureHandler return a new runner, and any other property is a
 * server function. As in Apps Script, a failure reaches the handler as an Error, and handlers run asynchronously.
 */
function runner(onSuccess?: Handler, onFailure?: Handler): ScriptRun {
  return new Proxy({} as ScriptRun, {
    get(_target, name) {
      if (name === 'withSuccessHandler') return (handler: Handler) => runner(handler, onFailure);
      if (name === 'withFailureHandler') return (handler: Handler) => runner(onSuccess, handler);
      // Not a server function: symbols, and `then` (so the runner is never mistaken for a promise).
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => {
        call({ name, args }).then(
          (answer) => (answer.error === undefined ? onSuccess?.(answer.value) : onFailure?.(new Error(answer.error))),
          (error: unknown) => onFailure?.(new Error(`NetworkError: ${String(error)}`)),
        );
      };
    },
  });
}

globalThis.google = { script: { run: runner() } };
