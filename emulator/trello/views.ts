// JSON views of the stored records, in Trello's shapes, with `fields=` selection.
import { trelloErrors } from './responses';
import type {
  BoardRecord,
  CardRecord,
  CustomFieldItemRecord,
  CustomFieldRecord,
  LabelRecord,
  ListRecord,
  MemberRecord,
  TokenRecord,
  WebhookRecord,
} from './trello-store';
import type {
  JsonObject,
  TrelloBoard,
  TrelloBoardMember,
  TrelloCard,
  TrelloCustomField,
  TrelloCustomFieldItem,
  TrelloLabel,
  TrelloList,
  TrelloMember,
  TrelloMemberCreator,
  TrelloToken,
  TrelloWebhook,
} from './types';

/** Board fields returned when `fields` is not given (the OpenAPI default of `GET /boards/{id}`). */
export const BOARD_DEFAULT_FIELDS = 'name,desc,descData,closed,idOrganization,pinned,url,shortUrl,prefs,labelNames';
/** List fields returned by `GET /lists/{id}` when `fields` is not given. */
export const LIST_DEFAULT_FIELDS = 'name,closed,idBoard,pos';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** Lower-case, dash-separated card name as in card URLs (`/c/<shortLink>/<idShort>-<slug>`). */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function memberJson(member: MemberRecord, idBoards: string[]): TrelloMember {
  return {
    id: member.id,
    activityBlocked: false,
    avatarHash: member.avatarHash,
    avatarUrl: `https://trello-members.s3.amazonaws.com/${member.id}/${member.avatarHash}`,
    bio: '',
    confirmed: true,
    fullName: member.fullName,
    idBoards,
    idOrganizations: [member.idOrganization],
    initials: member.initials,
    memberType: 'normal',
    url: `https://trello.com/${member.username}`,
    username: member.username,
  };
}

/** The member summary in actions; keys as in real webhook payloads. */
export function memberCreatorJson(member: MemberRecord): TrelloMemberCreator {
  return {
    id: member.id,
    avatarHash: member.avatarHash,
    fullName: member.fullName,
    initials: member.initials,
    username: member.username,
  };
}

export function boardJson(board: BoardRecord): TrelloBoard {
  return {
    id: board.id,
    name: board.name,
    desc: board.desc,
    descData: null,
    closed: board.closed,
    dateLastActivity: iso(board.dateLastActivity),
    idMemberCreator: board.idMemberCreator,
    idOrganization: board.idOrganization,
    pinned: false,
    url: `https://trello.com/b/${board.shortLink}/${slug(board.name)}`,
    shortUrl: `https://trello.com/b/${board.shortLink}`,
    shortLink: board.shortLink,
    // As in the captured webhook envelope (test/fixtures/trello-webhook-envelope.json).
    prefs: {
      permissionLevel: 'org',
      voting: 'disabled',
      comments: 'org',
      invitations: 'members',
      selfJoin: true,
      cardCovers: true,
      cardAging: 'regular',
      calendarFeedEnabled: false,
      background: 'green',
      backgroundImage: null,
      backgroundImageScaled: null,
      backgroundTile: false,
      backgroundBrightness: 'dark',
      backgroundBottomColor: '#519839',
      backgroundTopColor: '#519839',
      backgroundColor: '#519839',
      canBePublic: true,
      canBeOrg: true,
      canBePrivate: true,
      canInvite: true,
    },
    labelNames: { green: '', yellow: '', orange: '', red: '', purple: '', blue: '', sky: '', lime: '', pink: '', black: '' },
    starred: false,
    subscribed: false,
  };
}

export function listJson(list: ListRecord): TrelloList {
  return { id: list.id, name: list.name, closed: list.closed, pos: list.pos, softLimit: null, idBoard: list.idBoard, subscribed: false };
}

/** A board member as `GET /boards/{id}/members` lists them: id, full name and username, never an email. */
export function boardMemberJson(member: MemberRecord): TrelloBoardMember {
  return { id: member.id, fullName: member.fullName, username: member.username };
}

/** A member as the card member routes answer (`POST /cards/{id}/idMembers`): the public profile summary. */
export function cardMemberJson(member: MemberRecord): JsonObject {
  return {
    id: member.id,
    activityBlocked: false,
    avatarHash: member.avatarHash,
    avatarUrl: `https://trello-members.s3.amazonaws.com/${member.id}/${member.avatarHash}`,
    fullName: member.fullName,
    idMemberReferrer: null,
    initials: member.initials,
    nonPublic: {},
    nonPublicAvailable: true,
    username: member.username,
  };
}

export function labelJson(label: LabelRecord): TrelloLabel {
  return { id: label.id, idBoard: label.idBoard, name: label.name, color: label.color };
}

/** A custom field definition: name, position and options at the top level, as Trello sends them (see the README). */
export function customFieldJson(field: CustomFieldRecord): TrelloCustomField {
  const json: TrelloCustomField = {
    id: field.id,
    idModel: field.idBoard,
    modelType: 'board',
    fieldGroup: field.fieldGroup,
    display: { cardFront: field.cardFront },
    name: field.name,
    pos: field.pos,
    type: field.type,
  };
  if (field.type === 'list') {
    json.options = field.options.map((option) => ({ id: option.id, idCustomField: field.id, value: { text: option.text }, color: option.color, pos: option.pos }));
  }
  return json;
}

/** A card's custom field value: `value` for text, number, date and checkbox fields, `idValue` for list fields. */
export function customFieldItemJson(item: CustomFieldItemRecord, idCard: string): TrelloCustomFieldItem {
  const held: JsonObject = item.idValue === undefined ? { value: { ...item.value } } : { idValue: item.idValue };
  return { id: item.id, ...held, idCustomField: item.idCustomField, idModel: idCard, modelType: 'card' };
}

/** The labels of a card, as label objects (the card's `labels`). */
function cardLabels(card: CardRecord, labels: ReadonlyMap<string, LabelRecord>): TrelloLabel[] {
  return card.idLabels.flatMap((id) => {
    const label = labels.get(id);
    return label ? [labelJson(label)] : [];
  });
}

/** A card with the default fields; `labels` resolves the card's label ids (the store's labels). */
export function cardJson(card: CardRecord, labels: ReadonlyMap<string, LabelRecord>): TrelloCard {
  return {
    id: card.id,
    badges: {
      attachmentsByType: { trello: { board: 0, card: 0 } },
      location: false,
      votes: 0,
      viewingMemberVoted: false,
      subscribed: false,
      fogbugz: '',
      checkItems: 0,
      checkItemsChecked: 0,
      checkItemsEarliestDue: null,
      comments: 0,
      attachments: 0,
      description: card.desc !== '',
      due: isoOrNull(card.due),
      dueComplete: card.dueComplete,
      start: isoOrNull(card.start),
    },
    checkItemStates: [],
    closed: card.closed,
    dateLastActivity: iso(card.dateLastActivity),
    desc: card.desc,
    descData: { emoji: {} },
    due: isoOrNull(card.due),
    dueComplete: card.dueComplete,
    dueReminder: null,
    email: null,
    idBoard: card.idBoard,
    idChecklists: [],
    idLabels: [...card.idLabels],
    idList: card.idList,
    idMembers: [...card.idMembers],
    idMembersVoted: [],
    idShort: card.idShort,
    idAttachmentCover: null,
    isTemplate: false,
    cardRole: null,
    labels: cardLabels(card, labels),
    manualCoverAttachment: false,
    name: card.name,
    pos: card.pos,
    shortLink: card.shortLink,
    shortUrl: `https://trello.com/c/${card.shortLink}`,
    start: isoOrNull(card.start),
    subscribed: false,
    url: `https://trello.com/c/${card.shortLink}/${card.idShort}-${slug(card.name)}`,
    cover: { idAttachment: null, color: null, idUploadedBackground: null, size: 'normal', brightness: 'light' },
  };
}

export function webhookJson(webhook: WebhookRecord): TrelloWebhook {
  return {
    id: webhook.id,
    description: webhook.description,
    idModel: webhook.idModel,
    callbackURL: webhook.callbackURL,
    active: webhook.active,
    consecutiveFailures: webhook.consecutiveFailures,
    firstConsecutiveFailDate: webhook.firstConsecutiveFailDate === null ? null : iso(webhook.firstConsecutiveFailDate),
  };
}

export function tokenJson(token: TokenRecord, identifier: string): TrelloToken {
  // Trello names the model types capitalized ("Board"), although its OpenAPI file lists "board" (see the README).
  const grant = (modelType: string, idModel: string): JsonObject => ({ idModel, modelType, read: true, write: token.write });
  return {
    id: token.id,
    identifier,
    idMember: token.idMember,
    dateCreated: iso(token.dateCreated),
    dateExpires: token.expiresAt === null ? null : iso(token.expiresAt),
    permissions: [grant('Member', token.idMember), grant('Board', '*'), grant('Organization', '*')],
  };
}

/**
 * Applies a `fields` parameter (`all` or a comma-separated list) to a full view: `id` always stays, an unknown field
 * name is `invalid value for fields` as on Trello.
 */
export function selectFields(full: JsonObject, fields: string | undefined, defaults = 'all', param = 'fields'): JsonObject {
  const wanted = fields ?? defaults;
  if (wanted === 'all') return full;
  const names = wanted.split(',').map((name) => name.trim()).filter(Boolean);
  const picked: JsonObject = { id: full.id };
  for (const name of names) {
    if (!(name in full)) throw trelloErrors.invalidValue(param);
    picked[name] = full[name];
  }
  return picked;
}
