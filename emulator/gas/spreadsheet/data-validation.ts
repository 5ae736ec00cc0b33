// Data-validation rules on cells (the dropdown of the status column) and the check a write must pass.
import { GasError, messages } from './gas-error';

/** A "value in list" rule, the only kind the emulator models. */
export interface DataValidationModel {
  readonly criteria: 'VALUE_IN_LIST';
  readonly values: readonly string[];
  readonly showDropdown: boolean;
  /** True (the default in Sheets): an invalid value is kept and only marked; false: the write is rejected. */
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

/** True if `displayed` (the cell's shown text; '' for empty, which always passes) satisfies `rule`. */
export function satisfies(rule: DataValidationModel, displayed: string): boolean {
  return displayed === '' || rule.values.includes(displayed);
}

/** Throws the Sheets rejection for cell `a1` when a rejecting `rule` is not satisfied by `displayed`. */
export function checkRule(rule: DataValidationModel | null, displayed: string, a1: string): void {
  if (rule && !rule.allowInvalid && !satisfies(rule, displayed)) throw new GasError(messages.validation(a1, rule.values));
}
