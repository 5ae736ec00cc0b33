// resolveField: how one mapped field of one lead settles between the cell, the card and the last synced value.
import type { FieldDirection, FieldMapEntry } from '../../src/core/field-mapping';
import { resolveField, type FieldSides } from '../../src/core/field-resolution';
import type { FieldContext } from '../../src/core/field-values';

const CONTEXT: FieldContext = { board: { labels: [], members: [], customFields: [{ id: 'cf1', name: 'Notes', type: 'text' }] }, offsetAt: () => 0 };

const nameEntry = (direction: FieldDirection): FieldMapEntry => ({ column: 'Who', field: 'name', direction, kind: 'name', label: '' });
const descEntry = (direction: FieldDirection): FieldMapEntry => ({ column: 'Phone', field: 'desc:Phone', direction, kind: 'desc', label: 'Phone' });
const customEntry = (direction: FieldDirection): FieldMapEntry => ({ column: 'Notes', field: 'custom:Notes', direction, kind: 'custom', label: 'Notes' });
const labelsEntry = (direction: FieldDirection): FieldMapEntry => ({ column: 'Tags', field: 'labels', direction, kind: 'labels', label: '' });
const dueEntry = (direction: FieldDirection): FieldMapEntry => ({ column: 'Follow up', field: 'due', direction, kind: 'due', label: '' });

function sides(entry: FieldMapEntry, sheetText: string, boardValue: string, base: string | undefined, times: Partial<FieldSides> = {}): FieldSides {
  return { entry, sheetText, boardValue, base, sheetEditedAt: undefined, boardChangedAt: undefined, ...times };
}

describe('resolveField one way into the sheet', () => {
  it('writes the card value into a cell that differs, and logs it', () => {
    expect(resolveField(sides(descEntry('toSheet'), '111', '555', '111'), CONTEXT)).toEqual({
      value: '555',
      push: false,
      writeCell: true,
      log: { direction: 'Trello → sheet', message: 'The card\'s description line "Phone" (column "Phone") is "555".' },
    });
  });

  it('leaves a cell that already holds the card value alone', () => {
    expect(resolveField(sides(descEntry('toSheet'), '555', '555', '555'), CONTEXT)).toEqual({ value: '555', push: false, writeCell: false, log: undefined });
  });

  it('overwrites a cell the field cannot read with the card value', () => {
    expect(resolveField(sides(dueEntry('toSheet'), 'soon', '2026-03-04', '2026-03-04'), CONTEXT)).toMatchObject({ value: '2026-03-04', push: false, writeCell: true });
  });
});

describe('resolveField one way to Trello', () => {
  it('sends a changed cell even when the card changed too, without the conflict rule', () => {
    expect(resolveField(sides(descEntry('toTrello'), '777', '555', '111'), CONTEXT)).toEqual({
      value: '777',
      push: true,
      writeCell: false,
      log: { direction: 'sheet → Trello', message: 'Set the card\'s description line "Phone" (column "Phone") to "777".' },
    });
  });

  it('sends the unchanged cell back over a card changed on the board', () => {
    expect(resolveField(sides(descEntry('toTrello'), '111', '555', '111'), CONTEXT)).toMatchObject({ value: '111', push: true, writeCell: false });
  });

  it('leaves a blank cell and a blank card field alone when no base is known', () => {
    expect(resolveField(sides(descEntry('toTrello'), '', '', undefined), CONTEXT)).toEqual({ value: '', push: false, writeCell: false, log: undefined });
  });
});

describe('resolveField both ways', () => {
  it('names a custom field by its name in the log', () => {
    expect(resolveField(sides(customEntry('both'), 'warm', 'cold', 'cold'), CONTEXT)).toMatchObject({
      push: true,
      log: { direction: 'sheet → Trello', message: 'Set the card\'s custom field "Notes" (column "Notes") to "warm".' },
    });
  });

  it('names a plain card field in words in the log', () => {
    expect(resolveField(sides(nameEntry('both'), 'Ada Lovelace', 'Ada', 'Ada'), CONTEXT)).toMatchObject({
      log: { direction: 'sheet → Trello', message: 'Set the card\'s name (column "Who") to "Ada Lovelace".' },
    });
  });

  it('changes nothing when the cell and the card agree and no base is known', () => {
    expect(resolveField(sides(descEntry('both'), '555', '555', undefined), CONTEXT)).toEqual({ value: '555', push: false, writeCell: false, log: undefined });
  });

  it('fills a blank cell from the card when no base is known', () => {
    expect(resolveField(sides(descEntry('both'), '', '555', undefined), CONTEXT)).toEqual({
      value: '555',
      push: false,
      writeCell: true,
      log: { direction: 'Trello → sheet', message: 'The card\'s description line "Phone" (column "Phone") is "555".' },
    });
  });

  it('sends a filled cell to the card when no base is known', () => {
    expect(resolveField(sides(descEntry('both'), '777', '555', undefined), CONTEXT)).toEqual({
      value: '777',
      push: true,
      writeCell: false,
      log: { direction: 'sheet → Trello', message: 'Set the card\'s description line "Phone" (column "Phone") to "777".' },
    });
  });

  it('writes a change made only on the board into the cell', () => {
    expect(resolveField(sides(descEntry('both'), '111', '555', '111'), CONTEXT)).toMatchObject({
      value: '555',
      push: false,
      writeCell: true,
      log: { direction: 'Trello → sheet', message: 'The card\'s description line "Phone" (column "Phone") changed to "555".' },
    });
  });

  it('counts a newer edit of the cell back to its synced value as a change that beats an older board change', () => {
    const resolution = resolveField(sides(descEntry('both'), '111', '555', '111', { sheetEditedAt: 2_000, boardChangedAt: 1_000 }), CONTEXT);
    expect(resolution).toMatchObject({ value: '111', push: true, writeCell: false, outcome: { keep: 'sheet', conflict: true } });
  });

  it('lets a cell still naming a label deleted from the board take the card\'s labels', () => {
    expect(resolveField(sides(labelsEntry('both'), 'Gone', '', 'Gone'), CONTEXT)).toMatchObject({ value: '', push: false, writeCell: true });
  });
});
