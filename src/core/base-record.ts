// The last state both sides agreed on for one lead: the "base" of the three-way comparison.

/** Why a linked card is no longer an open card of the board. */
export type CardFate = 'archived' | 'deleted' | 'moved';

/** What the add-on last synced for one lead (or remembers of a deleted row). */
export interface BaseRecord {
  leadId: string;
  /** '' when the lead has no card yet. */
  cardId: string;
  /** Status in the sheet at the last sync. */
  status: string;
  /** Trello list of the card at the last sync. */
  listId: string;
  /** Card name at the last sync (the lead's name, or its id when the name is blank). */
  name: string;
  /** '' while the card is open; otherwise what became of it (the row is marked, no new card is made). */
  cardFate: '' | CardFate;
  /** The row is gone from the sheet; the card is remembered so it is never imported as a new lead. */
  rowDeleted: boolean;
  /** The row was gone at the last full run and the archive setting is on: archive the card if it is still gone. */
  archivePending: boolean;
  /** Epoch ms of the last sync of this record. */
  syncedAt: number;
  /** Trello refused a change for this row content (4xx): it is not retried until the row changes. */
  blockedFingerprint: string;
  /** Trello's answer to that refused change. */
  blockedError: string;
  /**
   * The last synced value of each field FIELD_MAPPING syncs both ways (the name aside, which has its own), by field
   * key; absent while none is mapped.
   */
  fields?: Record<string, string>;
}

/** True when two records of mapped field values hold the same values. */
function sameFields(a: Record<string, string> = {}, b: Record<string, string> = {}): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** True when two records hold the same synced state (the time of syncing aside). */
export function sameBase(a: BaseRecord, b: BaseRecord): boolean {
  return (
    a.leadId === b.leadId &&
    a.cardId === b.cardId &&
    a.status === b.status &&
    a.listId === b.listId &&
    a.name === b.name &&
    a.cardFate === b.cardFate &&
    a.rowDeleted === b.rowDeleted &&
    a.archivePending === b.archivePending &&
    a.blockedFingerprint === b.blockedFingerprint &&
    a.blockedError === b.blockedError &&
    sameFields(a.fields, b.fields)
  );
}
