// The emulator's state (members, keys, tokens, boards, lists, cards, labels, custom fields, webhooks) and access-checked lookups.
import type { Clock } from '../clock';
import { isTrelloId, newShortLink, ObjectIdFactory, randomHex } from './object-id';
import { trelloErrors } from './responses';
import type { TrelloAction } from './types';

/** A Trello account. */
export interface MemberRecord {
  id: string;
  username: string;
  fullName: string;
  initials: string;
  avatarHash: string;
  /** The member's workspace: every board belongs to one, as on today's Trello. */
  idOrganization: string;
}

/** An API key (an app) and the secret that signs its webhook deliveries. */
export interface ApiKeyRecord {
  key: string;
  secret: string;
  appName: string;
}

/** What a token may do: read only or read and write, until when (epoch ms; null: never expires). */
export interface TokenGrant {
  write: boolean;
  expiresAt: number | null;
}

/** A token: a member's grant to one API key. */
export interface TokenRecord extends TokenGrant {
  id: string;
  token: string;
  key: string;
  idMember: string;
  dateCreated: number;
}

/** A board and its action log (oldest first). */
export interface BoardRecord {
  id: string;
  name: string;
  desc: string;
  closed: boolean;
  shortLink: string;
  idOrganization: string;
  idMemberCreator: string;
  memberIds: string[];
  dateLastActivity: number;
  /** The idShort the next card created on (or moved to) this board gets. */
  nextIdShort: number;
  actions: TrelloAction[];
}

/** A list on a board. */
export interface ListRecord {
  id: string;
  idBoard: string;
  name: string;
  closed: boolean;
  pos: number;
}

/** A card (deleted cards are removed). */
export interface CardRecord {
  id: string;
  idBoard: string;
  idList: string;
  name: string;
  desc: string;
  closed: boolean;
  pos: number;
  idShort: number;
  shortLink: string;
  dateLastActivity: number;
  /** Labels of the card's board, in the order they were added. */
  idLabels: string[];
  /** Board members on the card, in the order they were added. */
  idMembers: string[];
  /** Epoch ms, or null when unset. */
  due: number | null;
  dueComplete: boolean;
  start: number | null;
  /** Custom field values by the custom field's id. */
  customFieldItems: Map<string, CustomFieldItemRecord>;
}

/** The colours Trello's labels (and list options) take; a label may also have none (null). */
export const LABEL_COLORS = ['green', 'yellow', 'orange', 'red', 'purple', 'blue', 'sky', 'lime', 'pink', 'black'] as const;

/** A label of a board. */
export interface LabelRecord {
  id: string;
  idBoard: string;
  name: string;
  color: string | null;
}

/** The types of Trello's custom fields. */
export const CUSTOM_FIELD_TYPES = ['checkbox', 'list', 'number', 'text', 'date'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** One option of a `list` (dropdown) custom field. */
export interface CustomFieldOption {
  id: string;
  text: string;
  color: string;
  pos: number;
}

/** A custom field defined on a board (the Custom Fields Power-Up). */
export interface CustomFieldRecord {
  id: string;
  idBoard: string;
  name: string;
  type: CustomFieldType;
  pos: number;
  cardFront: boolean;
  /** A fixed per-board hash in Trello; random here. */
  fieldGroup: string;
  options: CustomFieldOption[];
}

/** A card's value of one custom field: `value` (text, number, date, checked as strings) or, for lists, `idValue`. */
export interface CustomFieldItemRecord {
  id: string;
  idCustomField: string;
  value?: Record<string, string>;
  idValue?: string;
}

/** A webhook, owned by the token that created it. */
export interface WebhookRecord {
  id: string;
  token: string;
  idModel: string;
  callbackURL: string;
  description: string;
  active: boolean;
  consecutiveFailures: number;
  firstConsecutiveFailDate: number | null;
}

/** Where a new list or card goes: Trello's `pos` parameter. */
export type Position = 'top' | 'bottom' | number;

/** Gap Trello leaves between consecutive positions. */
const POS_STEP = 16384;

/** Everything the emulator knows, with lookups that fail the way the API does. */
export class TrelloStore {
  readonly members = new Map<string, MemberRecord>();
  readonly keys = new Map<string, ApiKeyRecord>();
  /** By the token string. */
  readonly tokens = new Map<string, TokenRecord>();
  readonly boards = new Map<string, BoardRecord>();
  readonly lists = new Map<string, ListRecord>();
  readonly cards = new Map<string, CardRecord>();
  readonly labels = new Map<string, LabelRecord>();
  readonly customFields = new Map<string, CustomFieldRecord>();
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly ids: ObjectIdFactory;

  constructor(readonly clock: Clock) {
    this.ids = new ObjectIdFactory(clock);
  }

  addMember(username: string, fullName: string): MemberRecord {
    if ([...this.members.values()].some((m) => m.username === username)) {
      throw new Error(`a member named ${username} already exists`);
    }
    const initials = fullName.split(/\s+/).filter(Boolean).map((word) => word[0].toUpperCase()).join('').slice(0, 3);
    const member: MemberRecord = {
      id: this.ids.next(),
      username,
      fullName,
      initials,
      avatarHash: randomHex(16),
      idOrganization: this.ids.next(),
    };
    this.members.set(member.id, member);
    return member;
  }

  addKey(key: string, appName: string): ApiKeyRecord {
    const existing = this.keys.get(key);
    if (existing) return existing;
    const record: ApiKeyRecord = { key, secret: randomHex(32), appName };
    this.keys.set(key, record);
    return record;
  }

  addToken(idMember: string, key: string, grant: Partial<TokenGrant> = {}): TokenRecord {
    const record: TokenRecord = {
      id: this.ids.next(),
      token: randomHex(32),
      key,
      idMember,
      dateCreated: this.clock.now(),
      write: grant.write ?? true,
      expiresAt: grant.expiresAt ?? null,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  addBoard(name: string, creator: MemberRecord): BoardRecord {
    const board: BoardRecord = {
      id: this.ids.next(),
      name,
      desc: '',
      closed: false,
      shortLink: newShortLink(),
      idOrganization: creator.idOrganization,
      idMemberCreator: creator.id,
      memberIds: [creator.id],
      dateLastActivity: this.clock.now(),
      nextIdShort: 1,
      actions: [],
    };
    this.boards.set(board.id, board);
    // A new Trello board comes with one unnamed label in each of the first six colours.
    for (const color of LABEL_COLORS.slice(0, 6)) this.addLabel(board, '', color);
    return board;
  }

  addLabel(board: BoardRecord, name: string, color: string | null): LabelRecord {
    const label: LabelRecord = { id: this.ids.next(), idBoard: board.id, name, color };
    this.labels.set(label.id, label);
    return label;
  }

  /** Labels of a board, in creation order. */
  labelsOf(idBoard: string): LabelRecord[] {
    return [...this.labels.values()].filter((l) => l.idBoard === idBoard);
  }

  addCustomField(board: BoardRecord, input: { name: string; type: CustomFieldType; pos: Position; cardFront: boolean; options: { text: string; color: string }[] }): CustomFieldRecord {
    const id = this.ids.next();
    const field: CustomFieldRecord = {
      id,
      idBoard: board.id,
      name: input.name,
      type: input.type,
      pos: positionAmong(input.pos, this.customFieldsOf(board.id)),
      cardFront: input.cardFront,
      fieldGroup: randomHex(32),
      options: input.options.map((option, index) => ({ id: this.ids.next(), text: option.text, color: option.color, pos: (index + 1) * POS_STEP })),
    };
    this.customFields.set(id, field);
    return field;
  }

  /** Custom fields of a board, by position. */
  customFieldsOf(idBoard: string): CustomFieldRecord[] {
    return [...this.customFields.values()].filter((f) => f.idBoard === idBoard).sort((a, b) => a.pos - b.pos);
  }

  /** Board members, in the order they joined. */
  membersOf(board: BoardRecord): MemberRecord[] {
    return board.memberIds.map((id) => this.memberById(id));
  }

  addList(board: BoardRecord, name: string, pos: Position, closed = false): ListRecord {
    const list: ListRecord = { id: this.ids.next(), idBoard: board.id, name, closed, pos: positionAmong(pos, this.listsOf(board.id)) };
    this.lists.set(list.id, list);
    return list;
  }

  addCard(list: ListRecord, name: string, desc: string, pos: Position): CardRecord {
    const board = this.boardById(list.idBoard);
    const card: CardRecord = {
      id: this.ids.next(),
      idBoard: board.id,
      idList: list.id,
      name,
      desc,
      closed: false,
      pos: positionAmong(pos, this.cardsIn(list.id)),
      idShort: board.nextIdShort++,
      shortLink: newShortLink(),
      dateLastActivity: this.clock.now(),
      idLabels: [],
      idMembers: [],
      due: null,
      dueComplete: false,
      start: null,
      customFieldItems: new Map(),
    };
    this.cards.set(card.id, card);
    return card;
  }

  /** Lists of a board, in board order. */
  listsOf(idBoard: string): ListRecord[] {
    return [...this.lists.values()].filter((l) => l.idBoard === idBoard).sort((a, b) => a.pos - b.pos);
  }

  /** Cards of a board, ordered by list then position, as the API returns them. */
  cardsOf(idBoard: string): CardRecord[] {
    const listOrder = new Map(this.listsOf(idBoard).map((l, index) => [l.id, index]));
    return [...this.cards.values()]
      .filter((c) => c.idBoard === idBoard)
      .sort((a, b) => (listOrder.get(a.idList) ?? 0) - (listOrder.get(b.idList) ?? 0) || a.pos - b.pos);
  }

  /** The cards of a list, in no particular order (a plain loop: an import of thousands of cards asks at every step). */
  cardsIn(idList: string): CardRecord[] {
    const found: CardRecord[] = [];
    for (const card of this.cards.values()) if (card.idList === idList) found.push(card);
    return found;
  }

  cardsInList(idList: string): CardRecord[] {
    return [...this.cards.values()].filter((c) => c.idList === idList).sort((a, b) => a.pos - b.pos);
  }

  /** Seeding lookups: the record or an Error (a mistake in a test, not an API answer). */
  boardById(id: string): BoardRecord {
    return required(this.boards.get(id), 'board', id);
  }
  listById(id: string): ListRecord {
    return required(this.lists.get(id), 'list', id);
  }
  cardById(id: string): CardRecord {
    return required(this.cards.get(id), 'card', id);
  }
  memberById(id: string): MemberRecord {
    return required(this.members.get(id), 'member', id);
  }
  labelById(id: string): LabelRecord {
    return required(this.labels.get(id), 'label', id);
  }
  customFieldById(id: string): CustomFieldRecord {
    return required(this.customFields.get(id), 'custom field', id);
  }

  /** API lookups: `invalid id` (400), not found (404) or no access (401), as Trello answers. */
  boardFor(member: MemberRecord, id: string): BoardRecord {
    const board = this.boards.get(checkedId(id));
    if (!board) throw trelloErrors.notFound();
    if (!board.memberIds.includes(member.id)) throw trelloErrors.unauthorized();
    return board;
  }
  listFor(member: MemberRecord, id: string): ListRecord {
    const list = this.lists.get(checkedId(id));
    if (!list) throw trelloErrors.notFound();
    this.boardFor(member, list.idBoard);
    return list;
  }
  cardFor(member: MemberRecord, id: string): CardRecord {
    const card = this.cards.get(checkedId(id));
    if (!card) throw trelloErrors.notFound();
    this.boardFor(member, card.idBoard);
    return card;
  }
  labelFor(member: MemberRecord, id: string): LabelRecord {
    const label = this.labels.get(checkedId(id));
    if (!label) throw trelloErrors.notFound();
    this.boardFor(member, label.idBoard);
    return label;
  }
  customFieldFor(member: MemberRecord, id: string): CustomFieldRecord {
    const field = this.customFields.get(checkedId(id));
    if (!field) throw trelloErrors.notFound();
    this.boardFor(member, field.idBoard);
    return field;
  }

  /** `me`, a member id or a username. */
  memberByRef(ref: string, self: MemberRecord): MemberRecord {
    if (ref === 'me') return self;
    const member = this.members.get(ref) ?? [...this.members.values()].find((m) => m.username === ref);
    if (!member) throw trelloErrors.notFound();
    return member;
  }

  /** Whether `member` can see the model with this id (board, list, card or the member itself). */
  canAccessModel(member: MemberRecord, idModel: string): boolean {
    if (idModel === member.id) return true;
    const idBoard = this.boards.get(idModel)?.id ?? this.lists.get(idModel)?.idBoard ?? this.cards.get(idModel)?.idBoard;
    return idBoard !== undefined && this.boardById(idBoard).memberIds.includes(member.id);
  }
}

function checkedId(id: string): string {
  if (!isTrelloId(id)) throw trelloErrors.invalidId();
  return id.toLowerCase();
}

function required<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw new Error(`no ${kind} with id ${id}`);
  return value;
}

/** The position `pos` means among `siblings` (any order): top halves the first, bottom steps past the last. */
export function positionAmong(pos: Position, siblings: readonly { pos: number }[]): number {
  if (typeof pos === 'number') return pos;
  // One pass, no sorting: a board of thousands of cards gets a card at the bottom of a list at every import step.
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < siblings.length; i++) {
    const at = siblings[i].pos;
    if (at < first) first = at;
    if (at > last) last = at;
  }
  if (last === -Infinity) return POS_STEP;
  return pos === 'top' ? first / 2 : last + POS_STEP;
}
