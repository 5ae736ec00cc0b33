// The relay's keys and hint format: a fixed number of slots per sheet, only two Trello ids per hint.
import { formatRelayHint, isRelayKey, mergeRelayHints, parseRelayHint, RELAY_SLOTS, relayKey, relaySlotKey, relaySlotKeys } from '../../src/core/relay-hints';

const id = (n: number) => n.toString(16).padStart(24, '0');

describe('relay hints', () => {
  it('keep a card in one slot of its sheet, among a fixed number', () => {
    const key = relayKey('digest==');
    expect(isRelayKey(key)).toBe(true);
    const slots = new Set(Array.from({ length: 500 }, (_, n) => relaySlotKey(key, id(n))));
    expect(slots.size).toBe(RELAY_SLOTS);
    expect([...slots].sort()).toEqual([...relaySlotKeys(key)].sort());
    expect(relaySlotKey(key, id(7))).toBe(relaySlotKey(key, id(7)));
  });

  it('keep a card in the same slot across versions, so its newer hint replaces the one stored before', () => {
    const key = relayKey('digest==');
    expect([1, 2, 3, 7].map((n) => relaySlotKey(key, id(n)))).toEqual(['RELAY:digest==#13', 'RELAY:digest==#18', 'RELAY:digest==#17', 'RELAY:digest==#16']);
  });

  it('tell their keys from other keys of the shared store', () => {
    expect(isRelayKey('digest==')).toBe(false);
    expect(isRelayKey('RELAY:digest==')).toBe(true);
  });

  it('read back only two Trello ids', () => {
    const hint = { cardId: id(1), actionId: id(2) };
    expect(parseRelayHint(formatRelayHint(hint))).toEqual(hint);
    for (const text of ['', 'x:y', `${id(1)}:${id(2)}:${id(3)}`, `${id(1)}:=IMPORTXML()`, `${id(1)}0:${id(2)}`, `0${id(1)}:${id(2)}`, `${id(1)}:${id(2)}x`, `x${id(1)}:${id(2)}`]) expect(parseRelayHint(text)).toBeUndefined();
  });

  it('merge by card, the newest last, capped at the slot count', () => {
    const merged = mergeRelayHints([{ cardId: id(1), actionId: id(10) }, { cardId: id(2), actionId: id(11) }, { cardId: id(1), actionId: id(12) }]);
    expect(merged).toEqual([{ cardId: id(2), actionId: id(11) }, { cardId: id(1), actionId: id(12) }]);
    expect(mergeRelayHints(Array.from({ length: 50 }, (_, n) => ({ cardId: id(n), actionId: id(100 + n) })))).toHaveLength(RELAY_SLOTS);
  });
});
