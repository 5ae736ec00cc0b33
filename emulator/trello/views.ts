// JSON views of the stored records, in Trello's shapes, with `fields=` selection.
import { trelloErrors } from './responses';
import type { BoardRecord, CardRecord, ListRecord, MemberRecord, TokenRecord, WebhookRecord } from './trello-store';
import type {
  JsonObject,
  TrelloBoard,
  TrelloCard,
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

export function cardJson(card: CardRecord): TrelloCard {
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
      due: null,
      dueComplete: false,
      start: null,
    },
    checkItemStates: [],
    closed: card.closed,
    dateLastActivity: iso(card.dateLastActivity),
    desc: card.desc,
    descData: { emoji: {} },
    due: null,
    dueComplete: false,
    dueReminder: null,
    email: null,
    idBoard: card.idBoard,
    idChecklists: [],
    idLabels: [],
    idList: card.idList,
    idMembers: [],
    idMembersVoted: [],
    idShort: card.idShort,
    idAttachmentCover: null,
    isTemplate: false,
    cardRole: null,
    labels: [],
    manualCoverAttachment: false,
    name: card.name,
    pos: card.pos,
    shortLink: card.shortLink,
    shortUrl: `https://trello.com/c/${card.shortLink}`,
    start: null,
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
