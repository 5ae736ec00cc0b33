// Bad or hostile input is flagged and harms nothing else; deleted rows, copies and a lost base never bring leads back.
import { FLAG_PREFIX } from '../../src/core/row-problem';
import { sampleRows, syncedFiveLeads, SyncWorld } from './sync-world';

type Summary = { ok: boolean; message: string; errors: string[]; created: number; imported: number };

/** The Sync Log's "what happened" texts. */
function logTexts(world: SyncWorld): string[] {
  return (world.spreadsheet.sheet('Sync Log')?.values() ?? []).slice(1).map((line) => String(line[3]));
}

describe('one very long cell', () => {
  it('is flagged with a short quote and never blocks the other rows, the base or the Sync Log', () => {
    const rows = sampleRows(3);
    rows[1][3] = 'X'.repeat(49_990);
    const world = new SyncWorld({ rows });
    const summary = world.run<Summary>('syncNow').returnValue;
    expect(summary?.created).toBe(2);
    expect(world.lead('L1')?.trello_card_id).toMatch(/^[0-9a-f]{24}$/);
    expect(world.lead('L3')?.trello_card_id).toMatch(/^[0-9a-f]{24}$/);
    const note = world.leads.cell(3, 4).note;
    expect(note).toContain('Unknown status "XXXX');
    expect(note).toContain('(49,990 characters)');
    expect(note.length).toBeLessThan(500);
    expect(Math.max(...logTexts(world).map((text) => text.length))).toBeLessThan(500);
    expect(world.spreadsheet.sheet('Trello Sync Base')?.values().length).toBe(3);
  });

  it('flags a name or an email Trello would refuse, in words, before sending it', () => {
    const rows = sampleRows(3);
    rows[0][1] = 'N'.repeat(20_000);
    rows[1][2] = 'e'.repeat(17_000);
    const world = new SyncWorld({ rows });
    const summary = world.run<Summary>('syncNow').returnValue;
    expect(summary?.errors).toEqual([]);
    expect(world.cards().map((card) => card.name)).toEqual(['Lead 3']);
    expect(world.trello.requests.filter((request) => request.status >= 400)).toEqual([]);
    expect(world.leads.cell(2, 2).note).toBe(`${FLAG_PREFIX}The card name is too long for Trello: 20,000 characters, at most 16,384. Shorten the row to sync it.`);
    expect(world.leads.cell(3, 3).note).toContain('The card description is too long for Trello: 17,');
    expect(logTexts(world)).toContainEqual(expect.stringContaining('Row 2: The card name is too long for Trello: 20,000 characters'));
  });
});

describe('a crafted trello_card_id', () => {
  it('is flagged, never sent, and cannot make one card take another card\'s data', () => {
    const world = syncedFiveLeads();
    const [card2, card3] = [world.cardOf('L2')!, world.cardOf('L3')!];
    world.leads.typeAsUser(3, 6, [[`${card2.id},/cards/${card3.id}`]]);
    world.person.renames(card3.id, 'Lead 3 renamed on the board');
    const before = world.trello.requests.length;
    world.run('syncNow');
    world.run('syncNow');
    expect(world.trello.requests.slice(before).filter((request) => request.url.includes(`/cards/${card3.id}`) && !request.url.includes('/batch'))).toEqual([]);
    expect(world.lead('L2')?.name).toBe('Lead 2');
    expect(world.lead('L3')?.name).toBe('Lead 3 renamed on the board');
    expect(world.trello.card(card2.id)?.name).toBe('Lead 2');
    expect(world.leads.cell(3, 6).note).toContain('is not a Trello card id');
  });
});

describe('ids that cannot identify a lead', () => {
  it('flags an id with a line break and an id that is a date, and makes no card for either', () => {
    const world = new SyncWorld({ rows: [['L1\nL1b', 'Ada', 'a@example.com', 'NEW', 'Web', ''], ['', 'Bo', 'b@example.com', 'NEW', 'Web', ''], ['L3', 'Cy', 'c@example.com', 'NEW', 'Web', '']] });
    world.leads.typeAsUser(3, 1, [['2026-03-04']]);
    expect(world.leads.cell(3, 1).value).toBeInstanceOf(Date);
    world.trello.faults.loseNextWriteResponses = 1;
    world.run('syncNow');
    world.run('syncNow');
    expect(world.cards().map((card) => card.name)).toEqual(['Cy']);
    expect(world.leads.cell(2, 1).note).toContain('holds a line break');
    expect(world.leads.cell(3, 1).note).toContain('is a date');
    expect(logTexts(world)).toContainEqual(expect.stringContaining('Row 3: The id "'));
  });

  it('costs no extra Sheets call for ordinary ids', () => {
    const world = syncedFiveLeads();
    expect(world.run('syncNow').counters.sheetsDataCalls).toBe(1);
  });
});

describe('deleted rows stay deleted', () => {
  it('after a create whose answer was lost', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.trello.faults.loseNextWriteResponses = 3;
    world.run('syncNow');
    expect(world.cards()).toHaveLength(3);
    world.leads.deleteRowsAsUser(3, 1); // L2
    world.run('syncNow');
    world.run('syncNow');
    expect(world.lead('L2')).toBeUndefined();
    expect(world.sheetValues()).toHaveLength(3);
    expect(world.lead('L1')?.trello_card_id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('after the hidden base tab is deleted, and an unsynced board move is kept', () => {
    const world = syncedFiveLeads();
    world.leads.deleteRowsAsUser(3, 1); // L2
    world.run('syncNow');
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.spreadsheet.removeSheet(world.spreadsheet.sheet('Trello Sync Base')!);
    world.run('syncNow');
    world.run('syncNow');
    expect(world.lead('L2')).toBeUndefined();
    expect(world.sheetValues()).toHaveLength(5);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.listNameOf(world.cardOf('L4'))).toBe('DONE');
    expect(world.cards('open')).toHaveLength(5);
  });
});

describe('a copied card', () => {
  it('is reported, never adopted by the lead it was copied from, and becomes a lead of its own', () => {
    const world = syncedFiveLeads();
    const original = world.cardOf('L1')!;
    world.person.creates('DONE', 'Lead 1 (copy)');
    const copy = world.cards().find((card) => card.name === 'Lead 1 (copy)')!;
    world.trello.personEditsDescription({ memberId: world.workspace.member.id, cardId: copy.id, desc: original.desc });
    world.run('syncNow');
    expect(logTexts(world)).toContainEqual(expect.stringContaining('carries the lead marker of "L1"'));
    world.leads.typeAsUser(2, 6, [['']]);
    world.leads.typeAsUser(2, 2, [['Ada']]);
    world.run('syncNow');
    expect(world.lead('L1')?.trello_card_id).toBe(original.id);
    expect(world.trello.card(copy.id)?.name).toBe('Lead 1 (copy)');
    expect(world.sheetValues().filter((line) => line[5] === copy.id)).toHaveLength(1);
  });
});

describe('names with spaces around them', () => {
  it('settle after one run: no rename and no log line in every run', () => {
    const world = syncedFiveLeads();
    const card = world.cardOf('L1')!;
    world.person.renames(card.id, '  Ada  ');
    world.run('syncNow');
    const logged = logTexts(world).length;
    const before = world.trello.requests.length;
    world.run('syncNow');
    world.run('syncNow');
    expect(world.trello.requests.slice(before).filter((request) => request.method !== 'GET')).toEqual([]);
    expect(logTexts(world)).toHaveLength(logged);
    expect(world.lead('L1')?.name).toBe('Ada');
  });
});

describe('archive on row delete', () => {
  it('keeps the card of a row that was cut and pasted back between two runs', () => {
    const world = syncedFiveLeads();
    world.settingsStore().set('ARCHIVE_CARD_ON_ROW_DELETE', 'true');
    const row = world.leads.values()[2];
    const cardId = world.cardOf('L2')!.id;
    world.leads.typeAsUser(3, 1, [['', '', '', '', '', '']]);
    world.run('syncNow');
    world.leads.typeAsUser(3, 1, [row.map((value) => `'${String(value)}`)]);
    world.run('syncNow');
    world.run('syncNow');
    expect(world.trello.card(cardId)?.closed).toBe(false);
    expect(world.lead('L2')?.trello_card_id).toBe(cardId);
    expect(world.leads.cell(3, 6).note).toBe('');
  });
});

describe('answers of a batch read', () => {
  it('are matched to cards by id: answers in the wrong order make no lead take another card\'s data', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('installTriggers');
    world.run('syncNow');
    const [card2, card3] = [world.cardOf('L2')!, world.cardOf('L3')!];
    world.person.renames(card2.id, 'Two on the board');
    world.person.renames(card3.id, 'Three on the board');
    const handle = world.trello.handle.bind(world.trello);
    world.trello.handle = (request) => {
      const response = handle(request);
      if (!request.url.includes('/batch') || response.status !== 200) return response;
      return { ...response, body: JSON.stringify((JSON.parse(response.body) as unknown[]).reverse()) };
    };
    world.gas.userEdit('LeadTracker', 'E3', [['Fair'], ['Fair']]);
    world.trello.handle = handle;
    world.run('syncNow');
    expect([world.lead('L2')?.name, world.lead('L3')?.name]).toEqual(['Two on the board', 'Three on the board']);
    expect([world.trello.card(card2.id)?.name, world.trello.card(card3.id)?.name]).toEqual(['Two on the board', 'Three on the board']);
    expect(world.trello.card(card2.id)?.desc).toContain('Lead ID: L2');
    expect(world.trello.card(card3.id)?.desc).toContain('Lead ID: L3');
    expect(world.trello.card(card3.id)?.desc).toContain('Source: Fair');
  });
});

describe('a base tab made by an earlier version', () => {
  it('gets the header of the fields added since with its next write', () => {
    const world = syncedFiveLeads();
    const baseTab = world.spreadsheet.sheet('Trello Sync Base')!;
    expect(baseTab.values()[0]).toHaveLength(11);
    baseTab.typeAsUser(1, 11, [['']]);
    world.leads.typeAsUser(2, 4, [['LOST']]);
    world.run('syncNow');
    expect(baseTab.values()[0][10]).toBe('archivePending');
  });
});
