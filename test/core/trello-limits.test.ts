import { isTrelloId, tooLongForTrello } from '../../src/core/trello-limits';

describe('trello limits', () => {
  it('accepts only 24 lowercase hexadecimal digits as a card id', () => {
    expect(isTrelloId('5f1a2b3c4d5e6f7a8b9c0d11')).toBe(true);
    for (const text of ['5F1A2B3C4D5E6F7A8B9C0D11', '5f1a2b3c4d5e6f7a8b9c0d1', '5f1a2b3c4d5e6f7a8b9c0d11,/cards/x', 'abc/../x', '']) expect(isTrelloId(text)).toBe(false);
  });

  it('says in words when a name or description is longer than Trello takes', () => {
    expect(tooLongForTrello('name', 'n'.repeat(16_384))).toBeUndefined();
    expect(tooLongForTrello('name', 'n'.repeat(60_000))).toBe('The card name is too long for Trello: 60,000 characters, at most 16,384. Shorten the row to sync it.');
  });
});
