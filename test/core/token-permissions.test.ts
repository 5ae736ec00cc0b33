// Telling a read-only or expiring Trello token from one that can run the sync.
import { tokenProblem } from '../../src/core/token-permissions';

const grant = (write: boolean) => [
  { idModel: 'm1', modelType: 'member', read: true, write },
  { idModel: '*', modelType: 'Board', read: true, write },
];

describe('tokenProblem', () => {
  it('accepts a token that writes boards and never expires', () => {
    expect(tokenProblem([{ dateExpires: null, permissions: grant(true) }])).toBeNull();
  });

  it('names a read-only token', () => {
    expect(tokenProblem([{ dateExpires: null, permissions: grant(false) }])).toMatch(/read-only/);
  });

  it('names an expiring token and its date', () => {
    expect(tokenProblem([{ dateExpires: '2027-01-02T03:04:05.000Z', permissions: grant(true) }])).toMatch(/expires \(2027-01-02\)/);
  });

  it('has nothing to judge when the member lists no token', () => {
    expect(tokenProblem([])).toBeNull();
  });

  it('names the earliest expiry when every token that writes boards expires', () => {
    const tokens = [
      { dateExpires: null, permissions: grant(false) },
      { dateExpires: '2028-05-06T00:00:00.000Z', permissions: grant(true) },
      { dateExpires: '2027-01-02T03:04:05.000Z', permissions: grant(true) },
    ];
    expect(tokenProblem(tokens)).toBe('This Trello token expires (2027-01-02), and the sync would stop that day. Create a token with expiration=never.');
  });

  it('takes a permission without a model type for no board write', () => {
    expect(tokenProblem([{ dateExpires: null, permissions: [{ idModel: '*', write: true }] }])).toMatch(/read-only/);
    expect(tokenProblem([{ dateExpires: null }])).toMatch(/read-only/);
  });

  it('a write on members only is not a write on boards', () => {
    expect(tokenProblem([{ dateExpires: null, permissions: [{ modelType: 'member', idModel: 'm1', write: true }] }])).toMatch(/read-only/);
  });

  it('accepts when some token of the member could be the connected, usable one', () => {
    expect(tokenProblem([{ dateExpires: null, permissions: grant(false) }, { dateExpires: null, permissions: grant(true) }])).toBeNull();
  });
});
