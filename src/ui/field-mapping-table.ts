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

/** True when a card field as typed is the card's labels. */
function isLabels(field: string): boolean {
  return field.trim() === 'labels';
}

/**
 * Edits the pairs in a <tbody>: one row per pair — a sheet column and a card field (text fields offering the
 * <datalist>s `columnChoicesId` and `fieldChoicesId`, which the board's fields fill), a direction and a remove button; a
 * `labels` field also offers to create the labels the board lacks.
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
        const [column, field] = Array.from(row.querySelectorAll<HTMLInputElement>('input[type="text"]')).map((input) => input.value.trim());
        const direction = (row.querySelector('select')?.value ?? 'both') as FieldDirection;
        const createMissing = isLabels(field) && row.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked === true;
        return { column, field, direction, ...(createMissing ? { createMissing } : {}) };
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
    const cardField = field(pair.field, 'Card field', this.fieldChoicesId);
    const fieldCell = cell(cardField);
    fieldCell.append(this.createMissingSwitch(cardField, pair.createMissing === true));
    row.append(cell(field(pair.column, 'Sheet column', this.columnChoicesId)), fieldCell, cell(direction), cell(remove));
    return row;
  }

  /** The "create missing labels" checkbox under a card field, shown while the field is `labels`. */
  private createMissingSwitch(cardField: HTMLInputElement, checked: boolean): HTMLLabelElement {
    const box = make('input');
    box.type = 'checkbox';
    box.checked = checked;
    const label = make('label', undefined, 'switch');
    label.append(box, ' create missing labels');
    const show = () => {
      label.hidden = !isLabels(cardField.value);
    };
    cardField.addEventListener('input', show);
    show();
    return label;
  }
}
