// Conformance of the emulator's routes and responses with the Trello OpenAPI file and a captured webhook envelope.
import { readFileSync } from 'node:fs';
import { TRELLO_ROUTES, type TrelloBoard, type TrelloCard, type TrelloCustomField, type TrelloWebhook } from '../../../emulator/trello';
import { FIXTURES_DIR } from '../../fixtures/fixtures-dir';
import { component, openApi, type Operation, schemaProblems } from './openapi-schema-check';
import { createFixture, type TrelloFixture } from './trello-fixture';

const envelope = JSON.parse(readFileSync(`${FIXTURES_DIR}/trello-webhook-envelope.json`, 'utf8')) as { model: Record<string, unknown> };

/**
 * Where the OpenAPI file contradicts what the real API sends; each is checked against the captured webhook envelope
 * below, so an entry cannot hide an emulator mistake.
 */
const ENVELOPE_ERRATA: Record<string, string> = {
  'board.descData': 'descData', // spec: string; real board: null
  'board.prefs.background': 'prefs.background', // spec: a TrelloID; real: a colour name
  'board.prefs.backgroundImage': 'prefs.backgroundImage', // spec: string; real: null without an image
  'board.prefs.backgroundImageScaled': 'prefs.backgroundImageScaled', // spec: array; real: null without an image
};
/** Spec: string; real list responses carry `"softLimit": null` (no limit set). */
const LIST_ERRATA = ['lists[].softLimit'];
/**
 * Spec: "board", "member", …; the real API names them "Board", "Member", … (trello.js, whose schemas are checked
 * against the live API, requires the capitalized names; test/emulator/trello/trello-js-client.test.ts pins them).
 */
const TOKEN_ERRATA = ['tokens[].permissions[].modelType', 'token.permissions[].modelType'];
/**
 * Spec: a card's `labels` are ids; the real API sends label objects (`{id, idBoard, name, color}`, ids being in
 * `idLabels`): trello.js, checked against the live API, types them as its Label schema, and the trello.js conformance
 * test parses them with it.
 */
const CARD_LABELS_ERRATA = ['card.labels[]', 'created card.labels[]', 'cards[].labels[]'];

/**
 * Parameters the OpenAPI file does not list for an operation but Trello documents elsewhere, with the source:
 * `customFieldItems=true` on a board's cards is in Trello's "Getting Started With Custom Fields" guide.
 */
const DOCUMENTED_ELSEWHERE: Record<string, string[]> = {
  'GET /boards/{id}/cards': ['customFieldItems'],
};

/** Parameters an operation documents: its query parameters and the properties of its JSON request body. */
function documentedParams(operation: Operation | undefined, route: string): string[] {
  const query = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const body = operation?.requestBody?.content?.['application/json']?.schema;
  const bodyProperties = [body, ...(body?.oneOf ?? [])].flatMap((schema) => Object.keys(schema?.properties ?? {}));
  return [...query, ...bodyProperties, ...(DOCUMENTED_ELSEWHERE[route] ?? [])];
}

function valueAt(object: Record<string, unknown>, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

interface Sample {
  fixture: TrelloFixture;
  board: TrelloBoard;
  card: TrelloCard;
  webhook: TrelloWebhook;
  labelId: string;
  field: TrelloCustomField;
}

/** A board with a card that has a label, a member, a due date and a custom field value, and a webhook. */
function sample(): Sample {
  const fixture = createFixture({ webhookTransport: () => ({ status: 200, headers: {}, body: '' }) });
  const { workspace } = fixture;
  const labelId = fixture.emulator.labelsOn(workspace.board.id)[0].id;
  const card = fixture.json<TrelloCard>('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Ada', desc: 'email: ada@example.com' });
  fixture.json('PUT', `/cards/${card.id}`, { idList: workspace.lists.DONE.id, idLabels: labelId, idMembers: workspace.member.id, due: '2026-03-01T09:00:00.000Z' });
  const field = fixture.json<TrelloCustomField>('POST', '/customFields', { idModel: workspace.board.id, modelType: 'board', name: 'Deal', type: 'number', pos: 'bottom' });
  fixture.json('PUT', `/cards/${card.id}/customField/${field.id}/item`, { value: { number: '12' } });
  const webhook = fixture.json<TrelloWebhook>('POST', '/webhooks', { callbackURL: 'https://hooks.example.com/t', idModel: workspace.board.id });
  return { fixture, board: workspace.board, card, webhook, labelId, field };
}

/** A second member of the sample's board. */
function boardMember(s: Sample) {
  const bob = s.fixture.emulator.addMember({ username: 'bob', fullName: 'Bob Builder' });
  s.fixture.emulator.addBoardMember({ boardId: s.board.id, memberId: bob.id });
  return bob;
}

/** A concrete path for a route, with its path parameters filled from the sample. */
function concretePath(path: string, s: Sample): string {
  const idOf: Record<string, string> = {
    members: 'me',
    boards: s.board.id,
    lists: s.fixture.workspace.lists.TODO.id,
    cards: s.card.id,
    webhooks: s.webhook.id,
    labels: s.labelId,
    customFields: s.field.id,
  };
  return path
    .replace('{id}', idOf[path.split('/')[1]] ?? '{id}')
    .replace('{boardId}', s.board.id)
    .replace('{idCard}', s.card.id)
    .replace('{idCustomField}', s.field.id)
    .replace('{idLabel}', s.labelId)
    .replace('{idMember}', s.fixture.workspace.member.id)
    .replace('{token}', s.fixture.workspace.token)
    .replace('{idWebhook}', s.webhook.id)
    .replace('{filter}', 'all');
}

describe('routes against the OpenAPI file', () => {
  it.each(TRELLO_ROUTES.map((route) => [route.method, route.path, route] as const))('%s %s is documented with every parameter it accepts', (method, path, route) => {
    const operation = openApi.paths[path]?.[method.toLowerCase()];
    expect(operation).toBeDefined();
    expect(documentedParams(operation, `${method} ${path}`)).toEqual(expect.arrayContaining([...route.params]));
  });

  it.each(TRELLO_ROUTES.map((route) => [route.method, route.path] as const))('%s %s rejects an undocumented parameter with 400', (method, path) => {
    const s = sample();
    const concrete = concretePath(path, s);
    expect(concrete).not.toContain('{');
    const response = s.fixture.api(method, `${concrete}${concrete.includes('?') ? '&' : '?'}notAParameter=1`);
    expect(response.status).toBe(400);
    expect(response.body).toBe('unknown parameter notAParameter');
  });

  it.each(TRELLO_ROUTES.filter((r) => r.method !== 'GET').map((route) => [route.method, route.path] as const))(
    '%s %s rejects an undocumented parameter in a JSON body with 400',
    (method, path) => {
      const s = sample();
      const response = s.fixture.api(method, concretePath(path, s), { notAParameter: true });
      expect(response.status).toBe(400);
      expect(response.body).toBe('unknown parameter notAParameter');
    },
  );
});

describe('response shapes against the OpenAPI schemas', () => {
  const errata = new Set([...Object.keys(ENVELOPE_ERRATA), ...LIST_ERRATA, ...TOKEN_ERRATA, ...CARD_LABELS_ERRATA]);

  it.each(Object.entries(ENVELOPE_ERRATA))('erratum %s is what the real envelope carries', (path, envelopePath) => {
    const s = sample();
    const board = s.fixture.json<Record<string, unknown>>('GET', `/boards/${s.board.id}`);
    expect(valueAt(envelope.model, envelopePath)).toBeDefined();
    expect(typeof valueAt(board, envelopePath)).toBe(typeof valueAt(envelope.model, envelopePath));
    expect(path).toBe(`board.${envelopePath}`);
  });

  const cases: { name: string; schema: string; array: boolean; request: (s: Sample) => [string, string, object?]; core: string[] }[] = [
    { name: 'board', schema: 'Board', array: false, request: (s) => ['GET', `/boards/${s.board.id}?fields=all`], core: ['id', 'name', 'desc', 'closed', 'url', 'shortUrl', 'shortLink', 'idOrganization', 'prefs', 'labelNames', 'dateLastActivity'] },
    { name: 'lists', schema: 'TrelloList', array: true, request: (s) => ['GET', `/boards/${s.board.id}/lists`], core: ['id', 'name', 'closed', 'pos', 'idBoard'] },
    { name: 'card', schema: 'Card', array: false, request: (s) => ['GET', `/cards/${s.card.id}`], core: ['id', 'name', 'desc', 'closed', 'idList', 'idBoard', 'pos', 'idShort', 'shortLink', 'shortUrl', 'url', 'dateLastActivity', 'badges', 'labels', 'idMembers'] },
    { name: 'created card', schema: 'Card', array: false, request: (s) => ['POST', '/cards', { idList: s.fixture.workspace.lists.TODO.id, name: 'Bo' }], core: ['id', 'name', 'idList', 'idBoard', 'idShort'] },
    { name: 'cards', schema: 'Card', array: true, request: (s) => ['GET', `/boards/${s.board.id}/cards`], core: ['id', 'name', 'desc', 'closed', 'idList', 'pos'] },
    { name: 'webhook', schema: 'Webhook', array: false, request: (s) => ['GET', `/webhooks/${s.webhook.id}`], core: ['id', 'description', 'idModel', 'callbackURL', 'active', 'consecutiveFailures', 'firstConsecutiveFailDate'] },
    { name: 'actions', schema: 'Action', array: true, request: (s) => ['GET', `/boards/${s.board.id}/actions`], core: ['id', 'idMemberCreator', 'data', 'type', 'date', 'memberCreator'] },
    { name: 'member', schema: 'Member', array: false, request: () => ['GET', '/members/me'], core: ['id', 'username', 'fullName', 'initials', 'idBoards', 'url'] },
    { name: 'token', schema: 'Token', array: false, request: (s) => ['GET', `/tokens/${s.fixture.workspace.token}`], core: ['id', 'identifier', 'idMember', 'dateCreated', 'dateExpires', 'permissions'] },
    { name: 'tokens', schema: 'Token', array: true, request: () => ['GET', '/members/me/tokens'], core: ['id', 'identifier', 'idMember', 'dateCreated', 'permissions'] },
    { name: 'labels', schema: 'Label', array: true, request: (s) => ['GET', `/boards/${s.board.id}/labels`], core: ['id', 'idBoard', 'name', 'color'] },
    { name: 'label', schema: 'Label', array: false, request: (s) => ['POST', `/boards/${s.board.id}/labels`, { name: 'Hot', color: 'red' }], core: ['id', 'idBoard', 'name', 'color'] },
    { name: 'board members', schema: 'Member', array: true, request: (s) => ['GET', `/boards/${s.board.id}/members`], core: ['id', 'fullName', 'username'] },
    { name: 'card members', schema: 'Member', array: true, request: (s) => ['POST', `/cards/${s.card.id}/idMembers`, { value: boardMember(s).id }], core: ['id', 'fullName', 'username', 'initials', 'avatarHash'] },
    { name: 'customFields', schema: 'CustomField', array: true, request: (s) => ['GET', `/boards/${s.board.id}/customFields`], core: ['id', 'idModel', 'modelType', 'fieldGroup', 'display', 'type'] },
    { name: 'customFieldItems', schema: 'CustomFieldItems', array: true, request: (s) => ['GET', `/cards/${s.card.id}/customFieldItems`], core: ['id', 'value', 'idCustomField', 'idModel', 'modelType'] },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const s = sample();
    const [method, path, body] = c.request(s);
    const response = s.fixture.api(method as 'GET', path, body);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const parsed = JSON.parse(response.body) as unknown;
    const items = (c.array ? parsed : [parsed]) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    const schema = c.array ? { type: 'array', items: component(c.schema) } : component(c.schema);
    expect(schemaProblems(parsed, schema, name, errata)).toEqual([]);
    const documented = Object.keys(openApi.components.schemas[c.schema].properties ?? {});
    for (const item of items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(c.core));
      expect(documented).toEqual(expect.arrayContaining(c.core));
    }
  });

  it('the schema check catches a wrong type, a null and a malformed id', () => {
    const problems = schemaProblems({ id: 'not-an-id', name: 3, closed: null }, component('Card'), 'card');
    expect(problems).toEqual(['card.id: not-an-id does not match ^[0-9a-fA-F]{24}$', 'card.name: expected string, got 3', 'card.closed: null, schema not nullable']);
  });

  it('a webhook delivery carries the board the way the captured envelope does', () => {
    const s = sample();
    const sent: string[] = [];
    s.fixture.emulator.setWebhookTransport((request) => {
      sent.push(request.body);
      return { status: 200, headers: {}, body: '' };
    });
    s.fixture.emulator.personRenamesCard({ memberId: s.fixture.workspace.member.id, cardId: s.card.id, name: 'Ada L.' });
    s.fixture.emulator.deliverWebhooks();
    const delivered = JSON.parse(sent[0]) as { model: Record<string, unknown> };
    expect(Object.keys(delivered).sort()).toEqual(['action', 'model']);
    expect(Object.keys(delivered.model).sort()).toEqual(Object.keys(envelope.model).sort());
    expect(Object.keys(delivered.model.prefs as object).sort()).toEqual(Object.keys(envelope.model.prefs as object).sort());
  });
});
