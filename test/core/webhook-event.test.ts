import fs from 'node:fs';
import path from 'node:path';
import { MAX_WEBHOOK_BODY, readWebhookBody } from '../../src/core/webhook-event';
import { FIXTURES_DIR } from '../fixtures/fixtures-dir';

const envelope = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'trello-webhook-envelope.json'), 'utf8'));
const action = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'trello-webhook-actions', `${name}.json`), 'utf8'));
const body = (name: string) => JSON.stringify({ ...envelope, action: action(name) });

describe('readWebhookBody', () => {
  it('reads a real card move into a hint with the lists before and after the move', () => {
    const reading = readWebhookBody(body('card-list'));
    expect(reading).toEqual({
      hint: { actionId: '55900c950fbd86334d5c4071', type: 'updateCard', boardId: envelope.model.id, cardId: '550df104f244348fb46ce2b5', date: Date.parse('2015-06-28T15:02:45.235Z'), listId: '5514564da07f76c2633f07f0', oldListId: '550def1c239fb24e102559c0' },
    });
  });

  it('reads renames, creations, archives and deletions', () => {
    const hint = (name: string) => {
      const reading = readWebhookBody(body(name));
      return 'hint' in reading ? reading.hint : undefined;
    };
    expect(hint('card-name')).toMatchObject({ name: action('card-name').data.card.name, oldName: action('card-name').data.old.name });
    expect(hint('card-create')).toMatchObject({ type: 'createCard', listId: action('card-create').data.list.id });
    expect(hint('card-archive')?.closed).toBe(true);
    expect(hint('card-delete')?.closed).toBe(true);
  });

  it('ignores malformed, foreign-shaped, cardless and oversized bodies without throwing', () => {
    for (const text of ['', 'not json', 'null', '[]', '{"action":{}}', JSON.stringify({ model: { id: 'x' }, action: { id: 'y', type: 'updateCard', date: 'z' } }), body('list-create'), 'x'.repeat(MAX_WEBHOOK_BODY + 1)]) {
      expect(readWebhookBody(text)).toEqual({ ignored: expect.any(String) });
    }
  });
});

describe('deliveries of mapped field actions', () => {
  it('say which mapped field changed, so that the card is read again', () => {
    const delivery = (type: string, data: Record<string, unknown>) =>
      JSON.stringify({ model: { id: '5a0000000000000000000b0a' }, action: { id: '5a00000000000000000000a1', type, date: '2026-01-05T10:00:00.000Z', data: { card: { id: '5a00000000000000000000c1' }, ...data } } });
    const fields = (text: string) => {
      const reading = readWebhookBody(text);
      return 'hint' in reading ? reading.hint.fields : 'ignored';
    };
    expect(fields(delivery('addLabelToCard', { label: { id: 'l1' } }))).toEqual(['labels']);
    expect(fields(delivery('updateCard', { old: { due: null } }))).toEqual(['due']);
    expect(fields(delivery('updateCustomFieldItem', { customField: { id: 'f1', name: 'Notes' } }))).toEqual(['custom:Notes']);
    expect(fields(delivery('updateCard', { old: { name: 'x' } }))).toBeUndefined();
  });
});
