// The editable status → list table of the settings form.
import { make } from './dom';

/** One status and the Trello list its cards go to. */
export interface MappingPair {
  status: string;
  list: string;
}

/**
 * Edits the mapping in a <tbody>: one row per pair, each with two text fields and a remove button; the list field
 * offers the names of the <datalist> `listChoicesId` (the board's open lists) and still takes a new name.
 */
export class MappingTable {
  constructor(
    private readonly body: HTMLTableSectionElement,
    private readonly listChoicesId: string,
  ) {}

  /** Shows these pairs, replacing the rows. */
  set(pairs: readonly MappingPair[]): void {
    this.body.replaceChildren(...pairs.map((pair) => this.row(pair)));
  }

  /** Adds an empty row and focuses its status field. */
  addEmpty(): void {
    const row = this.row({ status: '', list: '' });
    this.body.append(row);
    row.querySelector('input')?.focus();
  }

  /** The pairs as typed; rows left wholly empty are dropped (the server checks the rest). */
  read(): MappingPair[] {
    return Array.from(this.body.rows)
      .map((row) => {
        const [status, list] = Array.from(row.querySelectorAll('input')).map((input) => input.value.trim());
        return { status: status.toUpperCase(), list };
      })
      .filter((pair) => pair.status !== '' || pair.list !== '');
  }

  private row(pair: MappingPair): HTMLTableRowElement {
    const row = make('tr');
    const field = (value: string, label: string, choices?: string) => {
      const input = make('input');
      input.type = 'text';
      input.value = value;
      if (choices) input.setAttribute('list', choices);
      input.setAttribute('aria-label', label);
      const cell = make('td');
      cell.append(input);
      return cell;
    };
    const remove = make('button', '×', 'icon');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${pair.status || 'this row'}`);
    remove.addEventListener('click', () => row.remove());
    const removeCell = make('td');
    removeCell.append(remove);
    row.append(field(pair.status, 'Lead status'), field(pair.list, 'Trello list', this.listChoicesId), removeCell);
    return row;
  }
}
