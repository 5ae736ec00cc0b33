// The front of a card beyond its name: coloured label chips, the due date (ticked when complete) and members' initials.
import { make } from '../../../src/ui/dom';
import type { BoardView, CardView } from '../playground-types';

/** Initials of a full name, as Trello's avatars show them (at most two letters). */
function initials(fullName: string): string {
  return fullName.split(/\s+/).filter(Boolean).map((word) => word[0].toUpperCase()).join('').slice(0, 2);
}

/** "1 Mar 2026, 09:00" in the page's time zone, as Trello shows a due date. */
export function dueText(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The card's labels, due date and members; nothing when it has none. */
export function cardBadges(board: BoardView, card: CardView): HTMLElement[] {
  const labels = card.idLabels.flatMap((id) => board.labels.filter((label) => label.id === id));
  const chips = make('div', undefined, 'label-chips');
  chips.append(
    ...labels.map((label) => {
      const chip = make('span', label.name, 'label-chip');
      chip.dataset.color = label.color ?? 'none';
      chip.title = `Label ${label.name || '(no name)'} (${label.color ?? 'no colour'})`;
      return chip;
    }),
  );
  const meta = make('div', undefined, 'card-meta');
  if (card.due !== null) {
    const due = make('span', `${card.dueComplete ? '☑' : '🕓'} ${dueText(card.due)}`, card.dueComplete ? 'due complete' : 'due');
    due.title = card.dueComplete ? 'Due date (complete)' : 'Due date';
    meta.append(due);
  }
  for (const member of board.members.filter((candidate) => card.idMembers.includes(candidate.id))) {
    const avatar = make('span', initials(member.fullName), 'member-avatar');
    avatar.title = `${member.fullName} (@${member.username})`;
    meta.append(avatar);
  }
  return [...(labels.length > 0 ? [chips] : []), ...(meta.childElementCount > 0 ? [meta] : [])];
}
