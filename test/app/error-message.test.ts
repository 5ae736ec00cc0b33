import { errorMessage } from '../../src/app/error-message';

describe('errorMessage', () => {
  it('hides every occurrence of every secret', () => {
    const error = new Error('token abcd1234 refused; key zyxw9876 and token abcd1234 again');
    expect(errorMessage(error, ['abcd1234', 'zyxw9876'])).toBe('token [hidden] refused; key [hidden] and token [hidden] again');
  });

  it('reads thrown values that are not errors', () => {
    expect(errorMessage('refused abcd1234', ['abcd1234'])).toBe('refused [hidden]');
  });

  it('leaves the message readable when a secret is unset or too short to be one', () => {
    expect(errorMessage(new Error('Board not found'), ['', 'o', 'Boa'])).toBe('Board not found');
    expect(errorMessage(new Error('Board not found'), ['Boar'])).toBe('[hidden]d not found');
  });
});
