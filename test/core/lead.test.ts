// longestOf: which lead column holds the longest value.
import { longestOf } from '../../src/core/lead';

describe('longestOf', () => {
  it('picks the column with the longest value', () => {
    expect(longestOf({ id: 'L1', email: 'ada@example.com', source: 'Web' }, ['id', 'email', 'source'])).toBe('email');
  });

  it('picks the first of the columns when two are equally long', () => {
    expect(longestOf({ id: 'abcd', email: 'a@bc', source: 'x' }, ['id', 'email', 'source'])).toBe('id');
    expect(longestOf({ id: 'abcd', email: 'a@bc', source: 'x' }, ['email', 'id', 'source'])).toBe('email');
  });
});
