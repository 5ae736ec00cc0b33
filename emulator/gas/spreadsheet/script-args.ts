// Argument checks for script calls, with the "parameters (…) don't match the method signature" text of Apps Script.
import { GasError, messages } from './gas-error';

/** The argument kinds a method signature can ask for. */
export type ParamKind = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'any';

/** The name Apps Script gives a value's type in a signature message: `String`, `number`, `Boolean`, `number[]`, `(class)`… */
export function gasTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const names = new Set(value.map(gasTypeName));
    return `${names.size === 1 ? [...names][0] : 'Object'}[]`;
  }
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
    case 'undefined':
      return typeof value;
    default:
      return Object.prototype.toString.call(value) === '[object Date]' ? 'Date' : '(class)';
  }
}

function fits(value: unknown, kind: ParamKind): boolean {
  switch (kind) {
    case 'any':
      return true;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null;
    default:
      return typeof value === kind;
  }
}

/** The signature error of `method` (e.g. `Range.setValues`) for the arguments it was given. */
export function signatureError(method: string, args: readonly unknown[]): GasError {
  return new GasError(messages.signature(method, args.map(gasTypeName).join(',')));
}

/**
 * Throws the signature error unless `args` has every `required` kind and, after them, at most the `optional` ones
 * (an optional argument may also be undefined).
 */
export function checkArgs(
  method: string,
  args: readonly unknown[],
  required: readonly ParamKind[],
  optional: readonly ParamKind[] = [],
): void {
  const ok =
    args.length >= required.length &&
    args.length <= required.length + optional.length &&
    args.every((arg, i) =>
      i < required.length ? fits(arg, required[i]) : arg === undefined || fits(arg, optional[i - required.length]),
    );
  if (!ok) throw signatureError(method, args);
}
