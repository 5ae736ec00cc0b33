// The settings form: Trello key and token (write-only), board, sheet name, status mapping and the option switches.
import type { BoardChoice, FieldChoices, SettingsInput, SidebarState } from '../app/sidebar-types';
import { byId, make } from './dom';
import { FieldMappingTable } from './field-mapping-table';
import { MappingTable } from './mapping-table';

/** Reads and fills the form's fields; the markup is in sidebar.html. */
export class SettingsForm {
  readonly form = byId('settings', HTMLFormElement);
  private readonly key = byId('trello-key', HTMLInputElement);
  private readonly token = byId('trello-token', HTMLInputElement);
  private readonly board = byId('board', HTMLSelectElement);
  private readonly sheetName = byId('sheet-name', HTMLInputElement);
  private readonly importCards = byId('import-cards', HTMLInputElement);
  private readonly archiveOnDelete = byId('archive-on-delete', HTMLInputElement);
  private readonly flagBlankStatus = byId('flag-blank-status', HTMLInputElement);
  private readonly mapping = new MappingTable(byId('mapping-rows', HTMLTableSectionElement), 'board-lists');
  private readonly listChoices = byId('board-lists', HTMLDataListElement);
  private readonly fieldMapping = new FieldMappingTable(byId('field-mapping-rows', HTMLTableSectionElement), 'sheet-columns', 'card-fields');
  /** Whether the saved field mapping was shown (a server without one leaves it out of the save). */
  private fieldMappingShown = false;
  private boards: readonly BoardChoice[] = [];

  constructor() {
    byId('add-mapping', HTMLButtonElement).addEventListener('click', () => this.mapping.addEmpty());
    byId('add-field-mapping', HTMLButtonElement).addEventListener('click', () => this.fieldMapping.addEmpty());
    this.board.addEventListener('change', () => this.offerLists());
  }

  /** Offers the chosen board's open lists as the mapping's list names. */
  private offerLists(): void {
    const lists = this.boards.find((board) => board.id === this.board.value)?.lists ?? [];
    this.listChoices.replaceChildren(...lists.map((name) => Object.assign(make('option'), { value: name })));
  }

  /** Offers the sheet's columns and the board's fields (custom fields, labels and members as hints) in the field mapping. */
  setFieldChoices(choices: FieldChoices): void {
    const options = (id: string, values: readonly string[], label = (value: string) => value) =>
      byId(id, HTMLDataListElement).replaceChildren(...values.map((value) => Object.assign(make('option', label(value)), { value })));
    options('sheet-columns', choices.columns);
    options('card-fields', choices.fields);
    byId('board-field-hints', HTMLParagraphElement).textContent = [
      choices.labels.length ? `Labels: ${choices.labels.join(', ')}.` : '',
      choices.members.length ? `Members: ${choices.members.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** Shows the saved settings. The key and token are never sent back: their fields only say whether one is saved. */
  fill(state: SidebarState): void {
    this.key.value = '';
    this.token.value = '';
    this.key.placeholder = state.hasKey ? 'Saved (type to replace)' : 'Paste your API key';
    this.token.placeholder = state.hasToken ? 'Saved (type to replace)' : 'Paste your token';
    if (!Array.from(this.board.options).some((option) => option.value === state.boardId)) {
      this.setBoards(state.boardId ? [{ id: state.boardId, name: `Current board (${state.boardId})`, lists: [] }] : [], state.boardId);
    }
    this.board.value = state.boardId;
    this.sheetName.value = state.sheetName;
    this.importCards.checked = state.importBoardCards;
    this.archiveOnDelete.checked = state.archiveCardOnRowDelete;
    this.flagBlankStatus.checked = state.blankStatus === 'FLAG';
    this.mapping.set(state.mapping);
    this.fieldMappingShown = state.fieldMapping !== undefined;
    this.fieldMapping.set(state.fieldMapping ?? []);
  }

  /** Offers these boards, keeping `selected` chosen (a placeholder first when nothing is chosen). */
  setBoards(boards: readonly BoardChoice[], selected: string = this.board.value): void {
    const placeholder = make('option', boards.length > 0 ? 'Choose a board…' : 'No board yet: connect, then load boards');
    placeholder.value = '';
    const options = boards.map((board) => {
      const option = make('option', board.name);
      option.value = board.id;
      return option;
    });
    this.board.replaceChildren(placeholder, ...options);
    this.board.value = boards.some((board) => board.id === selected) ? selected : '';
    this.boards = boards;
    this.offerLists();
  }

  /** The settings to save; an empty key, token or board leaves the saved one as it is. */
  read(): SettingsInput {
    const input: SettingsInput = {
      sheetName: this.sheetName.value.trim(),
      mapping: this.mapping.read(),
      importBoardCards: this.importCards.checked,
      archiveCardOnRowDelete: this.archiveOnDelete.checked,
      blankStatus: this.flagBlankStatus.checked ? 'FLAG' : 'FROM_CARD',
      ...(this.fieldMappingShown ? { fieldMapping: this.fieldMapping.read() } : {}),
    };
    if (this.key.value.trim()) input.key = this.key.value.trim();
    if (this.token.value.trim()) input.token = this.token.value.trim();
    if (this.board.value) input.boardId = this.board.value;
    return input;
  }
}
