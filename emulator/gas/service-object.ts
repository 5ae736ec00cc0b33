// Builds the objects a script receives from the non-Spreadsheet services: every method first goes through env.call,
// the one place where calls are counted and the execution time limit is met.
import type { ServiceEnv } from './service-env';

/** A method as the script calls it. */
export type ServiceMethod = (...args: unknown[]) => unknown;

/** How calls are reported to env.call: a prefix for the method name, and the methods that are Sheets data calls. */
export interface CallReporting {
  /** Put before the method name (e.g. `Spreadsheets.Values.` reports `Spreadsheets.Values.batchGet`). */
  prefix?: string;
  /** Methods that move cell data or notes (the README's cost budgets count them as Sheets data calls). */
  data?: readonly string[];
}

/**
 * Makes the object of class `className` (e.g. `UrlFetchApp`, `HTTPResponse`): each method calls
 * `env.call(service, name)` before it runs; `constants` (enums, nested service objects) are copied as they are. The
 * object prints as its class name, as Apps Script objects do, and cannot be changed by the script. (Chaining methods
 * return the object by name: `const output = serviceObject(…, { setTitle: () => output })`.)
 */
export function serviceObject(
  env: ServiceEnv,
  service: string,
  className: string,
  methods: Record<string, ServiceMethod>,
  constants: Record<string, unknown> = {},
  reporting: CallReporting = {},
): Record<string, ServiceMethod> {
  const target: Record<string, unknown> = { ...constants };
  for (const [name, method] of Object.entries(methods)) {
    const reported = (reporting.prefix ?? '') + name;
    const kind = reporting.data?.includes(name) ? 'sheetsData' : undefined;
    target[name] = (...args: unknown[]): unknown => {
      env.call(service, reported, kind);
      return method(...args);
    };
  }
  Object.defineProperty(target, 'toString', { value: () => className });
  return Object.freeze(target) as Record<string, ServiceMethod>;
}
