import { trelloPath } from '../../src/adapters/trello-client';

describe('trelloPath', () => {
  it('encodes every segment, so an id can never add a route, a segment or a query to a request', () => {
    expect(trelloPath('cards', '5f1a2b3c4d5e6f7a8b9c0d11')).toBe('/cards/5f1a2b3c4d5e6f7a8b9c0d11');
    expect(trelloPath('cards', 'a,/cards/b')).toBe('/cards/a%2C%2Fcards%2Fb');
    expect(trelloPath('webhooks', '../members/me?x=1')).toBe('/webhooks/..%2Fmembers%2Fme%3Fx%3D1');
  });
});
