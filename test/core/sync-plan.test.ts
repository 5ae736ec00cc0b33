import { base, card, plan, planInput, row, NOW } from './plan-fixture';
import { mappedLists } from '../../src/core/board';
import { leadFingerprint, planSync } from '../../src/core/sync-plan';
import { describeLead, leadIdMarkedIn } from '../../src/core/card-description';
import { TRELLO_TEXT_LIMIT } from '../../src/core/trello-limits';

describe('planSync: new leads', () => {
  it('creates exactly one card per new lead, in the list of its status, and fills a blank status with NEW', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'QUALIFIED'), row('L2', 'Bob', '')] });
    expect(result.steps).toHaveLength(2);
    const [ada, bob] = result.steps;
    expect(ada.trello).toEqual({ kind: 'create', listId: 'list-doing', name: 'Ada', desc: describeLead('', { id: 'L1', email: 'L1@example.com', source: 'Web' }) });
    expect(ada.cells).toEqual({ trello_card_id: '' });
    expect(ada.log).toEqual([{ direction: 'sheet → Trello', leadId: 'L1', message: 'Created a card in IN_PROGRESS.' }]);
    expect(bob.trello).toMatchObject({ kind: 'create', listId: 'list-todo' });
    expect(bob.cells).toEqual({ status: 'NEW', trello_card_id: '' });
    expect(bob.nextBase).toMatchObject({ status: 'NEW', listId: 'list-todo', name: 'Bob' });
  });

  it('flags a lead whose status has no list on the board and plans nothing for it, while the others sync', () => {
    const input = planInput({ rows: [row('L1', 'Ada', 'COMPLETED'), row('L2', 'Bob', 'NEW')] });
    const result = planSync({ ...input, lists: mappedLists(new Map([['TODO', 'list-todo']])) });
    expect(result.steps.map((step) => [step.leadId, step.trello?.kind])).toEqual([['L2', 'create']]);
    expect(result.problems).toEqual([{ row: 2, column: 'status', leadId: 'L1', message: 'The Trello list for status COMPLETED is missing on the board.' }]);
  });

  it('adopts an open card that carries the lead marker instead of creating a duplicate', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW')], cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')] });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toEqual({ trello_card_id: 'c00000000000000000000001' });
    expect(result.steps[0].nextBase.cardId).toBe('c00000000000000000000001');
    expect(result.steps[0].log).toEqual([{ direction: 'info', leadId: 'L1', message: 'Linked to the existing card "Ada" of this lead.' }]);
  });

  it('adopts the card the base remembers when its id cell was cleared, even after its marker was edited away', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW')], base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')], cards: [card('c00000000000000000000001', null, 'TODO', 'Ada')] });
    const [step] = result.steps;
    expect(step.cells).toEqual({ trello_card_id: 'c00000000000000000000001' });
    // No second card: the adopted one gets its lead block back.
    expect(step.trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000001', fields: { desc: describeLead('', { id: 'L1', email: 'L1@example.com', source: 'Web' }) } });
  });

  it('weighs a marked card it adopts in place of the remembered one as of unknown history: the sheet keeps its name', () => {
    const result = plan({
      rows: [row('L1', 'Ada', 'NEW')],
      base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')],
      cards: [card('c00000000000000000000002', 'L1', 'TODO', 'Ada on the board')],
    });
    const [step] = result.steps;
    expect(step.cells).toEqual({ trello_card_id: 'c00000000000000000000002' });
    expect(step.trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000002', fields: { name: 'Ada' } });
    // Both sides count as changed, so the newer change wins, and the conflict is logged.
    const boardNewer = plan({
      rows: [row('L1', 'Ada', 'NEW')],
      base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')],
      cards: [card('c00000000000000000000002', 'L1', 'TODO', 'Ada on the board')],
      editTimes: [['L1', NOW - 5000]],
      changeTimes: [['c00000000000000000000002', { name: NOW - 1000 }]],
    }).steps[0];
    expect(boardNewer.cells).toEqual({ trello_card_id: 'c00000000000000000000002', name: 'Ada on the board' });
    expect(boardNewer.log.map((line) => line.direction)).toContain('conflict');
  });

  it('does not adopt a marked card that another row is linked to', () => {
    const result = plan({
      rows: [row('L1', 'Ada', 'NEW'), row('L2', 'Bea', 'NEW', 'c00000000000000000000001')],
      cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')],
    });
    const l1 = result.steps.find((step) => step.leadId === 'L1');
    expect(l1?.trello?.kind).toBe('create');
  });

  it('waits for a full run before creating a card when the board was only partly read', () => {
    expect(plan({ rows: [row('L1', 'Ada', 'NEW')], complete: false, scope: ['L1'] }).steps).toEqual([]);
  });

  it('plans a new card with no card id in its base, so a row deleted before Trello answered leaves no card to archive', () => {
    const [create] = plan({ rows: [row('L1', 'Ada', 'NEW')] }).steps;
    expect(create.nextBase.cardId).toBe('');
    const [deleted] = plan({ rows: [], base: [create.nextBase], options: { archiveCardOnRowDelete: true } }).steps;
    expect(deleted.nextBase).toMatchObject({ rowDeleted: true, archivePending: false });
    expect(deleted.log).toEqual([]);
  });

  it('creates a fresh card when the id of an archived card is cleared, never reopening it', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW')], base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada', { cardFate: 'archived' })] });
    expect(result.steps[0].trello?.kind).toBe('create');
  });
});

describe('planSync: linked leads', () => {
  const synced = { rows: [row('L1', 'Ada', 'NEW', 'c00000000000000000000001')], base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')], cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')] };

  it('plans nothing when neither side changed', () => {
    expect(plan(synced)).toEqual({ steps: [], problems: [], untimedConflictCards: [] });
  });

  it('moves the card when the status changed in the sheet', () => {
    const [step] = plan({ ...synced, rows: [row('L1', 'Ada', 'CONTACTED', 'c00000000000000000000001')] }).steps;
    expect(step.trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000001', fields: { idList: 'list-doing' } });
    expect(step.nextBase).toMatchObject({ status: 'CONTACTED', listId: 'list-doing' });
  });

  it('refreshes only the base when the status changed but still maps to the same list', () => {
    const [step] = plan({ ...synced, rows: [row('L1', 'Ada', 'LOST', 'c00000000000000000000001')], base: [base('L1', 'c00000000000000000000001', 'COMPLETED', 'DONE', 'Ada')], cards: [card('c00000000000000000000001', 'L1', 'DONE', 'Ada')] }).steps;
    expect(step.trello).toBeUndefined();
    expect(step.cells).toBeUndefined();
    expect(step.nextBase.status).toBe('LOST');
  });

  it('follows a card moved on the board with the list first status', () => {
    const [step] = plan({ ...synced, cards: [card('c00000000000000000000001', 'L1', 'DONE', 'Ada')] }).steps;
    expect(step.trello).toBeUndefined();
    expect(step.cells).toEqual({ status: 'COMPLETED' });
    expect(step.nextBase).toMatchObject({ status: 'COMPLETED', listId: 'list-done' });
    expect(step.log).toEqual([{ direction: 'Trello → sheet', leadId: 'L1', message: 'The card was moved to DONE: status NEW → COMPLETED.' }]);
  });

  it('keeps QUALIFIED and LOST when the card moves into (or is touched in) a list they already map to', () => {
    const qualified = plan({
      rows: [row('L1', 'Ada', 'QUALIFIED', 'c00000000000000000000001')],
      base: [base('L1', 'c00000000000000000000001', 'QUALIFIED', 'TODO', 'Ada')],
      cards: [card('c00000000000000000000001', 'L1', 'IN_PROGRESS', 'Ada')],
    }).steps[0];
    expect(qualified.cells).toBeUndefined();
    expect(qualified.nextBase.status).toBe('QUALIFIED');
    const lost = plan({
      rows: [row('L1', 'Ada', 'LOST', 'c00000000000000000000001')],
      base: [base('L1', 'c00000000000000000000001', 'LOST', 'IN_PROGRESS', 'Ada')],
      cards: [card('c00000000000000000000001', 'L1', 'DONE', 'Ada')],
    }).steps[0];
    expect(lost.cells).toBeUndefined();
    expect(lost.nextBase.status).toBe('LOST');
  });

  it('keeps the status when the card goes to a list no status maps to', () => {
    const [step] = plan({ ...synced, cards: [card('c00000000000000000000001', 'L1', 'list-backlog', 'Ada')] }).steps;
    expect(step.cells).toBeUndefined();
    expect(step.trello).toBeUndefined();
    expect(step.nextBase.listId).toBe('list-backlog');
    expect(step.log).toEqual([{ direction: 'info', leadId: 'L1', message: 'The card was moved to a list that no status maps to; the status is kept.' }]);
  });

  it('renames the lead when the card is renamed, and the card when the lead is', () => {
    expect(plan({ ...synced, cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada Lovelace')] }).steps[0].cells).toEqual({ name: 'Ada Lovelace' });
    expect(plan({ ...synced, rows: [row('L1', 'Ada L.', 'NEW', 'c00000000000000000000001')] }).steps[0].trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000001', fields: { name: 'Ada L.' } });
  });

  it('rewrites the description block when email or source change, keeping what a person wrote around it', () => {
    const personCard = card('c00000000000000000000001', 'L1', 'TODO', 'Ada');
    personCard.desc = `Call after 5pm\n\n${personCard.desc}`;
    const [step] = plan({ ...synced, rows: [['L1', 'Ada', 'new@example.com', 'NEW', 'Web', 'c00000000000000000000001']], cards: [personCard] }).steps;
    const desc = step.trello?.kind === 'update' ? step.trello.fields.desc : undefined;
    expect(desc).toContain('Call after 5pm');
    expect(desc).toContain('Email: new@example.com');
    expect(leadIdMarkedIn(desc ?? '')).toBe('L1');
  });

  it('treats a sheet change and a board move that agree as no conflict', () => {
    const result = plan({ ...synced, rows: [row('L1', 'Ada', 'QUALIFIED', 'c00000000000000000000001')], cards: [card('c00000000000000000000001', 'L1', 'IN_PROGRESS', 'Ada')] });
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toBeUndefined();
    expect(result.steps[0].log.filter((line) => line.direction === 'conflict')).toEqual([]);
  });

  it('resolves a conflict by the newer change and logs it', () => {
    const both = { ...synced, rows: [row('L1', 'Ada', 'CONTACTED', 'c00000000000000000000001')] as ReturnType<typeof row>[], cards: [card('c00000000000000000000001', 'L1', 'DONE', 'Ada')] };
    const sheetNewer = plan({ ...both, editTimes: [['L1', NOW - 1000]], changeTimes: [['c00000000000000000000001', { list: NOW - 5000 }]] }).steps[0];
    expect(sheetNewer.trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000001', fields: { idList: 'list-doing' } });
    expect(sheetNewer.log).toEqual([
      {
        direction: 'conflict',
        leadId: 'L1',
        message: "Status changed in the sheet (CONTACTED) and the card moved on the board; the sheet's change is newer or its time unknown, so the card goes to IN_PROGRESS.",
      },
    ]);
    const boardNewer = plan({ ...both, editTimes: [['L1', NOW - 5000]], changeTimes: [['c00000000000000000000001', { list: NOW - 1000 }]] }).steps[0];
    expect(boardNewer.trello).toBeUndefined();
    expect(boardNewer.cells).toEqual({ status: 'COMPLETED' });
    expect(boardNewer.log).toEqual([
      { direction: 'conflict', leadId: 'L1', message: "Status changed in the sheet (CONTACTED) and the card moved on the board to DONE; the board's change is newer and is kept." },
    ]);
    const boardNewerToUnmappedList = plan({ ...both, cards: [card('c00000000000000000000001', 'L1', 'list-backlog', 'Ada')], editTimes: [['L1', NOW - 5000]], changeTimes: [['c00000000000000000000001', { list: NOW - 1000 }]] }).steps[0];
    expect(boardNewerToUnmappedList.log.map((line) => line.message)).toEqual([
      "Status changed in the sheet (CONTACTED) and the card moved on the board to another list; the board's change is newer and is kept.",
    ]);
    const unknownSheetTime = plan({ ...both, changeTimes: [['c00000000000000000000001', { list: NOW - 1000 }]] }).steps[0];
    expect(unknownSheetTime.trello?.kind).toBe('update');
    const unknownBoardTime = plan({ ...both, editTimes: [['L1', NOW - 60_000]] }).steps[0];
    expect(unknownBoardTime.trello?.kind).toBe('update');
  });

  it("weighs each field by that field's own edit time: a newer edit of the name does not make an old status edit newer", () => {
    const both = { ...synced, rows: [row('L1', 'Ada B', 'CONTACTED', 'c00000000000000000000001')] as ReturnType<typeof row>[], cards: [card('c00000000000000000000001', 'L1', 'DONE', 'Ada C')] };
    const changeTimes: [string, { list: number; name: number }][] = [['c00000000000000000000001', { list: NOW - 5000, name: NOW - 5000 }]];
    const [step] = plan({ ...both, changeTimes, editTimes: [['L1', { status: NOW - 9000, name: NOW - 1000 }]] }).steps;
    expect(step.cells).toEqual({ status: 'COMPLETED' }); // the board's move is newer than the status edit
    expect(step.trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000001', fields: { name: 'Ada B' } }); // the sheet's name is newer
    expect(step.log.filter((line) => line.direction === 'conflict')).toHaveLength(2);
    // A status edited but no name edit recorded: the name's time is unknown, so the sheet's name stands.
    const [statusOnly] = plan({ ...both, changeTimes, editTimes: [['L1', { status: NOW - 9000 }]] }).steps;
    expect(statusOnly.trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000001', fields: { name: 'Ada B' } });
    expect(statusOnly.cells).toEqual({ status: 'COMPLETED' });
  });

  it("names the cards of conflicts the sheet won only because the board's time was not read, and no others", () => {
    const both = { ...synced, rows: [row('L1', 'Ada', 'CONTACTED', 'c00000000000000000000001')] as ReturnType<typeof row>[], cards: [card('c00000000000000000000001', 'L1', 'DONE', 'Ada')] };
    expect(plan({ ...both, editTimes: [['L1', NOW - 60_000]] }).untimedConflictCards).toEqual(['c00000000000000000000001']);
    expect(plan({ ...both, editTimes: [['L1', NOW - 60_000]], changeTimes: [['c00000000000000000000001', { list: NOW - 1000 }]] }).untimedConflictCards).toEqual([]);
    expect(plan(both).untimedConflictCards).toEqual([]); // the sheet's time unknown: the sheet wins whatever the board's time
    expect(plan({ ...both, rows: [row('L1', 'Ada', 'COMPLETED', 'c00000000000000000000001')], editTimes: [['L1', NOW - 60_000]] }).untimedConflictCards).toEqual([]); // agreeing changes
  });

  it('marks the row of an archived card once, keeps its status, and creates nothing', () => {
    const result = plan({ ...synced, cards: [], fates: new Map([['c00000000000000000000001', 'archived']]) });
    expect(result.problems).toEqual([expect.objectContaining({ row: 2, column: 'trello_card_id', message: expect.stringContaining('archived') })]);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toBeUndefined();
    expect(result.steps[0].nextBase.cardFate).toBe('archived');
    expect(result.steps[0].log).toEqual([{ direction: 'Trello → sheet', leadId: 'L1', message: 'The card was archived on Trello; the row is kept and marked.' }]);
    const again = plan({ ...synced, base: [result.steps[0].nextBase], cards: [] });
    expect(again.steps).toEqual([]);
    expect(again.problems).toHaveLength(1);
  });

  it('syncs an unarchived card again', () => {
    const result = plan({ ...synced, base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada', { cardFate: 'archived' })] });
    expect(result.problems).toEqual([]);
    expect(result.steps[0].nextBase.cardFate).toBe('');
    expect(result.steps[0].log).toEqual([{ direction: 'Trello → sheet', leadId: 'L1', message: 'The card is open on the board again; the row syncs again.' }]);
  });

  it('remembers the fate of the card of a lead the base has no record of, with the lead, so the next run is quiet', () => {
    const unrecorded = { rows: synced.rows, cards: [], fates: new Map([['c00000000000000000000001', 'deleted' as const]]) };
    const [step] = plan(unrecorded).steps;
    expect(step.nextBase).toMatchObject({ leadId: 'L1', cardId: 'c00000000000000000000001', cardFate: 'deleted', status: 'NEW', name: 'Ada' });
    expect(plan({ ...unrecorded, fates: new Map(), base: [step.nextBase] }).steps).toEqual([]);
  });

  it('leaves a linked lead the base has no record of alone while its card was not read (a partial run)', () => {
    const result = plan({ rows: synced.rows, cards: [], complete: false, scope: ['L1'] });
    expect(result.steps).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('does not retry a change Trello refused until the row changes', () => {
    const lead = row('L1', 'Ada', 'CONTACTED', 'c00000000000000000000001');
    const blocked = base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada', { blockedFingerprint: leadFingerprint({ id: 'L1', name: 'Ada', email: 'L1@example.com', status: 'CONTACTED', source: 'Web', cardId: 'c00000000000000000000001', row: 2 }), blockedError: '400 invalid value for idList' });
    const stuck = plan({ ...synced, rows: [lead], base: [blocked] });
    expect(stuck.steps).toEqual([]);
    expect(stuck.problems[0].message).toContain('400 invalid value for idList');
    expect(plan({ ...synced, rows: [row('L1', 'Ada', 'QUALIFIED', 'c00000000000000000000001')], base: [blocked] }).steps).toHaveLength(1);
  });

  it('retries a refused change once text moved from one cell to the next', () => {
    const refusedRow = { id: 'L1', name: 'Ada', email: 'Bb@example.com', status: 'CONTACTED', source: 'Web', cardId: 'c00000000000000000000001', row: 2 };
    const blocked = base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada', { blockedFingerprint: leadFingerprint(refusedRow), blockedError: '400 invalid value for idList' });
    const moved = plan({ ...synced, rows: [['L1', 'AdaB', 'b@example.com', 'CONTACTED', 'Web', 'c00000000000000000000001']], base: [blocked] });
    expect(moved.problems).toEqual([]);
    expect(moved.steps).toHaveLength(1);
  });

  it('retries, without an edit, a change an earlier version blocked because Trello refused the token', () => {
    const lead = row('L1', 'Ada', 'CONTACTED', 'c00000000000000000000001');
    const fingerprint = ['CONTACTED', 'Ada', 'L1@example.com', 'Web', 'c00000000000000000000001'].join('\u0001');
    for (const answer of ['401 unauthorized permission requested', '403 forbidden']) {
      const blocked = base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada', { blockedFingerprint: fingerprint, blockedError: answer });
      const result = plan({ ...synced, rows: [lead], base: [blocked] });
      expect(result.problems).toEqual([]);
      expect(result.steps).toHaveLength(1);
    }
  });

  it('takes a lead missing from the sheet for a deleted row only in a full run over the whole board', () => {
    const gone = { rows: [row('L2', 'Bob', 'NEW', 'c00000000000000000000002')], base: [...synced.base, base('L2', 'c00000000000000000000002', 'NEW', 'TODO', 'Bob')], cards: synced.cards };
    expect(plan(gone).steps.map((step) => [step.leadId, step.nextBase.rowDeleted])).toEqual([['L1', true]]);
    expect(plan({ ...gone, scope: ['L2'] }).steps).toEqual([]);
    expect(plan({ ...gone, complete: false }).steps).toEqual([]);
  });

  it('only plans the leads in scope', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'CONTACTED', 'c00000000000000000000001'), row('L2', 'Bob', 'NEW')], base: synced.base, cards: synced.cards, scope: ['L1'] });
    expect(result.steps.map((step) => step.leadId)).toEqual(['L1']);
  });
});

describe('planSync: rows and cards that come and go', () => {
  it('leaves the card of a deleted row alone, logs it once and remembers it', () => {
    const result = plan({ rows: [], base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')], cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')] });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].append).toBeUndefined();
    expect(result.steps[0].nextBase.rowDeleted).toBe(true);
    expect(result.steps[0].log).toEqual([{ direction: 'info', leadId: 'L1', message: 'The row was deleted; its card is left on the board.' }]);
    expect(plan({ rows: [], base: [result.steps[0].nextBase], cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')] }).steps).toEqual([]);
  });

  it('archives the card of a deleted row when that setting is on and the row is still gone at the next full run', () => {
    const cards = [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')];
    const options = { archiveCardOnRowDelete: true };
    const [first] = plan({ rows: [], base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')], cards, options }).steps;
    expect(first.trello).toBeUndefined();
    expect(first.nextBase).toMatchObject({ rowDeleted: true, archivePending: true });
    expect(first.log.map((line) => line.message)).toEqual(['The row was deleted; its card is archived if the row is still gone at the next full sync.']);
    const [second] = plan({ rows: [], base: [first.nextBase], cards, options }).steps;
    expect(second.trello).toEqual({ kind: 'update', cardId: 'c00000000000000000000001', fields: { closed: true } });
    expect(second.log).toEqual([{ direction: 'info', leadId: 'L1', message: 'The row is still gone; its card was archived.' }]);
    expect(second.nextBase).toMatchObject({ rowDeleted: true, archivePending: false, cardFate: 'archived' });
    expect(plan({ rows: [], base: [second.nextBase], cards, options }).steps).toEqual([]);
  });

  it('never archives the card of a row that was gone for one run only (cut and pasted back)', () => {
    const cards = [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')];
    const options = { archiveCardOnRowDelete: true };
    const [gone] = plan({ rows: [], base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')], cards, options }).steps;
    const [back] = plan({ rows: [row('L1', 'Ada', 'NEW', 'c00000000000000000000001')], base: [gone.nextBase], cards, options }).steps;
    expect(back.trello).toBeUndefined();
    expect(back.nextBase).toMatchObject({ rowDeleted: false, archivePending: false });
    const [goneAgain] = plan({ rows: [], base: [back.nextBase], cards, options }).steps;
    expect(goneAgain.trello).toBeUndefined();
  });

  it('does not take a flagged row (duplicate id) for a deleted one', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW', 'c00000000000000000000001'), row('L1', 'Eve', 'NEW')], base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')], cards: [card('c00000000000000000000001', 'L1', 'TODO', 'Ada')] });
    expect(result.steps).toEqual([]);
    expect(result.problems).toHaveLength(2);
  });

  it('imports a card created on a mapped list and marks it, but never one in an unmapped list', () => {
    const result = plan({ rows: [], cards: [card('c00000000000000000000009', null, 'IN_PROGRESS', '=IMPORTXML("x")'), card('c00000000000000000000008', null, 'list-backlog', 'Idea')] });
    expect(result.steps).toHaveLength(1);
    const [step] = result.steps;
    expect(step.append).toEqual({ id: 'TRELLO-sc00000000000000000000009', name: '=IMPORTXML("x")', email: '', status: 'CONTACTED', source: 'Trello', cardId: 'c00000000000000000000009' });
    expect(step.trello?.kind === 'update' && leadIdMarkedIn(step.trello.fields.desc ?? '')).toBe('TRELLO-sc00000000000000000000009');
  });

  it('does not import a card again once its row was deleted', () => {
    const remembered = base('TRELLO-sc00000000000000000000009', 'c00000000000000000000009', 'NEW', 'TODO', 'Idea', { rowDeleted: true });
    expect(plan({ rows: [], base: [remembered], cards: [card('c00000000000000000000009', 'TRELLO-sc00000000000000000000009', 'TODO', 'Idea')] }).steps).toEqual([]);
  });

  it('re-imports a marked card whose row was never written (the run died between the two writes)', () => {
    const marked = card('c00000000000000000000009', null, 'TODO', 'Idea', { desc: describeLead('', { id: 'TRELLO-sc00000000000000000000009', email: '', source: 'Trello' }) });
    const [step] = plan({ rows: [], cards: [marked] }).steps;
    expect(step.append?.id).toBe('TRELLO-sc00000000000000000000009');
    expect(step.trello).toBeUndefined();
  });

  it('imports a card in the scope of a partial run (a webhook for a card made on the board), and no other', () => {
    const result = plan({ rows: [], cards: [card('c00000000000000000000009', null, 'TODO', 'Idea'), card('c00000000000000000000008', null, 'TODO', 'Other')], complete: false, scope: [], scopeCards: ['c00000000000000000000009'] });
    expect(result.steps.map((step) => step.append?.cardId)).toEqual(['c00000000000000000000009']);
  });

  it('imports no card from a board read only in part outside a webhook: it waits for a full read', () => {
    expect(plan({ rows: [], cards: [card('c00000000000000000000009', null, 'TODO', 'Idea')], complete: false }).steps).toEqual([]);
  });

  it('imports nothing when the setting is off', () => {
    expect(plan({ rows: [], cards: [card('c00000000000000000000009', null, 'TODO', 'Idea')], options: { importBoardCards: false } }).steps).toEqual([]);
  });
});

describe('planSync: input Trello would refuse or that would mislead the sync', () => {
  const A = 'c00000000000000000000001';
  const COPY = 'c00000000000000000000002';

  it('flags a name or a description longer than Trello takes, in words, before sending anything', () => {
    const result = plan({ rows: [row('L1', 'N'.repeat(60_000), 'NEW'), ['L2', 'Bo', 'b@example.com', 'NEW', 'S'.repeat(17_000), ''], row('L3', 'Cy', 'NEW')] });
    expect(result.steps.map((step) => step.leadId)).toEqual(['L3']);
    expect(result.problems).toEqual([
      { row: 2, column: 'name', leadId: 'L1', message: expect.stringContaining('The card name is too long for Trello: 60,000 characters, at most 16,384.') },
      { row: 3, column: 'source', leadId: 'L2', message: expect.stringContaining('The card description is too long for Trello:') },
    ]);
  });

  it('never adopts a copy of a linked card, and imports the copy as a new lead with a marker of its own', () => {
    const original = card(A, 'L1', 'TODO', 'Ada');
    const copy = card(COPY, 'L1', 'DONE', 'Ada (copy)');
    const linkedInBase = plan({ rows: [row('L1', 'Ada', 'NEW')], base: [base('L1', A, 'NEW', 'TODO', 'Ada')], cards: [copy, original] });
    expect(linkedInBase.steps.find((step) => step.leadId === 'L1')?.cells).toEqual({ trello_card_id: A });
    const imported = linkedInBase.steps.find((step) => step.append);
    expect(imported?.append).toMatchObject({ id: `TRELLO-s${COPY}`, cardId: COPY, status: 'COMPLETED' });
    expect(imported?.trello?.kind === 'update' && leadIdMarkedIn(imported.trello.fields.desc ?? '')).toBe(`TRELLO-s${COPY}`);
    expect(imported?.log[0].message).toContain('carries the lead marker of "L1", whose card is another one (a copy)');
    // A lead whose row lost its card id adopts its own card by marker, never the copy, whatever the order of the cards.
    const other = plan({ rows: [row('L1', 'Ada', 'NEW'), row('L2', 'Bo', 'NEW', A)], cards: [copy, original], options: { importBoardCards: false } });
    expect(other.steps.find((step) => step.leadId === 'L1')?.trello?.kind).toBe('create');
  });

  it('creates the card of a lead whose description is exactly as long as Trello takes', () => {
    const lead = { id: 'L2', email: 'b@example.com' };
    const overhead = describeLead('', { ...lead, source: '' }).length;
    const source = 'S'.repeat(TRELLO_TEXT_LIMIT - overhead);
    const result = plan({ rows: [['L2', 'Bo', lead.email, 'NEW', source, '']] });
    expect(result.problems).toEqual([]);
    const desc = result.steps[0].trello?.kind === 'create' ? result.steps[0].trello.desc : '';
    expect(desc.length).toBe(TRELLO_TEXT_LIMIT);
  });

  it('takes a sheet rename for a plain rename, not a conflict, when the base holds the card name with spaces around it', () => {
    // A card imported from the board is remembered under its name as the card has it.
    const [step] = plan({ rows: [row('L1', 'Ada Lovelace', 'NEW', A)], base: [base('L1', A, 'NEW', 'TODO', ' Ada ')], cards: [card(A, 'L1', 'TODO', ' Ada ')] }).steps;
    expect(step.trello).toEqual({ kind: 'update', cardId: A, fields: { name: 'Ada Lovelace' } });
    expect(step.log).toEqual([{ direction: 'sheet → Trello', leadId: 'L1', message: 'Renamed the card to "Ada Lovelace".' }]);
  });

  it('does not churn when the board holds a name with spaces around it (the sheet reads cells trimmed)', () => {
    const synced = { rows: [row('L1', 'Ada', 'NEW', A)], base: [base('L1', A, 'NEW', 'TODO', ' Ada ')], cards: [card(A, 'L1', 'TODO', ' Ada ')] };
    const churn = (steps: ReturnType<typeof plan>['steps']) => steps.filter((step) => step.trello || step.cells || step.log.length > 0);
    expect(churn(plan(synced).steps)).toEqual([]);
    const fresh = plan({ ...synced, base: [base('L1', A, 'NEW', 'TODO', 'Ada')] });
    expect(fresh.steps.flatMap((step) => step.log)).toEqual([]);
    expect(fresh.steps.every((step) => !step.trello && !step.cells)).toBe(true);
  });
});

describe('planSync: a row linked by hand to another card', () => {
  it('sends the row to the card it now names: what the base remembers of the old card says nothing about it', () => {
    const result = plan({
      rows: [row('L1', 'Ada', 'NEW', 'c00000000000000000000002')],
      base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')],
      cards: [card('c00000000000000000000002', 'L9', 'DONE', 'Bo')],
    });
    const [step] = result.steps;
    expect(step.cells).toBeUndefined();
    expect(step.trello).toMatchObject({ kind: 'update', cardId: 'c00000000000000000000002', fields: { idList: 'list-todo', name: 'Ada' } });
    // However much newer the card's rename, with no record of the card the row's name is the reference.
    const renamedLately = plan({
      rows: [row('L1', 'Ada', 'NEW', 'c00000000000000000000002')],
      base: [base('L1', 'c00000000000000000000001', 'NEW', 'TODO', 'Ada')],
      cards: [card('c00000000000000000000002', 'L9', 'TODO', 'Bo')],
      editTimes: [['L1', { name: NOW - 5000 }]],
      changeTimes: [['c00000000000000000000002', { name: NOW - 1000 }]],
    }).steps[0];
    expect(renamedLately.cells).toBeUndefined();
    expect(renamedLately.trello).toMatchObject({ fields: { name: 'Ada' } });
  });
});

describe('planSync: a lost base', () => {
  const A = 'c00000000000000000000001';
  const B = 'c00000000000000000000002';

  it('never imports a card marked for a lead that is not in the sheet, and remembers it as a deleted row', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW', A)], cards: [card(A, 'L1', 'TODO', 'Ada'), card(B, 'L2', 'DONE', 'Bo'), card('c00000000000000000000003', null, 'TODO', 'Fresh')], baseMissing: true });
    const fresh = result.steps.filter((step) => step.append);
    expect(fresh.map((step) => step.append?.name)).toEqual(['Fresh']);
    expect(fresh[0].nextBase).toMatchObject({ leadId: 'TRELLO-sc00000000000000000000003', cardId: 'c00000000000000000000003', status: 'NEW', listId: 'list-todo', name: 'Fresh' });
    expect(fresh[0].log).toEqual([{ direction: 'Trello → sheet', leadId: 'TRELLO-sc00000000000000000000003', message: 'Card "Fresh" was created on the board; added as a new lead.' }]);
    const l2 = result.steps.find((step) => step.leadId === 'L2');
    expect(l2?.nextBase).toMatchObject({ cardId: B, rowDeleted: true });
    expect(l2?.log).toEqual([{ direction: 'info', leadId: 'L2', message: 'Card "Bo" belongs to a lead that is not in the sheet (the sync base was lost); taken for a deleted row and left on the board.' }]);
    expect(l2?.trello).toBeUndefined();
    expect(plan({ rows: [row('L1', 'Ada', 'NEW', A)], base: result.steps.filter((step) => !step.append).map((step) => step.nextBase), cards: [card(A, 'L1', 'TODO', 'Ada'), card(B, 'L2', 'DONE', 'Bo')] }).steps).toEqual([]);
  });

  it('keeps a board move the pulled actions show, keeps a sheet edit the edit trigger recorded, and else the sheet', () => {
    const rows = [row('L1', 'Ada', 'NEW', A), row('L2', 'Bo', 'NEW', B)];
    const cards = [card(A, 'L1', 'DONE', 'Ada'), card(B, 'L2', 'DONE', 'Bo')];
    const moved = plan({ rows, cards, baseMissing: true, changeTimes: [[A, { list: NOW - 1000 }]] });
    const l1 = moved.steps.find((step) => step.leadId === 'L1');
    expect(l1?.trello).toBeUndefined();
    expect(l1?.cells).toEqual({ status: 'COMPLETED' });
    const l2 = moved.steps.find((step) => step.leadId === 'L2');
    expect(l2?.trello).toEqual({ kind: 'update', cardId: B, fields: { idList: 'list-todo' } });
    const renamed = plan({ rows, cards: [card(A, 'L1', 'TODO', 'Ada L.'), card(B, 'L2', 'TODO', 'Bob')], baseMissing: true, changeTimes: [[A, { name: NOW - 1000 }]] });
    expect(renamed.steps.find((step) => step.leadId === 'L1')?.cells).toEqual({ name: 'Ada L.' });
    expect(renamed.steps.find((step) => step.leadId === 'L2')?.trello).toEqual({ kind: 'update', cardId: B, fields: { name: 'Bo' } });
    const edited = plan({ rows, cards, baseMissing: true, changeTimes: [[A, { list: NOW - 5000 }]], editTimes: [['L1', NOW - 1000]] });
    expect(edited.steps.find((step) => step.leadId === 'L1')?.trello).toEqual({ kind: 'update', cardId: A, fields: { idList: 'list-todo' } });
  });

  it('writes a base record for every linked lead, even one in sync', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW', A)], cards: [card(A, 'L1', 'TODO', 'Ada')], baseMissing: true });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ trello: undefined, cells: undefined, nextBase: { cardId: A, status: 'NEW', listId: 'list-todo', name: 'Ada' } });
  });
});
