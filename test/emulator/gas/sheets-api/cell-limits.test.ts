// The Sheets API refuses a cell of more than 50,000 characters, in values.batchUpdate and in updateCells alike,
// and writes nothing of the call.
import { BOOK_ID, failed, ok, sheetOf, sheetsProject } from './sheets-fixture';

const REFUSAL = 'Your input contains more than the maximum of 50000 characters in a single cell.';

describe('50,000 characters in a cell', () => {
  it('values.batchUpdate refuses more, whatever the input option, and writes nothing', () => {
    const { emulator, book } = sheetsProject();
    for (const valueInputOption of ['RAW', 'USER_ENTERED']) {
      const data = [
        { range: 'Sheet1!A1', values: [['fine']] },
        { range: 'Sheet1!B1', values: [['x'.repeat(50_001)]] },
      ];
      expect(failed(emulator, 'valuesBatchUpdate', { valueInputOption, data }, BOOK_ID)).toBe(
        `GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchUpdate failed with error: ${REFUSAL}`,
      );
    }
    expect(sheetOf(book, 'Sheet1').cell(1, 1).value).toBe('');
    ok(emulator, 'valuesBatchUpdate', { valueInputOption: 'RAW', data: [{ range: 'Sheet1!B1', values: [['x'.repeat(50_000)]] }] }, BOOK_ID);
    expect(String(sheetOf(book, 'Sheet1').cell(1, 2).value)).toHaveLength(50_000);
  });

  it('updateCells refuses a longer stringValue', () => {
    const { emulator, book } = sheetsProject();
    const sheetId = sheetOf(book, 'Sheet1').sheetId;
    const requests = [{ updateCells: { start: { sheetId }, rows: [{ values: [{ userEnteredValue: { stringValue: 'y'.repeat(50_001) } }] }], fields: 'userEnteredValue' } }];
    expect(failed(emulator, 'spreadsheetsBatchUpdate', { requests }, BOOK_ID)).toBe(
      `GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: ${REFUSAL}`,
    );
    expect(sheetOf(book, 'Sheet1').cell(1, 1).value).toBe('');
  });
});
