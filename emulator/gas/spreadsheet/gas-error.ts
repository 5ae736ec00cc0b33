// The Apps Script error messages of the Spreadsheet service, and the error that carries them until a script call
// turns it into the script's own exception.

/**
 * A failure with an Apps Script message. Code without a ServiceEnv (the models, the A1 parser) throws it; the
 * script-object wrapper rethrows it through `env.fail`, and direct model users (tests, the runtime) see it as is.
 */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Message texts exactly as Apps Script words them. */
export const messages = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowCountTooSmall: 'The number of rows in the range must be at least 1.',
  columnCountTooSmall: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  removeAllSheets: "You can't remove all the sheets in a document.",
  hideAllSheets: "You can't hide all the sheets in a document.",
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells: (limit: number) => `This action would increase the number of cells in the workbook above the limit of ${limit} cells.`,
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  freezeAllRows: "You can't freeze all visible rows on the sheet.",
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  validation: (cell: string, allowed: readonly string[]) =>
    `The data you entered in cell ${cell} violates the data validation rules set on this cell. ` +
    `Please enter one of the following values: ${allowed.join(', ')}.`,
  signature: (method: string, argTypes: string) =>
    `The parameters (${argTypes}) don't match the method signature for SpreadsheetApp.${method}.`,
} as const;
