// FIELD_MAPPING's "createMissing" on a labels entry, on the built bundle: a label name the board lacks is created once
// and put on the cards in the same run where the mapping allows it, and flagged on its cell where it does not.
import { FLAG_PREFIX } from '../../src/core/row-problem';
import { HEADER, SyncWorld } from './sync-world';

/** A world whose leads have a "Tags" column (G) mapped to the card's labels; the board has the label "Hot". */
function labelsWorld(rows: unknown[][], createMissing: boolean | undefined) {
  const world = new SyncWorld();
  const old = world.leads;
  old.name = 'old';
  world.spreadsheet.addSheet('LeadTracker', [[...HEADER, 'Tags'], ...rows], 0);
  world.spreadsheet.removeSheet(old);
  const memberId = world.workspace.member.id;
  const boardId = world.workspace.board.id;
  const hot = world.trello.personCreatesLabel({ memberId, boardId, name: 'Hot', color: 'red' });
  const tags = { column: 'Tags', field: 'labels', direction: 'both', ...(createMissing === undefined ? {} : { createMissing }) };
  world.settingsStore().set('FIELD_MAPPING', JSON.stringify([{ column: 'name', field: 'name', direction: 'both' }, tags]));
  const labelsNamed = (name: string) => world.trello.labelsOn(boardId).filter((label) => label.name === name);
  const labelPosts = () => world.trello.requests.filter((request) => request.method === 'POST' && /\/boards\/[^/]+\/labels$/.test(request.url.split('?')[0]));
  const tagsOf = (sheetRow: number) => world.leads.cell(sheetRow, HEADER.length + 1);
  return { world, hot, labelsNamed, labelPosts, tagsOf, memberId };
}

function row(id: string, tags: string): unknown[] {
  return [id, `Lead ${id}`, `${id.toLowerCase()}@example.com`, 'NEW', 'Web', '', tags];
}

describe('FIELD_MAPPING: missing labels', () => {
  it('creates a missing label once (one request, however many rows name it) and puts it on the cards in the same run; the next run is quiet', () => {
    const { world, hot, labelsNamed, labelPosts, tagsOf } = labelsWorld([row('L1', 'Hot, Partner'), row('L2', 'partner'), row('L3', 'Hot')], true);
    world.run('syncNow');
    const [partner] = labelsNamed('Partner');
    expect(labelsNamed('Partner')).toHaveLength(1);
    expect(labelsNamed('partner')).toHaveLength(0);
    expect(partner.color).toBeNull();
    expect(labelPosts()).toHaveLength(1);
    expect([...world.cardOf('L1')!.idLabels].sort()).toEqual([hot.id, partner.id].sort());
    expect(world.cardOf('L2')!.idLabels).toEqual([partner.id]);
    expect(world.cardOf('L3')!.idLabels).toEqual([hot.id]);
    for (const sheetRow of [2, 3, 4]) expect(tagsOf(sheetRow).note).toBe('');
    const log = (world.spreadsheet.sheet('Sync Log')?.values() ?? []).map((line) => String(line[3]));
    expect(log.filter((line) => line.includes('Created the label "Partner"'))).toHaveLength(1);

    const before = world.requestCount();
    const quiet = world.run('syncNow');
    expect(world.trello.requests.slice(before).filter((request) => request.method !== 'GET')).toEqual([]);
    expect(quiet.counters.urlFetchRequests).toBe(1);
    expect(labelPosts()).toHaveLength(1);
    expect(tagsOf(3).value).toBe('partner');
  });

  it('creates a label named in an edited cell of a linked card, and does not make again a label deleted on the board', () => {
    const { world, labelsNamed, labelPosts, tagsOf, memberId } = labelsWorld([row('L1', 'Hot')], true);
    world.run('syncNow');
    world.leads.typeAsUser(2, HEADER.length + 1, [['Hot, Renewal']]);
    world.run('syncNow');
    const [renewal] = labelsNamed('Renewal');
    expect(world.cardOf('L1')!.idLabels).toContain(renewal.id);
    expect(tagsOf(2).note).toBe('');
    world.trello.personDeletesLabel({ memberId, labelId: renewal.id });
    world.run('syncNow');
    expect(labelsNamed('Renewal')).toHaveLength(0);
    expect(labelPosts()).toHaveLength(1);
    expect(tagsOf(2).value).toBe('Hot');
  });

  it('creates the label from the edit trigger too: one label created, one card write, within the edit budget', () => {
    const { world, labelsNamed, labelPosts, tagsOf } = labelsWorld([row('L1', 'Hot'), row('L2', '')], true);
    world.run('installTriggers');
    world.run('syncNow');
    const before = world.requestCount();
    const [edit] = world.gas.userEdit('LeadTracker', 'G3', [['Referral']]);
    expect(edit.error).toBeUndefined();
    const sent = world.trello.requests.slice(before);
    expect(sent.filter((request) => request.method !== 'GET').map((request) => request.method)).toEqual(['POST', 'PUT']);
    expect(sent.filter((request) => request.method === 'GET').length).toBeLessThanOrEqual(1);
    expect(labelPosts()).toHaveLength(1);
    expect(world.cardOf('L2')!.idLabels).toEqual([labelsNamed('Referral')[0].id]);
    expect(tagsOf(3).note).toBe('');
  });

  it.each([
    ['without the key', undefined],
    ['with "createMissing": false', false],
  ])('flags a missing label on its cell and creates nothing %s', (_, createMissing) => {
    const { world, labelsNamed, labelPosts, tagsOf } = labelsWorld([row('L1', 'Hot, Partner')], createMissing);
    world.run('syncNow');
    expect(labelsNamed('Partner')).toHaveLength(0);
    expect(labelPosts()).toHaveLength(0);
    expect(tagsOf(2).note).toMatch(new RegExp(`^${FLAG_PREFIX}`));
    expect(tagsOf(2).note).toContain('The board has no label "Partner"');
    // The rest of the row synced: the card was made, without the labels its cell could not name.
    expect(world.cardOf('L1')?.idLabels).toEqual([]);
  });
});

describe('FIELD_MAPPING: "create missing labels" in the sidebar', () => {
  it('saves the choice of a labels pair into FIELD_MAPPING and shows it again; a pair without it saves as before', () => {
    const { world } = labelsWorld([], undefined);
    const pairs = [
      { column: 'name', field: 'name', direction: 'both' },
      { column: 'Tags', field: 'labels', direction: 'both', createMissing: true },
    ];
    expect(world.run<{ ok: boolean }>('saveSettings', { fieldMapping: pairs }).returnValue?.ok).toBe(true);
    expect(JSON.parse(world.settingsStore().get('FIELD_MAPPING') ?? '')).toEqual(pairs);
    expect(world.run<{ fieldMapping: unknown }>('getSidebarState').returnValue?.fieldMapping).toEqual(pairs);

    const unticked = [pairs[0], { column: 'Tags', field: 'labels', direction: 'both', createMissing: false }];
    expect(world.run<{ ok: boolean }>('saveSettings', { fieldMapping: unticked }).returnValue?.ok).toBe(true);
    expect(JSON.parse(world.settingsStore().get('FIELD_MAPPING') ?? '')).toEqual([pairs[0], { column: 'Tags', field: 'labels', direction: 'both' }]);
  });

  it('refuses to save "create missing labels" on a pair that is not labels, saying why', () => {
    const { world } = labelsWorld([], undefined);
    const before = world.settingsStore().get('FIELD_MAPPING');
    const result = world.run<{ ok: boolean; message: string }>('saveSettings', { fieldMapping: [{ column: 'Tags', field: 'members', direction: 'both', createMissing: true }] }).returnValue;
    expect(result?.ok).toBe(false);
    expect(result?.message).toContain('"createMissing" applies to the field labels only');
    expect(world.settingsStore().get('FIELD_MAPPING')).toBe(before);
  });
});
