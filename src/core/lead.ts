// A lead as the sheet holds it, and the columns that hold it.

/** The columns the add-on reads and writes, by their header text (matched case-insensitively). */
export const LEAD_COLUMNS = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'] as const;

/** One of the lead columns. */
export type LeadColumn = (typeof LEAD_COLUMNS)[number];

/** A valid lead row: its identity is `id`, never its row number. */
export interface Lead {
  id: string;
  name: string;
  email: string;
  /** Canonical status (upper case), or '' when the cell is blank. */
  status: string;
  source: string;
  /** '' until the lead is linked to a card. */
  cardId: string;
  /** 1-based sheet row where the lead was read (only to address writes in the same run). */
  row: number;
  /** Texts of the other columns FIELD_MAPPING maps, by column key (lower-case header); absent when it maps none. */
  fields?: Record<string, string>;
}

/** The column of `lead` among `columns` with the longest value (the one to shorten). */
export function longestOf<C extends 'id' | 'email' | 'source'>(lead: Pick<Lead, C>, columns: C[]): C {
  return columns.reduce((longest, column) => (lead[column].length > lead[longest].length ? column : longest));
}
