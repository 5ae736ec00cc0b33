// Checking a delivery's secret without a Properties read per request: anonymous callers can send any number of them.
import type { Services } from '../adapters/gas-services';
import { SETTING_KEYS } from '../core/settings';

/** Cache entry holding the digest of the webhook secret (never the secret itself). */
const SECRET_DIGEST_KEY = 'WEBHOOK_SECRET_DIGEST';
/** Cache entry present while a mismatch has recently re-read the secret. */
const RECENTLY_REREAD_KEY = 'WEBHOOK_SECRET_REREAD';
/** The cached digest when no secret is set: every request is ignored. */
// Stryker disable next-line StringLiteral: any text that is never a digest works alike
const NO_SECRET = 'none';
const DIGEST_SECONDS = 6 * 60 * 60;
/** A secret changed by hand in the properties counts within this long; a flood of guesses costs a read this often. */
const REREAD_SECONDS = 60;

function sameText(given: string, expected: string): boolean {
  // Compares every character so the time taken does not tell how much of a guess was right.
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/** Caches the digest of `secret` (empty: none set); called wherever the secret is written. */
export function rememberWebhookSecret(services: Services, secret: string): string {
  const digest = secret ? services.digest(secret) : NO_SECRET;
  services.cache.put(SECRET_DIGEST_KEY, digest, DIGEST_SECONDS);
  return digest;
}

function reread(services: Services): string {
  return rememberWebhookSecret(services, (services.store.get(SETTING_KEYS.webhookSecret) ?? '').trim());
}

/**
 * True when `given` is the webhook secret. The cached digest answers; the property is read only when the cache has
 * none, or on a mismatch at most once a minute (so a secret set by hand is honoured soon).
 */
export function isWebhookSecret(services: Services, given: string): boolean {
  // Stryker disable next-line StringLiteral: any text that is never a digest works alike (no secret never matches)
  const digest = given ? services.digest(given) : '';
  const cached = services.cache.get(SECRET_DIGEST_KEY);
  const expected = cached ?? reread(services);
  if (expected !== NO_SECRET && sameText(digest, expected)) return true;
  if (cached === null || !given || services.cache.get(RECENTLY_REREAD_KEY)) return false;
  services.cache.put(RECENTLY_REREAD_KEY, '1', REREAD_SECONDS);
  const fresh = reread(services);
  return fresh !== NO_SECRET && sameText(digest, fresh);
}
