// What a delivery may claim, exactly: a name only when renamed or created, a list only after a move or a creation,
// archived, unarchived or gone only when the action says so; anything malformed is ignored with its reason.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_WEBHOOK_BODY, readBoardAction, readWebhookBody, type WebhookHint } from '../../src/core/webhook-event';
import { FIXTURES_DIR } from '../fixtures/fixtures-dir';

const BOARD = '5387e0a7e10724f99ecd0766';
const action = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'trello-webhook-actions', `${name}.json`), 'utf8')) as Record<string, unknown> & { data: Record<string, unknown> };
const hintOf = (value: unknown): WebhookHint | undefined => {
  const reading = readBoardAction(value, BOARD);
  return 'hint' in reading ? reading.hint : undefined;
};
/** The claims of a hint: what it says beyond which card and action. */
const claims = (hint: WebhookHint | undefined) => hint && { listId: hint.listId, name: hint.name, closed: hint.closed };

describe('the claims a hint carries', () => {
  it('names a card only when it was renamed or created, never after a description edit or a comment', () => {
    expect(claims(hintOf(action('card-desc')))).toEqual({ listId: undefined, name: undefined, closed: undefined });
    expect(claims(hintOf(action('comment-add')))).toEqual({ listId: undefined, name: undefined, closed: undefined });
    expect(hintOf(action('card-name'))?.name).toBe('instructions -');
    expect(claims(hintOf(action('card-create')))).toEqual({ listId: '5514564da07f76c2633f07f0', name: 'hello.', closed: undefined });
  });

  it('takes the list of a card moved onto the board only from listAfter, never from the list it names', () => {
    expect(hintOf(action('card-movetoboard'))?.listId).toBeUndefined();
    expect(hintOf(action('card-movetoboard'))?.closed).toBeUndefined();
  });

  it('says archived, unarchived or gone only when the action does', () => {
    expect(hintOf(action('card-movefromboard'))?.closed).toBe(true);
    expect(hintOf(action('card-delete'))?.closed).toBe(true);
    const archived = action('card-archive');
    expect(hintOf(archived)?.closed).toBe(true);
    const card = archived.data.card as Record<string, unknown>;
    expect(hintOf({ ...archived, data: { ...archived.data, card: { ...card, closed: false }, old: { closed: true } } })?.closed).toBe(false);
    // A card shown closed by an action that did not change it (no old value) claims nothing.
    expect(hintOf({ ...archived, data: { ...archived.data, old: { name: 'x' } } })?.closed).toBeUndefined();
  });
});

describe('what is ignored', () => {
  const good = action('card-name');
  it.each([
    ['an action id that is not a Trello id', { ...good, id: 'not-an-id-of-24-hex-chars' }, 'not a Trello action'],
    ['no type', { ...good, type: '' }, 'not a Trello action'],
    ['an unreadable date', { ...good, date: 'yesterday' }, 'not a Trello action'],
    ['a card id that is not a Trello id', { ...good, data: { ...good.data, card: { id: '../../boards/x' } } }, 'updateCard concerns no card'],
    ['no card', { ...good, data: {} }, 'updateCard concerns no card'],
  ])('%s', (_, value, reason) => {
    expect(readBoardAction(value, BOARD)).toEqual({ ignored: reason });
  });

  it('an action of no board', () => {
    expect(readBoardAction(good, undefined)).toEqual({ ignored: 'not a Trello action' });
  });

  it('bodies that are empty, not JSON or over the size limit, and reads one exactly at the limit', () => {
    expect(readWebhookBody('')).toEqual({ ignored: 'empty body' });
    expect(readWebhookBody('{')).toEqual({ ignored: 'body is not JSON' });
    const json = JSON.stringify({ model: { id: BOARD }, action: good });
    const atLimit = json + ' '.repeat(MAX_WEBHOOK_BODY - json.length);
    expect('hint' in readWebhookBody(atLimit)).toBe(true);
    expect(readWebhookBody(`${atLimit} `)).toEqual({ ignored: 'body too large' });
  });
});

describe('ids', () => {
  const good = action('card-name');
  it('are whole Trello ids: nothing before or after the 24 hex digits', () => {
    const id = String(good.id);
    expect(readBoardAction({ ...good, id: `x${id}` }, BOARD)).toEqual({ ignored: 'not a Trello action' });
    expect(readBoardAction({ ...good, id: `${id}x` }, BOARD)).toEqual({ ignored: 'not a Trello action' });
  });
});
