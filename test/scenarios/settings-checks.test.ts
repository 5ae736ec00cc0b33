// Saving settings checks the lead tab, its header, the board and the mapped lists, and says what is wrong in the
// sidebar's words; a list is created only when the person confirms it, and a run never creates one on its own.
import { HEADER, sampleRows, SyncWorld } from './sync-world';

type Saved = { ok: boolean; message: string; missingLists?: string[] };

const save = (world: SyncWorld, input: Record<string, unknown>) => world.run<Saved>('saveSettings', input).returnValue as Saved;
const openListNames = (world: SyncWorld) => world.trello.listsOn(world.workspace.board.id).filter((list) => !list.closed).map((list) => list.name);
const DEFAULT_LISTS = ['TODO', 'IN_PROGRESS', 'DONE'];
const mappingTo = (onHold: string) => [
  { status: 'NEW', list: 'TODO' },
  { status: 'CONTACTED', list: 'IN_PROGRESS' },
  { status: 'COMPLETED', list: 'DONE' },
  { status: 'ON_HOLD', list: onHold },
];

describe('saving the lead tab', () => {
  it('refuses a sheet name with no such tab, in the sidebar\'s words, and keeps the old one', () => {
    const world = new SyncWorld();
    expect(save(world, { sheetName: 'Leads2' })).toEqual({ ok: false, message: 'Not saved: There is no tab named “Leads2” in this spreadsheet.' });
    expect(world.settingsStore().get('SHEET_NAME')).toBeNull();
  });

  it('refuses a tab whose status header was renamed, naming the missing column', () => {
    const world = new SyncWorld();
    world.spreadsheet.addSheet('Renamed', [HEADER.map((cell) => (cell === 'status' ? 'stage' : cell))]);
    const result = save(world, { sheetName: 'Renamed' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('The tab “Renamed” has no column “status” in its first row.');
    expect(result.message).not.toContain('SHEET_NAME');
    expect(world.settingsStore().get('SHEET_NAME')).toBeNull();
  });

  it('saves a tab that has every lead column, in any order and case', () => {
    const world = new SyncWorld();
    world.spreadsheet.addSheet('Other', [[...HEADER].reverse().map((cell) => cell.toUpperCase())]);
    expect(save(world, { sheetName: 'Other' })).toEqual({ ok: true, message: 'Settings saved.' });
    expect(world.settingsStore().get('SHEET_NAME')).toBe('Other');
  });
});

describe('saving the board', () => {
  it('refuses a board the token cannot read, with Trello\'s answer and no secret', () => {
    const world = new SyncWorld();
    const result = save(world, { boardId: 'f'.repeat(24) });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Not saved: The board cannot be read with this token: /);
    expect(result.message).not.toContain(world.workspace.token);
    expect(world.settingsStore().get('TRELLO_BOARD_ID')).toBe(world.workspace.board.id);
  });
});

describe('saving a mapping that names a list the board lacks', () => {
  it('asks before creating it, creates nothing until confirmed, then creates it at the confirmed save', () => {
    const world = new SyncWorld();
    const asked = save(world, { mapping: mappingTo('Parking lot') });
    expect(asked).toEqual({ ok: false, message: 'Not saved: The list “Parking lot” does not exist on the board. Create it?', missingLists: ['Parking lot'] });
    expect(world.settingsStore().get('STATUS_MAPPING')).toBeNull();
    expect(openListNames(world)).toEqual(DEFAULT_LISTS);
    expect(save(world, { mapping: mappingTo('Parking lot'), createLists: true })).toEqual({ ok: true, message: 'Settings saved.' });
    expect(openListNames(world)).toEqual([...DEFAULT_LISTS, 'Parking lot']);
    expect(JSON.parse(world.settingsStore().get('STATUS_MAPPING') ?? '{}')).toMatchObject({ ON_HOLD: 'Parking lot' });
  });

  it('saves at once when every mapped list is on the board', () => {
    const world = new SyncWorld();
    expect(save(world, { mapping: mappingTo('DONE') })).toEqual({ ok: true, message: 'Settings saved.' });
    expect(openListNames(world)).toEqual(DEFAULT_LISTS);
  });
});

describe('a run with a saved mapping whose list is gone from the board', () => {
  it('creates no list and says which list is missing and where to create it', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.settingsStore().set('STATUS_MAPPING', JSON.stringify({ NEW: 'TODO', CONTACTED: 'Parking lot' }));
    const result = world.run<Saved>('syncNow').returnValue as Saved;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('no open list “Parking lot”');
    expect(openListNames(world)).toEqual(DEFAULT_LISTS);
    expect(world.cards()).toHaveLength(0);
  });

  it('still makes the default lists of a fresh setup that has saved no mapping', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    for (const list of world.trello.listsOn(world.workspace.board.id)) world.trello.personArchivesList({ memberId: world.workspace.member.id, listId: list.id });
    const result = world.run<Saved>('syncNow').returnValue as Saved;
    expect(result.ok).toBe(true);
    expect(openListNames(world)).toEqual(expect.arrayContaining(DEFAULT_LISTS));
  });
});

describe('a status mapping set by hand that cannot be read', () => {
  it('lets the sidebar open and shows the problem there and in doGet', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    world.settingsStore().set('STATUS_MAPPING', '{not json');
    const state = world.run<{ settingsProblem: string | null; mapping: unknown[] }>('getSidebarState').returnValue;
    expect(state?.settingsProblem).toContain('The saved status mapping cannot be read');
    const output = world.run<{ getContent(): string }>('doGet', { parameter: {} }, { hasUi: false }).returnValue!;
    expect(JSON.parse(output.getContent()).settingsProblem).toBe(state?.settingsProblem);
  });

  it('is replaced by the next save of a readable mapping', () => {
    const world = new SyncWorld();
    world.settingsStore().set('STATUS_MAPPING', '{not json');
    expect(save(world, { mapping: mappingTo('DONE') }).ok).toBe(true);
    expect(world.run<{ settingsProblem: string | null }>('getSidebarState').returnValue?.settingsProblem).toBeNull();
  });
});

describe('a run whose lead tab is gone', () => {
  it('says so in the sidebar\'s words, not with the name of a property', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    world.leads.name = 'Renamed';
    const message = (world.run<Saved>('syncNow').returnValue as Saved).message;
    expect(message).toContain('no tab named "LeadTracker"');
    expect(message).toContain('change the sheet name in the sidebar');
    expect(message).not.toContain('SHEET_NAME');
  });
});
