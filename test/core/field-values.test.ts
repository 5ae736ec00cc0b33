import type { BoardCard, BoardFields } from '../../src/core/board';
import { parseFieldMapping, type FieldMapEntry } from '../../src/core/field-mapping';
import { boardValue, cardWrite, cellValue, missingOnBoard, sheetValue, type FieldContext } from '../../src/core/field-values';

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

  it('matches members by username (with or without @) or visible e-mail, and flags anyone else (never invited)', () => {
    expect(sheetValue(entry('members'), '@Bob, ada@example.com', context)).toEqual({ value: 'ada, bob' });
    expect(cardWrite(entry('members'), 'ada, bob', context)).toEqual({ card: { idMembers: 'mem1,mem2' } });
    expect(boardValue(entry('members'), card({ idMembers: ['mem2'] }), context)).toBe('bob');
    expect(sheetValue(entry('members'), 'carol', context)).toEqual({ bad: expect.stringContaining('"carol" is not a member of the board') });
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
    expect(['+5', '-1.5', '.5', '5.', '1e3', '1E-2'].map((text) => sheetValue(entry('custom:Deal value'), text, context))).toEqual(
      ['5', '-1.5', '0.5', '5', '1000', '0.01'].map((value) => ({ value })),
    );
    for (const text of ['e3', '1e', '1.2.3', '5 5', 'x5', '5x']) expect(sheetValue(entry('custom:Deal value'), text, context)).toEqual({ bad: expect.stringContaining(`"${text}" is not a number`) });
    expect(sheetValue(entry('custom:Signed'), 'soon', context)).toEqual({ bad: expect.stringContaining('not a date') });
    expect(sheetValue(entry('custom:VIP'), 'perhaps', context)).toEqual({ bad: expect.stringContaining('not a checkbox value') });
    expect(sheetValue(entry('custom:Priority'), 'high', context)).toEqual({ value: 'High' });
    expect(sheetValue(entry('custom:Priority'), 'Urgent', context)).toEqual({ bad: expect.stringContaining('"Urgent" is not an option of "Priority"') });
  });

  it('says when the board has no custom field of that name', () => {
    expect(missingOnBoard(entry('custom:Budget'), board)).toContain('no custom field "Budget"');
    expect(missingOnBoard(entry('custom:deal value'), board)).toBeUndefined();
  });
});
