import { mayBeRenderedDate } from '../../src/core/date-text';

describe('mayBeRenderedDate', () => {
  it('recognises the usual renderings of dates and times', () => {
    for (const text of ['3/4/2026', '2026-03-04', '04.03.2026', '2026-03-04 10:00:00', '10:30 AM', '4 Mar 2026', 'March 4, 2026']) expect(mayBeRenderedDate(text)).toBe(true);
  });

  it('leaves ordinary ids alone, so they cost no extra read', () => {
    for (const text of ['L1', '1001', 'LEAD-42', 'TRELLO-abc123', 'Ada', 'x-y']) expect(mayBeRenderedDate(text)).toBe(false);
  });
});
