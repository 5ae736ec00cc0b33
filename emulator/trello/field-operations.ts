// Changes to a card's labels, members and custom field values, and to the board's label and custom field definitions.
import { type ActionDraft, cardLabelAction, cardMemberAction, updateCustomFieldItemAction } from './action-data';
import type { ActionSink } from './board-operations';
import type { CustomFieldContent } from './custom-field-values';
import { trelloErrors } from './responses';
import type { BoardRecord, CardRecord, CustomFieldRecord, LabelRecord, MemberRecord, TrelloStore } from './trello-store';
import type { JsonObject } from './types';

/** An item's content as the action's `customFieldItem` and `old` carry it: `value` (null when unset) or, for lists, `idValue`. */
function itemContent(field: CustomFieldRecord, held: { value?: Record<string, string>; idValue?: string } | undefined): JsonObject {
  return field.type === 'list' ? { idValue: held?.idValue ?? null } : { value: held?.value ? { ...held.value } : null };
}

/** Label, member and custom field changes; each card change records Trello's action for it. */
export class FieldOperations {
  constructor(
    private readonly store: TrelloStore,
    private readonly record: ActionSink,
  ) {}

  /** Adds a label of the card's board (`that label is already on the card` when it is). */
  addLabel(actor: MemberRecord, card: CardRecord, label: LabelRecord): void {
    if (label.idBoard !== card.idBoard) throw trelloErrors.invalidValue('value');
    if (card.idLabels.includes(label.id)) throw trelloErrors.labelAlreadyOnCard();
    card.idLabels.push(label.id);
    this.recordOnCard(actor, card, (board) => cardLabelAction('addLabelToCard', board, card, label));
  }

  removeLabel(actor: MemberRecord, card: CardRecord, label: LabelRecord): void {
    if (!card.idLabels.includes(label.id)) throw trelloErrors.invalidValue('idLabel');
    card.idLabels = card.idLabels.filter((id) => id !== label.id);
    this.recordOnCard(actor, card, (board) => cardLabelAction('removeLabelFromCard', board, card, label));
  }

  /** Refuses (`invalid value for idLabels`) ids that are not labels of board `idBoard`. */
  checkLabels(idBoard: string, ids: readonly string[]): void {
    if (ids.some((id) => this.store.labels.get(id)?.idBoard !== idBoard)) throw trelloErrors.invalidValue('idLabels');
  }

  /** Refuses (Trello's `Invalid objectId`) ids that are not members of board `idBoard`. */
  checkMembers(idBoard: string, ids: readonly string[]): void {
    const { memberIds } = this.store.boardById(idBoard);
    if (ids.some((id) => !memberIds.includes(id))) throw trelloErrors.invalidObjectId();
  }

  /** Sets the card's labels to `ids` (labels of its board): one action per label removed, then per label added. */
  setLabels(actor: MemberRecord, card: CardRecord, ids: string[]): void {
    this.checkLabels(card.idBoard, ids);
    for (const id of card.idLabels.filter((current) => !ids.includes(current))) this.removeLabel(actor, card, this.store.labelById(id));
    for (const id of ids) if (!card.idLabels.includes(id)) this.addLabel(actor, card, this.store.labelById(id));
  }

  /** Adds a member of the card's board (Trello's `Invalid objectId` for anyone else). */
  addMember(actor: MemberRecord, card: CardRecord, idMember: string): void {
    const member = this.boardMember(card, idMember);
    if (card.idMembers.includes(member.id)) throw trelloErrors.memberAlreadyOnCard();
    card.idMembers.push(member.id);
    this.recordOnCard(actor, card, (board) => cardMemberAction('addMemberToCard', board, card, member));
  }

  removeMember(actor: MemberRecord, card: CardRecord, idMember: string): void {
    const member = this.store.members.get(idMember.toLowerCase());
    if (!member || !card.idMembers.includes(member.id)) throw trelloErrors.invalidValue('idMember');
    card.idMembers = card.idMembers.filter((id) => id !== member.id);
    this.recordOnCard(actor, card, (board) => cardMemberAction('removeMemberFromCard', board, card, member));
  }

  /** Sets the card's members to `ids` (members of its board): one action per member removed, then per member added. */
  setMembers(actor: MemberRecord, card: CardRecord, ids: string[]): void {
    this.checkMembers(card.idBoard, ids);
    for (const id of card.idMembers.filter((current) => !ids.includes(current))) this.removeMember(actor, card, id);
    for (const id of ids) if (!card.idMembers.includes(id)) this.addMember(actor, card, id);
  }

  createLabel(board: BoardRecord, name: string, color: string | null): LabelRecord {
    return this.store.addLabel(board, name, color);
  }

  updateLabel(label: LabelRecord, changes: { name?: string; color?: string | null }): void {
    if (changes.name !== undefined) label.name = changes.name;
    if (changes.color !== undefined) label.color = changes.color;
  }

  /** Deletes a label: it leaves every card that had it, without card actions. */
  deleteLabel(label: LabelRecord): void {
    this.store.labels.delete(label.id);
    for (const card of this.store.cardsOf(label.idBoard)) card.idLabels = card.idLabels.filter((id) => id !== label.id);
  }

  /** Deletes a custom field definition and every card's value of it. */
  deleteCustomField(field: CustomFieldRecord): void {
    this.store.customFields.delete(field.id);
    for (const card of this.store.cardsOf(field.idBoard)) card.customFieldItems.delete(field.id);
  }

  /** Sets or clears a card's value of a custom field of its board; a change records `updateCustomFieldItem`. */
  setCustomFieldItem(actor: MemberRecord, card: CardRecord, field: CustomFieldRecord, content: CustomFieldContent): void {
    if (field.idBoard !== card.idBoard) throw trelloErrors.invalidValue('idCustomField');
    const existing = card.customFieldItems.get(field.id);
    const old = itemContent(field, existing);
    const now = itemContent(field, content === 'cleared' ? undefined : content);
    if (JSON.stringify(old) === JSON.stringify(now)) return;
    const id = existing?.id ?? this.store.ids.next();
    if (content === 'cleared') card.customFieldItems.delete(field.id);
    else card.customFieldItems.set(field.id, { id, idCustomField: field.id, ...content });
    this.recordOnCard(actor, card, (board) => updateCustomFieldItemAction(board, card, field, { id, now, old }));
  }

  /** Takes a member off a board: they leave every card of it, without card actions. */
  removeBoardMember(board: BoardRecord, idMember: string): void {
    board.memberIds = board.memberIds.filter((id) => id !== idMember);
    for (const card of this.store.cardsOf(board.id)) card.idMembers = card.idMembers.filter((id) => id !== idMember);
  }

  private boardMember(card: CardRecord, idMember: string): MemberRecord {
    const member = this.store.members.get(idMember.toLowerCase());
    if (!member || !this.store.boardById(card.idBoard).memberIds.includes(member.id)) throw trelloErrors.invalidObjectId();
    return member;
  }

  /** Records the action `draft` makes for a change of `card`, which counts as activity on the card. */
  private recordOnCard(actor: MemberRecord, card: CardRecord, draft: (board: BoardRecord) => ActionDraft): void {
    card.dateLastActivity = this.store.clock.now();
    const board = this.store.boardById(card.idBoard);
    this.record(board, actor, draft(board));
  }
}
