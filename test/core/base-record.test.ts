// sameBase: whether two base records hold the same synced state.
import { sameBase, type BaseRecord } from '../../src/core/base-record';

const RECORD: BaseRecord = {
  leadId: 'L1',
  cardId: 'c1',
  status: 'NEW',
  listId: 'list1',
  name: 'Ada',
  cardFate: '',
  rowDeleted: false,
  archivePending: false,
  syncedAt: 1_000,
  blockedFingerprint: '',
  blockedError: '',
  fields: { due: '2026-03-04', labels: 'Hot' },
};

describe('sameBase', () => {
  it('holds for records that differ only in when they were synced', () => {
    expect(sameBase(RECORD, { ...RECORD, fields: { ...RECORD.fields }, syncedAt: 2_000 })).toBe(true);
  });

  it.each<[string, Partial<BaseRecord>]>([
    ['lead id', { leadId: 'L2' }],
    ['card id', { cardId: 'c2' }],
    ['status', { status: 'WON' }],
    ['list', { listId: 'list2' }],
    ['name', { name: 'Ada Lovelace' }],
    ['card fate', { cardFate: 'archived' }],
    ['deleted row mark', { rowDeleted: true }],
    ['pending archive', { archivePending: true }],
    ['blocked content', { blockedFingerprint: 'abc' }],
    ['blocked error', { blockedError: '400 invalid value' }],
    ['value of a mapped field', { fields: { due: '2026-03-05', labels: 'Hot' } }],
    ['set of mapped fields', { fields: { due: '2026-03-04' } }],
  ])('fails when the %s differs', (_what, change) => {
    expect(sameBase(RECORD, { ...RECORD, ...change })).toBe(false);
  });
});
