// A Sheets API error (the HTTP status and Google's message) and the exception Apps Script throws for it in a script.
import type { Execution } from '../execution';
import { messages } from '../spreadsheet/gas-error';
import { MAX_CELL_CHARACTERS } from '../spreadsheet/sheet-model';

/** An error answer of the Sheets API; the emulator's Sheets code throws it, and the service turns it into the script's exception. */
export class SheetsApiError extends Error {
  constructor(
    readonly code: 400 | 404 | 429,
    message: string,
  ) {
    super(message);
    this.name = 'SheetsApiError';
  }
}

/** `400 INVALID_ARGUMENT` with `message`. */
export function badRequest(message: string): SheetsApiError {
  return new SheetsApiError(400, message);
}

/** Throws the API's refusal of a cell text over the per-cell limit (the same words SpreadsheetApp uses). */
export function checkCellLength(value: unknown): void {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) throw badRequest(messages.cellTooLong);
}

/**
 * The exception Apps Script throws when an advanced-service call fails: a `GoogleJsonResponseException` whose message
 * reads `API call to sheets.spreadsheets.values.batchGet failed with error: <Google's message>`, with the answer's
 * `code` and `message` in `details`. `apiMethod` is the API's method name (`sheets.spreadsheets.values.batchGet`).
 */
export function scriptException(env: Execution, apiMethod: string, error: SheetsApiError): Error {
  const exception = env.realm.newError('GoogleJsonResponseException', `API call to ${apiMethod} failed with error: ${error.message}`);
  return Object.assign(exception, { details: env.realm.adopt({ code: error.code, message: error.message }) });
}
