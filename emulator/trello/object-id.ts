// Trello-style identifiers: 24-hex ObjectIds whose first 8 hex digits are the creation second, and shortLinks.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

const TRELLO_ID = /^[0-9a-fA-F]{24}$/;
const SHORT_LINK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** True when `value` has the shape of a Trello id (24 hex digits). */
export function isTrelloId(value: string): boolean {
  return TRELLO_ID.test(value);
}

/**
 * Makes ids the way MongoDB does (seconds, a per-process part, a counter), on the emulator clock, so ids sort by
 * creation time and `since=<actionId>` means "created after that action".
 */
export class ObjectIdFactory {
  private readonly processPart = randomBytes(5).toString('hex');
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  /** A new id, greater than every id this factory made before at the same or an earlier second. */
  next(): string {
    this.counter = (this.counter + 1) % 0x1000000;
    const seconds = Math.floor(this.clock.now() / 1000).toString(16).padStart(8, '0');
    return seconds + this.processPart + this.counter.toString(16).padStart(6, '0');
  }
}

/** A random 8-character shortLink, as in `https://trello.com/c/<shortLink>`. */
export function newShortLink(): string {
  return Array.from(randomBytes(8), (byte) => SHORT_LINK_ALPHABET[byte % SHORT_LINK_ALPHABET.length]).join('');
}

/** `bytes` random bytes as lower-case hex (API keys, tokens, app secrets). */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
