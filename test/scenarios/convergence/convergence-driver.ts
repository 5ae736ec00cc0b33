// Drives one convergence scenario: a synced world (sheet, board, webhook, triggers), the steps applied to it as people,
// Trello and faults would, what the reference model learns from each, and the quiet end where everything settles.
import type { HttpRequest } from '../../../emulator/http';
import type { ConcurrentBatch, ExecutionResult, SheetModel } from '../../../emulator/gas';
import { seededRandom } from '../../../emulator/seeded-random';
import { formatA1 } from '../../../emulator/gas/spreadsheet/a1-notation';
import type { TrelloCard } from '../../../emulator/trello';
import { sampleRows, SyncWorld } from '../sync-world';
import type { ListName } from '../default-lists';
import { ReferenceModel, type SyncedField } from './reference-model';
import type { BoardStep, DeliverStep, OverlappingStep, SheetStep, Step } from './steps';

/** The lead tab's name, and the name it has while a person has renamed it. */
export const LEAD_TAB = 'LeadTracker';
const RENAMED_TAB = 'LeadTracker (old)';

/** Leads the world starts with. */
const INITIAL_LEADS = 3;
/** Emulated time between two top-level steps, so that every change has its own instant. */
const STEP_GAP_MS = 1_000;

/** What the quiet end of a scenario returns for the checks. */
export interface Settled {
  /** The last "Sync now" of the quiet end. */
  lastRun: ExecutionResult;
}

/** Cards people made on the board, by id: whether the card carried a lead's marker from the start (a copy). */
export type PersonCards = Map<string, { copiedMarker: boolean }>;

/** One scenario's world, reference model and bookkeeping. */
export class ConvergenceDriver {
  readonly world = new SyncWorld({ rows: sampleRows(INITIAL_LEADS), webApp: true });
  readonly model = new ReferenceModel();
  /** The lead tab, whatever it is called at the moment. */
  readonly tab: SheetModel;
  readonly personCards: PersonCards = new Map();
  /** Cards whose lead row a person deleted (they stay on the board, never imported again). */
  readonly cardsOfDeletedRows = new Set<string>();
  /** Executions the test killed on purpose (at most; a kill at a call an execution never reaches kills nothing). */
  killsMet = 0;
  private killsAsked = 0;
  private releaseLock: (() => void) | undefined;
  private nextLead = 1;

  constructor() {
    const { world } = this;
    this.tab = world.leads;
    const start = world.clock.now();
    for (const [id, leadName, , leadStatus] of sampleRows(INITIAL_LEADS)) {
      this.model.sheetChanged(id, 'status', leadStatus, start);
      this.model.sheetChanged(id, 'name', leadName, start);
    }
    // Edits and deliveries read only their rows however small the sheet, so the model plays the searches, their checks
    // and their fallbacks (full runs read everything anyway).
    world.settingsStore().set('READ_ROWS_FROM', '0');
    world.run('installTriggers');
    world.registerWebhook();
    world.run('syncNow');
    this.deliverAll();
  }

  /** Applies the steps, each a second after the one before. */
  play(steps: readonly Step[]): void {
    for (const step of steps) {
      this.apply(step);
      this.world.gas.advanceTime(STEP_GAP_MS);
    }
  }

  /** Faults off, the lock free, the tab back, every delivery sent, then Sync now, two scheduled runs and Sync now. */
  settle(): Settled {
    const { gas, trello } = this.world;
    this.releaseLock?.();
    this.releaseLock = undefined;
    this.tab.name = LEAD_TAB;
    Object.assign(trello.faults, { latencyMs: 0, failNext5xx: 0, failNext429: 0, loseNextWriteResponses: 0 });
    this.killsMet = this.killsAsked - gas.cancelKills();
    this.deliverAll();
    gas.run('syncNow');
    this.deliverAll();
    gas.advanceTime(60_000);
    this.deliverAll();
    gas.advanceTime(60_000);
    this.deliverAll();
    const lastRun = gas.run('syncNow');
    this.deliverAll();
    return { lastRun };
  }

  private apply(step: Step): void {
    const { gas, trello } = this.world;
    switch (step.do) {
      case 'together':
        gas.concurrently({ seed: step.seed, startChance: step.startChance }, (batch) => {
          for (const inner of step.steps) this.addToBatch(batch, inner);
        });
        return;
      case 'syncNow':
        gas.run('syncNow');
        return;
      case 'onSchedule':
        gas.run('onSchedule', undefined, { hasUi: false });
        return;
      case 'tick':
        gas.advanceTime(step.ms);
        return;
      case 'deliver':
        for (const request of this.deliveries(step)) gas.webApp.handle(request);
        return;
      case 'trelloFails':
        if (step.fault === 'status429') trello.faults.failNext429 += step.count;
        else if (step.fault === 'status5xx') trello.faults.failNext5xx += step.count;
        else trello.faults.loseNextWriteResponses += step.count;
        return;
      case 'latency':
        trello.faults.latencyMs = step.ms;
        return;
      case 'killNextExecution':
        gas.killNextExecution(step.atCall);
        this.killsAsked++;
        return;
      case 'holdLock':
        this.releaseLock ??= gas.holdScriptLock();
        return;
      case 'releaseLock':
        this.releaseLock?.();
        this.releaseLock = undefined;
        return;
      case 'evictCache':
        gas.scriptCache.evictAll();
        return;
      default:
        this.applyPersonStep(step);
    }
  }

  /** Adds a step to a batch of overlapping actions; a person's step happens when its action starts. */
  private addToBatch(batch: ConcurrentBatch, step: OverlappingStep): void {
    if (step.do === 'syncNow') batch.run('syncNow');
    else if (step.do === 'onSchedule') batch.run('onSchedule', undefined, { hasUi: false });
    else if (step.do === 'deliver') for (const request of this.deliveries(step)) batch.webRequest(request);
    else batch.act(() => this.applyPersonStep(step));
  }

  private applyPersonStep(step: SheetStep | BoardStep): void {
    switch (step.do) {
      case 'moveCard':
      case 'renameCard':
      case 'archiveCard':
      case 'unarchiveCard':
      case 'deleteCard':
      case 'createCard':
      case 'copyCard':
        this.applyBoardStep(step);
        return;
      default:
        this.applySheetStep(step);
    }
  }

  // ---- The sheet, as a person sees and edits it ----

  private header(): string[] {
    const width = this.tab.lastColumn();
    return Array.from({ length: width }, (_, index) => String(this.tab.cell(1, index + 1).value).trim().toLowerCase());
  }

  /** 1-based column of a header, 0 when gone. */
  private column(name: string): number {
    return this.header().indexOf(name) + 1;
  }

  private text(row: number, column: number): string {
    return column > 0 ? String(this.tab.cell(row, column).value) : '';
  }

  /** Rows that hold a lead id, top to bottom. */
  private leadRows(): number[] {
    const idColumn = this.column('id');
    const rows: number[] = [];
    for (let row = 2; row <= this.tab.lastRow(); row++) if (idColumn && this.text(row, idColumn)) rows.push(row);
    return rows;
  }

  /** A person types a block at (row, column); the model learns each lead field that changed, at this instant. */
  private type(row: number, column: number, values: string[][]): void {
    const idColumn = this.column('id');
    const fields: [SyncedField, number][] = [
      ['status', this.column('status')],
      ['name', this.column('name')],
    ];
    const before = values.map((line, i) => line.map((_, j) => this.text(row + i, column + j)));
    const leadIds = values.map((line, i) => (idColumn >= column && idColumn < column + line.length ? line[idColumn - column] : this.text(row + i, idColumn)));
    // The cells change when the person types, before the edit triggers run (and whatever overlaps them).
    const at = this.world.clock.now();
    values.forEach((line, i) => {
      const leadId = leadIds[i];
      if (!leadId) return;
      for (const [field, fieldColumn] of fields) {
        const j = fieldColumn - column;
        if (j >= 0 && j < line.length && line[j] !== before[i][j]) this.model.sheetChanged(leadId, field, line[j], at);
      }
    });
    this.world.gas.userEdit(this.tab.name, formatA1(row, column, values.length, values[0].length), values);
  }

  private applySheetStep(step: SheetStep): void {
    const tab = this.tab;
    const rows = this.leadRows();
    const chosen = (n: number) => (rows.length ? rows[n % rows.length] : undefined);
    switch (step.do) {
      case 'editStatus': {
        const row = chosen(step.row);
        if (row && this.column('status')) this.type(row, this.column('status'), [[step.status]]);
        return;
      }
      case 'editName': {
        const row = chosen(step.row);
        if (row && this.column('name')) this.type(row, this.column('name'), [[step.name]]);
        return;
      }
      case 'paste': {
        const first = chosen(step.row);
        const [nameColumn, statusColumn] = [this.column('name'), this.column('status')];
        if (!first || !nameColumn || !statusColumn) return;
        // Only over lead rows: a block that reached a blank row would make a row without an id.
        const reach = step.rows.findIndex((_, i) => !rows.includes(first + i));
        const lines = reach < 0 ? step.rows : step.rows.slice(0, reach);
        const left = Math.min(nameColumn, statusColumn);
        const block = lines.map((line, i) =>
          Array.from({ length: Math.abs(nameColumn - statusColumn) + 1 }, (_, j) => {
            const column = left + j;
            return column === nameColumn ? line.name : column === statusColumn ? line.status : this.text(first + i, column);
          }),
        );
        if (block.length) this.type(first, left, block);
        return;
      }
      case 'addLead': {
        const header = this.header();
        if (!header.includes('id')) return;
        let row = 2;
        while (row <= tab.lastRow() && header.some((_, j) => this.text(row, j + 1) !== '')) row++;
        if (row > tab.maxRows) return;
        const id = `N${this.nextLead++}`;
        const cells: Record<string, string> = { id, name: step.name, email: `${id.toLowerCase()}@example.com`, status: step.status, source: 'Web' };
        this.type(row, 1, [header.map((column) => cells[column] ?? '')]);
        return;
      }
      case 'insertRows':
        tab.insertRowsAsUser(2 + (step.at % Math.max(1, tab.lastRow() - 1)), step.count);
        return;
      case 'deleteRow': {
        const row = chosen(step.row);
        if (!row) return;
        const cardId = this.text(row, this.column('trello_card_id'));
        if (cardId) this.cardsOfDeletedRows.add(cardId);
        tab.deleteRowsAsUser(row, 1);
        return;
      }
      case 'sortRows':
        if (this.column(step.by)) tab.sortAsUser(this.column(step.by), step.ascending, 1);
        return;
      case 'insertColumn':
        tab.insertColumnsAsUser(1 + (step.at % (tab.lastColumn() + 1)), 1);
        return;
      case 'moveColumn':
        tab.moveColumnsAsUser(1 + (step.from % tab.lastColumn()), 1, 1 + (step.to % (tab.lastColumn() + 1)));
        return;
      case 'renameTab':
        tab.name = RENAMED_TAB;
        return;
      case 'restoreTab':
        tab.name = LEAD_TAB;
        return;
    }
  }

  // ---- The board, as another member sees and changes it ----

  private cards(filter: 'open' | 'closed'): TrelloCard[] {
    return this.world.trello.cardsOn(this.world.workspace.board.id, filter).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private applyBoardStep(step: BoardStep): void {
    const { person, clock } = this.world;
    const open = this.cards('open');
    const card = 'card' in step ? open[step.card % Math.max(1, open.length)] : undefined;
    switch (step.do) {
      case 'moveCard':
        if (card && card.idList !== this.world.listId(step.list)) {
          person.moves(card.id, step.list);
          this.model.boardChanged(card.id, 'status', step.list, clock.now());
        }
        return;
      case 'renameCard':
        if (card && card.name !== step.name) {
          person.renames(card.id, step.name);
          this.model.boardChanged(card.id, 'name', step.name, clock.now());
        }
        return;
      case 'archiveCard':
        if (card) person.archives(card.id);
        return;
      case 'unarchiveCard': {
        const closed = this.cards('closed');
        if (closed.length) person.unarchives(closed[step.card % closed.length].id);
        return;
      }
      case 'deleteCard':
        if (card) person.deletes(card.id);
        return;
      case 'createCard':
        this.personMakesCard(step.list, step.name, '');
        return;
      case 'copyCard':
        if (card) this.personMakesCard(step.list, card.name, card.desc);
        return;
    }
  }

  private personMakesCard(list: ListName, name: string, desc: string): void {
    const { trello, workspace, clock } = this.world;
    const card = trello.personCreatesCard({ memberId: workspace.member.id, listId: this.world.listId(list), name, desc });
    this.personCards.set(card.id, { copiedMarker: desc.includes('Lead ID: ') });
    this.model.boardChanged(card.id, 'status', list, clock.now());
    this.model.boardChanged(card.id, 'name', name, clock.now());
  }

  // ---- Webhook deliveries ----

  /** Takes Trello's queued deliveries and orders, repeats or drops them as the step says. */
  private deliveries(step: DeliverStep): HttpRequest[] {
    const taken = this.world.trello.takeDeliveries();
    const random = seededRandom(step.seed);
    const ordered =
      step.order === 'reversed' ? taken.reverse() : step.order === 'shuffled' ? taken.map((request) => ({ request, key: random() })).sort((a, b) => a.key - b.key).map(({ request }) => request) : taken;
    const sent = step.dropEvery ? ordered.filter((_, index) => (index + 1) % step.dropEvery !== 0) : ordered;
    return step.twice ? [...sent, ...sent] : sent;
  }

  /** Sends every queued delivery once, in order (the quiet end). */
  private deliverAll(): void {
    for (const request of this.world.trello.takeDeliveries()) this.world.gas.webApp.handle(request);
  }
}
