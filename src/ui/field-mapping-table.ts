// The editable column ⇄ card field table of the settings form (the setting FIELD_MAPPING).
import type { FieldMappingRow } from '../app/sidebar-types';
import type { FieldDirection } from '../core/field-mapping';
import { make } from './dom';

/** Each direction in the person's words. */
const DIRECTIONS: [FieldDirection, string][] = [
  ['both', '⇄ both ways'],
  ['toTrello', '→ to Trello'],
  ['toSheet', '← to the sheet'],
];

/**
 * Edits the pairs in a <tbody>: one row per pair — a sheet column and a card field (text fields offering the
 * <datalist>s `columnChoicesId` and `fieldChoicesId`, which the board's fields fill), a direction and a remove button.
 */
export class FieldMappingTable {
  constructor(
    private readonly body: HTMLTableSectionElement,
    private readonly columnChoicesId: string,
    private readonly fieldChoicesId: string,
  ) {}

  /** Shows these pairs, replacing the rows. */
  set(rows: readonly FieldMappingRow[]): void {
    this.body.replaceChildren(...rows.map((row) => this.row(row)));
  }

  /** Adds an empty row and focuses its column field. */
  addEmpty(): void {
    const row = this.row({ column: '', field: '', direction: 'both' });
    this.body.append(row);
    row.querySelector('input')?.focus();
  }

  /** The pairs as typed; rows left wholly empty are dropped (the server checks the rest). */
  read(): FieldMappingRow[] {
    return Array.from(this.body.rows)
      .map((row) => {
        const [column, field] = Array.from(row.querySelectorAll('input')).map((input) => input.value.trim());
        const direction = (row.querySelector('select')?.value ?? 'both') as FieldDirection;
        return { column, field, direction };
      })
      .filter((row) => row.column !== '' || row.field !== '');
  }

  private row(pair: FieldMappingRow): HTMLTableRowElement {
    const row = make('tr');
    const cell = (element: HTMLElement) => {
      const td = make('td');
      td.append(element);
      return td;
    };
    const field = (value: string, label: string, choices: string) => {
      const input = make('input');
      input.type = 'text';
      input.value = value;
      input.setAttribute('list', choices);
      input.setAttribute('aria-label', label);
      return input;
    };
    const direction = make('select');
    direction.setAttribute('aria-label', 'Direction');
    direction.append(...DIRECTIONS.map(([value, text]) => Object.assign(make('option', text), { value })));
    direction.value = pair.direction;
    const remove = make('button', '×', 'icon');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${pair.column || 'this row'}`);
    remove.addEventListener('click', () => row.remove());
    row.append(cell(field(pair.column, 'Sheet column', this.columnChoicesId)), cell(field(pair.field, 'Card field', this.fieldChoicesId)), cell(direction), cell(remove));
    return row;
  }
}
