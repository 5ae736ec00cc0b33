import type { BoardCard, BoardFields } from '../../src/core/board';
import { describeCard } from '../../src/core/card-description';
import { DEFAULT_FIELD_MAPPING, parseFieldMapping } from '../../src/core/field-mapping';
import { readLeadTable } from '../../src/core/lead-table';
import { DEFAULT_STATUS_MAPPING } from '../../src/core/status-mapping';
import { planSync, type PlanInput } from '../../src/core/sync-plan';
import { base, card, NOW, planInput, row, type Scenario } from './plan-fixture';

const CARD = 'c00000000000000000000001';
const HEADER = ['id', 'name', 'email', 'status', 'source', 'trello_card_id', 'Follow up', 'Tags', 'Value', 'Phone'];
const MAPPING = parseFieldMapping(
  JSON.stringify([
    { column: 'name', field: 'name', direction: 'both' },
    { column: 'email', field: 'desc:Email', direction: 'toTrello' },
    { column: 'Follow up', field: 'due', direction: 'both' },
    { column: 'Tags', field: 'labels', direction: 'both' },
    { column: 'Value', field: 'custom:Deal value', direction: 'both' },
    { column: 'Phone', field: 'desc:Phone', direction: 'both' },
  ]),
);
const BOARD: BoardFields = {
  labels: [
    { id: 'lab1', name: 'Hot', color: 'red' },
    { id: 'lab2', name: 'Big', color: 'blue' },
  ],
  members: [],
  customFields: [{ id: 'cf1', name: 'Deal value', type: 'number' }],
};
const SYNCED = { due: '2026-03-04', labels: 'Hot', 'custom:Deal value': '10', 'desc:Phone': '555' };

/** A lead row with the mapped columns: [follow up, tags, value, phone]. */
function mappedRow(id: string, mapped: [string, string, string, string], cardId = CARD): string[] {
  return [id, 'Ada', `${id}@example.com`, 'NEW', 'Web', cardId, ...mapped];
}

/** The linked card as the last sync left it, with `changes`. */
function syncedCard(changes: Partial<ReturnType<typeof card>> & { phone?: string } = {}) {
  const { phone = '555', ...rest } = changes;
  return card(CARD, null, 'TODO', 'Ada', {
    desc: describeCard('', 'L1', [
      ['Email', 'L1@example.com'],
      ['Phone', phone],
    ]),
    due: '2026-03-04T12:00:00.000Z',
    idLabels: ['lab1'],
    customFieldItems: [{ idCustomField: 'cf1', value: { number: '10' } }],
    ...rest,
  });
}

/** The plan of L1 (synced as "Ada" in TODO) under `entries` as FIELD_MAPPING, its row now `cells` and its card `linked`. */
function planUnder(entries: object[], cells: string[], linked: BoardCard) {
  const mapping = parseFieldMapping(JSON.stringify(entries));
  const input = planInput({ rows: [], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [linked] });
  return planSync({
    ...input,
    table: readLeadTable('LeadTracker', [HEADER, cells], DEFAULT_STATUS_MAPPING, new Set(), mapping),
    board: { ...input.board, fields: BOARD },
    fieldMapping: mapping,
  });
}

function mappedPlan(rows: string[][], scenario: Omit<Scenario, 'rows'> = {}, extra: Partial<PlanInput> = {}) {
  const input = planInput({ rows: [], ...scenario });
  return planSync({
    ...input,
    table: readLeadTable('LeadTracker', [HEADER, ...rows], DEFAULT_STATUS_MAPPING, new Set(), MAPPING),
    board: { ...input.board, fields: BOARD },
    fieldMapping: MAPPING,
    ...extra,
  });
}

const syncedBase = (extra = {}) => base('L1', CARD, 'NEW', 'TODO', 'Ada', { fields: { ...SYNCED }, ...extra });

describe('planSync with FIELD_MAPPING unset', () => {
  it('plans exactly what the written-out default mapping plans', () => {
    const scenario: Scenario = {
      rows: [row('L1', 'Ada', 'CONTACTED', 'c00000000000000000000001'), ['L2', 'Bob', 'new@example.com', 'NEW', 'Fair', 'c00000000000000000000002'], row('L3', 'Cy', 'NEW')],
      base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada'), base('L2', 'c00000000000000000000002', 'NEW', 'TODO', 'Bob')],
      cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada'), card('c00000000000000000000002', 'L2', 'TODO', 'Bobby'), card('c00000000000000000000009', null, 'DONE', 'From board')],
      changeTimes: [['c00000000000000000000002', { name: NOW - 1000 }]],
    };
    const unset = planSync(planInput(scenario));
    expect(planSync({ ...planInput(scenario), fieldMapping: DEFAULT_FIELD_MAPPING })).toEqual(unset);
    expect(unset.steps.map((step) => step.nextBase.fields)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('planSync: mapped fields, both ways', () => {
  it('sends the fields edited in the sheet in one card update, custom fields by their own route', () => {
    const result = mappedPlan([mappedRow('L1', ['2026-03-05 09:00', 'Hot, Big', '12', '556'])], { base: [syncedBase()], cards: [syncedCard()] });
    expect(result.problems).toEqual([]);
    const [step] = result.steps;
    expect(step.trello).toEqual({
      kind: 'update',
      cardId: CARD,
      fields: { due: '2026-03-05T09:00:00.000Z', idLabels: 'lab2,lab1', desc: expect.stringContaining('Phone: 556') },
      items: [{ fieldId: 'cf1', body: { value: { number: '12' } } }],
    });
    expect(step.cells).toBeUndefined();
    expect(step.nextBase.fields).toEqual({ due: '2026-03-05 09:00', labels: 'Big, Hot', 'custom:Deal value': '12', 'desc:Phone': '556' });
    expect(step.log.map((line) => line.direction)).toEqual(['sheet → Trello', 'sheet → Trello', 'sheet → Trello', 'sheet → Trello']);
  });

  it('writes the card’s changes into their cells, a description line edited on the card included', () => {
    const changed = syncedCard({ due: null, idLabels: ['lab2'], customFieldItems: [{ idCustomField: 'cf1', value: { number: '99' } }], phone: '777' });
    const result = mappedPlan([mappedRow('L1', ['2026-03-04', 'Hot', '10', '555'])], { base: [syncedBase()], cards: [changed] });
    const [step] = result.steps;
    expect(step.trello).toBeUndefined();
    expect(step.cells).toEqual({ 'follow up': '', tags: 'Big', value: '99', phone: '777' });
    expect(step.nextBase.fields).toEqual({ due: '', labels: 'Big', 'custom:Deal value': '99', 'desc:Phone': '777' });
  });

  it('settles a conflict per field by the newer change, and logs each', () => {
    const changed = syncedCard({ due: '2026-04-01T12:00:00.000Z', idLabels: ['lab2'] });
    const result = mappedPlan([mappedRow('L1', ['2026-05-01', 'Hot, Big', '10', '555'])], {
      base: [syncedBase()],
      cards: [changed],
      editTimes: [['L1', { due: NOW - 5000, labels: NOW - 5000 }]],
      changeTimes: [[CARD, { fields: { due: NOW - 1000, labels: NOW - 9000 } }]],
    });
    const [step] = result.steps;
    expect(step.cells).toEqual({ 'follow up': '2026-04-01' });
    expect(step.trello).toMatchObject({ fields: { idLabels: 'lab2,lab1' } });
    expect(step.log.filter((line) => line.direction === 'conflict').map((line) => line.message)).toEqual([
      expect.stringContaining("due date (column \"Follow up\") changed in the sheet (\"2026-05-01\") and on the board (\"2026-04-01\"); the board's change is newer"),
      expect.stringContaining("labels (column \"Tags\") changed in the sheet (\"Big, Hot\") and on the board (\"Big\"); the sheet's change"),
    ]);
  });

  it("names the card of a field conflict the sheet won only because the board's time was not read", () => {
    const changed = syncedCard({ idLabels: ['lab2'] });
    const untimed = mappedPlan([mappedRow('L1', ['2026-03-04', 'Hot, Big', '10', '555'])], {
      base: [syncedBase()],
      cards: [changed],
      editTimes: [['L1', { labels: NOW - 5000 }]],
    });
    expect(untimed.steps[0].trello).toMatchObject({ fields: { idLabels: 'lab2,lab1' } }); // the sheet's labels win
    expect(untimed.untimedConflictCards).toEqual([CARD]);
    const timed = mappedPlan([mappedRow('L1', ['2026-03-04', 'Hot, Big', '10', '555'])], {
      base: [syncedBase()],
      cards: [changed],
      editTimes: [['L1', { labels: NOW - 5000 }]],
      changeTimes: [[CARD, { fields: { labels: NOW - 9000 } }]],
    });
    expect(timed.untimedConflictCards).toEqual([]);
  });

  it('flags a bad value on its cell and syncs the rest of the row', () => {
    const result = mappedPlan([['L1', 'Ada', 'L1@example.com', 'COMPLETED', 'Web', CARD, 'soon', 'Cold', 'lots', '555']], { base: [syncedBase()], cards: [syncedCard()] });
    expect(result.problems.map((problem) => [problem.column, problem.message])).toEqual([
      ['follow up', expect.stringContaining('"soon" is not a date')],
      ['tags', expect.stringContaining('no label "Cold"')],
      ['value', expect.stringContaining('"lots" is not a number')],
    ]);
    const [step] = result.steps;
    expect(step.trello).toEqual({ kind: 'update', cardId: CARD, fields: { idList: 'list-done' } });
    expect(step.nextBase.fields).toEqual(SYNCED);
  });

  it('follows a label deleted on the board into the cell', () => {
    const result = mappedPlan([mappedRow('L1', ['2026-03-04', 'Hot', '10', '555'])], { base: [syncedBase()], cards: [syncedCard({ idLabels: [] })] }, { board: { ...planInput({ rows: [] }).board, cards: new Map([[CARD, syncedCard({ idLabels: [] })]]), fields: { ...BOARD, labels: BOARD.labels.slice(1) } } });
    expect(result.steps[0].cells).toEqual({ tags: '' });
  });

  it('flags the cells of a custom field the board no longer has, and keeps its base value', () => {
    const result = mappedPlan([mappedRow('L1', ['2026-03-04', 'Hot', '12', '555'])], { base: [syncedBase()], cards: [syncedCard()] }, { board: { ...planInput({ rows: [] }).board, cards: new Map([[CARD, syncedCard()]]), fields: { ...BOARD, customFields: [] } } });
    expect(result.problems).toEqual([expect.objectContaining({ column: 'value', message: expect.stringContaining('no custom field "Deal value"') })]);
    expect(result.steps).toEqual([]);
  });

  it('fills a newly mapped blank column from the card rather than wiping the card', () => {
    const result = mappedPlan([mappedRow('L1', ['', '', '', ''])], { base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [syncedCard()] });
    const [step] = result.steps;
    expect(step.trello).toBeUndefined();
    expect(step.cells).toEqual({ 'follow up': '2026-03-04', tags: 'Hot', value: '10', phone: '555' });
  });

  it('creates a new lead’s card with its due date and labels, and its custom field items to write once it has an id', () => {
    const result = mappedPlan([mappedRow('L1', ['2026-03-04', 'Hot', '12', '555'], '')]);
    const [step] = result.steps;
    expect(step.trello).toEqual({
      kind: 'create',
      listId: 'list-todo',
      name: 'Ada',
      desc: expect.stringContaining('Phone: 555'),
      fields: { due: '2026-03-04T12:00:00.000Z', idLabels: 'lab1' },
      items: [{ fieldId: 'cf1', body: { value: { number: '12' } }, field: 'custom:Deal value' }],
    });
    expect(step.nextBase.fields).toEqual({ due: '2026-03-04', labels: 'Hot', 'custom:Deal value': '12', 'desc:Phone': '555' });
  });

  it('imports a card made on the board with its mapped fields', () => {
    const made = card('c00000000000000000000009', null, 'TODO', 'New deal', { due: '2026-03-04T12:00:00.000Z', idLabels: ['lab2'], customFieldItems: [{ idCustomField: 'cf1', value: { number: '5' } }] });
    const [step] = mappedPlan([], { cards: [made] }).steps;
    expect(step.append).toMatchObject({ name: 'New deal', fields: { 'follow up': '2026-03-04', tags: 'Big', value: '5', phone: '' } });
    expect(step.nextBase.fields).toEqual({ due: '2026-03-04', labels: 'Big', 'custom:Deal value': '5', 'desc:Phone': '' });
  });

  it('one way to the sheet, a cell is overwritten by the card; one way to Trello, the card by the cell', () => {
    const oneWay = parseFieldMapping(
      JSON.stringify([
        { column: 'Follow up', field: 'due', direction: 'toSheet' },
        { column: 'Tags', field: 'labels', direction: 'toTrello' },
      ]),
    );
    const input = planInput({ rows: [], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [syncedCard({ idLabels: ['lab2'] })] });
    const result = planSync({
      ...input,
      table: readLeadTable('LeadTracker', [HEADER, mappedRow('L1', ['2026-01-01', 'Hot', '', ''])], DEFAULT_STATUS_MAPPING, new Set(), oneWay),
      board: { ...input.board, fields: BOARD },
      fieldMapping: oneWay,
    });
    const [step] = result.steps;
    expect(step.cells).toEqual({ 'follow up': '2026-03-04' });
    // Without name or description lines in the mapping, neither is touched (the block keeps only the marker).
    expect(step.trello).toMatchObject({ fields: { idLabels: 'lab1' } });
    expect(step.trello).not.toHaveProperty('fields.name');
  });

  it('leaves names alone on both sides when the mapping leaves the name out', () => {
    const renamedRow = ['L1', 'Ada in the sheet', 'L1@example.com', 'NEW', 'Web', CARD, '', 'Hot', '', ''];
    const result = planUnder([{ column: 'Tags', field: 'labels', direction: 'toTrello' }], renamedRow, syncedCard({ name: 'Ada on the board' }));
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].cells).toBeUndefined();
    expect(result.steps[0].trello).not.toHaveProperty('fields.name');
    expect(result.steps[0].nextBase.name).toBe('Ada on the board');
  });

  it('one way to Trello, the row’s name goes back onto a card renamed on the board', () => {
    const result = planUnder([{ column: 'name', field: 'name', direction: 'toTrello' }], mappedRow('L1', ['', '', '', '']), syncedCard({ name: 'Ada on the board' }));
    expect(result.steps[0].cells).toBeUndefined();
    expect(result.steps[0].trello).toMatchObject({ fields: { name: 'Ada' } });
    expect(result.steps[0].log.map((line) => line.direction)).toEqual(['sheet → Trello']);
    expect(result.untimedConflictCards).toEqual([]);
  });

  it('one way to the sheet, a card and a row of the same name are left alone, with nothing logged', () => {
    const result = planUnder([{ column: 'name', field: 'name', direction: 'toSheet' }], mappedRow('L1', ['', '', '', '']), syncedCard());
    expect(result.steps.every((step) => step.cells === undefined)).toBe(true);
    expect(result.steps.flatMap((step) => step.log)).toEqual([]);
  });

  it('one way to the sheet, the card’s name overwrites a row renamed in the sheet', () => {
    const renamedRow = ['L1', 'Ada in the sheet', 'L1@example.com', 'NEW', 'Web', CARD, '', '', '', ''];
    const result = planUnder([{ column: 'name', field: 'name', direction: 'toSheet' }], renamedRow, syncedCard());
    expect(result.steps[0].cells).toEqual({ name: 'Ada' });
    expect(result.steps[0].trello).not.toHaveProperty('fields.name');
    expect(result.steps[0].log).toEqual([{ direction: 'Trello → sheet', leadId: 'L1', message: 'The card was renamed to "Ada".' }]);
  });
});
