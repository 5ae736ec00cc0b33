// What must hold once a convergence scenario has settled; each broken rule comes back as a readable line.
import { EXECUTION_TIME_EXCEEDED } from '../../../emulator/gas/execution';
import type { TrelloCard } from '../../../emulator/trello';
import type { ConvergenceDriver, Settled } from './convergence-driver';
import { LIST_OF_STATUS } from '../default-lists';
import type { SyncedField } from './reference-model';

/** The prefix of the add-on's own notes (README, "Sheet layout"). */
const FLAG_PREFIX = '⚠ Trello Sync: ';
/** The marker line the add-on writes into its block of a card's description. */
const MARKER = /^Lead ID: (.+)$/m;
/** How the Sync Log words a conflict of each field. */
const CONFLICT_WORDING: Record<SyncedField, string> = { status: 'Status changed in the sheet', name: 'Renamed in the sheet' };
/** Log lines of the add-on that tell of a refused Sheets call (or any failure of the spreadsheet service). */
const SHEETS_FAILURE = /Exception|exceeds grid|Sheets|spreadsheets\.|Range|Service/;

interface LeadRowSeen {
  row: number;
  id: string;
  name: string;
  status: string;
  cardId: string;
  /** Columns (header names) whose cell carries an add-on note. */
  flagged: Set<string>;
}

function markerOf(card: TrelloCard): string | undefined {
  return MARKER.exec(card.desc)?.[1]?.trim();
}

/** Every rule the settled world breaks (empty when it converged). */
export function brokenRules(driver: ConvergenceDriver, settled: Settled): string[] {
  const broken: string[] = [];
  const { world, model } = driver;
  const boardId = world.workspace.board.id;
  const lists = new Map(world.trello.listsOn(boardId).map((list) => [list.id, list.name]));
  const allCards = new Map(world.cards('all').map((card) => [card.id, card]));
  const openCards = world.cards('open');
  const rows = leadRows(driver);
  const conflicts = conflictLines(driver);

  const rowsById = new Map<string, number[]>();
  for (const lead of rows) rowsById.set(lead.id, [...(rowsById.get(lead.id) ?? []), lead.row]);
  for (const [id, at] of rowsById) if (at.length > 1) broken.push(`lead ${id} is in rows ${at.join(', ')}`);

  for (const lead of rows) {
    const valid = lead.status in LIST_OF_STATUS;
    const card = allCards.get(lead.cardId);
    const cardOpen = !!card && !card.closed && card.idBoard === boardId;
    const where = `lead ${lead.id} (row ${lead.row})`;
    // Flags: only rows made bad on purpose (an unknown status, a card archived or deleted) carry the add-on's notes.
    if (valid === lead.flagged.has('status')) broken.push(`${where}: status ${JSON.stringify(lead.status)} is ${valid ? 'flagged' : 'not flagged'}`);
    if (lead.cardId && !cardOpen && valid && !lead.flagged.has('trello_card_id')) broken.push(`${where}: its card is not open, but the row is not marked`);
    if (cardOpen && lead.flagged.has('trello_card_id')) broken.push(`${where}: its card is open, but the row is marked`);
    // A new lead without a name waits for one (docs/troubleshooting.md): flagged on its name, no card yet.
    const waitsForName = valid && !lead.cardId && !lead.name;
    if (waitsForName !== lead.flagged.has('name')) broken.push(`${where}: the name cell is ${waitsForName ? 'not flagged' : 'flagged'}`);
    for (const column of lead.flagged) if (!['status', 'trello_card_id', 'name'].includes(column)) broken.push(`${where}: the ${column} cell is flagged`);
    if (!valid || waitsForName) continue;
    if (!lead.cardId) {
      broken.push(`${where}: no card`);
      continue;
    }
    // Exactly one open card per lead: its own (copies people made of it aside), none once it was archived or deleted.
    const marked = openCards.filter((other) => markerOf(other) === lead.id && (other.id === lead.cardId || !driver.personCards.get(other.id)?.copiedMarker));
    const wanted = cardOpen ? [lead.cardId] : [];
    if (marked.map((other) => other.id).join() !== wanted.join()) broken.push(`${where}: open cards with its marker ${JSON.stringify(marked.map((other) => other.id))}, expected ${JSON.stringify(wanted)}`);
    if (!cardOpen || !card) continue;
    // Synced fields equal the card's.
    const listName = lists.get(card.idList);
    if (LIST_OF_STATUS[lead.status] !== listName) broken.push(`${where}: status ${lead.status} but the card is in ${listName}`);
    if (card.name !== (lead.name || lead.id)) broken.push(`${where}: name ${JSON.stringify(lead.name)} but the card is named ${JSON.stringify(card.name)}`);
    // The newest change of each field stands, or the conflict is in the Sync Log.
    const seen: Record<SyncedField, string> = { status: lead.status, name: lead.name };
    for (const field of ['status', 'name'] as const) {
      const expected = model.expected(lead.id, lead.cardId, field);
      if (!expected || expected.values.has(seen[field]) || conflicts.has(`${lead.id}|${field}`)) continue;
      broken.push(
        `${where}: ${field} is ${JSON.stringify(seen[field])}, but the newest change (${expected.newest.side} at ${new Date(expected.newest.at).toISOString()}) makes it ${JSON.stringify([...expected.values].join(' or '))}, and no conflict was logged`,
      );
    }
  }

  // Cards people made without a marker become leads (once), unless their lead row was deleted since.
  const linked = new Map<string, number[]>();
  for (const lead of rows) if (lead.cardId) linked.set(lead.cardId, [...(linked.get(lead.cardId) ?? []), lead.row]);
  for (const card of openCards) {
    const linkedRows = linked.get(card.id) ?? [];
    if (linkedRows.length > 1) broken.push(`card ${card.id} is linked by rows ${linkedRows.join(', ')}`);
    const made = driver.personCards.get(card.id);
    if (made && !made.copiedMarker && !driver.cardsOfDeletedRows.has(card.id) && linkedRows.length === 0) broken.push(`card ${card.id} ("${card.name}") made on the board is no lead`);
  }

  broken.push(...executionProblems(driver));
  const { lastRun } = settled;
  const summary = lastRun.returnValue as { created?: number; updatedCards?: number; changedCells?: number; imported?: number; deferred?: number } | undefined;
  const work = summary && [summary.created, summary.updatedCards, summary.changedCells, summary.imported, summary.deferred].some((count) => count !== 0);
  if (lastRun.error || !summary || work) broken.push(`the last run did not find everything in sync: ${lastRun.error ?? JSON.stringify(summary)}`);
  return broken;
}

/** The lead rows of the tab as they stand, with the columns that carry the add-on's notes. */
function leadRows(driver: ConvergenceDriver): LeadRowSeen[] {
  const tab = driver.tab;
  const width = tab.lastColumn();
  const header = Array.from({ length: width }, (_, index) => String(tab.cell(1, index + 1).value).trim().toLowerCase());
  const at = (name: string) => header.indexOf(name) + 1;
  const text = (row: number, column: number) => (column > 0 ? String(tab.cell(row, column).value) : '');
  const rows: LeadRowSeen[] = [];
  for (let row = 2; row <= Math.max(tab.lastRow(), 2); row++) {
    const flagged = new Set<string>();
    for (let column = 1; column <= width; column++) if (tab.cell(row, column).note.startsWith(FLAG_PREFIX)) flagged.add(header[column - 1] || `column ${column}`);
    const id = text(row, at('id'));
    if (!id && flagged.size === 0) continue;
    rows.push({ row, id, name: text(row, at('name')), status: text(row, at('status')), cardId: text(row, at('trello_card_id')), flagged });
  }
  return rows;
}

/** `leadId|field` of every conflict in the Sync Log. */
function conflictLines(driver: ConvergenceDriver): Set<string> {
  const log = driver.world.spreadsheet.sheet('Sync Log');
  const lines = log ? log.values().slice(1) : [];
  const found = new Set<string>();
  for (const [, direction, leadId, message] of lines) {
    if (direction !== 'conflict') continue;
    for (const field of ['status', 'name'] as const) if (String(message).startsWith(CONFLICT_WORDING[field])) found.add(`${String(leadId)}|${field}`);
  }
  return found;
}

/** Executions that failed other than by the kills the test asked for, and failures of the spreadsheet service. */
function executionProblems(driver: ConvergenceDriver): string[] {
  const problems: string[] = [];
  const executions = driver.world.gas.executions;
  const killed = executions.filter((execution) => execution.error === EXECUTION_TIME_EXCEEDED);
  if (killed.length > driver.killsMet) problems.push(`${killed.length} execution(s) stopped at the time limit, ${driver.killsMet} killed on purpose`);
  for (const execution of executions) {
    if (execution.error === EXECUTION_TIME_EXCEEDED) continue;
    if (execution.error) problems.push(`${execution.functionName} failed: ${execution.error}`);
    for (const line of execution.logs) if (line.startsWith('ERROR') && SHEETS_FAILURE.test(line)) problems.push(`${execution.functionName} logged: ${line}`);
  }
  return problems;
}
