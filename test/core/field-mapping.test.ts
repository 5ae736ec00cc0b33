import { boardWatchedFields, DEFAULT_FIELD_MAPPING, FieldMappingError, fieldReadsOf, parseFieldMapping, unmatchedColumns, unmatchedColumnsMessage } from '../../src/core/field-mapping';

const parse = (value: unknown) => parseFieldMapping(JSON.stringify(value));

describe('FIELD_MAPPING', () => {
  it('is today’s behaviour when written out as the default: name both ways, email and source one way into the description', () => {
    expect(
      parse([
        { column: 'name', field: 'name', direction: 'both' },
        { column: 'email', field: 'desc:Email', direction: 'toTrello' },
        { column: 'source', field: 'desc:Source', direction: 'toTrello' },
      ]),
    ).toEqual(DEFAULT_FIELD_MAPPING);
  });

  it('reads every field kind with its label', () => {
    const mapping = parse([
      { column: 'Follow up', field: 'due', direction: 'both' },
      { column: 'Done?', field: 'dueComplete', direction: 'toSheet' },
      { column: 'Tags', field: 'labels', direction: 'both' },
      { column: 'Owner', field: 'members', direction: 'toTrello' },
      { column: 'Deal value', field: 'custom:Deal value', direction: 'both' },
      { column: 'Phone', field: 'desc: Phone ', direction: 'both' },
    ]);
    expect(mapping.map((entry) => [entry.kind, entry.label, entry.field])).toEqual([
      ['due', '', 'due'],
      ['dueComplete', '', 'dueComplete'],
      ['labels', '', 'labels'],
      ['members', '', 'members'],
      ['custom', 'Deal value', 'custom:Deal value'],
      ['desc', 'Phone', 'desc:Phone'],
    ]);
  });

  it('reads "createMissing" on a labels entry, and leaves it out where it is not given', () => {
    const [tags, due] = parse([
      { column: 'Tags', field: 'labels', direction: 'toTrello', createMissing: true },
      { column: 'Follow up', field: 'due', direction: 'both' },
    ]);
    expect(tags.createMissing).toBe(true);
    expect(due).not.toHaveProperty('createMissing');
    expect(parse([{ column: 'Tags', field: 'labels', direction: 'both', createMissing: false }])[0].createMissing).toBe(false);
  });

  it.each([
    ['createMissing on another field', '[{"column":"a","field":"members","direction":"both","createMissing":true}]', /"createMissing" applies to the field labels only, not "members"/],
    ['createMissing as text', '[{"column":"a","field":"labels","direction":"both","createMissing":"yes"}]', /"createMissing" must be true or false, without quotes/],
    ['createMissing one way to the sheet', '[{"column":"a","field":"labels","direction":"toSheet","createMissing":true}]', /"createMissing" needs the direction both or toTrello/],
    ['not JSON', '[{', /not valid JSON/],
    ['not an array', '{"column":"a"}', /must be a JSON array/],
    ['no column', '[{"field":"due","direction":"both"}]', /Entry 1 of FIELD_MAPPING has no "column"/],
    ['an unknown field', '[{"column":"a","field":"priority","direction":"both"}]', /unknown field "priority": use name, desc:<Label>, due/],
    ['an empty custom name', '[{"column":"a","field":"custom:","direction":"both"}]', /unknown field "custom:"/],
    ['a bad direction', '[{"column":"a","field":"due","direction":"sideways"}]', /direction "sideways": use both, toTrello or toSheet/],
    ['no direction', '[{"column":"a","field":"due"}]', /direction "": use both/],
    ['a field twice', '[{"column":"a","field":"due","direction":"both"},{"column":"b","field":"due","direction":"toSheet"}]', /maps the field "due" twice/],
    ['a column twice', '[{"column":"a","field":"due","direction":"both"},{"column":"A ","field":"labels","direction":"both"}]', /maps the column "A" twice/],
    ['the status column', '[{"column":"Status","field":"labels","direction":"both"}]', /sync's own/],
    ['the name from another column', '[{"column":"Title","field":"name","direction":"both"}]', /comes from the column "name"/],
    ['the marker as a line', '[{"column":"x","field":"desc:Lead ID","direction":"both"}]', /cannot label a description line/],
    ['an entry that is a number', '[5]', /Entry 1 of FIELD_MAPPING is not an object like/],
    ['an entry that is null', '[null]', /Entry 1 of FIELD_MAPPING is not an object like/],
    ['an entry that is a list', '[["a","due","both"]]', /Entry 1 of FIELD_MAPPING is not an object like/],
    ['a column that is a number', '[{"column":5,"field":"due","direction":"both"}]', /has no "column"/],
    ['a field that is a number', '[{"column":"a","field":5,"direction":"both"}]', /has no "field" for the column "a"/],
    ['an empty description label', '[{"column":"a","field":"desc:   ","direction":"both"}]', /unknown field "desc:"/],
    ['no field', '[{"column":"a","direction":"both"}]', /has no "field" for the column "a"/],
    ['a direction that is a number', '[{"column":"a","field":"due","direction":1}]', /direction "": use both/],
    ['a field with text before its prefix', '[{"column":"a","field":"xdesc:Phone","direction":"both"}]', /unknown field "xdesc:Phone"/],
  ])('refuses %s with a message that says what to fix', (_, text, message) => {
    expect(() => parseFieldMapping(text)).toThrow(FieldMappingError);
    expect(() => parseFieldMapping(text)).toThrow(expect.objectContaining({ name: 'FieldMappingError', message: expect.stringMatching(message) }));
  });

  it('names the mapped columns the sheet lacks (headers matched case-insensitively)', () => {
    const mapping = parse([
      { column: 'Follow up', field: 'due', direction: 'both' },
      { column: 'Tags', field: 'labels', direction: 'both' },
    ]);
    expect(unmatchedColumns(mapping, ['id', ' follow UP '])).toEqual(['Tags']);
    expect(unmatchedColumnsMessage('Leads', ['Tags'])).toBe('FIELD_MAPPING names the column "Tags", which the sheet "Leads" does not have. Add the header in row 1 or change the mapping.');
    expect(unmatchedColumnsMessage('Leads', ['Tags', 'Phone'])).toBe('FIELD_MAPPING names the columns "Tags", "Phone", which the sheet "Leads" does not have. Add the header in row 1 or change the mapping.');
  });

  it('reads a direction with spaces around it', () => {
    expect(parse([{ column: 'Done', field: 'dueComplete', direction: ' toSheet ' }])[0].direction).toBe('toSheet');
  });

  it('maps two custom fields whose names differ only in ways lower case keeps apart (ß and ss)', () => {
    const mapping = parse([
      { column: 'Street', field: 'custom:Straße', direction: 'both' },
      { column: 'Street 2', field: 'custom:Strasse', direction: 'both' },
    ]);
    expect(mapping.map((item) => item.label)).toEqual(['Straße', 'Strasse']);
  });

  it('takes a colon in a custom field’s name, which Trello allows (only description labels refuse one)', () => {
    expect(parse([{ column: 'Deal', field: 'custom:Deal: value', direction: 'both' }])[0]).toMatchObject({ kind: 'custom', label: 'Deal: value' });
  });

  it('watches the board changes the mapping brings to the sheet: any description line as "desc", fields by lower-case key', () => {
    const mapping = parse([
      { column: 'name', field: 'name', direction: 'both' },
      { column: 'Phone', field: 'desc:Phone', direction: 'both' },
      { column: 'Done', field: 'dueComplete', direction: 'toSheet' },
      { column: 'Deal', field: 'custom:Deal', direction: 'both' },
      { column: 'Tags', field: 'labels', direction: 'toTrello' },
    ]);
    expect(boardWatchedFields(mapping)).toEqual(new Set(['desc', 'duecomplete', 'custom:deal']));
    expect(boardWatchedFields(undefined)).toEqual(new Set());
  });

  it('asks the board read for what the mapping maps, and nothing more when it maps only the name and description lines to Trello', () => {
    expect(fieldReadsOf(undefined)).toBeUndefined();
    expect(fieldReadsOf(DEFAULT_FIELD_MAPPING)).toBeUndefined();
    expect(fieldReadsOf(parse([{ column: 'Phone', field: 'desc:Phone', direction: 'both' }]))).toEqual({ items: false, boardFields: false });
    expect(fieldReadsOf(parse([{ column: 'Follow up', field: 'due', direction: 'toSheet' }]))).toEqual({ items: false, boardFields: false });
    expect(fieldReadsOf(parse([{ column: 'Done', field: 'dueComplete', direction: 'both' }]))).toEqual({ items: false, boardFields: false });
    expect(fieldReadsOf(parse([{ column: 'Tags', field: 'labels', direction: 'both' }]))).toEqual({ items: false, boardFields: true });
    expect(fieldReadsOf(parse([{ column: 'Who', field: 'members', direction: 'both' }]))).toEqual({ items: false, boardFields: true });
    expect(fieldReadsOf(parse([{ column: 'Deal', field: 'custom:Deal', direction: 'both' }]))).toEqual({ items: true, boardFields: true });
  });
});
