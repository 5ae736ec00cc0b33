// A card's small editor, as on the back of a Trello card: its labels, members, due date and due-complete box.
import { make } from '../../../src/ui/dom';
import type { BoardChange, BoardView, CardView } from '../playground-types';

/** `YYYY-MM-DDTHH:MM` in the page's time zone, as a datetime-local field takes it. */
function localInputValue(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A labelled checkbox that sends `on` or `off` when a person ticks or unticks it. */
function toggle(text: string, description: string, checked: boolean, onToggle: (checked: boolean) => void): HTMLLabelElement {
  const box = make('input');
  box.type = 'checkbox';
  box.checked = checked;
  box.setAttribute('aria-label', description);
  box.addEventListener('change', () => onToggle(box.checked));
  const label = make('label', undefined, 'editor-choice');
  label.append(box, make('span', text));
  return label;
}

/** The editor of one card; each change goes to the board as a person's edit. */
export function cardEditor(board: BoardView, card: CardView, onChange: (change: BoardChange) => void): HTMLElement {
  const panel = make('div', undefined, 'card-editor');
  panel.setAttribute('aria-label', `Fields of ${card.name}`);

  const labels = make('fieldset', undefined, 'editor-labels');
  labels.append(make('legend', 'Labels'));
  for (const label of board.labels) {
    const name = label.name || `(${label.color ?? 'no colour'})`;
    const choice = toggle(name, `Label ${name} on ${card.name}`, card.idLabels.includes(label.id), (on) =>
      onChange({ op: on ? 'addLabel' : 'removeLabel', cardId: card.id, labelId: label.id }),
    );
    choice.dataset.color = label.color ?? 'none';
    labels.append(choice);
  }

  const members = make('fieldset', undefined, 'editor-members');
  members.append(make('legend', 'Members'));
  for (const member of board.members) {
    members.append(
      toggle(member.fullName, `Member ${member.username} on ${card.name}`, card.idMembers.includes(member.id), (on) =>
        onChange({ op: on ? 'addMember' : 'removeMember', cardId: card.id, idMember: member.id }),
      ),
    );
  }

  const dates = make('fieldset', undefined, 'editor-due');
  dates.append(make('legend', 'Due date'));
  const due = make('input');
  due.type = 'datetime-local';
  due.setAttribute('aria-label', `Due date of ${card.name}`);
  if (card.due !== null) due.value = localInputValue(card.due);
  due.addEventListener('change', () => {
    if (due.value) onChange({ op: 'setDue', cardId: card.id, due: new Date(due.value).toISOString() });
  });
  const clear = make('button', 'Remove', 'icon');
  clear.type = 'button';
  clear.setAttribute('aria-label', `Remove the due date of ${card.name}`);
  clear.disabled = card.due === null;
  clear.addEventListener('click', () => onChange({ op: 'setDue', cardId: card.id, due: null }));
  const complete = toggle('Complete', `Due date of ${card.name} complete`, card.dueComplete, (on) =>
    onChange({ op: 'setDueComplete', cardId: card.id, dueComplete: on }),
  );
  dates.append(due, clear, complete);

  panel.append(labels, members, dates);
  return panel;
}
