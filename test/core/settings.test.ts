import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';
import { DEFAULT_READ_ROWS_FROM, hasRoomFor, MAX_QUEUED_ENTRIES, MissingSettingsError, outdatedStateKeys, readableSettings, readRowsFrom, requireConnection, secretsIn, secretsOf, settingsFrom } from '../../src/core/settings';

describe('settings', () => {
  it('works with only the three Trello keys, every other setting at its default', () => {
    const settings = settingsFrom({ TRELLO_KEY: ' k ', TRELLO_TOKEN: 't', TRELLO_BOARD_ID: 'b' });
    expect(settings).toEqual({
      key: 'k',
      token: 't',
      boardId: 'b',
      webhookSecret: '',
      sheetName: 'LeadTracker',
      spreadsheetId: '',
      mapping: DEFAULT_STATUS_MAPPING,
      importBoardCards: true,
      archiveCardOnRowDelete: false,
      blankStatus: 'FROM_CARD',
    });
    expect(() => requireConnection(settings)).not.toThrow();
  });

  it('reads switches written as text', () => {
    expect(settingsFrom({ IMPORT_BOARD_CARDS: 'false', ARCHIVE_CARD_ON_ROW_DELETE: 'TRUE' })).toMatchObject({ importBoardCards: false, archiveCardOnRowDelete: true });
    expect(settingsFrom({ IMPORT_BOARD_CARDS: 'no', ARCHIVE_CARD_ON_ROW_DELETE: ' ' })).toMatchObject({ importBoardCards: false, archiveCardOnRowDelete: false });
  });

  it('switches off only for a whole false, no, off or 0, spaces around it allowed', () => {
    expect(settingsFrom({ IMPORT_BOARD_CARDS: ' off ' }).importBoardCards).toBe(false);
    expect(settingsFrom({ IMPORT_BOARD_CARDS: '10' }).importBoardCards).toBe(true);
    expect(settingsFrom({ IMPORT_BOARD_CARDS: '01' }).importBoardCards).toBe(true);
  });

  it('reads the blank-status choice: FLAG in any case, anything else the default', () => {
    expect(settingsFrom({ BLANK_STATUS: ' flag ' }).blankStatus).toBe('FLAG');
    expect(settingsFrom({ BLANK_STATUS: 'NEW' }).blankStatus).toBe('FROM_CARD');
  });

  it('names the missing Trello settings and where to set them', () => {
    expect(() => requireConnection(settingsFrom({ TRELLO_KEY: 'k' }))).toThrow(new MissingSettingsError(['TRELLO_TOKEN', 'TRELLO_BOARD_ID']));
    expect(() => requireConnection(settingsFrom({}))).toThrow('Open Trello Sync → Open sidebar to connect.');
  });

  it('names a single missing setting in the singular, as a MissingSettingsError', () => {
    const error = new MissingSettingsError(['TRELLO_TOKEN']);
    expect(error.message).toBe('Trello is not connected yet: TRELLO_TOKEN is not set. Open Trello Sync → Open sidebar to connect.');
    expect(error.name).toBe('MissingSettingsError');
  });

  it('reads READ_ROWS_FROM as a whole count of rows, else the default', () => {
    expect(readRowsFrom({ READ_ROWS_FROM: ' 200 ' })).toBe(200);
    expect(readRowsFrom({ READ_ROWS_FROM: '0' })).toBe(0);
    expect(readRowsFrom({})).toBe(DEFAULT_READ_ROWS_FROM);
    expect(readRowsFrom({ READ_ROWS_FROM: '  ' })).toBe(DEFAULT_READ_ROWS_FROM);
    expect(readRowsFrom({ READ_ROWS_FROM: '2.5' })).toBe(DEFAULT_READ_ROWS_FROM);
    expect(readRowsFrom({ READ_ROWS_FROM: '-5' })).toBe(DEFAULT_READ_ROWS_FROM);
  });

  it('lists the key, token and webhook secret as secrets, from settings or straight from the stored entries', () => {
    expect(secretsOf(settingsFrom({ TRELLO_KEY: 'k', TRELLO_TOKEN: 't', WEBHOOK_SECRET: 's', TRELLO_BOARD_ID: 'b' }))).toEqual(['k', 't', 's']);
    expect(secretsIn({ TRELLO_KEY: ' k ', TRELLO_TOKEN: 't', TRELLO_BOARD_ID: 'b', STATUS_MAPPING: '{' })).toEqual(['k', 't', '']);
  });

  it('caps entries kept per prefix', () => {
    const entries = Object.fromEntries(Array.from({ length: MAX_QUEUED_ENTRIES - 1 }, (_, index) => [`CARD_HINT:${index}`, '1']));
    expect(hasRoomFor(entries, 'CARD_HINT:', 1)).toBe(true);
    expect(hasRoomFor(entries, 'CARD_HINT:', 2)).toBe(false);
    expect(hasRoomFor(entries, 'EDITED_AT:', MAX_QUEUED_ENTRIES)).toBe(true);
  });

  it('outdates the list ids and actions cursor with another board, the list ids with another mapping', () => {
    const before = { TRELLO_BOARD_ID: 'b1', STATUS_MAPPING: '{"NEW":"TODO"}', SHEET_NAME: 'Leads' };
    expect(outdatedStateKeys(before, { ...before, TRELLO_BOARD_ID: 'b2' })).toEqual(['TRELLO_LIST_IDS', 'TRELLO_ACTIONS_CURSOR']);
    expect(outdatedStateKeys(before, { ...before, STATUS_MAPPING: '{"NEW":"DONE"}' })).toEqual(['TRELLO_LIST_IDS']);
    expect(outdatedStateKeys(before, { ...before, SHEET_NAME: 'Prospects' })).toEqual([]);
  });

  it('takes a setting saved blank for the same as one never saved', () => {
    expect(outdatedStateKeys({}, { TRELLO_BOARD_ID: '', STATUS_MAPPING: '' })).toEqual([]);
    expect(outdatedStateKeys({ TRELLO_BOARD_ID: '', STATUS_MAPPING: '' }, {})).toEqual([]);
  });
});

describe('FIELD_MAPPING as a setting', () => {
  it('is absent while unset (today’s behaviour), and parsed when set', () => {
    expect(settingsFrom({}).fieldMapping).toBeUndefined();
    expect(settingsFrom({ FIELD_MAPPING: '[{"column":"Tags","field":"labels","direction":"both"}]' }).fieldMapping).toEqual([
      { column: 'Tags', field: 'labels', direction: 'both', kind: 'labels', label: '' },
    ]);
  });

  it('stops syncing when unreadable, while the sidebar still reads the other settings and says why', () => {
    expect(() => settingsFrom({ FIELD_MAPPING: '[{' })).toThrow(/FIELD_MAPPING is not valid JSON/);
    const readable = readableSettings({ FIELD_MAPPING: '[{', STATUS_MAPPING: '{"NEW":"TODO"}' });
    expect(readable.settings.fieldMapping).toBeUndefined();
    expect(readable.settings.mapping).toEqual([['NEW', 'TODO']]);
    expect(readable.problem).toMatch(/^The saved field mapping \(FIELD_MAPPING\) cannot be read, so syncing stops: FIELD_MAPPING is not valid JSON/);
  });

  it('says why each unreadable mapping is not used, one sentence after the other', () => {
    const { problem } = readableSettings({ STATUS_MAPPING: '{', FIELD_MAPPING: '[{' });
    expect(problem).toMatch(/^The saved status mapping cannot be read, .* Save the mapping again in the sidebar\. The saved field mapping \(FIELD_MAPPING\) cannot be read/);
  });

  it('takes a mapping saved as blanks for an unset one', () => {
    expect(readableSettings({ FIELD_MAPPING: '  ', STATUS_MAPPING: ' ' })).toEqual({ settings: settingsFrom({}), problem: null });
  });
});
