// The worlds the benchmark measures in: a bundle (the project's or the naive baseline) over N linked leads, settled
// as after earlier syncs, and the helpers every operation uses.
import { linkedWorld, type SyncWorld } from '../test/scenarios/sync-world';
import { LIST_OF_STATUS, type ListName } from '../test/scenarios/default-lists';

/** A bundle under test: its name in the results and the folder GasEmulator loads it from. */
export interface Bundle {
  name: 'project' | 'baseline';
  dist: string;
}

/** A status of the next list, so that each edit moves a card: TODO → IN_PROGRESS → DONE → TODO. */
export function nextStatus(status: unknown): string {
  return { TODO: 'CONTACTED', IN_PROGRESS: 'COMPLETED', DONE: 'NEW' }[LIST_OF_STATUS[String(status)] ?? 'DONE'];
}

/** The next list, for a card moved on the board. */
export function nextList(list: string | undefined): ListName {
  return list === 'TODO' ? 'IN_PROGRESS' : list === 'IN_PROGRESS' ? 'DONE' : 'TODO';
}

/** A scheduled run repeated until it says it finished (a large sheet may take several), at most `maxRuns`. */
export function runUntilFinished(world: SyncWorld, maxRuns = 100): void {
  for (let run = 0; run < maxRuns; run++) {
    const result = world.gas.run<{ finished?: boolean }>('onSchedule', {}, { hasUi: false });
    if (result.error || result.returnValue?.finished !== false) return;
  }
}

/**
 * Delivers every queued webhook delivery and Trello's retries: the web app answers a delivery with Apps Script's 302,
 * which the Trello emulator (strict reading, see its README) counts as a failure and retries 30, 60 and 90 s later.
 */
export function deliverAll(world: SyncWorld): void {
  world.deliver();
  while (world.trello.pendingDeliveries() > 0) {
    world.clock.advance(30_000);
    world.deliver();
  }
}

/** Every webhook delivery still queued is delivered, then a minute passes (Trello's rate-limit windows empty). */
export function settle(world: SyncWorld): void {
  deliverAll(world);
  world.clock.advance(60_000);
}

/** `bundle` over `leads` linked leads, with its triggers and webhook installed and one full sync done. */
export function steadyWorld(bundle: Bundle, leads: number): SyncWorld {
  const world = linkedWorld(leads, { dist: bundle.dist, webApp: true });
  world.run('installTriggers');
  world.registerWebhook();
  runUntilFinished(world);
  settle(world);
  return world;
}

/** Leads whose card is missing or not in the list their status maps to (0 when sheet and board agree). */
export function leadsOutOfSync(world: SyncWorld): number {
  const [header, ...rows] = world.sheetValues() as unknown[][];
  const status = header.indexOf('status');
  const cardId = header.indexOf('trello_card_id');
  const listNames = new Map(world.trello.listsOn(world.workspace.board.id).map((list) => [list.id, list.name]));
  return rows.filter((row) => {
    const card = world.trello.card(String(row[cardId]));
    return !card || listNames.get(card.idList) !== LIST_OF_STATUS[String(row[status])];
  }).length;
}
