// Quota answers are told apart by their text: short-term ones are worth a wait, daily ones are not.
import { isDailyQuotaAnswer, isRateQuotaAnswer } from '../../src/core/quota-answer';

const SHEETS_429 =
  "API call to sheets.spreadsheets.values.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' and limit " +
  "'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:1'.";

describe('quota answers', () => {
  it('takes the Sheets API per-minute answer and a burst refusal for short-term ones', () => {
    expect(isRateQuotaAnswer(SHEETS_429)).toBe(true);
    expect(isRateQuotaAnswer('Service invoked too many times in a short time: properties. Try Utilities.sleep(1000) between calls.')).toBe(true);
    expect(isDailyQuotaAnswer(SHEETS_429)).toBe(false);
  });

  it('takes the daily answers for daily ones, and nothing else for either', () => {
    for (const message of ['Service invoked too many times for one day: urlfetch.', 'Service using too much computer time for one day']) {
      expect([isDailyQuotaAnswer(message), isRateQuotaAnswer(message)]).toEqual([true, false]);
    }
    for (const message of ['Address unavailable: https://api.trello.com/1/batch', 'Exceeded maximum execution time', 'Requested entity was not found.']) {
      expect([isDailyQuotaAnswer(message), isRateQuotaAnswer(message)]).toEqual([false, false]);
    }
  });
});
