// receiveWebhook over in-memory services: which deliveries it ignores, tells apart, syncs or leaves for the next run.
import { createHash } from 'node:crypto';
import { SheetNotFoundError, type Services } from '../../src/adapters/gas-services';
import { ownWrite } from '../../src/core/own-writes';
import { SETTING_KEYS, STATE_KEYS } from '../../src/core/settings';
import { rememberOwnWrites } from '../../src/app/own-writes';
import { receiveWebhook } from '../../src/app/webhook-receiver';
import { rememberWebhookSecret } from '../../src/app/webhook-secret';
import { fakeServices } from './fake-services';

const SECRET = 's3cret-of-the-webhook';
const BOARD_ID = 'b'.repeat(24);
const CARD_ID = 'c'.repeat(24);
const ACTION_ID = 'a'.repeat(24);
const LIST_BEFORE = '1'.repeat(24);
const LIST_AFTER = '2'.repeat(24);
const NOW = Date.UTC(2026, 0, 1);

/** Connected services (key, token, board and secret set) with a real digest; `lockFree: false` keeps the lock busy. */
function webhookServices(options: { lockFree?: boolean; refuseWrites?: boolean; connected?: boolean } = {}) {
  const fake = fakeServices({ refuseWrites: options.refuseWrites });
  const propertyReads: string[] = [];
  const store = fake.services.store;
  const services = {
    ...fake.services,
    store: {
      ...store,
      get: (key: string) => (propertyReads.push(key), store.get(key)),
      getAll: () => (propertyReads.push('*'), store.getAll()),
    },
    lock: { tryLock: () => options.lockFree ?? true, release: () => undefined },
    digest: (text: string) => createHash('sha256').update(text).digest('base64'),
    spreadsheet: () => {
      throw new SheetNotFoundError('The spreadsheet was not found.');
    },
  } as Services;
  fake.properties.set(SETTING_KEYS.boardId, BOARD_ID);
  fake.properties.set(SETTING_KEYS.webhookSecret, SECRET);
  if (options.connected ?? true) {
    fake.properties.set(SETTING_KEYS.key, 'k'.repeat(32));
    fake.properties.set(SETTING_KEYS.token, 't'.repeat(64));
  }
  return { services, properties: fake.properties, logged: fake.logged, propertyReads };
}

/** A delivery of a card moved from LIST_BEFORE to LIST_AFTER on the board. */
function moveDelivery(secret = SECRET) {
  const action = {
    id: ACTION_ID,
    type: 'updateCard',
    date: new Date(NOW).toISOString(),
    data: { card: { id: CARD_ID, idList: LIST_AFTER }, old: { idList: LIST_BEFORE }, listBefore: { id: LIST_BEFORE }, listAfter: { id: LIST_AFTER } },
  };
  return { parameter: { secret }, postData: { contents: JSON.stringify({ action, model: { id: BOARD_ID } }) } };
}

describe('receiveWebhook', () => {
  it('ignores a call without parameters or without a body, never throwing', () => {
    const { services } = webhookServices();
    expect(receiveWebhook(services, undefined)).toBe('ignored');
    expect(receiveWebhook(services, {})).toBe('ignored');
    expect(receiveWebhook(services, { postData: moveDelivery().postData })).toBe('ignored');
    expect(receiveWebhook(services, { parameter: { secret: SECRET } })).toBe('ignored');
  });

  it('reads no property for a call without a secret once the secret is cached', () => {
    const { services, propertyReads } = webhookServices();
    rememberWebhookSecret(services, SECRET);
    expect(receiveWebhook(services, { postData: moveDelivery().postData })).toBe('ignored');
    expect(propertyReads).toEqual([]);
  });

  it('ignores a delivery with the right secret while Trello is not connected', () => {
    const { services, properties } = webhookServices({ connected: false });
    expect(receiveWebhook(services, moveDelivery())).toBe('ignored');
    expect(properties.has(STATE_KEYS.cardHintPrefix + CARD_ID)).toBe(false);
  });

  it('leaves the card for the next run when another run holds the lock, and says it was queued', () => {
    const { services, properties } = webhookServices({ lockFree: false });
    expect(receiveWebhook(services, moveDelivery())).toBe('queued');
    expect(properties.get(STATE_KEYS.cardHintPrefix + CARD_ID)).toBe(String(NOW));
  });

  it('answers failed, and keeps the card for the next run, when the sync fails', () => {
    const { services, properties } = webhookServices();
    expect(receiveWebhook(services, moveDelivery())).toBe('failed');
    expect(properties.get(STATE_KEYS.cardHintPrefix + CARD_ID)).toBe(String(NOW));
  });

  it('logs a failure to keep the card for later and answers failed, without throwing', () => {
    const { services, logged } = webhookServices({ lockFree: false, refuseWrites: true });
    expect(receiveWebhook(services, moveDelivery())).toBe('failed');
    expect(logged).toEqual(['Webhook delivery failed: Service invoked too many times: properties']);
  });

  it('tells the echo of its own change, and a resend of that echo as a duplicate', () => {
    const { services } = webhookServices();
    rememberOwnWrites(services.cache, [ownWrite(CARD_ID, 'list', LIST_BEFORE, LIST_AFTER, NOW - 1_000)], NOW);
    expect(receiveWebhook(services, moveDelivery())).toBe('echo');
    expect(receiveWebhook(services, moveDelivery())).toBe('duplicate');
  });
});
