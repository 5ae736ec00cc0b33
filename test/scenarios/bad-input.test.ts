// Bad input gets a clear, visible message and harms nothing else; secrets never show.
import { FLAG_PREFIX } from '../../src/core/row-problem';
import { sampleRows, SyncWorld } from './sync-world';

type Summary = { ok: boolean; message: string; errors: string[]; created: number };

/** Every text the user or an operator can see: cells and notes of every tab, execution logs, properties but secrets. */
function visibleTexts(world: SyncWorld): string[] {
  const texts: string[] = [];
  for (const sheet of world.spreadsheet.sheets()) {
    sheet.values().forEach((row, r) => row.forEach((value, c) => texts.push(String(value), sheet.cell(r + 1, c + 1).note)));
  }
  for (const execution of world.gas.executions) texts.push(...execution.logs, JSON.stringify(execution.returnValue ?? ''), execution.error ?? '');
  for (const [key, value] of Object.entries(world.settingsStore().entries())) if (!['TRELLO_KEY', 'TRELLO_TOKEN', 'WEBHOOK_SECRET'].includes(key)) texts.push(value);
  return texts;
}

describe('bad rows', () => {
  it('skips and flags a blank id with content, every duplicate id and an unknown status, and syncs the rest', () => {
    const world = new SyncWorld({
      rows: [
        ['L1', 'Ada', 'a@example.com', 'NEW', 'Web', ''],
        ['', 'No id', 'x@example.com', 'NEW', 'Web', ''],
        ['L2', 'Bo', 'b@example.com', 'NEW', 'Web', ''],
        ['L2', 'Bea', 'b2@example.com', 'NEW', 'Web', ''],
        ['L3', 'Cy', 'c@example.com', 'MAYBE', 'Web', ''],
        ['L4', 'Di', 'd@example.com', 'LOST', 'Web', ''],
      ],
    });
    const summary = world.run<Summary>('syncNow').returnValue;
    expect(world.cards().map((card) => card.name).sort()).toEqual(['Ada', 'Di']);
    expect(world.leads.cell(3, 1).note).toBe(`${FLAG_PREFIX}This row has no id, so it is not synced. Give it a unique id.`);
    expect(world.leads.cell(4, 1).note).toContain('"L2" is used by rows 4, 5');
    expect(world.leads.cell(5, 1).note).toContain('"L2" is used by rows 4, 5');
    expect(world.leads.cell(6, 4).note).toContain('Unknown status "MAYBE"');
    expect(summary?.message).toContain('4 row(s) need attention');
    const log = world.spreadsheet.sheet('Sync Log')?.values() ?? [];
    expect(log[0]).toEqual(['time', 'direction', 'lead id', 'what happened']);
    expect(log.some((line) => String(line[3]).includes('Unknown status "MAYBE"'))).toBe(true);
    // Fixed rows lose their flag at the next run and sync.
    world.leads.typeAsUser(5, 1, [['L5']]);
    world.leads.typeAsUser(6, 4, [['QUALIFIED']]);
    world.run('syncNow');
    expect([world.leads.cell(4, 1).note, world.leads.cell(5, 1).note, world.leads.cell(6, 4).note]).toEqual(['', '', '']);
    expect(world.leads.cell(3, 1).note).toContain(FLAG_PREFIX);
    expect(world.cards()).toHaveLength(5);
  });

  it('records a change Trello refuses (4xx) against the row, does not retry it, and syncs once the row changes', () => {
    const world = new SyncWorld({ rows: [['L1', 'Ada', 'a@example.com', 'NEW', 'Web', ''], ['L2', 'Bo', 'b@example.com', 'NEW', 'Web', '']] });
    world.run('syncNow');
    // A person's notes fill the card's description almost to Trello's limit; a longer source no longer fits beside them.
    const card = world.cardOf('L1')!;
    world.trello.personEditsDescription({ memberId: world.workspace.member.id, cardId: card.id, desc: `${'n'.repeat(16_200)}\n\n${card.desc}` });
    world.leads.typeAsUser(2, 5, [['x'.repeat(100)]]);
    const first = world.run<Summary>('syncNow').returnValue;
    expect(first?.errors).toEqual(['L1: 400 invalid value for desc']);
    // The note sits on the cell to shorten (the longer of email and source), in the sheet's words, Trello's answer last.
    expect(world.leads.cell(2, 5).note).toBe(
      `${FLAG_PREFIX}Trello did not accept the card's description: the email and source with the text already on the card are more than a card holds. ` +
        'Shorten this cell or the text on the card, then the row syncs again. (Trello answered: 400 invalid value for desc.)',
    );
    expect(world.leads.cell(2, 6).note).toBe('');
    const before = world.trello.requests.length;
    world.run('syncNow');
    expect(world.trello.requests.slice(before).filter((request) => request.method === 'PUT')).toEqual([]);
    world.leads.typeAsUser(2, 5, [['Fair']]);
    world.run('syncNow');
    expect(world.trello.card(card.id)?.desc).toContain('Source: Fair');
    expect(world.leads.cell(2, 5).note).toBe('');
  });

  it('never overwrites or clears a note a person wrote', () => {
    const world = new SyncWorld({ rows: [['L1', 'Ada', 'a@example.com', 'WHATEVER', 'Web', '']] });
    world.leads.setNoteAsUser(2, 4, 'Ask Maria about this one');
    world.run('syncNow');
    world.leads.typeAsUser(2, 4, [['NEW']]);
    world.run('syncNow');
    expect(world.leads.cell(2, 4).note).toBe('Ask Maria about this one');
  });
});

describe('the Sync Log', () => {
  it('keeps the newest 2,000 lines', () => {
    const world = new SyncWorld({ rows: sampleRows(2_100, ['UNHEARD_OF']) });
    world.run('syncNow');
    const log = world.spreadsheet.sheet('Sync Log')!.values();
    expect(log).toHaveLength(2_001);
    expect(log[0]).toEqual(['time', 'direction', 'lead id', 'what happened']);
    // The run's own lines, then where the sync stands; the oldest lines gave way.
    expect(log.at(-2)?.[2]).toBe('L2100');
    expect(log.at(-1)?.slice(1)).toEqual(['info', '', 'Status: 2100 row(s) need attention and are not synced: see the notes on the sheet.']);
    expect(log[1][2]).toBe('L102');
  });
});

describe('bad settings and a broken connection', () => {
  it('points to the setup when Trello is not connected', () => {
    const world = new SyncWorld({ rows: sampleRows(1), connect: false });
    expect(world.run<Summary>('syncNow').returnValue?.message).toBe('Trello is not connected yet: TRELLO_KEY, TRELLO_TOKEN, TRELLO_BOARD_ID are not set. Open Trello Sync → Open sidebar to connect.');
  });

  it('says when Trello refuses the key or token, and shows neither', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    world.settingsStore().set('TRELLO_TOKEN', 'f'.repeat(64));
    const summary = world.run<Summary>('syncNow').returnValue;
    expect(summary).toMatchObject({ ok: false, message: expect.stringContaining('Trello refused the token (401 invalid token)') });
    expect(visibleTexts(world).filter((text) => text.includes('f'.repeat(64)) || text.includes(world.workspace.key))).toEqual([]);
  });

  it('says when the board cannot be found', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    world.settingsStore().set('TRELLO_BOARD_ID', '5f0000000000000000000000');
    expect(world.run<Summary>('syncNow').returnValue?.message).toContain('The Trello board 5f0000000000000000000000 was not found');
  });

  it('names a missing header column and the missing tab', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.leads.typeAsUser(1, 3, [['e-mail']]);
    expect(world.run<Summary>('syncNow').returnValue?.message).toContain('has no column "email"');
    expect(world.cards()).toEqual([]);
    world.settingsStore().set('SHEET_NAME', 'Prospects');
    expect(world.run<Summary>('syncNow').returnValue?.message).toContain('no tab named "Prospects"');
  });

  it('keeps key, token and webhook secret out of every URL, log, cell and message', () => {
    const world = new SyncWorld({ rows: sampleRows(12), webApp: true });
    world.run('installTriggers');
    world.gas.deployWebApp({ url: 'https://script.google.com/macros/s/AKfycbEmulated/exec', access: 'MYSELF' });
    world.run('registerWebhook');
    world.gas.deployWebApp({ url: 'https://script.google.com/macros/s/AKfycbEmulated/exec', access: 'ANYONE_ANONYMOUS' });
    world.run('syncNow');
    world.trello.personMovesCard({ memberId: world.workspace.member.id, cardId: world.cardOf('L1')!.id, listId: world.listId('DONE') });
    world.trello.deliverWebhooks();
    world.gas.userEdit('LeadTracker', 'D3', [['LOST']]);
    world.run('doGet', { parameter: {} }, { hasUi: false });
    world.run('getSidebarState');
    const secret = world.settingsStore().get('WEBHOOK_SECRET') ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const secrets = [world.workspace.key, world.workspace.token, secret];
    for (const request of world.trello.requests) for (const value of secrets.slice(0, 2)) expect(request.url).not.toContain(value);
    const leaks = visibleTexts(world).filter((text) => secrets.some((value) => text.includes(value)));
    expect(leaks).toEqual([]);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });
});
