// Fault switches: latency, 5xx and 429 that change nothing, and writes whose response is lost after they took effect.
import { createFixture } from './trello-fixture';

describe('fault switches', () => {
  it('puts latencyMs on every response', () => {
    const { api, emulator } = createFixture();
    emulator.faults.latencyMs = 350;
    expect(api('GET', '/members/me').latencyMs).toBe(350);
    expect(api('GET', '/nowhere').latencyMs).toBe(350);
  });

  it.each([
    ['failNext5xx', 500],
    ['failNext429', 429],
  ] as const)('%s answers the next requests with %i and changes nothing', (fault, status) => {
    const { api, emulator, workspace } = createFixture({ webhookTransport: () => ({ status: 200, headers: {}, body: '' }) });
    api('POST', '/webhooks', { callbackURL: 'https://hooks.example.com/t', idModel: workspace.board.id });
    emulator.faults[fault] = 2;
    for (let i = 0; i < 2; i++) expect(api('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Ada' }).status).toBe(status);
    expect(emulator.cardsOn(workspace.board.id, 'all')).toEqual([]);
    expect(emulator.actionsOn(workspace.board.id)).toEqual([]);
    expect(emulator.pendingDeliveries()).toBe(0);
    expect(emulator.faults[fault]).toBe(0);
    expect(api('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Ada' }).status).toBe(200);
  });

  it('loseNextWriteResponses applies the write, records its action and queues its delivery, but answers 504', () => {
    const { api, emulator, workspace } = createFixture({ webhookTransport: () => ({ status: 200, headers: {}, body: '' }) });
    api('POST', '/webhooks', { callbackURL: 'https://hooks.example.com/t', idModel: workspace.board.id });
    emulator.faults.loseNextWriteResponses = 1;
    expect(api('GET', '/members/me').status).toBe(200); // reads are not affected
    const lost = api('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Ada' });
    expect(lost.status).toBe(504);
    expect(lost.headers['content-type']).toBe('text/html');
    expect(emulator.cardsOn(workspace.board.id).map((c) => c.name)).toEqual(['Ada']);
    expect(emulator.actionsOn(workspace.board.id).map((a) => a.type)).toEqual(['createCard']);
    expect(emulator.pendingDeliveries()).toBe(1);
    expect(emulator.requests.at(-1)?.status).toBe(504);
    expect(api('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Bo' }).status).toBe(200);
  });
});
