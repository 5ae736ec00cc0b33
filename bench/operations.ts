// The operations the benchmark measures, each as a person or Trello would cause it, in a settled world.
import { HEADER, sampleRows, SyncWorld } from '../test/scenarios/sync-world';
import { type Bundle, deliverAll, nextList, nextStatus, runUntilFinished, settle } from './bench-world';
import { measure, type OperationCost } from './operation-cost';

/** The measured operations, in the order of the results. */
export const OPERATIONS = [
  'quiet scheduled run',
  'status edit',
  'echo delivery',
  'card move delivery',
  '100-row paste',
  '200 card moves',
  'first import',
] as const;

/** One of OPERATIONS. */
export type Operation = (typeof OPERATIONS)[number];

/** Rows of the pasted status column. */
export const PASTE_ROWS = 100;
const BURST_MOVES = 200;
const STATUS_INDEX = HEADER.indexOf('status');
const CARD_INDEX = HEADER.indexOf('trello_card_id');
/** The status column's letter (the lead tab holds HEADER from column A). */
const STATUS_COLUMN = String.fromCharCode('A'.charCodeAt(0) + STATUS_INDEX);

/** The lead of the middle of the sheet (a scan for it reads half the sheet), shifted by `round`. */
function middleLead(leads: number, round: number): number {
  return 1 + ((Math.floor(leads / 2) + round) % leads);
}

/** A person drags the card of each lead (its row's card id, read once) to the next list. */
function moveCardsOf(world: SyncWorld, leads: number[]): void {
  const rows = world.leads.values();
  for (const lead of leads) {
    const card = world.trello.card(String(rows[lead][CARD_INDEX]));
    if (!card) throw new Error(`lead L${lead} has no card`);
    world.person.moves(card.id, nextList(world.listNameOf(card)));
  }
}

/**
 * One round of the single-event operations on a settled world: a quiet scheduled run; a status edit, then the
 * delivery of the echo of the card move it made; a card moved on the board (a drag is two actions, so two
 * deliveries). `round` picks other leads each time.
 */
export function measureSingles(world: SyncWorld, leads: number, round: number): Map<Operation, OperationCost> {
  const costs = new Map<Operation, OperationCost>();
  settle(world);
  costs.set('quiet scheduled run', measure(world, () => runUntilFinished(world)));

  settle(world);
  const edited = middleLead(leads, round);
  const status = nextStatus(world.lead(`L${edited}`)?.status);
  costs.set('status edit', measure(world, () => world.gas.userEdit('LeadTracker', `${STATUS_COLUMN}${edited + 1}`, [[status]])));
  costs.set('echo delivery', measure(world, () => world.deliver()));

  settle(world);
  moveCardsOf(world, [middleLead(leads, round + 1)]);
  costs.set('card move delivery', measure(world, () => world.deliver()));
  settle(world);
  return costs;
}

/**
 * One round of the bulk operations on a settled world: a paste of a status column over 100 rows (one edit trigger
 * run), then 200 cards moved across the sheet, all delivered (Trello's retries of deliveries included). `round`
 * picks other cards each time.
 */
export function measureBulk(world: SyncWorld, leads: number, round: number): Map<Operation, OperationCost> {
  const costs = new Map<Operation, OperationCost>();
  settle(world);
  const statuses = world.leads.values().slice(1, 1 + Math.min(PASTE_ROWS, leads)).map((row) => [nextStatus(row[STATUS_INDEX])]);
  costs.set('100-row paste', measure(world, () => world.gas.userEdit('LeadTracker', `${STATUS_COLUMN}2`, statuses)));

  settle(world);
  const burst = Math.min(BURST_MOVES, leads);
  moveCardsOf(world, Array.from({ length: burst }, (_, k) => 1 + ((round + Math.floor((k * leads) / burst)) % leads)));
  costs.set('200 card moves', measure(world, () => deliverAll(world)));
  settle(world);
  return costs;
}

/** The first import: `leads` leads without cards, scheduled runs until the add-on says it finished. */
export function measureImport(bundle: Bundle, leads: number): { cost: OperationCost; world: SyncWorld } {
  const world = new SyncWorld({ dist: bundle.dist, rows: sampleRows(leads) });
  return { cost: measure(world, () => runUntilFinished(world)), world };
}
