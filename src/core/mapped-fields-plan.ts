// The fields FIELD_MAPPING maps beyond the status, for one lead at a time: what the card, the cells, the description
// block and the base get. Pure: the plan (sync-plan.ts) puts the results into its steps.
import type { BaseRecord } from './base-record';
import type { BoardCard } from './board';
import { blockLine, type DescriptionLine } from './card-description';
import type { ThreeWayOutcome } from './conflict';
import { mayBeRenderedDate } from './date-text';
import { columnKey, DEFAULT_FIELD_MAPPING, shownKey, type FieldDirection, type FieldMapEntry, type FieldMapping } from './field-mapping';
import { resolveField } from './field-resolution';
import { boardValue, cardWrite, cellValue, customFieldOf, missingOnBoard, type CustomItemWrite, type FieldContext, type MappedCardFields } from './field-values';
import type { Lead } from './lead';
import type { CardFields, CellWrites, CreatedCardItem, LogLine, NewLeadRow, PlanInput } from './sync-plan';

/** A mapped field's cell text: a lead column's own, or the mapped column's. */
export function sheetTextOf(lead: Pick<NewLeadRow, 'name' | 'email' | 'source' | 'fields'>, entry: FieldMapEntry): string {
  const key = columnKey(entry.column);
  if (key === 'name' || key === 'email' || key === 'source') return lead[key];
  return String(lead.fields?.[key] ?? '');
}

/** What the mapped fields (all but the name) of one linked lead come to. */
export interface MappedOutcome {
  card: CardFields;
  items: CustomItemWrite[];
  lines: DescriptionLine[];
  /** Comparable values of the fields synced both ways, for the base. */
  base: Record<string, string>;
}

/** The base's record of mapped fields, or nothing when there is none (today's base rows carry none). */
export function withFields(record: BaseRecord, fields: Record<string, string>): BaseRecord {
  return Object.keys(fields).length ? { ...record, fields } : record;
}

/** Plans the mapped fields of one run's leads. */
export class MappedFieldsPlanner {
  private readonly mapping: FieldMapping;
  private readonly context: FieldContext;
  /** How the name syncs; undefined when the mapping leaves it out (the card is named at creation only). */
  readonly nameDirection: FieldDirection | undefined;

  constructor(
    private readonly input: PlanInput,
    /** Flags a cell of the lead's row. */
    private readonly flag: (lead: Lead, column: string, message: string) => void,
    /** Hears a conflict settled without the board's change time (its card's actions are worth reading). */
    private readonly noteUntimed: (card: BoardCard, outcome: ThreeWayOutcome) => void,
  ) {
    this.mapping = input.fieldMapping ?? DEFAULT_FIELD_MAPPING;
    this.context = { board: input.board.fields ?? { labels: [], members: [], customFields: [] }, offsetAt: input.offsetAt ?? (() => 0) };
    this.nameDirection = this.mapping.find((entry) => entry.kind === 'name')?.direction;
  }

  /** The description block's lines: each `desc:` entry's value as resolved, else as the side it comes from has it. */
  lines(lead: Pick<NewLeadRow, 'name' | 'email' | 'source' | 'fields'>, card?: BoardCard, resolved: ReadonlyMap<string, string> = new Map()): DescriptionLine[] {
    return this.mapping
      .filter((entry) => entry.kind === 'desc')
      .map((entry) => [entry.label, resolved.get(entry.field) ?? (entry.direction === 'toSheet' ? (blockLine(card?.desc ?? '', entry.label) ?? '') : sheetTextOf(lead, entry))]);
  }

  /** True for the due date and custom fields of type date (whose cells are pinned to their serial numbers). */
  private isDateField(entry: FieldMapEntry): boolean {
    // Stryker disable next-line OptionalChaining: only called for custom fields the board has (missing ones are skipped first)
    return entry.kind === 'due' || (entry.kind === 'custom' && customFieldOf(entry, this.context.board)?.type === 'date');
  }

  /**
   * A mapped field's cell text. The cells of custom fields were read as serial numbers where they hold dates, before
   * the board told each field's type: a field that is not a date takes the text the cell shows.
   */
  private sheetText(lead: Lead, entry: FieldMapEntry): string {
    const shown = entry.kind === 'custom' && !this.isDateField(entry) ? this.input.shownDates?.get(lead.id)?.[entry.field] : undefined;
    return shown ?? sheetTextOf(lead, entry);
  }

  /** The card's comparable value of a mapped field (a description line from its block). */
  private boardValueOf(entry: FieldMapEntry, card: BoardCard): string {
    return entry.kind === 'desc' ? (blockLine(card.desc, entry.label) ?? '') : boardValue(entry, card, this.context);
  }

  /**
   * Settles every mapped field but the name for a linked lead: what the card and the cells get, the block's lines and
   * the base's values. A bad value is flagged on its cell and left out (its base value kept); the rest of the row syncs.
   */
  forLinkedLead(lead: Lead, card: BoardCard, known: BaseRecord | undefined, log: LogLine[], cells: CellWrites): MappedOutcome {
    const outcome: MappedOutcome = { card: {}, items: [], lines: [], base: {} };
    const resolved = new Map<string, string>();
    const times = this.input.board.changeTimes.get(card.id)?.fields;
    for (const entry of this.mapping) {
      if (entry.kind === 'name') continue;
      const column = columnKey(entry.column);
      const previous = known?.fields?.[entry.field];
      const keepBase = () => {
        if (previous !== undefined) outcome.base[entry.field] = previous;
      };
      const missing = missingOnBoard(entry, this.context.board);
      const keepShown = () => {
        const shown = known?.fields?.[shownKey(entry.field)];
        if (shown !== undefined) outcome.base[shownKey(entry.field)] = shown;
      };
      if (missing) {
        if (sheetTextOf(lead, entry)) this.flag(lead, column, missing);
        keepBase();
        keepShown();
        continue;
      }
      const boardNow = this.boardValueOf(entry, card);
      const result = resolveField(
        {
          entry,
          sheetText: this.sheetText(lead, entry),
          boardValue: boardNow,
          base: previous,
          sheetEditedAt: this.input.sheetEditTimes.get(lead.id)?.[entry.field],
          boardChangedAt: times?.[entry.kind === 'desc' ? 'desc' : entry.field],
        },
        this.context,
      );
      if ('bad' in result) {
        this.flag(lead, column, result.bad);
        keepBase();
        keepShown();
        if (entry.kind === 'desc') resolved.set(entry.field, boardNow);
        continue;
      }
      if (result.outcome) this.noteUntimed(card, result.outcome);
      if (entry.direction === 'both') outcome.base[entry.field] = result.value;
      const shown = this.input.shownDates?.get(lead.id)?.[entry.field];
      // A cell written now shows what was written; one left as it is shows what it showed. Kept only where the next run
      // would otherwise read the cell again as a serial number (a date field, or text that may be a date).
      const keepsShown = shown !== undefined && (this.isDateField(entry) || mayBeRenderedDate(shown));
      if (keepsShown) outcome.base[shownKey(entry.field)] = result.writeCell ? result.value : shown;
      if (entry.kind === 'desc') resolved.set(entry.field, result.value);
      else if (result.push) {
        const write = cardWrite(entry, result.value, this.context);
        if ('card' in write) Object.assign(outcome.card, write.card);
        else outcome.items.push(write.item);
      }
      if (result.writeCell) cells[column] = cellValue(entry, result.value, this.context);
      // Today's one-way e-mail and source lines are rewritten silently; every other mapped change is logged.
      const silent = entry.kind === 'desc' && entry.direction === 'toTrello';
      if (result.log && !silent) log.push({ ...result.log, leadId: lead.id });
    }
    outcome.lines = this.lines(lead, card, resolved);
    return outcome;
  }

  /**
   * The mapped card fields a new card is created with (due, dueComplete, labels, members), its custom field items
   * (written once it has an id), and the base's values of the fields synced both ways.
   */
  forNewCard(lead: Lead): { card: MappedCardFields; items: CreatedCardItem[]; base: Record<string, string> } {
    const created: { card: MappedCardFields; items: CreatedCardItem[]; base: Record<string, string> } = { card: {}, items: [], base: {} };
    // Stryker disable next-line StringLiteral: a card without a description block or field values gives every mapped field a blank value, whatever these texts
    const cardFree: BoardCard = { id: '', name: '', desc: '', idList: '', shortLink: '' };
    for (const entry of this.mapping) {
      if (entry.direction === 'toSheet' || entry.kind === 'name' || missingOnBoard(entry, this.context.board)) continue;
      const result = resolveField({ entry, sheetText: this.sheetText(lead, entry), boardValue: this.boardValueOf(entry, cardFree), base: '', sheetEditedAt: undefined, boardChangedAt: undefined }, this.context);
      if ('bad' in result) {
        this.flag(lead, columnKey(entry.column), result.bad);
        continue;
      }
      if (entry.direction === 'both') created.base[entry.field] = result.value;
      if (result.push && entry.kind !== 'desc') {
        const write = cardWrite(entry, result.value, this.context);
        if ('card' in write) Object.assign(created.card, write.card);
        else created.items.push({ ...write.item, field: entry.field });
      }
    }
    return created;
  }

  /** A card made on the board, as the mapped columns of its new row and the base's values of fields synced both ways. */
  forImportedCard(card: BoardCard): { fields: Record<string, string | boolean>; base: Record<string, string> } {
    const imported: { fields: Record<string, string | boolean>; base: Record<string, string> } = { fields: {}, base: {} };
    for (const entry of this.mapping) {
      const column = columnKey(entry.column);
      if (entry.kind === 'name' || ['name', 'email', 'source'].includes(column) || missingOnBoard(entry, this.context.board)) continue;
      const value = entry.direction === 'toTrello' ? '' : this.boardValueOf(entry, card);
      imported.fields[column] = cellValue(entry, value, this.context);
      if (entry.direction === 'both') imported.base[entry.field] = value;
    }
    return imported;
  }
}
