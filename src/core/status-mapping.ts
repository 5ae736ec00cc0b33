// Which Trello list each lead status goes to, and which status a list brings back.

/** Ordered pairs status → list name; the first status of a list is the one a card moved there brings back. */
export type StatusMapping = ReadonlyArray<readonly [status: string, listName: string]>;

/** The product's default mapping (docs/sheet-layout.md, Status and list). */
export const DEFAULT_STATUS_MAPPING: StatusMapping = [
  ['NEW', 'TODO'],
  ['CONTACTED', 'IN_PROGRESS'],
  ['QUALIFIED', 'IN_PROGRESS'],
  ['COMPLETED', 'DONE'],
  ['LOST', 'DONE'],
];

/** Normalises a status as typed into a cell: trimmed, upper case. */
export function canonicalStatus(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The list names the mapping uses, in first-use order. */
export function mappedListNames(mapping: StatusMapping): string[] {
  return Array.from(new Set(mapping.map(([, list]) => list)));
}

/** True when the status is one the mapping knows. */
export function isKnownStatus(mapping: StatusMapping, status: string): boolean {
  return mapping.some(([known]) => known === status);
}

/** The list name a status maps to, or undefined for an unknown status. */
export function listNameForStatus(mapping: StatusMapping, status: string): string | undefined {
  return mapping.find(([known]) => known === status)?.[1];
}

/**
 * The status a lead should have once its card is in `listName`: its current status when that already maps to the
 * list (so QUALIFIED and LOST survive a move), else the list's first status; undefined for an unmapped list.
 */
export function statusForList(mapping: StatusMapping, listName: string, currentStatus: string): string | undefined {
  if (listNameForStatus(mapping, currentStatus) === listName) return currentStatus;
  return mapping.find(([, list]) => list === listName)?.[0];
}

/**
 * Reads a mapping from its stored JSON form (`{"NEW":"TODO",…}`, key order kept). Throws a readable error when the
 * text is not such an object.
 */
export function parseStatusMapping(json: string): StatusMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('The status mapping is not valid JSON; expected e.g. {"NEW":"TODO"}.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('The status mapping must be an object of status → list name, e.g. {"NEW":"TODO"}.');
  }
  const pairs = Object.entries(parsed as Record<string, unknown>).map(([status, list]): [string, string] => {
    if (typeof list !== 'string' || list.trim() === '' || canonicalStatus(status) === '') {
      throw new Error(`The status mapping entry "${status}" must name a list.`);
    }
    return [canonicalStatus(status), list.trim()];
  });
  if (pairs.length === 0) throw new Error('The status mapping is empty.');
  return pairs;
}

/** The stored JSON form of a mapping. */
export function formatStatusMapping(mapping: StatusMapping): string {
  const object: Record<string, string> = {};
  for (const [status, list] of mapping) object[status] = list;
  return JSON.stringify(object);
}
