// The X-Trello-Webhook signature: base64 HMAC-SHA1 of (body + callbackURL), keyed with the app's secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `x-trello-webhook` header value Trello sends with a delivery of `body` to `callbackURL`. */
export function signWebhookDelivery(appSecret: string, body: string, callbackURL: string): string {
  return createHmac('sha1', appSecret).update(body + callbackURL, 'utf8').digest('base64');
}

/** Checks a received signature the way a receiver should (constant-time). */
export function verifyWebhookSignature(appSecret: string, body: string, callbackURL: string, signature: string): boolean {
  const expected = Buffer.from(signWebhookDelivery(appSecret, body, callbackURL));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
