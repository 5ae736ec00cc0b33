import { parseFieldMapping } from '../../src/core/field-mapping';
import type { Lead } from '../../src/core/lead';
import { labelsToCreate } from '../../src/core/missing-labels';
import { base as baseRecord } from './plan-fixture';

const LABELS = [
  { id: 'l1', name: 'Hot', color: 'red' },
  { id: 'l2', name: '', color: 'green' },
];

function mapping(createMissing?: boolean) {
  return parseFieldMapping(JSON.stringify([{ column: 'Tags', field: 'labels', direction: 'both', ...(createMissing === undefined ? {} : { createMissing }) }]));
}

function lead(id: string, tags: string): Lead {
  return { id, name: id, email: '', status: 'NEW', source: '', cardId: '', row: 2, fields: { tags } };
}

describe('labelsToCreate', () => {
  it('names each label the cells list and the board lacks once, in the first spelling met', () => {
    const leads = [lead('L1', 'Hot, Partner'), lead('L2', 'partner, Renewal'), lead('L3', 'hot')];
    expect(labelsToCreate(mapping(true), leads, new Map(), LABELS)).toEqual(['Partner', 'Renewal']);
  });

  it('names none without "createMissing", or when it is false', () => {
    expect(labelsToCreate(mapping(), [lead('L1', 'Partner')], new Map(), LABELS)).toEqual([]);
    expect(labelsToCreate(mapping(false), [lead('L1', 'Partner')], new Map(), LABELS)).toEqual([]);
  });

  it('reads "createMissing" on the labels entry only', () => {
    const custom = { column: 'Tags', field: 'custom:Tags', direction: 'both', kind: 'custom', label: 'Tags', createMissing: true } as const;
    expect(labelsToCreate([custom], [lead('L1', 'Partner')], new Map(), LABELS)).toEqual([]);
  });

  it('names the labels of a row whose last sync recorded no mapped fields', () => {
    const base = new Map([['L1', baseRecord('L1', 'c1', 'NEW', 'NEW', 'L1')]]);
    expect(labelsToCreate(mapping(true), [lead('L1', 'Partner')], base, LABELS)).toEqual(['Partner']);
  });

  it('skips a cell that still says what was synced last (its label was deleted on the board) and error values', () => {
    const base = new Map([['L1', baseRecord('L1', 'c1', 'NEW', 'NEW', 'L1', { fields: { labels: 'Gone, Hot' } })]]);
    expect(labelsToCreate(mapping(true), [lead('L1', 'hot, gone'), lead('L2', '#N/A')], base, LABELS)).toEqual([]);
    expect(labelsToCreate(mapping(true), [lead('L1', 'Hot, Gone, New')], base, LABELS)).toEqual(['Gone', 'New']);
  });
});
