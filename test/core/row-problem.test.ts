// The flags of rows that cannot sync: a card gone from the board, a change Trello refused, a refused token.
import { cardFateWords, cardGoneMessage, refusedChange, refusedTheToken } from '../../src/core/row-problem';

const lead = { email: 'ann@example.com', source: 'Referral from a long-standing partner' };

describe('cardGoneMessage', () => {
  it('says what became of the card and how to start over', () => {
    expect(cardGoneMessage('moved')).toBe('The card was moved to another board; this row is no longer synced. Clear trello_card_id to create a new card.');
    expect(cardFateWords('archived')).toBe('was archived on Trello');
  });
});

describe('refusedTheToken', () => {
  it('tells a refusal of the token (401/403) from a refusal of the change', () => {
    expect(refusedTheToken('401 unauthorized permission requested')).toBe(true);
    expect(refusedTheToken('403 forbidden')).toBe(true);
    expect(refusedTheToken('400 invalid value for name')).toBe(false);
    expect(refusedTheToken('400 invalid value for desc: 403 characters too many')).toBe(false);
  });
});

describe('refusedChange', () => {
  it('flags the status cell when Trello refused the move to a list', () => {
    expect(refusedChange('400 invalid value for idList', lead)).toEqual({
      column: 'status',
      message: "Trello did not accept the move to this status's list. Check the status and the list on the board, then the row syncs again. (Trello answered: 400 invalid value for idList.)",
    });
  });

  it('flags the longer of email and source when Trello refused the description', () => {
    expect(refusedChange('400 invalid value for desc', lead).column).toBe('source');
  });

  it('flags the card id cell for a refusal that names no field', () => {
    expect(refusedChange('400 card is closed', lead)).toEqual({
      column: 'trello_card_id',
      message: 'Trello refused the last change to the card. Change the row, then the row syncs again. (Trello answered: 400 card is closed.)',
    });
  });

  it('flags the card id cell when the word after "invalid value for" is one every object knows, such as constructor', () => {
    for (const word of ['constructor', '__proto__', 'toString']) {
      expect(refusedChange(`400 invalid value for ${word}`, lead).column).toBe('trello_card_id');
    }
  });
});
