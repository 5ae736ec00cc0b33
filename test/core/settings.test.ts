import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';
import { hasRoomFor, MAX_QUEUED_ENTRIES, MissingSettingsError, outdatedStateKeys, readableSettings, requireConnection, settingsFrom } from '../../src/core/settings';

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

  it('reads the blank-status choice: FLAG in any case, anything else the default', () => {
    expect(settingsFrom({ BLANK_STATUS: ' flag ' }).blankStatus).toBe('FLAG');
    expect(settingsFrom({ BLANK_STATUS: 'NEW' }).blankStatus).toBe('FROM_CARD');
  });

  it('names the missing Trello settings and where to set them', () => {
    expect(() => requireConnection(settingsFrom({ TRELLO_KEY: 'k' }))).toThrow(new MissingSettingsError(['TRELLO_TOKEN', 'TRELLO_BOARD_ID']));
    expect(() => requireConnection(settingsFrom({}))).toThrow('Open Trello Sync → Open sidebar to connect.');
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
});
