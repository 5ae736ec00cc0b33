import { mayBeRenderedDate } from '../../src/core/date-text';

describe('mayBeRenderedDate', () => {
  it('recognises the usual renderings of dates and times', () => {
    for (const text of ['3/4/2026', '2026-03-04', '04.03.2026', '2026-03-04 10:00:00', '10:30 AM', '10:30am', '10:30 p.m.', '4 Mar 2026', 'March 4, 2026']) {
      expect(mayBeRenderedDate(text)).toBe(true);
    }
  });

  it('leaves ordinary ids alone, so they cost no extra read', () => {
    for (const text of ['L1', '1001', 'LEAD-42', 'TRELLO-abc123', 'Ada', 'x-y']) expect(mayBeRenderedDate(text)).toBe(false);
  });

  it('leaves an id that only holds a date-like part, or letters between its digits, alone', () => {
    for (const text of ['id 3/4', '3/4 id', '3x/4', '3/x4', '3/4 x.m.']) expect(mayBeRenderedDate(text)).toBe(false);
  });

  it('needs a digit: a month name alone ("May") is a name, not a date', () => {
    for (const text of ['May', 'March', 'Dec.']) expect(mayBeRenderedDate(text)).toBe(false);
  });
});
