// Custom fields: definitions, card values of each type with Trello's body shapes and type checks, reads and actions.
import type { TrelloCard, TrelloCustomField, TrelloCustomFieldItem } from '../../../emulator/trello';
import { createFixture } from './trello-fixture';

/** A board with one card and a custom field of each type. */
function scene() {
  const fixture = createFixture();
  const { emulator, workspace, json } = fixture;
  const memberId = workspace.member.id;
  const card = emulator.personCreatesCard({ memberId, listId: workspace.lists.TODO.id, name: 'Ada' });
  const define = (name: string, type: string, extra: object = {}) =>
    json<TrelloCustomField>('POST', '/customFields', { idModel: workspace.board.id, modelType: 'board', name, type, pos: 'bottom', ...extra });
  const fields = {
    text: define('Company', 'text'),
    number: define('Deal', 'number'),
    date: define('Follow-up', 'date'),
    checkbox: define('Signed', 'checkbox'),
    list: define('Priority', 'list', { options: [{ value: { text: 'High' }, color: 'red' }, { value: { text: 'Low' } }] }),
  };
  const optionId = (index: number) => (fields.list.options as { id: string }[])[index].id;
  const item = (field: TrelloCustomField, body: object) => fixture.api('PUT', `/cards/${card.id}/customField/${field.id}/item`, body);
  const items = () => json<TrelloCustomFieldItem[]>('GET', `/cards/${card.id}/customFieldItems`);
  const newest = () => emulator.actionsOn(workspace.board.id)[0];
  return { ...fixture, memberId, card, fields, optionId, item, items, newest };
}

const INVALID_VALUE = { message: 'Invalid custom field item value.', error: 'ERROR' };

describe('custom field definitions', () => {
  it('are created on a board and listed with name, position, type and (for lists) options at the top level', () => {
    const { json, workspace, fields } = scene();
    expect(fields.list).toEqual({
      id: fields.list.id,
      idModel: workspace.board.id,
      modelType: 'board',
      fieldGroup: expect.any(String) as string,
      display: { cardFront: true },
      name: 'Priority',
      pos: expect.any(Number) as number,
      type: 'list',
      options: [
        { id: expect.any(String) as string, idCustomField: fields.list.id, value: { text: 'High' }, color: 'red', pos: 16384 },
        { id: expect.any(String) as string, idCustomField: fields.list.id, value: { text: 'Low' }, color: 'none', pos: 32768 },
      ],
    });
    expect(fields.text.options).toBeUndefined();
    const listed = json<TrelloCustomField[]>('GET', `/boards/${workspace.board.id}/customFields`);
    expect(listed.map((f) => [f.name, f.type])).toEqual([['Company', 'text'], ['Deal', 'number'], ['Follow-up', 'date'], ['Signed', 'checkbox'], ['Priority', 'list']]);
    expect(json<{ customFields: TrelloCustomField[] }>('GET', `/boards/${workspace.board.id}?customFields=true`).customFields).toEqual(listed);
  });

  it('needs every required property, a known type, modelType board, and options only on lists', () => {
    const { api, workspace } = scene();
    const create = (body: object) => {
      const response = api('POST', '/customFields', { idModel: workspace.board.id, modelType: 'board', name: 'X', type: 'text', pos: 'bottom', ...body });
      return [response.status, response.body];
    };
    expect(create({ pos: undefined })).toEqual([400, 'invalid value for pos']);
    expect(create({ type: 'money' })).toEqual([400, 'invalid value for type']);
    expect(create({ modelType: 'card' })).toEqual([400, 'invalid value for modelType']);
    expect(create({ name: '' })).toEqual([400, 'invalid value for name']);
    expect(create({ options: [{ value: { text: 'A' } }] })).toEqual([400, 'invalid value for options']);
    expect(create({ type: 'list', options: [{ value: { text: 'A' }, color: 'magenta' }] })).toEqual([400, 'invalid value for options']);
  });
});

describe('a card\'s custom field values', () => {
  it('takes each type in Trello\'s body shape and reads it back from /customFieldItems', () => {
    const { item, items, fields, optionId, card } = scene();
    expect(item(fields.text, { value: { text: 'Acme' } }).status).toBe(200);
    expect(item(fields.number, { value: { number: '12.5' } }).status).toBe(200);
    expect(item(fields.date, { value: { date: '2026-03-01T09:00:00Z' } }).status).toBe(200);
    expect(item(fields.checkbox, { value: { checked: 'true' } }).status).toBe(200);
    expect(item(fields.list, { idValue: optionId(0) }).status).toBe(200);
    const byField = Object.fromEntries(items().map(({ id, idCustomField, ...rest }) => [idCustomField, [typeof id, rest]]));
    const held = (content: object) => ['string', { ...content, idModel: card.id, modelType: 'card' }];
    expect(byField).toEqual({
      [fields.text.id]: held({ value: { text: 'Acme' } }),
      [fields.number.id]: held({ value: { number: '12.5' } }),
      [fields.date.id]: held({ value: { date: '2026-03-01T09:00:00.000Z' } }),
      [fields.checkbox.id]: held({ value: { checked: 'true' } }),
      [fields.list.id]: held({ idValue: optionId(0) }),
    });
  });

  it('refuses a value of the wrong type or key with Trello\'s error, and changes nothing', () => {
    const { item, items, fields, optionId } = scene();
    const refusal = (field: TrelloCustomField, body: object) => {
      const response = item(field, body);
      return [response.status, JSON.parse(response.body) as unknown];
    };
    for (const [field, body] of [
      [fields.number, { value: { number: 'twelve' } }],
      [fields.number, { value: { text: '12' } }],
      [fields.date, { value: { date: 'soon' } }],
      [fields.checkbox, { value: { checked: 'yes' } }],
      [fields.text, { value: { text: 12 } }],
      [fields.list, { idValue: optionId(0).replace(/.$/, (c) => (c === '0' ? '1' : '0')) }],
      [fields.list, { value: { text: 'High' } }],
    ] as const) {
      expect([field.name, ...refusal(field, body)]).toEqual([field.name, 400, INVALID_VALUE]);
    }
    expect(items()).toEqual([]);
  });

  it('clears with an empty value or idValue; unchecking a checkbox clears it too', () => {
    const { item, items, fields, optionId } = scene();
    item(fields.text, { value: { text: 'Acme' } });
    item(fields.list, { idValue: optionId(1) });
    item(fields.checkbox, { value: { checked: true } });
    expect(items()).toHaveLength(3);
    expect(item(fields.text, { value: '' }).body).toBe('{}');
    item(fields.list, { idValue: '' });
    item(fields.checkbox, { value: { checked: 'false' } });
    expect(items()).toEqual([]);
  });

  it('records updateCustomFieldItem with the field, the item and its old value', () => {
    const { item, fields, newest, card, workspace } = scene();
    item(fields.number, { value: { number: '12' } });
    const first = newest();
    expect(first.type).toBe('updateCustomFieldItem');
    expect(first.data).toEqual({
      board: { shortLink: workspace.board.shortLink, name: workspace.board.name, id: workspace.board.id },
      card: { shortLink: card.shortLink, idShort: card.idShort, name: 'Ada', id: card.id },
      customField: { id: fields.number.id, name: 'Deal', type: 'number' },
      customFieldItem: { id: expect.any(String) as string, value: { number: '12' }, idCustomField: fields.number.id, idModel: card.id, modelType: 'card' },
      old: { value: null },
    });
    item(fields.number, { value: { number: '15' } });
    expect(newest().data).toMatchObject({ customFieldItem: { value: { number: '15' } }, old: { value: { number: '12' } } });
    item(fields.number, { value: '' });
    expect(newest().data).toMatchObject({ customFieldItem: { value: null }, old: { value: { number: '15' } } });
  });

  it('records the same value twice only once', () => {
    const { item, fields, emulator, workspace } = scene();
    item(fields.text, { value: { text: 'Acme' } });
    const count = emulator.actionsOn(workspace.board.id).length;
    item(fields.text, { value: { text: 'Acme' } });
    expect(emulator.actionsOn(workspace.board.id)).toHaveLength(count);
  });

  it('customFieldItems=true adds the values to card reads, board card lists and /batch items', () => {
    const { item, json, fields, card, workspace } = scene();
    item(fields.text, { value: { text: 'Acme' } });
    const values = (cardJson: TrelloCard) => (cardJson.customFieldItems as TrelloCustomFieldItem[]).map((i) => i.value);
    expect(values(json<TrelloCard>('GET', `/cards/${card.id}?customFieldItems=true`))).toEqual([{ text: 'Acme' }]);
    expect(json<TrelloCard>('GET', `/cards/${card.id}`).customFieldItems).toBeUndefined();
    expect(json<TrelloCard[]>('GET', `/boards/${workspace.board.id}/cards?customFieldItems=true`).map(values)).toEqual([[{ text: 'Acme' }]]);
    const batch = json<{ 200: TrelloCard[] }[]>('GET', `/batch?urls=/boards/${workspace.board.id}/cards?customFieldItems=true,/boards/${workspace.board.id}/customFields`);
    expect(batch[0][200].map(values)).toEqual([[{ text: 'Acme' }]]);
    expect((batch[1][200] as unknown as TrelloCustomField[]).map((f) => f.name)).toContain('Company');
  });

  it('a field of another board is refused; deleting a field removes every card\'s value of it', () => {
    const { api, json, item, items, fields, card, emulator, memberId } = scene();
    const other = emulator.createBoard({ name: 'Other', memberId });
    const foreign = emulator.personCreatesCustomField({ memberId, boardId: other.id, name: 'Elsewhere', type: 'text' });
    const response = api('PUT', `/cards/${card.id}/customField/${foreign.id}/item`, { value: { text: 'x' } });
    expect([response.status, response.body]).toEqual([400, 'invalid value for idCustomField']);
    item(fields.text, { value: { text: 'Acme' } });
    json('DELETE', `/customFields/${fields.text.id}`);
    expect(items()).toEqual([]);
    expect(api('PUT', `/cards/${card.id}/customField/${fields.text.id}/item`, { value: { text: 'x' } }).status).toBe(404);
  });

  it('a person sets values as the API does, through the admin helper', () => {
    const { emulator, memberId, card, fields, optionId, newest } = scene();
    emulator.personSetsCustomField({ memberId, cardId: card.id, customFieldId: fields.number.id, value: { number: '7' } });
    expect(newest().data).toMatchObject({ customFieldItem: { value: { number: '7' } }, old: { value: null } });
    emulator.personSetsCustomField({ memberId, cardId: card.id, customFieldId: fields.list.id, idValue: optionId(1) });
    expect(newest().data).toMatchObject({ customFieldItem: { idValue: optionId(1) }, old: { idValue: null } });
    expect(() => emulator.personSetsCustomField({ memberId, cardId: card.id, customFieldId: fields.number.id, value: { number: 'x' } })).toThrow('Invalid custom field item value.');
  });
});
