// The add-on's own card changes, remembered so that Trello's delivery of each one back (its echo) is told from a
// person's change without reading anything. The token acts as the same Trello member as the person, so only an exact
// match counts: same card, same field, same old and new value, dated no earlier than the write, used up once.
import type { BoardCard } from './board';
import type { CardFields } from './sync-plan';
import { textHash } from './text-hash';
import type { WebhookHint } from './webhook-event';

/** A card field the add-on changes and Trello reports with its old value. */
export type OwnWriteField = 'list' | 'name';

/** One field of one card the add-on changed. */
export interface OwnWrite {
  cardId: string;
  field: OwnWriteField;
  /** Hashes of the value before the write (as the run read the card) and of the value written (names run long). */
  from: string;
  to: string;
  /** Epoch ms before the request went out: Trello dates its action later. */
  at: number;
}

/** The write of `field` of card `cardId` from `from` to `to`, made at `at`. */
export function ownWrite(cardId: string, field: OwnWriteField, from: string, to: string, at: number): OwnWrite {
  return { cardId, field, from: textHash(from), to: textHash(to), at };
}

/**
 * The list and name changes among card `updates` Trello confirmed, each from the card as the run read it (`cards`); a
 * card the run did not read is left out (its echo goes down the normal path).
 */
export function ownWritesOf(updates: readonly { cardId: string; fields: CardFields }[], cards: ReadonlyMap<string, BoardCard>, at: number): OwnWrite[] {
  return updates.flatMap(({ cardId, fields }) => {
    const card = cards.get(cardId);
    if (!card) return [];
    const writes: OwnWrite[] = [];
    if (fields.idList !== undefined && fields.idList !== card.idList) writes.push(ownWrite(cardId, 'list', card.idList, fields.idList, at));
    if (fields.name !== undefined && fields.name !== card.name) writes.push(ownWrite(cardId, 'name', card.name, fields.name, at));
    return writes;
  });
}

/** How long a write is remembered: Trello delivers within seconds and retries a failed delivery within minutes. */
export const OWN_WRITE_MS = 60 * 60 * 1000;

/** The most writes remembered (the newest are kept): a forgotten one only sends its echo down the normal path. */
export const MAX_OWN_WRITES = 300;

/** A change a delivery claims: one field, from one value to another. */
type Claim = Pick<OwnWrite, 'field' | 'from' | 'to'>;

/** The changes `hint` claims, or undefined when it claims anything the add-on never writes alone (or nothing). */
function claimsOf(hint: WebhookHint): Claim[] | undefined {
  // A mapped field changed in the same action (due date, description…) is read: it may be a person's change.
  if (hint.type !== 'updateCard' || hint.relayed || hint.closed !== undefined || hint.fields?.length) return undefined;
  const claims: Claim[] = [];
  const claim = (field: OwnWriteField, from: string, to: string) => claims.push({ field, from: textHash(from), to: textHash(to) });
  if (hint.listId !== undefined && hint.oldListId !== undefined) claim('list', hint.oldListId, hint.listId);
  if (hint.name !== undefined && hint.oldName !== undefined) claim('name', hint.oldName, hint.name);
  return claims.length ? claims : undefined;
}

/** The writes still worth remembering at `now`, at most the newest `MAX_OWN_WRITES`. */
function freshWrites(writes: readonly OwnWrite[], now: number): OwnWrite[] {
  return writes.filter((write) => now - write.at < OWN_WRITE_MS).slice(-MAX_OWN_WRITES);
}

/**
 * `known` writes with `added` ones: a new write of a card's field replaces the one before (that earlier echo, should
 * it still come, finds nothing and goes down the normal path, which reads the card).
 */
export function withWrites(known: readonly OwnWrite[], added: readonly OwnWrite[], now: number): OwnWrite[] {
  const replaced = new Set(added.map((write) => `${write.cardId}:${write.field}`));
  return freshWrites([...known.filter((write) => !replaced.has(`${write.cardId}:${write.field}`)), ...added], now);
}

/**
 * Whether `hint` is the echo of remembered writes, and the writes to remember after it. An echo uses up the writes it
 * matches. Any other delivery about the card forgets the card's writes made before its action: the card has moved
 * on, so a later delivery that happens to look like one of them is a person's change.
 */
export function takeEcho(writes: readonly OwnWrite[], hint: WebhookHint, now: number): { echo: boolean; writes: OwnWrite[] } {
  const kept = freshWrites(writes, now);
  const claims = claimsOf(hint);
  const used = new Set<OwnWrite>();
  // Stryker disable next-line ArrayDeclaration: without claims the answer never looks at what the loop found
  for (const claim of claims ?? []) {
    const match = kept.find((write) => !used.has(write) && write.cardId === hint.cardId && write.field === claim.field && write.from === claim.from && write.to === claim.to && write.at <= hint.date);
    if (!match) break;
    used.add(match);
  }
  if (claims && used.size === claims.length) return { echo: true, writes: kept.filter((write) => !used.has(write)) };
  return { echo: false, writes: kept.filter((write) => write.cardId !== hint.cardId || write.at > hint.date) };
}
