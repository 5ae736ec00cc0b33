// The reference model of the convergence test: every change people made on either side, with its emulated time, and
// what each synced field should end as once everything has settled.
import { LIST_OF_STATUS, type ListName } from '../default-lists';

/** A field the add-on syncs both ways. */
export type SyncedField = 'status' | 'name';

/** The status a card moved to a list brings back, unless the lead's status already maps to that list. */
const FIRST_STATUS_OF_LIST: Readonly<Record<ListName, string>> = { TODO: 'NEW', IN_PROGRESS: 'CONTACTED', DONE: 'COMPLETED' };

/** The status a lead should have once its card is in `list` (the keep-if-already-mapped rule). */
export function statusAfterMove(list: ListName, current: string): string {
  return LIST_OF_STATUS[current] === list ? current : FIRST_STATUS_OF_LIST[list];
}

/** One change a person made: a cell typed in the sheet, or a card moved, renamed or made on the board. */
interface Change {
  side: 'sheet' | 'board';
  field: SyncedField;
  /** The typed status or name; for a board move, the list's name. */
  value: string;
  at: number;
  /** Tie-break for changes made at the same emulated instant: the order they were made in. */
  sequence: number;
}

/** What a field may end as, and the newest change behind it. */
export interface ExpectedField {
  /** Every value the field may hold once quiet. */
  values: Set<string>;
  newest: Change;
}

/** Changes by side and key (lead id for the sheet, card id for the board). */
export class ReferenceModel {
  private readonly sheet = new Map<string, Change[]>();
  private readonly board = new Map<string, Change[]>();
  private sequence = 0;

  /** A person set a lead's cell (the value as typed; a status in upper case). */
  sheetChanged(leadId: string, field: SyncedField, value: string, at: number): void {
    this.add(this.sheet, leadId, { side: 'sheet', field, value, at, sequence: this.sequence++ });
  }

  /** A person moved (value: the list), renamed or made a card on the board. */
  boardChanged(cardId: string, field: SyncedField, value: string, at: number): void {
    this.add(this.board, cardId, { side: 'board', field, value, at, sequence: this.sequence++ });
  }

  /**
   * The values a field of `leadId` (linked to `cardId`) may hold once quiet: the changes of both sides applied in time
   * order, the newest standing. A board move goes through the keep-if-already-mapped rule, from the status the sheet
   * held when the add-on saw it — and a move may go unseen when the card moved on again before any run read it, so a
   * move adds to the possible statuses rather than replacing them. Undefined when nobody ever set the field.
   */
  expected(leadId: string, cardId: string, field: SyncedField): ExpectedField | undefined {
    const changes = [...(this.sheet.get(leadId) ?? []), ...(this.board.get(cardId) ?? [])]
      .filter((change) => change.field === field)
      .sort((a, b) => a.at - b.at || a.sequence - b.sequence);
    let values = new Set<string>();
    for (const change of changes) {
      values =
        field === 'status' && change.side === 'board'
          ? new Set([...values, ...Array.from(values, (status) => statusAfterMove(change.value as ListName, status)), ...(values.size ? [] : [statusAfterMove(change.value as ListName, '')])])
          : new Set([change.value]);
    }
    const newest = changes[changes.length - 1];
    return newest ? { values, newest } : undefined;
  }

  private add(changes: Map<string, Change[]>, key: string, change: Change): void {
    changes.set(key, [...(changes.get(key) ?? []), change]);
  }
}
