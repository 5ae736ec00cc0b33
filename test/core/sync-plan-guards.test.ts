// The guards that keep a run from touching the wrong card: a card another row links to is neither adopted nor
// archived, and a card this run could not read is not taken for gone.
import { base, card, plan, row } from './plan-fixture';

const C1 = 'c00000000000000000000001';
const C2 = 'c00000000000000000000002';

describe('planSync: a deleted row whose card another row links to now', () => {
  // L1's row was deleted, and its card id now stands in L9's row (the person moved the lead to a new row).
  const moved = { rows: [row('L9', 'Ada', 'NEW', C1)], cards: [card(C1, 'L1', 'TODO', 'Ada')], options: { archiveCardOnRowDelete: true } };

  it('is not archived when the row goes, nor marked to be archived later', () => {
    const step = plan({ ...moved, base: [base('L1', C1, 'NEW', 'TODO', 'Ada')] }).steps.find((each) => each.leadId === 'L1');
    expect(step?.trello).toBeUndefined();
    expect(step?.nextBase).toMatchObject({ rowDeleted: true, archivePending: false });
    expect(step?.log).toEqual([]);
  });

  it('is not archived at the next full run either, though the run before meant to', () => {
    const step = plan({ ...moved, base: [base('L1', C1, 'NEW', 'TODO', 'Ada', { rowDeleted: true, archivePending: true })] }).steps.find((each) => each.leadId === 'L1');
    expect(step?.trello).toBeUndefined();
    expect(step?.nextBase).toMatchObject({ archivePending: false, cardFate: '' });
    expect(step?.log).toEqual([]);
  });

  it('is archived at the next full run when no row links to it', () => {
    const step = plan({ rows: [], cards: [card(C1, 'L1', 'TODO', 'Ada')], options: { archiveCardOnRowDelete: true }, base: [base('L1', C1, 'NEW', 'TODO', 'Ada', { rowDeleted: true, archivePending: true })] }).steps[0];
    expect(step.trello).toEqual({ kind: 'update', cardId: C1, fields: { closed: true } });
    expect(step.nextBase).toMatchObject({ archivePending: false, cardFate: 'archived' });
  });
});

describe('planSync: adopting a card for a row without a card id', () => {
  it('takes back the card its base remembers (a run died before writing the id), and syncs a later edit without a conflict', () => {
    const [step] = plan({ rows: [row('L1', 'Ada', 'CONTACTED')], base: [base('L1', C1, 'NEW', 'TODO', 'Ada')], cards: [card(C1, 'L1', 'TODO', 'Ada')] }).steps;
    expect(step.trello).toEqual({ kind: 'update', cardId: C1, fields: { idList: 'list-doing' } });
    expect(step.cells).toEqual({ trello_card_id: C1 });
    expect(step.log.map((line) => line.direction)).toEqual(['info', 'sheet → Trello']);
  });

  it("never takes a marked card the base gives to another lead (a deleted row's card): it creates one", () => {
    const result = plan({
      rows: [row('L1', 'Ada', 'NEW')],
      base: [base('L2', C1, 'NEW', 'TODO', 'Ada', { rowDeleted: true })],
      cards: [card(C1, 'L1', 'TODO', 'Ada')],
    });
    expect(result.steps.find((step) => step.leadId === 'L1')?.trello?.kind).toBe('create');
  });

  it('skips a remembered card that another row links to and takes the free card with its marker', () => {
    const result = plan({
      rows: [row('L1', 'Ada', 'NEW'), row('L2', 'Bea', 'NEW', C1)],
      base: [base('L1', C1, 'NEW', 'TODO', 'Ada')],
      cards: [card(C1, 'L2', 'TODO', 'Bea'), card(C2, 'L1', 'TODO', 'Ada')],
    });
    expect(result.steps.find((step) => step.leadId === 'L1')?.cells).toEqual({ trello_card_id: C2 });
  });
});

describe('planSync: a linked card this run could not read', () => {
  it('is not taken for deleted or archived: no flag, no change, nothing remembered', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'CONTACTED', C1)], base: [base('L1', C1, 'NEW', 'TODO', 'Ada')], cards: [] });
    expect(result).toEqual({ steps: [], problems: [], untimedConflictCards: [] });
  });

  it('is marked once Trello says it is gone', () => {
    const result = plan({ rows: [row('L1', 'Ada', 'NEW', C1)], base: [base('L1', C1, 'NEW', 'TODO', 'Ada')], cards: [], fates: new Map([[C1, 'deleted']]) });
    expect(result.problems.map((problem) => problem.column)).toEqual(['trello_card_id']);
    expect(result.steps[0].nextBase.cardFate).toBe('deleted');
  });
});
