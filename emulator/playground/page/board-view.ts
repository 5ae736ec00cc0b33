// The Trello board: lists of cards that a person drags between lists, moves with a select, renames, archives or adds,
// with their labels, due dates and members, which a card's editor changes.
import { byId, make } from '../../../src/ui/dom';
import type { BoardChange, BoardView as Board } from '../playground-types';
import { cardBadges } from './card-badges';
import { cardEditor } from './card-editor';

type Card = Board['cards'][number];

/** Renders the board and turns a person's gestures into board changes. */
export class BoardView {
  private readonly root = byId('board', HTMLDivElement);
  private shown = '';
  private dragging = false;
  /** The card whose editor is open; it stays open across renders. */
  private editing: string | undefined;

  constructor(private readonly onChange: (change: BoardChange) => void) {}

  /** Shows the board, unless it is unchanged or someone is dragging a card or typing on the board right now. */
  render(board: Board): void {
    const key = JSON.stringify(board);
    // A focused checkbox is no typing: a ticked label or member should show at once.
    const active = document.activeElement;
    const typing = this.root.contains(active) && active instanceof HTMLInputElement && active.type !== 'checkbox';
    if (key === this.shown || this.dragging || typing) return;
    this.shown = key;
    this.root.replaceChildren(...board.lists.map((list) => this.list(board, list)));
  }

  private list(board: Board, list: Board['lists'][number]): HTMLElement {
    const cards = board.cards.filter((card) => card.idList === list.id);
    const section = make('section', undefined, 'list');
    section.dataset.listId = list.id;
    section.setAttribute('aria-label', `List ${list.name}`);
    const title = make('h3', list.name);
    title.append(make('span', String(cards.length), 'count'));
    const items = make('ul', undefined, 'cards');
    items.append(...cards.map((card) => this.card(board, card)));
    section.append(title, items, this.adder(list.id, list.name));
    section.addEventListener('dragover', (event) => {
      event.preventDefault();
      section.classList.add('drop-target');
    });
    section.addEventListener('dragleave', () => section.classList.remove('drop-target'));
    section.addEventListener('drop', (event) => {
      event.preventDefault();
      section.classList.remove('drop-target');
      const card = board.cards.find((candidate) => candidate.id === event.dataTransfer?.getData('text/plain'));
      if (!card || card.idList === list.id) return;
      // Shown in its new list at once; the next state confirms it.
      const element = this.root.querySelector(`[data-card-id="${card.id}"]`);
      if (element) items.append(element);
      this.onChange({ op: 'moveCard', cardId: card.id, listId: list.id });
    });
    return section;
  }

  private card(board: Board, card: Card): HTMLLIElement {
    const item = make('li', undefined, 'card');
    item.draggable = true;
    item.dataset.cardId = card.id;
    const name = make('span', card.name, 'card-name');
    item.addEventListener('dragstart', (event) => {
      this.dragging = true;
      event.dataTransfer?.setData('text/plain', card.id);
      item.classList.add('dragging');
    });
    item.addEventListener('dragend', () => {
      this.dragging = false;
      item.classList.remove('dragging');
    });

    const move = make('select', undefined, 'move');
    move.setAttribute('aria-label', `Move ${card.name} to list`);
    for (const list of board.lists) {
      const option = make('option', list.name);
      option.value = list.id;
      move.append(option);
    }
    move.value = card.idList;
    move.addEventListener('change', () => this.onChange({ op: 'moveCard', cardId: card.id, listId: move.value }));

    const rename = this.button('✎', `Rename ${card.name}`, () => {
      const field = make('input');
      field.value = card.name;
      field.setAttribute('aria-label', `New name for ${card.name}`);
      // Removing a focused field fires blur while it is being removed: only blur puts the name back.
      field.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && field.value.trim() && field.value !== card.name) this.onChange({ op: 'renameCard', cardId: card.id, name: field.value.trim() });
        if (event.key === 'Enter' || event.key === 'Escape') field.blur();
      });
      field.addEventListener('blur', () => {
        if (field.isConnected) field.replaceWith(name);
      });
      name.replaceWith(field);
      field.focus();
      field.select();
    });
    const archive = this.button('✕', `Archive ${card.name}`, () => this.onChange({ op: 'archiveCard', cardId: card.id }));
    const open = this.editing === card.id;
    const edit = this.button('☰', `Edit labels, members and due date of ${card.name}`, () => {
      this.editing = open ? undefined : card.id;
      this.shown = '';
      this.render(board);
    });
    edit.setAttribute('aria-expanded', String(open));

    const tools = make('div', undefined, 'card-tools');
    tools.append(move, rename, edit, archive);
    item.append(...cardBadges(board, card), name, tools);
    if (open) item.append(cardEditor(board, card, this.onChange));
    return item;
  }

  private adder(listId: string, listName: string): HTMLInputElement {
    const field = make('input', undefined, 'add-card');
    field.placeholder = '+ Add a card';
    field.setAttribute('aria-label', `Add a card to ${listName}`);
    field.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || !field.value.trim()) return;
      this.onChange({ op: 'createCard', listId, name: field.value.trim() });
      field.value = '';
      field.blur();
    });
    return field;
  }

  private button(label: string, description: string, onClick: () => void): HTMLButtonElement {
    const button = make('button', label, 'icon');
    button.type = 'button';
    button.title = description;
    button.setAttribute('aria-label', description);
    button.addEventListener('click', onClick);
    return button;
  }
}
