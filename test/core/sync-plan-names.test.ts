// Names in the three-way sync: a rename on one side travels to the other once, and a rename on both sides is a
// conflict the newer one wins.
import { base, card, NOW, plan, row } from './plan-fixture';

const CARD = 'c00000000000000000000001';
const synced = { rows: [row('L1', 'Ada', 'NEW', CARD)], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [card(CARD, 'L1', 'TODO', 'Ada')] };

describe('planSync: names', () => {
  it('takes a board rename into the sheet and sends nothing back to the card', () => {
    const [step] = plan({ ...synced, cards: [card(CARD, 'L1', 'TODO', 'Ada Lovelace')] }).steps;
    expect(step.cells).toEqual({ name: 'Ada Lovelace' });
    expect(step.trello).toBeUndefined();
    expect(step.nextBase.name).toBe('Ada Lovelace');
    expect(step.log).toEqual([{ direction: 'Trello → sheet', leadId: 'L1', message: 'The card was renamed to "Ada Lovelace".' }]);
  });

  it('renames the card after a sheet rename, and logs it as such', () => {
    const [step] = plan({ ...synced, rows: [row('L1', 'Ada L.', 'NEW', CARD)] }).steps;
    expect(step.trello).toEqual({ kind: 'update', cardId: CARD, fields: { name: 'Ada L.' } });
    expect(step.cells).toBeUndefined();
    expect(step.log).toEqual([{ direction: 'sheet → Trello', leadId: 'L1', message: 'Renamed the card to "Ada L.".' }]);
  });

  describe('renamed on both sides', () => {
    const both = { ...synced, rows: [row('L1', 'Ada Sheet', 'NEW', CARD)], cards: [card(CARD, 'L1', 'TODO', 'Ada Board')] };

    it('keeps the newer sheet name, renames the card and logs the conflict', () => {
      const [step] = plan({ ...both, editTimes: [['L1', { name: NOW - 1_000 }]], changeTimes: [[CARD, { name: NOW - 5_000 }]] }).steps;
      expect(step.trello).toEqual({ kind: 'update', cardId: CARD, fields: { name: 'Ada Sheet' } });
      expect(step.cells).toBeUndefined();
      expect(step.log).toEqual([{ direction: 'conflict', leadId: 'L1', message: `Renamed in the sheet ("Ada Sheet") and on the board ("Ada Board"); the sheet's name is kept.` }]);
    });

    it('keeps the newer board name in the sheet, with no write to the card, and logs the conflict', () => {
      const [step] = plan({ ...both, editTimes: [['L1', { name: NOW - 5_000 }]], changeTimes: [[CARD, { name: NOW - 1_000 }]] }).steps;
      expect(step.trello).toBeUndefined();
      expect(step.cells).toEqual({ name: 'Ada Board' });
      expect(step.nextBase.name).toBe('Ada Board');
      expect(step.log).toEqual([{ direction: 'conflict', leadId: 'L1', message: `Renamed in the sheet ("Ada Sheet") and on the board ("Ada Board"); the board's name is kept.` }]);
    });

    it("keeps the sheet's name when only the board's rename has a time: the sheet's edit counts as a change all the same", () => {
      const [step] = plan({ ...both, changeTimes: [[CARD, { name: NOW - 1_000 }]] }).steps;
      expect(step.trello).toEqual({ kind: 'update', cardId: CARD, fields: { name: 'Ada Sheet' } });
      expect(step.log.map((line) => line.direction)).toEqual(['conflict']);
    });

    it('counts a name typed back in the sheet after the board’s rename as the newer change', () => {
      const [step] = plan({ ...synced, cards: [card(CARD, 'L1', 'TODO', 'Ada Board')], editTimes: [['L1', { name: NOW - 1_000 }]], changeTimes: [[CARD, { name: NOW - 5_000 }]] }).steps;
      expect(step.trello).toEqual({ kind: 'update', cardId: CARD, fields: { name: 'Ada' } });
      expect(step.cells).toBeUndefined();
    });

    it('is no conflict when both sides chose the same name', () => {
      const same = plan({ ...both, cards: [card(CARD, 'L1', 'TODO', 'Ada Sheet')], changeTimes: [[CARD, { name: NOW - 1_000 }]] });
      expect(same.steps[0]?.trello).toBeUndefined();
      expect(same.steps[0]?.cells).toBeUndefined();
      expect(same.steps[0]?.log ?? []).toEqual([]);
    });
  });
});
