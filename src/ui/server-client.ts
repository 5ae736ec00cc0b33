// A typed promise wrapper over google.script.run, the sidebar's only way to reach its server functions.
import type { SidebarServer } from '../app/sidebar-types';

/** The part of `google.script.run` the sidebar uses: handlers, then one server function by name. */
export type ScriptRun = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
} & { [K in keyof SidebarServer]: (...args: Parameters<SidebarServer[K]>) => void };

declare global {
  // Provided by HtmlService in the sidebar's page (and by the playground's shim).
  var google: { script: { run: ScriptRun } };
}

/**
 * Calls one server function and resolves with its return value, or rejects with an Error carrying the server's
 * message (google.script.run passes an Error, or sometimes a bare string).
 */
export function serverCall<K extends keyof SidebarServer>(name: K, ...args: Parameters<SidebarServer[K]>): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    // Indexing a mapped type by a generic key loses the parameter link, hence the cast to this key's signature.
    (run[name] as (...callArgs: Parameters<SidebarServer[K]>) => void)(...args);
  });
}
