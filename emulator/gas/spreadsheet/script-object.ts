// Builds the objects a script receives: every method first counts itself (and meets the time limit) through
// env.call, and a GasError thrown inside comes out as the script's own Apps Script exception.
import type { ServiceEnv } from '../service-env';
import { GasError } from './gas-error';

/** A method as the script calls it. */
export type ScriptMethod = (...args: unknown[]) => unknown;

/**
 * The members of one class: `data` methods move cell data or notes (the cost budgets count them apart), `other` methods
 * do not, and `constants` are plain properties such as enums (`ui.Button`), which cost nothing to read.
 */
export interface MethodTable {
  data?: Record<string, ScriptMethod>;
  other?: Record<string, ScriptMethod>;
  constants?: Record<string, unknown>;
}

/**
 * Makes the object of class `className` (e.g. `Range`) that the script sees. Each call of `Class.method` goes through
 * `env.call('SpreadsheetApp', 'Class.method', kind)` before doing anything. The object prints as its class name,
 * as Apps Script objects do, and cannot be extended by the script.
 */
export function scriptObject(env: ServiceEnv, className: string, methods: MethodTable): object {
  const target: Record<string, unknown> = { ...methods.constants };
  const add = (table: Record<string, ScriptMethod> | undefined, kind: 'sheetsData' | undefined): void => {
    for (const [name, fn] of Object.entries(table ?? {})) {
      const qualified = `${className}.${name}`;
      target[name] = (...args: unknown[]): unknown => {
        env.call('SpreadsheetApp', qualified, kind);
        try {
          return fn(...args);
        } catch (error) {
          if (error instanceof GasError) env.fail(error.message);
          throw error;
        }
      };
    }
  };
  add(methods.data, 'sheetsData');
  add(methods.other, undefined);
  Object.defineProperty(target, 'toString', { value: () => className });
  return Object.freeze(target);
}

/**
 * `methods`, each counting `cells` moved cells (env.moveCells) once it succeeded: the data methods of a Range move
 * its whole block (a one-cell getter moves one cell).
 */
export function movingCells(env: ServiceEnv, cells: number, methods: Record<string, ScriptMethod>): Record<string, ScriptMethod> {
  return Object.fromEntries(
    Object.entries(methods).map(([name, fn]) => [
      name,
      (...args: unknown[]): unknown => {
        const result = fn(...args);
        env.moveCells(cells);
        return result;
      },
    ]),
  );
}
