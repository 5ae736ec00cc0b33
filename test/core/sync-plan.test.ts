import { base, card, plan, row, NOW } from './plan-fixture';
import { describeLead, leadIdMarkedIn } from '../../src/core/card-description';

describe('planSync: new leads', () => {
  it('creates exactly one card per new lead, in the list of its status, and fills a blank status with NEW', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'QUALIFIED'), row('L2', 'Bob', '')] });
    expect(result.steps).toHaveLength(2);
    const [ada, bob] = result.steps;
    expect(ada.trello).toEqual({ kind: 'create', listId: 'list-doing', name: 'Ada', desc: expect.stringContaining('Lead ID: L1') });
    expect(ada.cells).toEqual({ trello_card_id: '' });
    expect(bob.trello).toMatchObject({ kind: 'create', listId: 'list-todo' });
    expect(bob.cells).toEqual({ status: 'NEW', trello_card_id: '' });
    expect(bob.nextBase).toMatchObject({ status: 'NEW', listId: 'list-todo', name: 'Bob' });
  });

  it('adopts an open card that carries the lead marker instead of creating a duplicate', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW')], cards: [card('c1', 'L1', 'TODO', 'Ada')] });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toEqual({ trello_card_id: 'c1' });
    expect(result.steps[0].nextBase.cardId).toBe('c1');
  });

  it('does not adopt a marked card that another row is linked to', () => {
    const result = plan({
      rows: [row('L1', 'Ada', 'NEW'), row('L2', 'Bea', 'NEW', 'c1')],
      cards: [card('c1', 'L1', 'TODO', 'Ada')],
    });
    const l1 = result.steps.find((step) => step.leadId === 'L1');
    expect(l1?.trello?.kind).toBe('create');
  });

  it('waits for a full run before creating a card when the board was only partly read', () => {
    expect(plan({ rows: [row('L1', 'Ada', 'NEW')], complete: false, scope: ['L1'] }).steps).toEqual([]);
  });

  it('creates a fresh card when the id of an archived card is cleared, never reopening it', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW')], base: [base('L1', 'c1', 'NEW', 'TODO', 'Ada', { cardFate: 'archived' })] });
    expect(result.steps[0].trello?.kind).toBe('create');
  });
});

describe('planSync: linked leads', () => {
  const synced = { rows: [row('L1', 'Ada', 'NEW', 'c1')], base: [base('L1', 'c1', 'NEW', 'TODO', 'Ada')], cards: [card('c1', 'L1', 'TODO', 'Ada')] };

  it('plans nothing when neither side changed', () => {
    expect(plan(synced)).toEqual({ steps: [], problems: [] });
  });

  it('moves the card when the status changed in the sheet', () => {
    const [step] = plan({ ...synced, rows: [row('L1', 'Ada', 'CONTACTED', 'c1')] }).steps;
    expect(step.trello).toEqual({ kind: 'update', cardId: 'c1', fields: { idList: 'list-doing' } });
    expect(step.nextBase).toMatchObject({ status: 'CONTACTED', listId: 'list-doing' });
  });

  it('refreshes only the base when the status changed but still maps to the same list', () => {
    const [step] = plan({ ...synced, rows: [row('L1', 'Ada', 'LOST', 'c1')], base: [base('L1', 'c1', 'COMPLETED', 'DONE', 'Ada')], cards: [card('c1', 'L1', 'DONE', 'Ada')] }).steps;
    expect(step.trello).toBeUndefined();
    expect(step.cells).toBeUndefined();
    expect(step.nextBase.status).toBe('LOST');
  });

  it('follows a card moved on the board with the list first status', () => {
    const [step] = plan({ ...synced, cards: [card('c1', 'L1', 'DONE', 'Ada')] }).steps;
    expect(step.trello).toBeUndefined();
    expect(step.cells).toEqual({ status: 'COMPLETED' });
    expect(step.nextBase).toMatchObject({ status: 'COMPLETED', listId: 'list-done' });
  });

  it('keeps QUALIFIED and LOST when the card moves into (or is touched in) a list they already map to', () => {
    const qualified = plan({
      rows: [row('L1', 'Ada', 'QUALIFIED', 'c1')],
      base: [base('L1', 'c1', 'QUALIFIED', 'TODO', 'Ada')],
      cards: [card('c1', 'L1', 'IN_PROGRESS', 'Ada')],
    }).steps[0];
    expect(qualified.cells).toBeUndefined();
    expect(qualified.nextBase.status).toBe('QUALIFIED');
    const lost = plan({
      rows: [row('L1', 'Ada', 'LOST', 'c1')],
      base: [base('L1', 'c1', 'LOST', 'IN_PROGRESS', 'Ada')],
      cards: [card('c1', 'L1', 'DONE', 'Ada')],
    }).steps[0];
    expect(lost.cells).toBeUndefined();
    expect(lost.nextBase.status).toBe('LOST');
  });

  it('keeps the status when the card goes to a list no status maps to', () => {
    const [step] = plan({ ...synced, cards: [card('c1', 'L1', 'list-backlog', 'Ada')] }).steps;
    expect(step.cells).toBeUndefined();
    expect(step.trello).toBeUndefined();
    expect(step.nextBase.listId).toBe('list-backlog');
    expect(step.log[0].direction).toBe('info');
  });

  it('renames the lead when the card is renamed, and the card when the lead is', () => {
    expect(plan({ ...synced, cards: [card('c1', 'L1', 'TODO', 'Ada Lovelace')] }).steps[0].cells).toEqual({ name: 'Ada Lovelace' });
    expect(plan({ ...synced, rows: [row('L1', 'Ada L.', 'NEW', 'c1')] }).steps[0].trello).toEqual({ kind: 'update', cardId: 'c1', fields: { name: 'Ada L.' } });
  });

  it('rewrites the description block when email or source change, keeping what a person wrote around it', () => {
    const personCard = card('c1', 'L1', 'TODO', 'Ada');
    personCard.desc = `Call after 5pm\n\n${personCard.desc}`;
    const [step] = plan({ ...synced, rows: [['L1', 'Ada', 'new@example.com', 'NEW', 'Web', 'c1']], cards: [personCard] }).steps;
    const desc = step.trello?.kind === 'update' ? step.trello.fields.desc : undefined;
    expect(desc).toContain('Call after 5pm');
    expect(desc).toContain('Email: new@example.com');
    expect(leadIdMarkedIn(desc ?? '')).toBe('L1');
  });

  it('treats a sheet change and a board move that agree as no conflict', () => {
    const result = plan({ ...synced, rows: [row('L1', 'Ada', 'QUALIFIED', 'c1')], cards: [card('c1', 'L1', 'IN_PROGRESS', 'Ada')] });
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toBeUndefined();
    expect(result.steps[0].log.filter((line) => line.direction === 'conflict')).toEqual([]);
  });

  it('resolves a conflict by the newer change and logs it', () => {
    const both = { ...synced, rows: [row('L1', 'Ada', 'CONTACTED', 'c1')] as ReturnType<typeof row>[], cards: [card('c1', 'L1', 'DONE', 'Ada')] };
    const sheetNewer = plan({ ...both, editTimes: [['L1', NOW - 1000]], changeTimes: [['c1', { list: NOW - 5000 }]] }).steps[0];
    expect(sheetNewer.trello).toEqual({ kind: 'update', cardId: 'c1', fields: { idList: 'list-doing' } });
    expect(sheetNewer.log.map((line) => line.direction)).toContain('conflict');
    const boardNewer = plan({ ...both, editTimes: [['L1', NOW - 5000]], changeTimes: [['c1', { list: NOW - 1000 }]] }).steps[0];
    expect(boardNewer.trello).toBeUndefined();
    expect(boardNewer.cells).toEqual({ status: 'COMPLETED' });
    const unknownSheetTime = plan({ ...both, changeTimes: [['c1', { list: NOW - 1000 }]] }).steps[0];
    expect(unknownSheetTime.trello?.kind).toBe('update');
    const unknownBoardTime = plan({ ...both, editTimes: [['L1', NOW - 60_000]] }).steps[0];
    expect(unknownBoardTime.trello?.kind).toBe('update');
  });

  it('marks the row of an archived card once, keeps its status, and creates nothing', () => {
    const result = plan({ ...synced, cards: [], fates: new Map([['c1', 'archived']]) });
    expect(result.problems).toEqual([expect.objectContaining({ row: 2, column: 'trello_card_id', message: expect.stringContaining('archived') })]);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toBeUndefined();
    expect(result.steps[0].nextBase.cardFate).toBe('archived');
    const again = plan({ ...synced, base: [result.steps[0].nextBase], cards: [] });
    expect(again.steps).toEqual([]);
    expect(again.problems).toHaveLength(1);
  });

  it('syncs an unarchived card again', () => {
    const result = plan({ ...synced, base: [base('L1', 'c1', 'NEW', 'TODO', 'Ada', { cardFate: 'archived' })] });
    expect(result.problems).toEqual([]);
    expect(result.steps[0].nextBase.cardFate).toBe('');
  });

  it('does not retry a change Trello refused until the row changes', () => {
    const lead = row('L1', 'Ada', 'CONTACTED', 'c1');
    const blocked = base('L1', 'c1', 'NEW', 'TODO', 'Ada', { blockedFingerprint: ['CONTACTED', 'Ada', 'L1@example.com', 'Web', 'c1'].join('\u0001'), blockedError: '400 invalid value for idList' });
    const stuck = plan({ ...synced, rows: [lead], base: [blocked] });
    expect(stuck.steps).toEqual([]);
    expect(stuck.problems[0].message).toContain('400 invalid value for idList');
    expect(plan({ ...synced, rows: [row('L1', 'Ada', 'QUALIFIED', 'c1')], base: [blocked] }).steps).toHaveLength(1);
  });

  it('retries, without an edit, a change an earlier version blocked because Trello refused the token', () => {
    const lead = row('L1', 'Ada', 'CONTACTED', 'c1');
    const fingerprint = ['CONTACTED', 'Ada', 'L1@example.com', 'Web', 'c1'].join('\u0001');
    for (const answer of ['401 unauthorized permission requested', '403 forbidden']) {
      const blocked = base('L1', 'c1', 'NEW', 'TODO', 'Ada', { blockedFingerprint: fingerprint, blockedError: answer });
      const result = plan({ ...synced, rows: [lead], base: [blocked] });
      expect(result.problems).toEqual([]);
      expect(result.steps).toHaveLength(1);
    }
  });

  it('only plans the leads in scope', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'CONTACTED', 'c1'), row('L2', 'Bob', 'NEW')], base: synced.base, cards: synced.cards, scope: ['L1'] });
    expect(result.steps.map((step) => step.leadId)).toEqual(['L1']);
  });
});

describe('planSync: rows and cards that come and go', () => {
  it('leaves the card of a deleted row alone, logs it once and remembers it', () => {
    const result = plan({ rows: [], base: [base('L1', 'c1', 'NEW', 'TODO', 'Ada')], cards: [card('c1', 'L1', 'TODO', 'Ada')] });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].append).toBeUndefined();
    expect(result.steps[0].nextBase.rowDeleted).toBe(true);
    expect(result.steps[0].log[0].message).toContain('deleted');
    expect(plan({ rows: [], base: [result.steps[0].nextBase], cards: [card('c1', 'L1', 'TODO', 'Ada')] }).steps).toEqual([]);
  });

  it('archives the card of a deleted row when that setting is on', () => {
    const [step] = plan({ rows: [], base: [base('L1', 'c1', 'NEW', 'TODO', 'Ada')], cards: [card('c1', 'L1', 'TODO', 'Ada')], options: { archiveCardOnRowDelete: true } }).steps;
    expect(step.trello).toEqual({ kind: 'update', cardId: 'c1', fields: { closed: true } });
  });

  it('does not take a flagged row (duplicate id) for a deleted one', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW', 'c1'), row('L1', 'Eve', 'NEW')], base: [base('L1', 'c1', 'NEW', 'TODO', 'Ada')], cards: [card('c1', 'L1', 'TODO', 'Ada')] });
    expect(result.steps).toEqual([]);
    expect(result.problems).toHaveLength(2);
  });

  it('imports a card created on a mapped list and marks it, but never one in an unmapped list', () => {
    const result = plan({ rows: [], cards: [card('c9', null, 'IN_PROGRESS', '=IMPORTXML("x")'), card('c8', null, 'list-backlog', 'Idea')] });
    expect(result.steps).toHaveLength(1);
    const [step] = result.steps;
    expect(step.append).toEqual({ id: 'TRELLO-sc9', name: '=IMPORTXML("x")', email: '', status: 'CONTACTED', source: 'Trello', cardId: 'c9' });
    expect(step.trello?.kind === 'update' && leadIdMarkedIn(step.trello.fields.desc ?? '')).toBe('TRELLO-sc9');
  });

  it('does not import a card again once its row was deleted', () => {
    const remembered = base('TRELLO-sc9', 'c9', 'NEW', 'TODO', 'Idea', { rowDeleted: true });
    expect(plan({ rows: [], base: [remembered], cards: [card('c9', 'TRELLO-sc9', 'TODO', 'Idea')] }).steps).toEqual([]);
  });

  it('re-imports a marked card whose row was never written (the run died between the two writes)', () => {
    const marked = card('c9', null, 'TODO', 'Idea', { desc: describeLead('', { id: 'TRELLO-sc9', email: '', source: 'Trello' }) });
    const [step] = plan({ rows: [], cards: [marked] }).steps;
    expect(step.append?.id).toBe('TRELLO-sc9');
    expect(step.trello).toBeUndefined();
  });

  it('imports a card in the scope of a partial run (a webhook for a card made on the board), and no other', () => {
    const result = plan({ rows: [], cards: [card('c9', null, 'TODO', 'Idea'), card('c8', null, 'TODO', 'Other')], complete: false, scope: [], scopeCards: ['c9'] });
    expect(result.steps.map((step) => step.append?.cardId)).toEqual(['c9']);
  });

  it('imports nothing when the setting is off', () => {
    expect(plan({ rows: [], cards: [card('c9', null, 'TODO', 'Idea')], options: { importBoardCards: false } }).steps).toEqual([]);
  });
});
