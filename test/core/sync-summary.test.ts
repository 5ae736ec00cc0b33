// listedErrors: the errors a sync summary lists, shortened and counted.
import { listedErrors, MAX_LISTED_ERRORS } from '../../src/core/sync-summary';

describe('listedErrors', () => {
  it('keeps an error of 200 characters whole', () => {
    const error = 'e'.repeat(200);
    expect(listedErrors([error])).toEqual([error]);
  });

  it('cuts a longer error to 200 characters ending in an ellipsis', () => {
    const error = `${'a'.repeat(199)}bcdef`;
    expect(listedErrors([error])).toEqual([`${'a'.repeat(199)}…`]);
  });

  it('lists the first errors and counts the others', () => {
    const errors = Array.from({ length: MAX_LISTED_ERRORS + 2 }, (_, index) => `error ${index}`);
    expect(listedErrors(errors)).toEqual([...errors.slice(0, MAX_LISTED_ERRORS), '… and 2 more (see the Sync Log)']);
  });
});
