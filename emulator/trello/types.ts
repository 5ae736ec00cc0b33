// The JSON shapes the emulator returns, with Trello's field names (checked against the OpenAPI schemas in tests).

/** A JSON value as found in a Trello response. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** A member as `GET /1/members/{id}` returns it. */
export interface TrelloMember extends JsonObject {
  id: string;
  activityBlocked: boolean;
  avatarHash: string;
  avatarUrl: string;
  bio: string;
  confirmed: boolean;
  fullName: string;
  idBoards: string[];
  idOrganizations: string[];
  initials: string;
  memberType: string;
  url: string;
  username: string;
}

/** A board with every field the emulator knows (`fields=all`). */
export interface TrelloBoard extends JsonObject {
  id: string;
  name: string;
  desc: string;
  descData: null;
  closed: boolean;
  dateLastActivity: string;
  idMemberCreator: string;
  idOrganization: string;
  pinned: boolean;
  url: string;
  shortUrl: string;
  shortLink: string;
  prefs: JsonObject;
  labelNames: JsonObject;
  starred: boolean;
  subscribed: boolean;
}

/** A list with every field (`fields=all`). */
export interface TrelloList extends JsonObject {
  id: string;
  name: string;
  closed: boolean;
  pos: number;
  softLimit: null;
  idBoard: string;
  subscribed: boolean;
}

/** A card with the default fields of `GET /1/cards/{id}`. */
export interface TrelloCard extends JsonObject {
  id: string;
  badges: JsonObject;
  checkItemStates: string[];
  closed: boolean;
  dateLastActivity: string;
  desc: string;
  descData: JsonObject;
  /** ISO date-time, or null. */
  due: string | null;
  dueComplete: boolean;
  dueReminder: null;
  email: null;
  idBoard: string;
  idChecklists: string[];
  idLabels: string[];
  idList: string;
  idMembers: string[];
  idMembersVoted: string[];
  idShort: number;
  idAttachmentCover: null;
  isTemplate: boolean;
  cardRole: null;
  labels: TrelloLabel[];
  manualCoverAttachment: boolean;
  name: string;
  pos: number;
  shortLink: string;
  shortUrl: string;
  start: string | null;
  subscribed: boolean;
  url: string;
  cover: JsonObject;
}

/** A label as `GET /boards/{id}/labels` and a card's `labels` carry it. */
export interface TrelloLabel extends JsonObject {
  id: string;
  idBoard: string;
  name: string;
  /** One of Trello's label colours, or null for a label without colour. */
  color: string | null;
}

/** A board member as `GET /boards/{id}/members` lists it. */
export interface TrelloBoardMember extends JsonObject {
  id: string;
  fullName: string;
  username: string;
}

/** A custom field definition as `GET /boards/{id}/customFields` returns it. */
export interface TrelloCustomField extends JsonObject {
  id: string;
  idModel: string;
  modelType: 'board';
  fieldGroup: string;
  display: { cardFront: boolean };
  name: string;
  pos: number;
  type: string;
}

/** A card's custom field value, as `GET /cards/{id}/customFieldItems` returns it. */
export interface TrelloCustomFieldItem extends JsonObject {
  id: string;
  idCustomField: string;
  idModel: string;
  modelType: 'card';
}

/** The member summary embedded in actions (keys as in real webhook payloads). */
export interface TrelloMemberCreator extends JsonObject {
  id: string;
  avatarHash: string;
  fullName: string;
  initials: string;
  username: string;
}

/** One board action, as `GET /1/boards/{id}/actions` and webhook deliveries carry it. */
export interface TrelloAction extends JsonObject {
  id: string;
  idMemberCreator: string;
  data: JsonObject;
  type: string;
  date: string;
  memberCreator: TrelloMemberCreator;
}

/** A webhook as `GET /1/webhooks/{id}` returns it. */
export interface TrelloWebhook extends JsonObject {
  id: string;
  description: string;
  idModel: string;
  callbackURL: string;
  active: boolean;
  consecutiveFailures: number;
  firstConsecutiveFailDate: string | null;
}

/** A token as `GET /1/members/{id}/tokens` returns it (never the secret token string itself). */
export interface TrelloToken extends JsonObject {
  id: string;
  identifier: string;
  idMember: string;
  dateCreated: string;
  /** When the token stops working; null for a token that never expires. */
  dateExpires: string | null;
  permissions: JsonObject[];
}
