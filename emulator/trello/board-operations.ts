// The changes people and API clients make to boards: each updates the store and records Trello's actions for it.
import {
  type ActionDraft,
  type CardField,
  type CardFieldValue,
  createCardAction,
  createListAction,
  deleteCardAction,
  type ListField,
  moveCardFromBoardAction,
  moveCardToBoardAction,
  updateCardAction,
  updateListAction,
} from './action-data';
import { FieldOperations } from './field-operations';
import { type BoardRecord, type CardRecord, type ListRecord, type MemberRecord, type Position, positionAmong, type TrelloStore } from './trello-store';

/** Where an action goes once drafted: the board's log and its webhooks. */
export type ActionSink = (board: BoardRecord, actor: MemberRecord, draft: ActionDraft) => void;

/** Fields of `PUT /1/cards/{id}` the emulator applies. */
export interface CardChanges {
  name?: string;
  desc?: string;
  closed?: boolean;
  idList?: string;
  pos?: Position;
  /** Epoch ms, or null to clear. */
  due?: number | null;
  dueComplete?: boolean;
  start?: number | null;
  /** The card's labels from now on (ids of its board's labels). */
  idLabels?: string[];
  /** The card's members from now on (ids of its board's members). */
  idMembers?: string[];
}

/** What `POST /1/cards` sets on a new card. */
export interface NewCard extends Pick<CardChanges, 'idLabels' | 'idMembers' | 'due' | 'dueComplete' | 'start'> {
  name: string;
  desc: string;
  pos: Position;
}

/** Card fields held as epoch ms, which actions report as ISO text. */
const DATE_FIELDS: readonly CardField[] = ['due', 'start'];

/** A card field's value as actions carry it. */
function actionValue(field: CardField, value: CardFieldValue): CardFieldValue {
  return DATE_FIELDS.includes(field) && typeof value === 'number' ? new Date(value).toISOString() : value;
}

/** Fields of `PUT /1/lists/{id}` the emulator applies. */
export interface ListChanges {
  name?: string;
  closed?: boolean;
  pos?: Position;
}

/** Mutations shared by the REST routes and the "person on the board" seeding methods. */
export class BoardOperations {
  /** Labels, members and custom fields. */
  readonly fields: FieldOperations;

  constructor(
    private readonly store: TrelloStore,
    private readonly record: ActionSink,
  ) {
    this.fields = new FieldOperations(store, record);
  }

  /** A new card; labels, members and dates given at creation are part of the one `createCard` action. */
  createCard(actor: MemberRecord, list: ListRecord, input: NewCard): CardRecord {
    const board = this.store.boardById(list.idBoard);
    this.fields.checkLabels(board.id, input.idLabels ?? []);
    this.fields.checkMembers(board.id, input.idMembers ?? []);
    const card = this.store.addCard(list, input.name, input.desc, input.pos);
    Object.assign(card, {
      idLabels: input.idLabels ?? [],
      idMembers: input.idMembers ?? [],
      due: input.due ?? null,
      dueComplete: input.dueComplete ?? false,
      start: input.start ?? null,
    });
    this.record(board, actor, createCardAction(board, list, card));
    return card;
  }

  /** Applies `changes` one field at a time, one `updateCard` action per changed field (a move to a list of another board is a board move). */
  updateCard(actor: MemberRecord, card: CardRecord, changes: CardChanges): void {
    const { idList, pos } = changes;
    // Refused labels or members change nothing, not even the other fields of the request.
    this.fields.checkLabels(card.idBoard, changes.idLabels ?? []);
    this.fields.checkMembers(card.idBoard, changes.idMembers ?? []);
    const target = idList === undefined ? undefined : this.store.listById(idList);
    this.setCardField(actor, card, 'name', changes.name);
    this.setCardField(actor, card, 'desc', changes.desc);
    if (target && target.idBoard !== card.idBoard) {
      this.moveCardToBoard(actor, card, target, pos);
    } else if (target && target.id !== card.idList) {
      this.setCardField(actor, card, 'idList', target.id, () => {
        card.pos = this.cardPosition(card, pos ?? 'bottom', target.id);
      });
    } else if (pos !== undefined) {
      this.setCardField(actor, card, 'pos', this.cardPosition(card, pos, card.idList));
    }
    this.setCardField(actor, card, 'closed', changes.closed);
    this.setCardField(actor, card, 'start', changes.start);
    this.setCardField(actor, card, 'due', changes.due);
    this.setCardField(actor, card, 'dueComplete', changes.dueComplete);
    if (changes.idLabels !== undefined) this.fields.setLabels(actor, card, changes.idLabels);
    if (changes.idMembers !== undefined) this.fields.setMembers(actor, card, changes.idMembers);
  }

  /**
   * A person dragging a card to another list of its board: Trello records the list change (`old.idList`), then the
   * drop position as a second `updateCard` (`old.pos`), each delivered on its own.
   */
  dragCard(actor: MemberRecord, card: CardRecord, list: ListRecord): void {
    if (list.idBoard !== card.idBoard) return this.moveCardToBoard(actor, card, list);
    if (list.id === card.idList) return;
    this.setCardField(actor, card, 'idList', list.id);
    const dropped = this.cardPosition(card, 'bottom', list.id);
    // A drop always records a position, even where the card would land on the number it had.
    this.setCardField(actor, card, 'pos', dropped === card.pos ? dropped + 1 : dropped);
  }

  /** Moves a card to a list of another board: `moveCardFromBoard` on the source, `moveCardToBoard` on the target. */
  moveCardToBoard(actor: MemberRecord, card: CardRecord, list: ListRecord, pos: Position = 'bottom'): void {
    const source = this.store.boardById(card.idBoard);
    const target = this.store.boardById(list.idBoard);
    const listBefore = this.store.listById(card.idList);
    this.record(source, actor, moveCardFromBoardAction(source, target, listBefore, card, actor));
    // Labels and custom fields belong to the board the card leaves; members stay only if they are on the target board.
    card.idLabels = [];
    card.customFieldItems.clear();
    card.idMembers = card.idMembers.filter((id) => target.memberIds.includes(id));
    card.idBoard = target.id;
    card.idList = list.id;
    card.pos = this.cardPosition(card, pos, list.id);
    card.idShort = target.nextIdShort++;
    card.dateLastActivity = this.store.clock.now();
    this.record(target, actor, moveCardToBoardAction(source, target, list, card));
  }

  deleteCard(actor: MemberRecord, card: CardRecord): void {
    const board = this.store.boardById(card.idBoard);
    this.store.cards.delete(card.id);
    this.record(board, actor, deleteCardAction(board, this.store.listById(card.idList), card));
  }

  createList(actor: MemberRecord, board: BoardRecord, name: string, pos: Position): ListRecord {
    const list = this.store.addList(board, name, pos);
    this.record(board, actor, createListAction(board, list));
    return list;
  }

  updateList(actor: MemberRecord, list: ListRecord, changes: ListChanges): void {
    const board = this.store.boardById(list.idBoard);
    const fields: [ListField, string | boolean | number | undefined][] = [
      ['name', changes.name],
      ['pos', changes.pos === undefined ? undefined : positionAmong(changes.pos, this.store.listsOf(list.idBoard).filter((l) => l.id !== list.id))],
      ['closed', changes.closed],
    ];
    for (const [field, value] of fields) {
      if (value === undefined || list[field] === value) continue;
      const old = list[field];
      Object.assign(list, { [field]: value });
      this.record(board, actor, updateListAction(board, list, field, old));
    }
  }

  /** Where `card` goes at `pos` in list `idList`, not counting the card itself. */
  private cardPosition(card: CardRecord, pos: Position, idList: string): number {
    return positionAmong(pos, this.store.cardsInList(idList).filter((c) => c.id !== card.id));
  }

  /** Sets one card field when it changes and records its `updateCard` action; `alsoApply` runs with the change. */
  private setCardField(actor: MemberRecord, card: CardRecord, field: CardField, value: CardFieldValue | undefined, alsoApply?: () => void): void {
    if (value === undefined || card[field] === value) return;
    const old = card[field];
    const before = this.store.listById(card.idList);
    Object.assign(card, { [field]: value });
    alsoApply?.();
    card.dateLastActivity = this.store.clock.now();
    const board = this.store.boardById(card.idBoard);
    const change = { field, value: actionValue(field, card[field]), old: actionValue(field, old) };
    this.record(board, actor, updateCardAction(board, card, change, { current: this.store.listById(card.idList), before }));
  }
}
