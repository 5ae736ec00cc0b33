import { canonicalStatus, DEFAULT_STATUS_MAPPING, formatStatusMapping, parseStatusMapping, statusForList } from '../../src/core/status-mapping';

describe('status mapping', () => {
  it('brings back the first status of a list unless the current status already maps there', () => {
    expect(statusForList(DEFAULT_STATUS_MAPPING, 'IN_PROGRESS', 'NEW')).toBe('CONTACTED');
    expect(statusForList(DEFAULT_STATUS_MAPPING, 'IN_PROGRESS', 'QUALIFIED')).toBe('QUALIFIED');
    expect(statusForList(DEFAULT_STATUS_MAPPING, 'DONE', 'LOST')).toBe('LOST');
    expect(statusForList(DEFAULT_STATUS_MAPPING, 'DONE', 'QUALIFIED')).toBe('COMPLETED');
    expect(statusForList(DEFAULT_STATUS_MAPPING, 'BACKLOG', 'NEW')).toBeUndefined();
  });

  it('round-trips its stored form and refuses bad input with a readable message', () => {
    expect(parseStatusMapping(formatStatusMapping(DEFAULT_STATUS_MAPPING))).toEqual(DEFAULT_STATUS_MAPPING);
    expect(parseStatusMapping('{"new":" TODO "}')).toEqual([['NEW', 'TODO']]);
    expect(() => parseStatusMapping('{')).toThrow('not valid JSON');
    expect(() => parseStatusMapping('[]')).toThrow('must be an object');
    expect(() => parseStatusMapping('{"NEW":""}')).toThrow('"NEW" must name a list');
    expect(() => parseStatusMapping('{}')).toThrow('empty');
  });

  it('reads statuses trimmed and upper-cased', () => {
    expect(canonicalStatus('  qualified ')).toBe('QUALIFIED');
    expect(parseStatusMapping('{" new ":"TODO"}')).toEqual([['NEW', 'TODO']]);
  });

  it('refuses stored text that is JSON but not an object', () => {
    expect(() => parseStatusMapping('null')).toThrow('must be an object');
    expect(() => parseStatusMapping('5')).toThrow('must be an object');
    expect(() => parseStatusMapping('"NEW"')).toThrow('must be an object');
  });

  it('refuses an entry whose list is not text or is blank, or whose status is blank', () => {
    expect(() => parseStatusMapping('{"NEW":5}')).toThrow('"NEW" must name a list');
    expect(() => parseStatusMapping('{"NEW":"   "}')).toThrow('"NEW" must name a list');
    expect(() => parseStatusMapping('{" ":"TODO"}')).toThrow('" " must name a list');
  });
});
