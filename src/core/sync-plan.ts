// The three-way sync plan: (base, sheet, board) → the steps that bring both sides together. Pure: no effects.
import { sameBase, type BaseRecord } from './base-record';
import type { BoardCard, BoardView, MappedLists } from './board';
import { describeCard, leadIdMarkedIn } from './card-description';
import { threeWay, type ThreeWayOutcome } from './conflict';
import type { FieldEditTimes } from './edit-times';
import type { FieldMapping } from './field-mapping';
import type { CustomItemWrite, MappedCardFields, ZoneOffset } from './field-values';
import { MappedFieldsPlanner, withFields } from './mapped-fields-plan';
import { longestOf, type Lead } from './lead';
import { quote } from './quote';
import type { LeadTable } from './lead-table';
import { cardFateWords, cardGoneMessage, refusedChange, refusedTheToken, type RowProblem } from './row-problem';
import type { BlankStatusChoice } from './settings';
import { listNameForStatus, statusForList, type StatusMapping } from './status-mapping';
import { textHash } from './text-hash';
import { tooLongForTrello } from './trello-limits';

/** The status a new lead's blank status cell means (and is filled with). */
export const BLANK_STATUS_MEANS = 'NEW';

/** The flag of a new lead without a name: its card is created once it has one. */
const WAITING_FOR_NAME = 'This new lead waits for a name: type one and its Trello card is created.';

/** The flag of a blank status when the blank-status setting says to flag it. */
const BLANK_STATUS_FLAGGED = 'The status is blank: choose one. The card stays where it is until then.';

/** The flag of a blank status whose card is in a list no status maps to. */
const BLANK_STATUS_UNMAPPED_LIST = "The status is blank and the card's list has no status: choose one.";

/** The source written on a lead that was created from a card on the board. */
export const BOARD_SOURCE = 'Trello';

/** A write to Trello that one step needs. */
export type TrelloWrite =
  | { kind: 'create'; listId: string; name: string; desc: string; fields?: MappedCardFields; items?: CreatedCardItem[] }
  | { kind: 'update'; cardId: string; fields: CardFields; items?: CustomItemWrite[] };

/** A custom field item of a card being created: written once the card has its id; `field` is its key in the base. */
export type CreatedCardItem = CustomItemWrite & { field: string };

/** Card fields an update sets (only those that differ); custom field items are written apart (`items`). */
export interface CardFields extends MappedCardFields {
  idList?: string;
  name?: string;
  desc?: string;
  closed?: boolean;
}

/**
 * Cells of a lead row that a step writes, by column: a lead column, or the key of a column FIELD_MAPPING maps.
 * `trello_card_id` of a create step is filled with the new card's id.
 */
export interface CellWrites {
  status?: string;
  name?: string;
  trello_card_id?: string;
  [column: string]: string | boolean | undefined;
}

/** A row appended for a card created on the board (mapped columns may take checkbox values). */
export type NewLeadRow = Omit<Lead, 'row' | 'fields'> & { fields?: Record<string, string | boolean> };

/** Which way a logged change went. */
export type Direction = 'sheet → Trello' | 'Trello → sheet' | 'conflict' | 'info';

/** One line for the Sync Log. */
export interface LogLine {
  direction: Direction;
  leadId: string;
  message: string;
}

/** Everything one lead needs in this run; applied whole or not at all. */
export interface LeadStep {
  leadId: string;
  /** Sheet row of the lead; null when the step appends a row. */
  row: number | null;
  /** Row content this step acts on (a refused Trello write blocks retries until it changes). */
  fingerprint: string;
  trello?: TrelloWrite;
  cells?: CellWrites;
  append?: NewLeadRow;
  /** The base once the step has succeeded (a create step's card id is added by whoever applies it). */
  nextBase: BaseRecord;
  /** Log lines written once the step has succeeded. */
  log: LogLine[];
}

/** The plan of one run. */
export interface SyncPlan {
  steps: LeadStep[];
  /** Rows to flag: bad rows, cards gone from the board, changes Trello refused. */
  problems: RowProblem[];
  /**
   * Cards in a conflict that the sheet won only because the board's change time was not read (the step that made the
   * change was deferred past the actions cursor, or the card was read without its actions): read their own actions
   * and plan again.
   */
  untimedConflictCards: string[];
}

/** What the plan is computed from. */
export interface PlanInput {
  table: LeadTable;
  /** Base records by lead id. */
  base: ReadonlyMap<string, BaseRecord>;
  board: BoardView;
  lists: MappedLists;
  mapping: StatusMapping;
  /** When a person last edited each synced field of each lead (epoch ms), as the edit trigger recorded it. */
  sheetEditTimes: ReadonlyMap<string, FieldEditTimes>;
  /**
   * What a partial run is about: leads by id and cards by id (a card in scope that no lead is linked to may be
   * imported). Undefined for a full run, which also handles deleted rows and every card made on the board.
   */
  scope?: PlanScope;
  options: { importBoardCards: boolean; archiveCardOnRowDelete: boolean; blankStatus: BlankStatusChoice };
  /** FIELD_MAPPING; undefined for today's behaviour (DEFAULT_FIELD_MAPPING). */
  fieldMapping?: FieldMapping;
  /** The spreadsheet time zone's offset (for date fields; UTC when not given). */
  offsetAt?: ZoneOffset;
  /** The text each date field's cell showed (by lead id and field), kept in the base so an unchanged cell is not read again. */
  shownDates?: ReadonlyMap<string, Record<string, string>>;
  /**
   * True when the stored base is empty (never written, or its tab was deleted): linked leads are compared as
   * docs/how-sync-works.md says for a lost base, and a card carrying the marker of a lead that is not in the sheet is
   * remembered as a deleted row, never imported.
   */
  baseMissing?: boolean;
  now: number;
}

/** The leads and cards a partial run is about. */
export interface PlanScope {
  leadIds: ReadonlySet<string>;
  cardIds: ReadonlySet<string>;
}

/** A lead's fingerprint, computed on first use. */
type Fingerprint = () => string;

/** The content of a lead row that a refused change is pinned to (a short hash: the base stores it in one cell). */
export function leadFingerprint(lead: Lead): string {
  return textHash([lead.status, lead.name, lead.email, lead.source, lead.cardId, ...Object.values(lead.fields ?? {})].join('\u0001'));
}

/** The card name for a lead: its name, or its id when the name is blank. */
export function cardNameFor(lead: Pick<Lead, 'id' | 'name'>): string {
  return lead.name || lead.id;
}

function freshBase(leadId: string, now: number): BaseRecord {
  return {
    leadId,
    cardId: '',
    status: '',
    // Stryker disable next-line StringLiteral: only compared with a card's list id, which is never blank nor this text
    listId: '',
    name: '',
    cardFate: '',
    rowDeleted: false,
    archivePending: false,
    syncedAt: now,
    blockedFingerprint: '',
    blockedError: '',
  };
}


/** Computes the steps of one run. */
export function planSync(input: PlanInput): SyncPlan {
  const planner = new Planner(input);
  return planner.plan();
}

class Planner {
  private readonly steps: LeadStep[] = [];
  private readonly problems: RowProblem[];
  private readonly untimedConflictCards = new Set<string>();
  /** Open cards carrying each lead's marker. */
  private readonly cardsByMarker = new Map<string, BoardCard[]>();
  /** Card ids the base links to a lead. */
  private readonly baseCardOwners = new Map<string, string>();
  /** Base records made up for linked leads while the base is missing (written even when nothing else changes). */
  private readonly rebuilt = new Set<BaseRecord>();
  private readonly mapped: MappedFieldsPlanner;

  constructor(private readonly input: PlanInput) {
    this.problems = [...input.table.problems];
    this.mapped = new MappedFieldsPlanner(
      input,
      (lead, column, message) => this.flag(lead, column, message),
      (card, outcome) => this.noteUntimed(card, outcome),
    );
    for (const card of input.board.cards.values()) {
      const marker = leadIdMarkedIn(card.desc);
      if (marker) this.cardsByMarker.set(marker, [...(this.cardsByMarker.get(marker) ?? []), card]);
    }
    for (const record of input.base.values()) {
      if (record.cardId) this.baseCardOwners.set(record.cardId, record.leadId);
    }
  }

  plan(): SyncPlan {
    const { table, scope } = this.input;
    for (const lead of table.leads) {
      if (!scope || scope.leadIds.has(lead.id) || scope.cardIds.has(lead.cardId)) this.planLead(lead);
    }
    if (!scope && this.input.board.complete) this.planDeletedRows();
    if (this.input.options.importBoardCards && (scope || this.input.board.complete)) this.planBoardCards();
    return { steps: this.steps, problems: this.problems, untimedConflictCards: Array.from(this.untimedConflictCards) };
  }

  private planLead(lead: Lead): void {
    // Hashed only when needed (a blocked lead, a step to record): a quiet run hashes no lead.
    let hashed: string | undefined;
    const fingerprint: Fingerprint = () => (hashed ??= leadFingerprint(lead));
    const base = this.input.base.get(lead.id);
    if (base?.blockedFingerprint && base.blockedFingerprint === fingerprint() && !refusedTheToken(base.blockedError)) {
      const refusal = refusedChange(base.blockedError, lead);
      this.flag(lead, refusal.column, refusal.message);
      return;
    }
    const status = lead.status || this.blankStatus(lead, fingerprint, base);
    if (status === undefined) return;
    // Stryker disable next-line StringLiteral: a status with no list must find none, and no list is named this text
    const listId = this.input.lists.idByName.get(listNameForStatus(this.input.mapping, status) ?? '');
    if (!listId) {
      this.flag(lead, 'status', `The Trello list for status ${status} is missing on the board.`);
      return;
    }
    const nameTooLong = tooLongForTrello('name', cardNameFor(lead));
    const descTooLong = tooLongForTrello('description', describeCard('', lead.id, this.mapped.lines(lead)));
    if (nameTooLong || descTooLong) {
      this.flag(lead, nameTooLong ? 'name' : longestOf(lead, ['id', 'email', 'source']), nameTooLong ?? descTooLong ?? '');
      return;
    }
    const filled: Lead = { ...lead, status };
    const cells: CellWrites = lead.status ? {} : { status };
    if (lead.cardId) this.planLinkedLead(filled, listId, cells, fingerprint, base);
    else this.planUnlinkedLead(filled, listId, cells, fingerprint, base);
  }

  /**
   * What a blank status stands for: NEW for a new lead (its card is created in NEW's list); for a lead with a card, as
   * the blank-status setting says — the status of the card's list (the card stays where it is), or a flag. Undefined
   * when the row is flagged or its card is not open (then the card's fate is handled).
   */
  private blankStatus(lead: Lead, fingerprint: Fingerprint, base?: BaseRecord): string | undefined {
    if (!lead.cardId) return BLANK_STATUS_MEANS;
    if (this.input.options.blankStatus === 'FLAG') {
      this.flag(lead, 'status', BLANK_STATUS_FLAGGED);
      return undefined;
    }
    const card = this.input.board.cards.get(lead.cardId);
    if (!card) {
      // Stryker disable next-line StringLiteral: the card is not open, so the list id is never used
      this.planLinkedLead(lead, '', {}, fingerprint, base);
      return undefined;
    }
    const listName = this.input.lists.nameById.get(card.idList);
    // Stryker disable next-line StringLiteral: no status is this text, so the list's first status is taken either way
    const known = base?.cardId === card.id ? base.status : '';
    const status = listName ? statusForList(this.input.mapping, listName, known) : undefined;
    if (!status) this.flag(lead, 'status', BLANK_STATUS_UNMAPPED_LIST);
    return status;
  }

  private planUnlinkedLead(lead: Lead, listId: string, cells: CellWrites, fingerprint: Fingerprint, base?: BaseRecord): void {
    // An earlier run may have made the card and died before writing its id back, or a person cleared the id cell.
    const remembered = base?.cardId ? this.input.board.cards.get(base.cardId) : undefined;
    const candidates = [...(remembered ? [remembered] : []), ...(this.cardsByMarker.get(lead.id) ?? [])];
    const adoptable = candidates.find((card) => this.isFreeFor(card.id, lead.id) && !this.isCopy(card));
    if (adoptable) {
      const known = adoptable.id === base?.cardId ? base : this.unknownHistory(lead, adoptable);
      this.planOpenCard({ ...lead, cardId: adoptable.id }, adoptable, listId, { ...cells, trello_card_id: adoptable.id }, fingerprint, known, [
        { direction: 'info', leadId: lead.id, message: `Linked to the existing card ${quote(adoptable.name)} of this lead.` },
      ]);
      return;
    }
    if (!this.input.board.complete) return; // adoption needs every open card: a full run creates the card
    // A card named after the id alone would be renamed a moment later: the row waits until it has a name.
    if (!lead.name) {
      this.flag(lead, 'name', WAITING_FOR_NAME);
      return;
    }
    const name = cardNameFor(lead);
    const mapped = this.mapped.forNewCard(lead);
    this.steps.push({
      leadId: lead.id,
      row: lead.row,
      fingerprint: fingerprint(),
      trello: {
        kind: 'create',
        listId,
        name,
        desc: describeCard('', lead.id, this.mapped.lines(lead)),
        ...(Object.keys(mapped.card).length ? { fields: mapped.card } : {}),
        ...(mapped.items.length ? { items: mapped.items } : {}),
      },
      cells: { ...cells, trello_card_id: '' },
      nextBase: withFields({ ...freshBase(lead.id, this.input.now), status: lead.status, listId, name }, mapped.base),
      log: [{ direction: 'sheet → Trello', leadId: lead.id, message: `Created a card in ${this.listName(listId)}.` }],
    });
  }

  /** A card is free for a lead when no other lead, in the sheet or the base, is linked to it. */
  private isFreeFor(cardId: string, leadId: string): boolean {
    if (this.input.table.presentCardIds.has(cardId)) return false;
    const owner = this.baseCardOwners.get(cardId);
    return owner === undefined || owner === leadId;
  }

  /** True when another open card with the same lead marker is linked to a lead: this one is a copy of it. */
  private isCopy(card: BoardCard): boolean {
    const marker = leadIdMarkedIn(card.desc);
    // Stryker disable next-line ArrayDeclaration: a text has no id, so it never counts as a linked twin
    const twins = marker ? (this.cardsByMarker.get(marker) ?? []) : [];
    return twins.some((twin) => twin.id !== card.id && (this.input.table.presentCardIds.has(twin.id) || this.baseCardOwners.has(twin.id)));
  }

  /**
   * The base of a linked lead whose base record is lost: each side counts as changed only where there is evidence — an
   * edit time recorded by the edit trigger for the sheet, a board action since the stored cursor for the card — and
   * with no evidence either way the sheet's value stands.
   */
  private rebuiltBase(lead: Lead, card: BoardCard): BaseRecord {
    const sheetTimes = this.input.sheetEditTimes.get(lead.id);
    const boardTimes = this.input.board.changeTimes.get(card.id);
    const boardRenamed = boardTimes?.name !== undefined;
    // '' differs from any real value: the side it stands for counts as changed.
    const record: BaseRecord = {
      ...freshBase(lead.id, this.input.now),
      cardId: card.id,
      // Stryker disable next-line StringLiteral: a recorded status edit counts the sheet as changed whatever the base holds
      status: sheetTimes?.status !== undefined ? '' : lead.status,
      // Stryker disable next-line StringLiteral: no card's list id is this text, so the board counts as moved either way
      listId: boardTimes?.list !== undefined ? '' : card.idList,
      name: boardRenamed ? (sheetTimes?.name !== undefined ? '' : cardNameFor(lead)) : card.name,
    };
    this.rebuilt.add(record);
    return record;
  }

  /**
   * The base of a card adopted with no record of it (its run died before writing the id back, or the id cell was
   * cleared): what it was made with is unknown, so where the card and the row differ both sides count as changed and
   * the conflict rule decides, and logs it.
   */
  private unknownHistory(lead: Lead, card: BoardCard): BaseRecord {
    // '' differs from any real value: both sides count as changed.
    const record: BaseRecord = { ...freshBase(lead.id, this.input.now), cardId: card.id };
    this.rebuilt.add(record);
    return record;
  }

  private planLinkedLead(lead: Lead, listId: string, cells: CellWrites, fingerprint: Fingerprint, base?: BaseRecord): void {
    const known = base && base.cardId === lead.cardId ? base : undefined;
    const card = this.input.board.cards.get(lead.cardId);
    if (card) {
      this.planOpenCard(lead, card, listId, cells, fingerprint, known ?? (this.input.baseMissing ? this.rebuiltBase(lead, card) : undefined), []);
      return;
    }
    const fate = this.input.board.fates.get(lead.cardId) ?? (known?.cardFate || undefined);
    if (!fate) return; // not read in this run
    this.flag(lead, 'trello_card_id', cardGoneMessage(fate));
    if (known?.cardFate === fate) return;
    const nextBase: BaseRecord = { ...(known ?? { ...freshBase(lead.id, this.input.now), status: lead.status, name: cardNameFor(lead) }), cardId: lead.cardId, cardFate: fate, syncedAt: this.input.now };
    this.steps.push({
      leadId: lead.id,
      row: lead.row,
      fingerprint: fingerprint(),
      cells: Object.keys(cells).length ? cells : undefined,
      nextBase,
      log: [{ direction: 'Trello → sheet', leadId: lead.id, message: `The card ${cardFateWords(fate)}; the row is kept and marked.` }],
    });
  }

  private planOpenCard(lead: Lead, card: BoardCard, wantedListId: string, cells: CellWrites, fingerprint: Fingerprint, known: BaseRecord | undefined, log: LogLine[]): void {
    const fields: CardFields = {};
    const placement = this.resolveStatus(lead, card, wantedListId, known, log);
    if (placement.move) fields.idList = wantedListId;
    if (placement.status !== lead.status) cells.status = placement.status;

    const naming = this.resolveName(lead, card, known, log);
    if (naming.pushName) fields.name = naming.name;
    if (naming.writeCell) cells.name = naming.name;

    const mapped = this.mapped.forLinkedLead(lead, card, known, log, cells);
    Object.assign(fields, mapped.card);
    const desc = describeCard(card.desc, lead.id, mapped.lines);
    if (desc !== card.desc) fields.desc = desc;

    const nextBase = withFields(
      { ...freshBase(lead.id, this.input.now), cardId: card.id, status: placement.status, listId: placement.move ? wantedListId : card.idList, name: naming.name },
      mapped.base,
    );
    const items = mapped.items.length ? { items: mapped.items } : {};
    const trello: TrelloWrite | undefined = Object.keys(fields).length || mapped.items.length ? { kind: 'update', cardId: card.id, fields, ...items } : undefined;
    const hasCells = Object.keys(cells).length > 0;
    if (!trello && !hasCells && known && !this.rebuilt.has(known) && sameBase(known, nextBase)) return;
    if (known?.cardFate) log.push({ direction: 'Trello → sheet', leadId: lead.id, message: 'The card is open on the board again; the row syncs again.' });
    this.steps.push({ leadId: lead.id, row: lead.row, fingerprint: fingerprint(), trello, cells: hasCells ? cells : undefined, nextBase, log });
  }

  /** Three-way status/list resolution: which status the lead ends with and whether the card must move. */
  private resolveStatus(lead: Lead, card: BoardCard, wantedListId: string, known: BaseRecord | undefined, log: LogLine[]): { status: string; move: boolean } {
    const boardListName = this.input.lists.nameById.get(card.idList);
    const boardStatus = boardListName ? statusForList(this.input.mapping, boardListName, lead.status) : undefined;
    const sheetEditedAt = this.input.sheetEditTimes.get(lead.id)?.status;
    const outcome = threeWay({
      // A recorded edit is a change even when it typed back the synced value (the card may have moved meanwhile).
      sheetChanged: !known || known.status !== lead.status || sheetEditedAt !== undefined,
      boardChanged: !!known && known.listId !== card.idList,
      agree: card.idList === wantedListId,
      sheetEditedAt,
      boardChangedAt: this.input.board.changeTimes.get(card.id)?.list,
    });
    this.noteUntimed(card, outcome);
    const move = outcome.keep === 'sheet' && card.idList !== wantedListId;
    if (outcome.conflict) {
      log.push({
        direction: 'conflict',
        leadId: lead.id,
        message:
          outcome.keep === 'sheet'
            ? `Status changed in the sheet (${lead.status}) and the card moved on the board; the sheet's change is newer or its time unknown, so the card goes to ${this.listName(wantedListId)}.`
            : `Status changed in the sheet (${lead.status}) and the card moved on the board to ${boardListName ?? 'another list'}; the board's change is newer and is kept.`,
      });
    } else if (move) {
      log.push({ direction: 'sheet → Trello', leadId: lead.id, message: `Moved the card to ${this.listName(wantedListId)} (status ${lead.status}).` });
    } else if (outcome.keep === 'board') {
      log.push(
        boardStatus
          ? { direction: 'Trello → sheet', leadId: lead.id, message: `The card was moved to ${boardListName}: status ${lead.status} → ${boardStatus}.` }
          : { direction: 'info', leadId: lead.id, message: 'The card was moved to a list that no status maps to; the status is kept.' },
      );
    }
    return outcome.keep === 'sheet' ? { status: lead.status, move } : { status: boardStatus ?? lead.status, move: false };
  }

  /**
   * Three-way name resolution: the name both sides end with and whether the card must be renamed. Names are compared
   * without surrounding spaces: the sheet's cells are read trimmed, while a card name may keep them.
   */
  private resolveName(lead: Lead, card: BoardCard, known: BaseRecord | undefined, log: LogLine[]): { name: string; pushName: boolean; writeCell: boolean } {
    const sheetName = cardNameFor(lead);
    const boardName = card.name.trim();
    // Left out of the mapping, the name is the card's own once the card is made; one way, its source side stands.
    if (this.mapped.nameDirection === undefined) return { name: boardName, pushName: false, writeCell: false };
    const baseName = known?.name.trim();
    const sheetEditedAt = this.input.sheetEditTimes.get(lead.id)?.name;
    const outcome: ThreeWayOutcome =
      this.mapped.nameDirection === 'both'
        ? threeWay({
            sheetChanged: baseName !== sheetName || sheetEditedAt !== undefined,
            boardChanged: baseName !== undefined && baseName !== boardName,
            agree: boardName === sheetName,
            sheetEditedAt,
            boardChangedAt: this.input.board.changeTimes.get(card.id)?.name,
          })
        : { keep: this.mapped.nameDirection === 'toTrello' || boardName === sheetName ? 'sheet' : 'board', conflict: false, boardTimeUnknown: false };
    this.noteUntimed(card, outcome);
    const pushName = outcome.keep === 'sheet' && boardName !== sheetName;
    if (outcome.conflict) {
      const kept = outcome.keep === 'sheet' ? "sheet's" : "board's";
      log.push({ direction: 'conflict', leadId: lead.id, message: `Renamed in the sheet (${quote(sheetName)}) and on the board (${quote(boardName)}); the ${kept} name is kept.` });
    } else if (pushName) {
      log.push({ direction: 'sheet → Trello', leadId: lead.id, message: `Renamed the card to ${quote(sheetName)}.` });
    } else if (outcome.keep === 'board') {
      log.push({ direction: 'Trello → sheet', leadId: lead.id, message: `The card was renamed to ${quote(boardName)}.` });
    }
    return outcome.keep === 'sheet' ? { name: sheetName, pushName, writeCell: false } : { name: boardName, pushName: false, writeCell: boardName !== sheetName };
  }

  /**
   * A row gone from the sheet: its card is left alone and the base remembers it. With the archive setting, the card is
   * archived only when the row is still gone at the next full run, so a row that was only cut and pasted back keeps it.
   */
  private planDeletedRows(): void {
    const { table, base, options, now } = this.input;
    for (const record of base.values()) {
      if ((record.rowDeleted && !record.archivePending) || table.presentIds.has(record.leadId)) continue;
      const cardLinkedElsewhere = !record.cardId || table.presentCardIds.has(record.cardId);
      const archivable = options.archiveCardOnRowDelete && !cardLinkedElsewhere && !record.cardFate;
      // Stryker disable next-line StringLiteral: a step without a row is never matched with a row's fingerprint, a hash no fixed text equals
      const step = { leadId: record.leadId, row: null, fingerprint: '' };
      if (record.rowDeleted) {
        this.steps.push({
          ...step,
          trello: archivable ? { kind: 'update', cardId: record.cardId, fields: { closed: true } } : undefined,
          nextBase: { ...record, archivePending: false, cardFate: archivable ? 'archived' : record.cardFate, syncedAt: now },
          log: archivable ? [{ direction: 'info', leadId: record.leadId, message: 'The row is still gone; its card was archived.' }] : [],
        });
        continue;
      }
      this.steps.push({
        ...step,
        nextBase: { ...record, rowDeleted: true, archivePending: archivable, syncedAt: now },
        log: cardLinkedElsewhere
          ? []
          : [
              {
                direction: 'info',
                leadId: record.leadId,
                message: archivable ? 'The row was deleted; its card is archived if the row is still gone at the next full sync.' : 'The row was deleted; its card is left on the board.',
              },
            ],
      });
    }
  }

  private planBoardCards(): void {
    const { table, base, board, lists, mapping, now } = this.input;
    const scope = this.input.scope;
    const planned = new Set<string>();
    for (const card of board.cards.values()) {
      if (scope && !scope.cardIds.has(card.id)) continue;
      const listName = lists.nameById.get(card.idList);
      if (!listName || table.presentCardIds.has(card.id) || this.baseCardOwners.has(card.id)) continue;
      // A marker names the lead the card was made for; a card without one, or a copy of a linked card, gets an id of its own.
      const marker = leadIdMarkedIn(card.desc);
      const copy = marker !== undefined && this.isCopy(card);
      const leadId = marker !== undefined && !copy ? marker : `TRELLO-${card.shortLink || card.id}`;
      if (table.presentIds.has(leadId) || base.has(leadId) || planned.has(leadId)) continue;
      planned.add(leadId);
      // Stryker disable next-line StringLiteral: no status is this text, so the list's first status is taken either way
      const status = statusForList(mapping, listName, '') ?? BLANK_STATUS_MEANS;
      if (marker !== undefined && !copy && this.input.baseMissing) {
        this.rememberDeletedRow(card, leadId, status);
        continue;
      }
      const imported = this.mapped.forImportedCard(card);
      const row: NewLeadRow = { id: leadId, name: card.name, email: '', status, source: BOARD_SOURCE, cardId: card.id, ...(Object.keys(imported.fields).length ? { fields: imported.fields } : {}) };
      const desc = describeCard(card.desc, leadId, this.mapped.lines(row, card));
      this.steps.push({
        leadId,
        row: null,
        // Stryker disable next-line StringLiteral: a step without a row is never matched with a row's fingerprint, a hash no fixed text equals
        fingerprint: '',
        trello: desc === card.desc ? undefined : { kind: 'update', cardId: card.id, fields: { desc } },
        append: row,
        nextBase: withFields({ ...freshBase(leadId, now), cardId: card.id, status, listId: card.idList, name: card.name }, imported.base),
        log: [{ direction: 'Trello → sheet', leadId, message: copy ? `Card ${quote(card.name)} carries the lead marker of ${quote(marker ?? '')}, whose card is another one (a copy); added as a new lead.` : `Card ${quote(card.name)} was created on the board; added as a new lead.` }],
      });
    }
  }

  /** With the base lost, a card marked for a lead that is not in the sheet is taken for a deleted row's card. */
  private rememberDeletedRow(card: BoardCard, leadId: string, status: string): void {
    this.steps.push({
      leadId,
      row: null,
      // Stryker disable next-line StringLiteral: a step without a row is never matched with a row's fingerprint, a hash no fixed text equals
      fingerprint: '',
      nextBase: { ...freshBase(leadId, this.input.now), cardId: card.id, status, listId: card.idList, name: card.name, rowDeleted: true },
      log: [{ direction: 'info', leadId, message: `Card ${quote(card.name)} belongs to a lead that is not in the sheet (the sync base was lost); taken for a deleted row and left on the board.` }],
    });
  }

  private noteUntimed(card: BoardCard, outcome: ThreeWayOutcome): void {
    if (outcome.boardTimeUnknown) this.untimedConflictCards.add(card.id);
  }

  private flag(lead: Lead, column: RowProblem['column'], message: string): void {
    this.problems.push({ row: lead.row, column, leadId: lead.id, message });
  }

  private listName(listId: string): string {
    return this.input.lists.nameById.get(listId) ?? listId;
  }
}
