import type { BoardCard, BoardFields } from '../../src/core/board';
import { parseFieldMapping, type FieldMapEntry } from '../../src/core/field-mapping';
import { boardValue, cardWrite, cellValue, missingOnBoard, sheetValue, stillSays, type FieldContext } from '../../src/core/field-values';

const board: BoardFields = {
  labels: [
    { id: 'lab1', name: 'Hot', color: 'red' },
    { id: 'lab2', name: 'Big', color: 'blue' },
    { id: 'lab3', name: 'Big', color: 'green' },
    { id: 'lab4', name: '', color: 'purple' },
  ],
  members: [
    { id: 'mem1', username: 'ada', email: 'ada@example.com' },
    { id: 'mem2', username: 'bob' },
  ],
  customFields: [
    { id: 'cf1', name: 'Deal value', type: 'number' },
    { id: 'cf2', name: 'Notes', type: 'text' },
    { id: 'cf3', name: 'Signed', type: 'date' },
    { id: 'cf4', name: 'VIP', type: 'checkbox' },
    { id: 'cf5', name: 'Priority', type: 'list', options: [{ id: 'opt1', value: { text: 'High' } }, { id: 'opt2', value: { text: 'Low' } }] },
  ],
};
/** Berlin in winter: one hour east of UTC. */
const context: FieldContext = { board, offsetAt: () => 60 };
const entry = (field: string): FieldMapEntry => parseFieldMapping(JSON.stringify([{ column: 'col', field, direction: 'both' }]))[0];
const card = (extra: Partial<BoardCard>): BoardCard => ({ id: 'c1', name: 'Ada', desc: '', idList: 'l1', shortLink: 's', ...extra });
/** The same codecs with other labels, members or custom fields on the board. */
const withBoard = (fields: Partial<BoardFields>): FieldContext => ({ ...context, board: { ...board, ...fields } });

describe('field values: the card name and description lines', () => {
  const name = parseFieldMapping('[{"column":"name","field":"name","direction":"both"}]')[0];

  it('reads the name cell as it is, and the card’s name without spaces around it', () => {
    expect(sheetValue(name, 'Ada Lovelace', context)).toEqual({ value: 'Ada Lovelace' });
    expect(boardValue(name, card({ name: '  Ada Lovelace ' }), context)).toBe('Ada Lovelace');
  });

  it('has no card value for a description line (the description block holds it), whatever else the card has', () => {
    expect(boardValue(entry('desc:Phone'), card({ due: '2026-03-04T11:00:00.000Z', name: 'Ada' }), context)).toBe('');
  });

  it('flags line breaks in a line synced both ways, and takes them in a line only sent to the card', () => {
    expect(sheetValue(entry('desc:Phone'), '555\n123', context)).toEqual({ bad: expect.stringContaining('A description line holds one line') });
    const toTrello = parseFieldMapping('[{"column":"col","field":"desc:Notes","direction":"toTrello"}]')[0];
    expect(sheetValue(toTrello, 'first\nsecond', context)).toEqual({ value: 'first\nsecond' });
  });
});

describe('field values: due dates in the spreadsheet’s time zone', () => {
  it('reads a date-only cell as noon of that day, and a date-time as that minute', () => {
    expect(sheetValue(entry('due'), '2026-03-04', context)).toEqual({ value: '2026-03-04' });
    expect(sheetValue(entry('due'), '2026-03-04 09:30', context)).toEqual({ value: '2026-03-04 09:30' });
    expect(cardWrite(entry('due'), '2026-03-04', context)).toEqual({ card: { due: '2026-03-04T11:00:00.000Z' } });
    expect(cardWrite(entry('due'), '2026-03-04 09:30', context)).toEqual({ card: { due: '2026-03-04T08:30:00.000Z' } });
  });

  it('reads a date cell’s serial number (integer: a date; with a fraction: a date and time)', () => {
    expect(sheetValue(entry('due'), '46085', context)).toEqual({ value: '2026-03-04' });
    expect(sheetValue(entry('due'), '46085.75', context)).toEqual({ value: '2026-03-04 18:00' });
  });

  it('shows the card’s due in the sheet’s zone, date only when it is noon there', () => {
    expect(boardValue(entry('due'), card({ due: '2026-03-04T11:00:00.000Z' }), context)).toBe('2026-03-04');
    expect(boardValue(entry('due'), card({ due: '2026-03-04T23:30:00.000Z' }), context)).toBe('2026-03-05 00:30');
    expect(boardValue(entry('due'), card({ due: null }), context)).toBe('');
  });

  it('clears the due date with a blank cell, and flags what is no date', () => {
    expect(sheetValue(entry('due'), '', context)).toEqual({ value: '' });
    expect(cardWrite(entry('due'), '', context)).toEqual({ card: { due: null } });
    expect(sheetValue(entry('due'), 'next week', context)).toEqual({ bad: expect.stringContaining('"next week" is not a date') });
    expect(sheetValue(entry('due'), '2026-02-30', context)).toEqual({ bad: expect.stringContaining('is not a date') });
  });

  it('takes the date and time forms a person types, and refuses others', () => {
    const read = (text: string) => sheetValue(entry('due'), text, context);
    expect(['2026-3-4', '2026-03-04T09:30', '2026-03-04 9:05', '2026-03-04 09:30:15', '2026-03-04 09:30:15.250'].map(read)).toEqual([
      { value: '2026-03-04' },
      { value: '2026-03-04 09:30' },
      { value: '2026-03-04 09:05' },
      { value: '2026-03-04 09:30' },
      { value: '2026-03-04 09:30' },
    ]);
    for (const text of ['2026-03-04 24:00', '2026-03-04 09:60', 'x2026-03-04', '2026-03-04x', '2026-13-01', '2026-03-04 09:30:1', '2026-03-04 09:30:15.']) {
      expect(read(text)).toEqual({ bad: `"${text}" is not a date: use a date cell, or YYYY-MM-DD or YYYY-MM-DD HH:MM.` });
    }
  });

  it('shows a due at a whole hour other than noon, and a minute past noon, with its time', () => {
    expect(boardValue(entry('due'), card({ due: '2026-03-04T11:30:00.000Z' }), context)).toBe('2026-03-04 12:30');
    expect(boardValue(entry('due'), card({ due: '2026-03-04T10:00:00.000Z' }), context)).toBe('2026-03-04 11:00');
  });

  it('finds the instant of a wall-clock time on the night the clocks go forward', () => {
    // Berlin, 29 March 2026: one hour east of UTC until 01:00 UTC, two hours after.
    const springForward: FieldContext = { board, offsetAt: (utcMs) => (utcMs < Date.UTC(2026, 2, 29, 1) ? 60 : 120) };
    expect(cardWrite(entry('due'), '2026-03-29 01:30', springForward)).toEqual({ card: { due: '2026-03-29T00:30:00.000Z' } });
    expect(cardWrite(entry('due'), '2026-03-29 03:30', springForward)).toEqual({ card: { due: '2026-03-29T01:30:00.000Z' } });
  });

  it('reads the due-complete mark as a checkbox', () => {
    expect(['no', '0', 'false', 'False'].map((text) => sheetValue(entry('dueComplete'), text, context))).toEqual(Array(4).fill({ value: 'FALSE' }));
    expect(sheetValue(entry('dueComplete'), 'TRUE', context)).toEqual({ value: 'TRUE' });
    expect(sheetValue(entry('dueComplete'), '', context)).toEqual({ value: 'FALSE' });
    expect(sheetValue(entry('dueComplete'), 'maybe', context)).toEqual({ bad: expect.stringContaining('not a checkbox value') });
    expect(boardValue(entry('dueComplete'), card({ dueComplete: true }), context)).toBe('TRUE');
    expect(cardWrite(entry('dueComplete'), 'FALSE', context)).toEqual({ card: { dueComplete: false } });
    expect(cellValue(entry('dueComplete'), 'TRUE', context)).toBe(true);
  });
});

describe('field values: labels and members', () => {
  it('matches labels by name, with the colour where names repeat, in a stable order', () => {
    expect(sheetValue(entry('labels'), 'hot, Big (green)', context)).toEqual({ value: 'Big (green), Hot' });
    expect(cardWrite(entry('labels'), 'Big (green), Hot', context)).toEqual({ card: { idLabels: 'lab3,lab1' } });
    expect(boardValue(entry('labels'), card({ idLabels: ['lab1', 'lab2', 'lab4'] }), context)).toBe('(purple), Big (blue), Hot');
    expect(cardWrite(entry('labels'), '', context)).toEqual({ card: { idLabels: '' } });
  });

  it('flags a label the board lacks (never created) and a name that stands for several labels', () => {
    expect(sheetValue(entry('labels'), 'Hot, Cold', context)).toEqual({ bad: expect.stringContaining('no label "Cold"') });
    expect(sheetValue(entry('labels'), 'Big', context)).toEqual({ bad: expect.stringContaining('Several labels of the board are named "Big"') });
  });

  it('names a label without a colour "no colour", where its name repeats or it has none, and matches it so', () => {
    const plain = withBoard({
      labels: [
        { id: 'n1', name: '', color: null },
        { id: 'n2', name: 'Warm', color: null },
        { id: 'n3', name: 'Warm', color: 'yellow' },
        { id: 'n4', name: 'Cold', color: null },
      ],
    });
    expect(boardValue(entry('labels'), card({ idLabels: ['n1', 'n2', 'n3'] }), plain)).toBe('(no colour), Warm (no colour), Warm (yellow)');
    expect(sheetValue(entry('labels'), 'Cold (no colour)', plain)).toEqual({ value: 'Cold' });
    expect(cardWrite(entry('labels'), '(no colour), Warm (no colour)', plain)).toEqual({ card: { idLabels: 'n1,n2' } });
  });

  it('matches a label whose own name looks like a name and a colour by that name first', () => {
    const lookalike = withBoard({
      labels: [
        { id: 'g1', name: 'Big', color: 'green' },
        { id: 'g2', name: 'Big (green)', color: 'red' },
      ],
    });
    expect(sheetValue(entry('labels'), 'big (green)', lookalike)).toEqual({ value: 'Big (green)' });
    expect(cardWrite(entry('labels'), 'Big (green)', lookalike)).toEqual({ card: { idLabels: 'g2' } });
  });

  it('reads a colour written without a space, and flags a colour no label of that name has or text after the colour', () => {
    expect(sheetValue(entry('labels'), 'Big(green)', context)).toEqual({ value: 'Big (green)' });
    expect(sheetValue(entry('labels'), 'Big (pink)', context)).toEqual({ bad: expect.stringContaining('no label "Big (pink)"') });
    expect(sheetValue(entry('labels'), 'Big (green) please', context)).toEqual({ bad: expect.stringContaining('no label "Big (green) please"') });
    expect(sheetValue(entry('labels'), 'see\nBig (green)', context)).toEqual({ bad: expect.stringContaining('no label "see\nBig (green)"') });
  });

  it('counts a label the cell names twice, in another case, once', () => {
    expect(sheetValue(entry('labels'), 'Hot, hot, HOT', context)).toEqual({ value: 'Hot' });
    expect(cardWrite(entry('labels'), 'Hot, hot', context)).toEqual({ card: { idLabels: 'lab1' } });
  });

  it('sorts names by their lower-case letters (Turkish ı after i), whatever order the cell lists them in', () => {
    const turkish = withBoard({
      labels: [
        { id: 't1', name: 'iyi', color: 'green' },
        { id: 't2', name: 'ılık', color: 'orange' },
      ],
    });
    expect(sheetValue(entry('labels'), 'iyi, ılık', turkish)).toEqual({ value: 'iyi, ılık' });
    expect(sheetValue(entry('labels'), 'ılık, iyi', turkish)).toEqual({ value: 'iyi, ılık' });
  });

  it('writes no label or member ids for a value naming one the board no longer has', () => {
    expect(cardWrite(entry('labels'), 'Hot, Gone', context)).toEqual({ card: { idLabels: '' } });
    expect(cardWrite(entry('members'), 'ada, carol', context)).toEqual({ card: { idMembers: '' } });
  });

  it('matches members by username (with or without @) or visible e-mail, and flags anyone else (never invited)', () => {
    expect(sheetValue(entry('members'), '@Bob, ada@example.com', context)).toEqual({ value: 'ada, bob' });
    expect(cardWrite(entry('members'), 'ada, bob', context)).toEqual({ card: { idMembers: 'mem1,mem2' } });
    expect(boardValue(entry('members'), card({ idMembers: ['mem2'] }), context)).toBe('bob');
    expect(sheetValue(entry('members'), 'carol', context)).toEqual({ bad: expect.stringContaining('"carol" is not a member of the board') });
  });

  it('flags a lone "@" instead of taking it for a member whose e-mail the board hides', () => {
    expect(sheetValue(entry('members'), '@', context)).toEqual({ bad: expect.stringContaining('"@" is not a member of the board') });
    expect(sheetValue(entry('members'), 'ada, @', context)).toEqual({ bad: expect.stringContaining('"@" is not a member of the board') });
  });
});

describe('field values: custom fields by type', () => {
  const items = card({
    customFieldItems: [
      { idCustomField: 'cf1', value: { number: '12.50' } },
      { idCustomField: 'cf2', value: { text: 'Call back' } },
      { idCustomField: 'cf3', value: { date: '2026-03-04T11:00:00.000Z' } },
      { idCustomField: 'cf4', value: { checked: 'true' } },
      { idCustomField: 'cf5', idValue: 'opt2' },
    ],
  });

  it('reads the card’s items', () => {
    expect(['custom:Deal value', 'custom:Notes', 'custom:Signed', 'custom:VIP', 'custom:Priority'].map((field) => boardValue(entry(field), items, context))).toEqual([
      '12.5',
      'Call back',
      '2026-03-04',
      'TRUE',
      'Low',
    ]);
    expect(boardValue(entry('custom:Deal value'), card({}), context)).toBe('');
    expect(boardValue(entry('custom:VIP'), card({}), context)).toBe('FALSE');
  });

  it('writes items in Trello’s shapes, an empty value clearing the item', () => {
    expect(cardWrite(entry('custom:Deal value'), '12', context)).toEqual({ item: { fieldId: 'cf1', body: { value: { number: '12' } } } });
    expect(cardWrite(entry('custom:Notes'), 'Hi', context)).toEqual({ item: { fieldId: 'cf2', body: { value: { text: 'Hi' } } } });
    expect(cardWrite(entry('custom:Signed'), '2026-03-04 09:30', context)).toEqual({ item: { fieldId: 'cf3', body: { value: { date: '2026-03-04T08:30:00.000Z' } } } });
    expect(cardWrite(entry('custom:VIP'), 'TRUE', context)).toEqual({ item: { fieldId: 'cf4', body: { value: { checked: 'true' } } } });
    expect(cardWrite(entry('custom:Priority'), 'High', context)).toEqual({ item: { fieldId: 'cf5', body: { idValue: 'opt1' } } });
    expect(cardWrite(entry('custom:Deal value'), '', context)).toEqual({ item: { fieldId: 'cf1', body: { value: '' } } });
    expect(cardWrite(entry('custom:Priority'), '', context)).toEqual({ item: { fieldId: 'cf5', body: { idValue: '' } } });
  });

  it('checks values by the field’s type: a bad one is flagged, not sent', () => {
    expect(sheetValue(entry('custom:Deal value'), '1,200', context)).toEqual({ bad: expect.stringContaining('"1,200" is not a number') });
    expect(sheetValue(entry('custom:Deal value'), '12.0', context)).toEqual({ value: '12' });
    expect(['+5', '-1.5', '.5', '.25', '5.', '1e3', '1E-2', '2.5e10'].map((text) => sheetValue(entry('custom:Deal value'), text, context))).toEqual(
      ['5', '-1.5', '0.5', '0.25', '5', '1000', '0.01', '25000000000'].map((value) => ({ value })),
    );
    for (const text of ['e3', '1e', '1.2.3', '5 5', 'x5', '5x', '0x10', ' 5', '5 ']) expect(sheetValue(entry('custom:Deal value'), text, context)).toEqual({ bad: expect.stringContaining(`"${text}" is not a number`) });
    expect(sheetValue(entry('custom:Signed'), 'soon', context)).toEqual({ bad: expect.stringContaining('not a date') });
    expect(sheetValue(entry('custom:VIP'), 'perhaps', context)).toEqual({ bad: expect.stringContaining('not a checkbox value') });
    expect(sheetValue(entry('custom:Priority'), 'high', context)).toEqual({ value: 'High' });
    expect(sheetValue(entry('custom:Priority'), 'Urgent', context)).toEqual({ bad: expect.stringContaining('"Urgent" is not an option of "Priority"') });
  });

  it('reads an item without a value, a removed option or a field gone from the board as empty (a checkbox as unchecked)', () => {
    const empty = card({
      customFieldItems: [
        { idCustomField: 'cf1', value: null },
        { idCustomField: 'cf2', value: null },
        { idCustomField: 'cf3', value: null },
        { idCustomField: 'cf4', value: null },
        { idCustomField: 'cf5', idValue: 'opt-deleted' },
      ],
    });
    expect(['custom:Deal value', 'custom:Notes', 'custom:Signed', 'custom:VIP', 'custom:Priority', 'custom:Budget'].map((field) => boardValue(entry(field), empty, context))).toEqual([
      '',
      '',
      '',
      'FALSE',
      '',
      '',
    ]);
  });

  it('copes with a list field that has no options', () => {
    const bare = withBoard({ customFields: [{ id: 'cf9', name: 'Stage', type: 'list' }] });
    expect(boardValue(entry('custom:Stage'), card({ customFieldItems: [{ idCustomField: 'cf9', idValue: 'opt1' }] }), bare)).toBe('');
    expect(sheetValue(entry('custom:Stage'), 'Won', bare)).toEqual({ bad: expect.stringContaining('"Won" is not an option of "Stage"') });
    expect(cardWrite(entry('custom:Stage'), 'Won', bare)).toEqual({ item: { fieldId: 'cf9', body: { idValue: '' } } });
  });

  it('lists the options in the message for a value that is none of them', () => {
    expect(sheetValue(entry('custom:Priority'), 'Urgent', context)).toEqual({ bad: '"Urgent" is not an option of "Priority": use one of "High", "Low".' });
  });

  it('unticks a checkbox item for FALSE', () => {
    expect(cardWrite(entry('custom:VIP'), 'FALSE', context)).toEqual({ item: { fieldId: 'cf4', body: { value: { checked: 'false' } } } });
  });

  it('prefers the custom field spelled exactly as the mapping when two differ only in case', () => {
    const twins = withBoard({
      customFields: [
        { id: 'cfA', name: 'Deal', type: 'text' },
        { id: 'cfB', name: 'deal', type: 'text' },
      ],
    });
    expect(cardWrite(entry('custom:deal'), 'x', twins)).toEqual({ item: { fieldId: 'cfB', body: { value: { text: 'x' } } } });
    expect(cardWrite(entry('custom:DEAL'), 'x', twins)).toEqual({ item: { fieldId: 'cfA', body: { value: { text: 'x' } } } });
  });

  it('flags a cell of a custom field the board no longer has, and sends its value as text with no field id', () => {
    expect(sheetValue(entry('custom:Budget'), '5', context)).toEqual({ bad: expect.stringContaining('The board has no custom field "Budget"') });
    expect(cardWrite(entry('custom:Budget'), '5', context)).toEqual({ item: { fieldId: '', body: { value: { text: '5' } } } });
  });

  it('writes a checkbox value into its cell as a boolean only for a checkbox field, not for a description line of that name', () => {
    expect(cellValue(entry('custom:VIP'), 'TRUE', context)).toBe(true);
    expect(cellValue(entry('desc:VIP'), 'TRUE', context)).toBe('TRUE');
    expect(cellValue(entry('custom:Budget'), 'TRUE', context)).toBe('TRUE');
  });

  it('says when the board has no custom field of that name', () => {
    expect(missingOnBoard(entry('custom:Budget'), board)).toContain('no custom field "Budget"');
    expect(missingOnBoard(entry('custom:deal value'), board)).toBeUndefined();
  });
});

describe('field values: a cell that still says its synced value', () => {
  it('takes names in another order and case as the same, and a spelling that differs only in upper case as a change', () => {
    expect(stillSays('bob, Ada', 'ada, bob')).toBe(true);
    expect(stillSays('Straße', 'Strasse')).toBe(false);
  });
});
