// FIELD_MAPPING on the built bundle: each field type both ways, conflicts, bad values, fields deleted on the board, and
// the default mapping reproducing today's results.
import type { CustomFieldItem } from '../../src/core/board';
import { FLAG_PREFIX } from '../../src/core/row-problem';
import { HEADER, sampleRows, SyncWorld } from './sync-world';

/** The mapped columns, after the lead columns: G… */
const MAPPED_HEADER = ['Follow up', 'Done', 'Tags', 'Owner', 'Value', 'Notes', 'Priority', 'VIP', 'Signed', 'Phone'];
const MAPPING = [
  { column: 'name', field: 'name', direction: 'both' },
  { column: 'email', field: 'desc:Email', direction: 'toTrello' },
  { column: 'source', field: 'desc:Source', direction: 'toTrello' },
  { column: 'Follow up', field: 'due', direction: 'both' },
  { column: 'Done', field: 'dueComplete', direction: 'both' },
  { column: 'Tags', field: 'labels', direction: 'both' },
  { column: 'Owner', field: 'members', direction: 'both' },
  { column: 'Value', field: 'custom:Deal value', direction: 'both' },
  { column: 'Notes', field: 'custom:Notes', direction: 'both' },
  { column: 'Priority', field: 'custom:Priority', direction: 'both' },
  { column: 'VIP', field: 'custom:VIP', direction: 'both' },
  { column: 'Signed', field: 'custom:Signed', direction: 'both' },
  { column: 'Phone', field: 'desc:Phone', direction: 'both' },
];
/** Column letters of the mapped columns. */
const COLUMN = { followUp: 'G', done: 'H', tags: 'I', owner: 'J', value: 'K', notes: 'L', priority: 'M', vip: 'N', signed: 'O', phone: 'P' } as const;

/** A world in Berlin's time zone whose board has labels, a second member and custom fields of each type, and FIELD_MAPPING set. */
function mappedWorld(rows: unknown[][]) {
  const world = new SyncWorld();
  (world.spreadsheet as { timeZone: string }).timeZone = 'Europe/Berlin';
  const old = world.leads;
  old.name = 'old';
  world.spreadsheet.addSheet('LeadTracker', [[...HEADER, ...MAPPED_HEADER], ...rows], 0);
  world.spreadsheet.removeSheet(old);
  const trello = world.trello;
  const memberId = world.workspace.member.id;
  const boardId = world.workspace.board.id;
  const label = (name: string, color: string) => trello.personCreatesLabel({ memberId, boardId, name, color });
  const labels = { hot: label('Hot', 'red'), big: label('Big', 'blue') };
  const bob = trello.addMember({ username: 'bob' });
  trello.addBoardMember({ boardId, memberId: bob.id });
  const field = (name: string, type: 'text' | 'number' | 'date' | 'checkbox' | 'list', options?: string[]) => trello.personCreatesCustomField({ memberId, boardId, name, type, options });
  const fields = { value: field('Deal value', 'number'), notes: field('Notes', 'text'), priority: field('Priority', 'list', ['High', 'Low']), vip: field('VIP', 'checkbox'), signed: field('Signed', 'date') };
  world.settingsStore().set('FIELD_MAPPING', JSON.stringify(MAPPING));
  const at = (a1: string) => {
    const [, letters, rowNumber] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
    return world.leads.cell(Number(rowNumber), letters.charCodeAt(0) - 64);
  };
  return { world, labels, bob, fields, memberId, at };
}

/** A lead row with the mapped columns. */
function row(id: string, mapped: unknown[] = [], cardId = ''): unknown[] {
  return [id, `Lead ${id}`, `${id.toLowerCase()}@example.com`, 'NEW', 'Web', cardId, ...mapped];
}

/** The Sync Log lines of one direction. */
function logLines(world: SyncWorld, direction: string): string[] {
  return (world.spreadsheet.sheet('Sync Log')?.values() ?? []).filter((line) => line[1] === direction).map((line) => String(line[3]));
}

/** A person adding label `labelId`, setting the due date to 6 March and the number field `numberFieldId` to 7 on `cardId`. */
function personFieldChanges(world: SyncWorld, memberId: string, cardId: string, labelId: string, numberFieldId: string): (() => unknown)[] {
  return [
    () => world.trello.personAddsLabel({ memberId, cardId, labelId }),
    () => world.trello.personSetsDue({ memberId, cardId, due: '2026-03-06T11:00:00.000Z' }),
    () => world.trello.personSetsCustomField({ memberId, cardId, customFieldId: numberFieldId, value: { number: '7' } }),
  ];
}

function itemOf(world: SyncWorld, cardId: string, fieldId: string): CustomFieldItem | undefined {
  return (world.trello.card(cardId)?.customFieldItems as CustomFieldItem[] | undefined)?.find((item) => item.idCustomField === fieldId);
}

/** The id of a list field's option. */
function optionId(field: object, index: number): string {
  return (field as { options: { id: string }[] }).options[index].id;
}

describe('FIELD_MAPPING: sheet → Trello', () => {
  it('creates a card with its due date, labels and members, then sets its custom fields, each in Trello’s shapes, in one run', () => {
    const { world, labels, bob, fields } = mappedWorld([row('L1', ['2026-03-04 09:30', true, 'Hot, Big (blue)', '@bob', '1200', 'Call back', 'High', true, '2026-04-01', '555-1234'])]);
    world.run('syncNow');
    const card = world.cardOf('L1')!;
    expect(card.due).toBe('2026-03-04T08:30:00.000Z');
    expect(card.dueComplete).toBe(true);
    expect([...card.idLabels].sort()).toEqual([labels.hot.id, labels.big.id].sort());
    expect(card.idMembers).toEqual([bob.id]);
    expect(card.desc).toContain('Phone: 555-1234');
    expect(itemOf(world, card.id, fields.value.id)?.value).toEqual({ number: '1200' });
    expect(itemOf(world, card.id, fields.notes.id)?.value).toEqual({ text: 'Call back' });
    expect(itemOf(world, card.id, fields.priority.id)?.idValue).toBe(optionId(fields.priority, 0));
    expect(itemOf(world, card.id, fields.vip.id)?.value).toEqual({ checked: 'true' });
    expect(itemOf(world, card.id, fields.signed.id)?.value).toEqual({ date: '2026-04-01T10:00:00.000Z' });
    expect(world.run<{ updatedCards: number; changedCells: number }>('syncNow').returnValue).toMatchObject({ updatedCards: 0, changedCells: 0 });
  });

  it('sends every edited card field in one update and each custom field by its own route', () => {
    const { world, labels, fields } = mappedWorld([row('L1', ['2026-03-04', false, 'Hot', '', '10', '', '', false, '', ''])]);
    world.run('syncNow');
    world.run('syncNow');
    const card = world.cardOf('L1')!;
    const before = world.requestCount();
    world.leads.typeAsUser(2, 7, [['2026-03-05', true, 'Big', 'bob', '12']]);
    world.run('syncNow');
    const writes = world.trello.requests.slice(before).filter((request) => request.method !== 'GET');
    const paths = writes.map((request) => `${request.method} ${new URL(request.url).pathname.replace(card.id, ':card').replace(fields.value.id, ':field')}`);
    expect(paths).toEqual(['PUT /1/cards/:card', 'PUT /1/cards/:card/customField/:field/item']);
    expect(world.cardOf('L1')).toMatchObject({ due: '2026-03-05T11:00:00.000Z', dueComplete: true, idLabels: [labels.big.id] });
    expect(itemOf(world, card.id, fields.value.id)?.value).toEqual({ number: '12' });
  });
});

describe('FIELD_MAPPING: Trello → sheet', () => {
  it('brings each field a person changed on the card into its cell', () => {
    const { world, labels, bob, fields, memberId, at } = mappedWorld([row('L1', ['2026-03-04', false, 'Hot', '', '10', 'x', 'Low', false, '', '555'])]);
    world.run('syncNow');
    world.run('syncNow');
    const cardId = world.cardOf('L1')!.id;
    const trello = world.trello;
    trello.personSetsDue({ memberId, cardId, due: '2026-03-06T16:15:00.000Z' });
    trello.personMarksDueComplete({ memberId, cardId, dueComplete: true });
    trello.personRemovesLabel({ memberId, cardId, labelId: labels.hot.id });
    trello.personAddsLabel({ memberId, cardId, labelId: labels.big.id });
    trello.personAddsMemberToCard({ memberId, cardId, idMember: bob.id });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.value.id, value: { number: '99.5' } });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.notes.id, value: '' });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.priority.id, idValue: optionId(fields.priority, 0) });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.vip.id, value: { checked: 'true' } });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.signed.id, value: { date: '2026-05-01T10:00:00.000Z' } });
    trello.personEditsDescription({ memberId, cardId, desc: world.cardOf('L1')!.desc.replace('Phone: 555', 'Phone: 777') });
    world.run('syncNow');
    expect([COLUMN.followUp, COLUMN.done, COLUMN.tags, COLUMN.owner, COLUMN.value, COLUMN.notes, COLUMN.priority, COLUMN.vip, COLUMN.signed, COLUMN.phone].map((column) => at(`${column}2`).value)).toEqual([
      '2026-03-06 17:15',
      true,
      'Big',
      'bob',
      '99.5',
      '',
      'High',
      true,
      '2026-05-01',
      '777',
    ]);
    expect(logLines(world, 'Trello → sheet').length).toBeGreaterThanOrEqual(10);
  });

  it('takes a webhook delivery of a label, due date or custom field change into the sheet, re-reading the card within the delivery budget', () => {
    const { world, labels, fields, memberId, at } = mappedWorld([row('L1', ['', false, '', '', '', '', '', false, '', ''])]);
    world.registerWebhook();
    world.run('syncNow');
    world.run('syncNow');
    world.deliver();
    const cardId = world.cardOf('L1')!.id;
    for (const change of personFieldChanges(world, memberId, cardId, labels.hot.id, fields.value.id)) {
      change();
      const before = world.requestCount();
      const [delivery] = world.deliver();
      expect(delivery.returnValue).toBeDefined();
      expect(world.requestCount() - before).toBeLessThanOrEqual(2);
    }
    expect([at(`${COLUMN.tags}2`).value, at(`${COLUMN.followUp}2`).value, at(`${COLUMN.value}2`).value]).toEqual(['Hot', '2026-03-06', '7']);
  });

  it('imports a card made on the board with its mapped fields', () => {
    const { world, labels, memberId } = mappedWorld([]);
    const made = world.person.creates('TODO', 'From the board');
    world.trello.personAddsLabel({ memberId, cardId: made.id, labelId: labels.big.id });
    world.trello.personSetsDue({ memberId, cardId: made.id, due: '2026-03-04T11:00:00.000Z' });
    world.run('syncNow');
    const imported = world.sheetValues().find((cells) => cells[5] === made.id)!;
    expect(imported.slice(6, 9)).toEqual(['2026-03-04', false, 'Big']);
  });
});

describe('FIELD_MAPPING: conflicts, field by field', () => {
  /** L1 synced with every mapped field set, edit trigger installed, the actions cursor after the sync. */
  function syncedMapped() {
    const setup = mappedWorld([row('L1', ['2026-03-04', false, 'Hot', 'bob', '10', 'a', 'Low', false, '2026-01-01', '555'])]);
    setup.world.run('installTriggers');
    setup.world.run('syncNow');
    setup.world.run('syncNow');
    return { ...setup, cardId: setup.world.cardOf('L1')!.id };
  }

  function editWhileBusy(world: SyncWorld, a1: string, values: unknown[][]): void {
    const release = world.gas.holdScriptLock();
    world.gas.userEdit('LeadTracker', a1, values);
    release();
  }

  it('keeps the board’s change of each field type when it is newer than the sheet’s edit, and logs every conflict', () => {
    const { world, labels, bob, fields, memberId, cardId, at } = syncedMapped();
    editWhileBusy(world, `${COLUMN.followUp}2:${COLUMN.phone}2`, [['2026-09-09', true, 'Big', 'sales', '11', 'b', 'High', true, '2026-09-09', '556']]);
    world.clock.advance(5_000);
    const trello = world.trello;
    trello.personSetsDue({ memberId, cardId, due: '2026-03-08T11:00:00.000Z' });
    trello.personMarksDueComplete({ memberId, cardId, dueComplete: true });
    trello.personRemovesLabel({ memberId, cardId, labelId: labels.hot.id });
    trello.personRemovesMemberFromCard({ memberId, cardId, idMember: bob.id });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.value.id, value: { number: '20' } });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.notes.id, value: { text: 'c' } });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.priority.id, idValue: '' });
    trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.signed.id, value: { date: '2026-02-02T11:00:00.000Z' } });
    trello.personEditsDescription({ memberId, cardId, desc: world.cardOf('L1')!.desc.replace('Phone: 555', 'Phone: 999') });
    world.clock.advance(5_000);
    world.run('syncNow');
    expect([COLUMN.followUp, COLUMN.tags, COLUMN.owner, COLUMN.value, COLUMN.notes, COLUMN.priority, COLUMN.signed, COLUMN.phone].map((column) => at(`${column}2`).value)).toEqual([
      '2026-03-08',
      '',
      '',
      '20',
      'c',
      '',
      '2026-02-02',
      '999',
    ]);
    // Both sides checked it: the same value on both sides is no conflict.
    expect(at(`${COLUMN.done}2`).value).toBe(true);
    // The checkbox changed in the sheet only: the sheet's value goes to the card.
    expect(itemOf(world, cardId, fields.vip.id)?.value).toEqual({ checked: 'true' });
    expect(logLines(world, 'conflict')).toHaveLength(8);
  });

  it('keeps the sheet’s edit when it is newer than the board’s change', () => {
    const { world, labels, fields, memberId, cardId, at } = syncedMapped();
    world.trello.personSetsDue({ memberId, cardId, due: '2026-03-08T11:00:00.000Z' });
    world.trello.personAddsLabel({ memberId, cardId, labelId: labels.big.id });
    world.trello.personSetsCustomField({ memberId, cardId, customFieldId: fields.value.id, value: { number: '20' } });
    world.clock.advance(5_000);
    editWhileBusy(world, `${COLUMN.followUp}2`, [['2026-09-09']]);
    editWhileBusy(world, `${COLUMN.tags}2`, [['']]);
    editWhileBusy(world, `${COLUMN.value}2`, [['30']]);
    world.clock.advance(5_000);
    world.run('syncNow');
    const card = world.cardOf('L1')!;
    expect(card.due).toBe('2026-09-09T10:00:00.000Z');
    expect(card.idLabels).toEqual([]);
    expect(itemOf(world, cardId, fields.value.id)?.value).toEqual({ number: '30' });
    // The cells keep what the person typed (a date cell stays a date).
    expect(at(`${COLUMN.tags}2`).value).toBe('');
    expect(logLines(world, 'conflict')).toHaveLength(3);
  });
});

describe('FIELD_MAPPING: bad values and fields gone from the board', () => {
  it('flags each bad value on its cell and syncs the rest of the row', () => {
    const { world, fields, at } = mappedWorld([row('L1', ['2026-03-04', false, 'Hot', '', '10', '', '', false, '', ''])]);
    world.run('syncNow');
    world.run('syncNow');
    const cardId = world.cardOf('L1')!.id;
    world.leads.typeAsUser(2, 2, [['Renamed']]);
    world.leads.typeAsUser(2, 7, [['next week', 'maybe', 'Cold', 'carol', 'lots', 'fine', 'Urgent', 'perhaps', 'soon', 'two\nlines']]);
    world.run('syncNow');
    expect(world.cardOf('L1')?.name).toBe('Renamed');
    for (const column of [COLUMN.followUp, COLUMN.done, COLUMN.tags, COLUMN.owner, COLUMN.value, COLUMN.priority, COLUMN.vip, COLUMN.signed, COLUMN.phone]) {
      expect(at(`${column}2`).note).toMatch(new RegExp(`^${FLAG_PREFIX}`));
    }
    expect(at(`${COLUMN.owner}2`).note).toContain('"carol" is not a member of the board');
    expect(at(`${COLUMN.value}2`).note).toContain('"lots" is not a number');
    // The one good value went through; the bad ones did not.
    expect(itemOf(world, cardId, fields.notes.id)?.value).toEqual({ text: 'fine' });
    expect(itemOf(world, cardId, fields.value.id)?.value).toEqual({ number: '10' });
    expect(world.cardOf('L1')?.due).toBe('2026-03-04T11:00:00.000Z');
    world.leads.typeAsUser(2, 11, [['11']]);
    world.run('syncNow');
    expect(at(`${COLUMN.value}2`).note).toBe('');
    expect(itemOf(world, cardId, fields.value.id)?.value).toEqual({ number: '11' });
  });

  it('follows a label deleted and a member taken off the board into the cells', () => {
    const { world, labels, bob, memberId, at } = mappedWorld([row('L1', ['', false, 'Hot, Big', 'bob', '', '', '', false, '', ''])]);
    world.run('syncNow');
    world.run('syncNow');
    world.trello.personDeletesLabel({ memberId, labelId: labels.hot.id });
    world.trello.personRemovesBoardMember({ memberId, boardId: world.workspace.board.id, idMember: bob.id });
    world.run('syncNow');
    expect([at(`${COLUMN.tags}2`).value, at(`${COLUMN.owner}2`).value]).toEqual(['Big', '']);
    expect(at(`${COLUMN.tags}2`).note).toBe('');
  });

  it('flags the cells of a custom field deleted on the board, and the rest of the row keeps syncing', () => {
    const { world, fields, memberId, at } = mappedWorld([row('L1', ['', false, '', '', '10', '', '', false, '', ''])]);
    world.run('syncNow');
    world.run('syncNow');
    world.trello.personDeletesCustomField({ memberId, customFieldId: fields.value.id });
    world.leads.typeAsUser(2, 9, [['Hot']]);
    world.run('syncNow');
    expect(at(`${COLUMN.value}2`).note).toContain('no custom field "Deal value"');
    expect(world.cardOf('L1')?.idLabels).toHaveLength(1);
  });
});

describe('FIELD_MAPPING written out as the default', () => {
  /** The same day in two worlds: leads created, edited in the sheet, moved, renamed and made on the board. */
  function day(mapping: string | undefined) {
    const world = new SyncWorld({ rows: sampleRows(6) });
    if (mapping !== undefined) world.settingsStore().set('FIELD_MAPPING', mapping);
    world.run('syncNow');
    world.leads.typeAsUser(2, 2, [['Ada renamed', 'ada@new.example.com']]);
    world.leads.typeAsUser(3, 5, [['Fair']]);
    world.person.moves(world.cardOf('L4')!.id, 'DONE');
    world.person.renames(world.cardOf('L5')!.id, 'Board name');
    world.person.creates('IN_PROGRESS', 'Made on the board');
    world.clock.advance(60_000);
    const summary = world.run<Record<string, unknown>>('syncNow').returnValue;
    const log = (world.spreadsheet.sheet('Sync Log')?.values() ?? []).map((line) => line.slice(1));
    const cards = world.cards().map((card) => [card.name, card.desc, world.listNameOf(card)]);
    const result = { sheet: world.sheetValues(), base: world.spreadsheet.sheet('Trello Sync Base')?.values(), summary, log, cards, requests: world.requestCount() };
    // Trello ids differ from one emulator to the next: each is named by its first appearance.
    const ids = new Map<string, string>();
    return JSON.stringify(result).replace(/[0-9a-f]{24}|TRELLO-[A-Za-z0-9]+/g, (id) => ids.get(id) ?? (ids.set(id, `id${ids.size}`), `id${ids.size - 1}`));
  }

  it('reproduces today’s results exactly: sheet, board, base, log and requests', () => {
    const written = JSON.stringify(MAPPING.slice(0, 3));
    expect(day(written)).toEqual(day(undefined));
  });
});

describe('FIELD_MAPPING: costs stay within the budgets', () => {
  function syncedWithTriggers() {
    const setup = mappedWorld(Array.from({ length: 50 }, (_, index) => row(`L${index + 1}`, ['2026-03-04', false, 'Hot', '', '10', '', '', false, '2026-01-01 08:00', ''])));
    setup.world.run('installTriggers');
    setup.world.run('syncNow');
    setup.world.run('syncNow');
    return setup;
  }

  it('a quiet scheduled run: 1 Sheets data call and 1 Trello request (the board, its labels, members and custom fields in one batch)', () => {
    const { world } = syncedWithTriggers();
    world.run('onSchedule', {}, { hasUi: false });
    const quiet = world.run('onSchedule', {}, { hasUi: false });
    expect(quiet.counters.sheetsDataCalls).toBe(1);
    expect(quiet.counters.urlFetchRequests).toBe(1);
  });

  it('an edit of a mapped cell: ≤ 4 Sheets data calls, one Trello write and at most one read', () => {
    const { world } = syncedWithTriggers();
    for (const [a1, value] of [
      [`${COLUMN.followUp}10`, '2026-03-09'],
      [`${COLUMN.value}11`, '99'],
    ]) {
      const before = world.requestCount();
      const [edit] = world.gas.userEdit('LeadTracker', a1, [[value]]);
      expect(edit.error).toBeUndefined();
      const sent = world.trello.requests.slice(before);
      expect(sent.filter((request) => request.method !== 'GET')).toHaveLength(1);
      expect(sent.filter((request) => request.method === 'GET').length).toBeLessThanOrEqual(1);
      expect(edit.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    }
    expect(world.cardOf('L9')?.due).toBe('2026-03-09T11:00:00.000Z');
  });

  it('a webhook delivery of a label change: ≤ 4 Sheets data calls and ≤ 2 Trello requests', () => {
    const { world, labels, memberId } = syncedWithTriggers();
    world.registerWebhook();
    world.deliver();
    world.trello.personAddsLabel({ memberId, cardId: world.cardOf('L7')!.id, labelId: labels.big.id });
    const before = world.requestCount();
    const [delivery] = world.deliver();
    expect(world.requestCount() - before).toBeLessThanOrEqual(2);
    expect(delivery.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    expect(world.lead('L7')?.Tags).toBe('Big, Hot');
  });
});

describe('a FIELD_MAPPING that cannot be used', () => {
  it.each([
    ['is not JSON', '[{', /FIELD_MAPPING is not valid JSON/],
    ['names an unknown field', '[{"column":"source","field":"priority","direction":"both"}]', /unknown field "priority"/],
    ['names a column the sheet lacks', '[{"column":"Follow up","field":"due","direction":"both"}]', /names the column "Follow up", which the sheet "LeadTracker" does not have/],
  ])('stops Sync now with a message that says what to fix when it %s, and nothing is synced', (_, mapping, message) => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.settingsStore().set('FIELD_MAPPING', mapping);
    const run = world.gas.run<{ ok: boolean; message: string }>('syncNow');
    expect(run.error).toBeUndefined();
    expect(run.returnValue).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect(world.cards()).toHaveLength(0);
  });
});

describe('the sidebar’s mapping editor', () => {
  type Saved = { ok: boolean; message: string };
  const save = (world: SyncWorld, input: Record<string, unknown>) => world.run<Saved>('saveSettings', input).returnValue as Saved;

  it('shows today’s pairs while FIELD_MAPPING is unset, and saving them unchanged leaves it unset', () => {
    const world = new SyncWorld();
    const state = world.run<{ fieldMapping: unknown[] }>('getSidebarState').returnValue!;
    expect(state.fieldMapping).toEqual(MAPPING.slice(0, 3));
    expect(save(world, { fieldMapping: state.fieldMapping })).toEqual({ ok: true, message: 'Settings saved.' });
    expect(world.settingsStore().get('FIELD_MAPPING')).toBeNull();
  });

  it('offers the sheet’s columns and the board’s fields, custom fields, labels and members read from the board', () => {
    const { world } = mappedWorld([]);
    const choices = world.run<{ columns: string[]; fields: string[]; labels: string[]; members: string[] }>('listFieldChoices').returnValue!;
    expect(choices.columns).toEqual(['name', 'email', 'source', ...MAPPED_HEADER]);
    expect(choices.fields).toEqual(expect.arrayContaining(['due', 'dueComplete', 'labels', 'members', 'custom:Deal value', 'custom:Priority']));
    expect(choices.labels).toEqual(expect.arrayContaining(['Hot', 'Big']));
    expect(choices.members).toEqual(expect.arrayContaining(['bob']));
  });

  it('saves the pairs as the one setting FIELD_MAPPING, which the next run follows', () => {
    const { world } = mappedWorld([row('L1', ['2026-03-04', false, 'Hot', '', '', '', '', false, '', ''])]);
    world.settingsStore().delete('FIELD_MAPPING');
    const pairs = [
      { column: 'name', field: 'name', direction: 'both' },
      { column: 'Tags', field: 'labels', direction: 'toTrello' },
    ];
    expect(save(world, { fieldMapping: pairs })).toEqual({ ok: true, message: 'Settings saved.' });
    expect(JSON.parse(world.settingsStore().get('FIELD_MAPPING') ?? '')).toEqual(pairs);
    world.run('syncNow');
    expect(world.cardOf('L1')?.idLabels).toHaveLength(1);
    expect(world.cardOf('L1')?.due).toBeNull();
  });

  it.each([
    ['a column the sheet lacks', [{ column: 'Budget', field: 'custom:Deal value', direction: 'both' }], 'Not saved: FIELD_MAPPING names the column "Budget", which the sheet "LeadTracker" does not have.'],
    ['an unknown field', [{ column: 'Tags', field: 'tags', direction: 'both' }], 'Not saved: Entry 1 of FIELD_MAPPING maps the column "Tags" to an unknown field "tags"'],
    ['a field twice', [{ column: 'Tags', field: 'labels', direction: 'both' }, { column: 'Notes', field: 'labels', direction: 'toSheet' }], 'Not saved: FIELD_MAPPING maps the field "labels" twice'],
  ])('refuses %s, saying what to fix, and keeps the saved mapping', (_, pairs, message) => {
    const { world } = mappedWorld([]);
    const before = world.settingsStore().get('FIELD_MAPPING');
    const saved = save(world, { fieldMapping: pairs });
    expect(saved.ok).toBe(false);
    expect(saved.message).toContain(message);
    expect(world.settingsStore().get('FIELD_MAPPING')).toBe(before);
  });
});

describe('FIELD_MAPPING: the open sidebar’s poll of board actions', () => {
  it('brings a label added on the board into the cell', () => {
    const { world, labels, memberId, at } = mappedWorld([row('L1', ['', false, '', '', '', '', '', false, '', ''])]);
    world.run('syncNow');
    world.run('syncNow');
    world.run('pollChanges');
    world.trello.personAddsLabel({ memberId, cardId: world.cardOf('L1')!.id, labelId: labels.hot.id });
    const poll = world.run<{ synced: unknown }>('pollChanges');
    expect(poll.returnValue?.synced).not.toBeNull();
    expect(at(`${COLUMN.tags}2`).value).toBe('Hot');
  });
});

describe('FIELD_MAPPING set on a sheet that already syncs', () => {
  it('keeps the base tab of earlier versions, adding the column of mapped values, and starts each new field from the cards', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.run('syncNow');
    const baseTab = world.spreadsheet.sheet('Trello Sync Base')!;
    expect(baseTab.values()[0]).toHaveLength(11);
    world.trello.personSetsDue({ memberId: world.workspace.member.id, cardId: world.cardOf('L1')!.id, due: '2026-03-04T12:00:00.000Z' });
    world.leads.typeAsUser(1, 7, [['Follow up']]);
    world.settingsStore().set('FIELD_MAPPING', JSON.stringify([...MAPPING.slice(0, 3), { column: 'Follow up', field: 'due', direction: 'both' }]));
    world.run('syncNow');
    expect(world.lead('L1')?.['Follow up']).toBe('2026-03-04');
    expect(baseTab.values()[0][11]).toBe('fields');
    expect(JSON.parse(String(baseTab.values().find((cells) => cells[0] === 'L1')?.[11]))).toEqual({ due: '2026-03-04', 'due@shown': '2026-03-04' });
    // The old rows' values are all still read: nothing changes at the next run.
    expect(world.run<{ updatedCards: number; changedCells: number }>('syncNow').returnValue).toMatchObject({ updatedCards: 0, changedCells: 0 });
  });
});

describe('FIELD_MAPPING: date cells', () => {
  it('reads a date typed into a text field’s column as the text it shows, a date field’s as its day, and a quiet run reads neither again', () => {
    const { world, fields, at } = mappedWorld([row('L1', ['', false, '', '', '', '', '', false, '', ''])]);
    world.run('syncNow');
    world.leads.typeAsUser(2, 12, [['3/4/2026']]);
    world.leads.typeAsUser(2, 15, [['3/5/2026']]);
    expect(at(`${COLUMN.notes}2`).value).toBeInstanceOf(Date);
    world.run('syncNow');
    const cardId = world.cardOf('L1')!.id;
    expect(itemOf(world, cardId, fields.notes.id)?.value).toEqual({ text: '3/4/2026' });
    expect(itemOf(world, cardId, fields.signed.id)?.value).toEqual({ date: '2026-03-05T11:00:00.000Z' });
    const quiet = world.run('onSchedule', {}, { hasUi: false });
    expect(quiet.counters.sheetsDataCalls).toBe(1);
    expect(quiet.returnValue).toMatchObject({ updatedCards: 0, changedCells: 0 });
  });
});

describe('FIELD_MAPPING: an edit or a delivery that reads only its own rows', () => {
  /** 30 synced leads with mapped values, the edit trigger and the webhook set up; edits and deliveries read only their rows. */
  function rowsOnlyWorld() {
    const setup = mappedWorld(Array.from({ length: 30 }, (_, index) => row(`L${index + 1}`, ['2026-03-04', false, 'Hot', '', '10', '', '', false, '', '555'])));
    setup.world.settingsStore().set('READ_ROWS_FROM', '0');
    setup.world.run('installTriggers');
    setup.world.registerWebhook();
    setup.world.run('syncNow');
    setup.world.run('syncNow');
    setup.world.deliver();
    return setup;
  }

  /** A scheduled run after the change finds nothing left to do: the base kept the mapped values the change synced. */
  function expectQuietFullRun(world: SyncWorld): void {
    const full = world.run('onSchedule', {}, { hasUi: false });
    expect(full.returnValue).toMatchObject({ updatedCards: 0, changedCells: 0 });
  }

  it('an edit of mapped cells — a date typed into a date field’s column among them — reads its row and base record, and updates the card', () => {
    const { world, fields, at } = rowsOnlyWorld();
    for (const [a1, value] of [
      [`${COLUMN.followUp}10`, '2026-03-09'],
      [`${COLUMN.value}11`, '99'],
      [`${COLUMN.tags}12`, 'Big'],
      [`${COLUMN.signed}13`, '3/5/2026'],
    ]) {
      const [edit] = world.gas.userEdit('LeadTracker', a1, [[value]]);
      expect(edit.error).toBeUndefined();
      expect(edit.counters.cellsMoved).toBeLessThan(150);
    }
    expect(at(`${COLUMN.signed}13`).value).toBeInstanceOf(Date);
    expect(world.cardOf('L9')?.due).toBe('2026-03-09T11:00:00.000Z');
    expect(itemOf(world, world.cardOf('L10')!.id, fields.value.id)?.value).toEqual({ number: '99' });
    expect(world.lead('L11')?.Tags).toBe('Big');
    expect(itemOf(world, world.cardOf('L12')!.id, fields.signed.id)?.value).toEqual({ date: '2026-03-05T11:00:00.000Z' });
    expectQuietFullRun(world);
  });

  it('a delivery of a label, due date or custom field change reads the card and the rows linked to it, and fills the cell', () => {
    const { world, labels, fields, memberId } = rowsOnlyWorld();
    const cardId = world.cardOf('L7')!.id;
    for (const change of personFieldChanges(world, memberId, cardId, labels.big.id, fields.value.id)) {
      change();
      const [delivery] = world.deliver();
      expect(delivery.error).toBeUndefined();
      expect(delivery.counters.cellsMoved).toBeLessThan(150);
    }
    expect(world.lead('L7')).toMatchObject({ Tags: 'Big, Hot', 'Follow up': '2026-03-06', Value: '7' });
    expectQuietFullRun(world);
  });
});
