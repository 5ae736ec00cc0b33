// The error values a failed formula shows, which are never synced.
import { ERROR_VALUES, errorValueMessage, isErrorValue } from '../../src/core/error-value';

describe('isErrorValue', () => {
  it('recognises every error value Sheets shows, in any case and with spaces around it', () => {
    for (const value of ERROR_VALUES) expect(isErrorValue(value)).toBe(true);
    expect([isErrorValue('#n/a'), isErrorValue(' #REF! '), isErrorValue('loading...')]).toEqual([true, true, true]);
  });

  it('takes ordinary text, even text that holds an error value, as data', () => {
    for (const text of ['', 'N/A', '#N/A later', 'Loading', 'QUALIFIED', '#VALUE!#VALUE!']) expect(isErrorValue(text)).toBe(false);
  });

  it('says which value the cell shows and what to do', () => {
    expect(errorValueMessage('#REF!')).toBe('This cell shows #REF!, the result of a formula that failed, so the row is not synced. Fix the formula or type the value.');
  });
});
