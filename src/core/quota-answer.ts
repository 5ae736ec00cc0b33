// Recognises Apps Script's and Google's quota answers by their text: a short-term one (waiting helps) or a daily one
// (nothing more of that service today).

/** A per-minute quota of a Google API (the Sheets API answers 429), or a burst of calls Apps Script refused. */
const RATE_QUOTA = /Quota exceeded for quota metric|RESOURCE_EXHAUSTED|Service invoked too many times in a short time|rateLimitExceeded/;

/** A daily Apps Script quota: `Service invoked too many times for one day: urlfetch.` and the like. */
const DAILY_QUOTA = /Service invoked too many times for one day|Service using too much computer time for one day/;

/** True when `message` is a short-term quota answer: the same call succeeds after a wait. */
export function isRateQuotaAnswer(message: string): boolean {
  return RATE_QUOTA.test(message);
}

/** True when `message` is a daily quota answer: the call cannot succeed again before the quota resets. */
export function isDailyQuotaAnswer(message: string): boolean {
  return DAILY_QUOTA.test(message);
}
