// Planning with the board's change times: a conflict settled without the board's time reads the card's own actions first.
import type { TrelloClient, TrelloResult } from '../../src/adapters/trello-client';
import { cardRoute } from '../../src/app/board-reader';
import { planWithBoardTimes } from '../../src/app/plan-with-board-times';
import { base, card, LISTS, NOW, planInput, row, type Scenario } from '../core/plan-fixture';

const BOARD = 'b00000000000000000000001';
const C1 = 'c00000000000000000000001';
const C2 = 'c00000000000000000000002';

/** L1's status edited in the sheet (a known time) and its card moved on the board (time not read); L2 in sync. */
const conflict: Scenario = {
  rows: [row('L1', 'Ada', 'CONTACTED', C1), row('L2', 'Bo', 'NEW', C2)],
  base: [base('L1', C1, 'NEW', 'TODO', 'Ada'), base('L2', C2, 'NEW', 'TODO', 'Bo')],
  cards: [card(C1, 'L1', 'DONE', 'Ada'), card(C2, 'L2', 'TODO', 'Bo')],
  editTimes: [['L1', { status: NOW - 60_000 }]],
};

/** Card C1 as Trello answers `/cards/{id}?actions=updateCard`: moved to DONE at `movedAt`. */
function movedCard(movedAt: number): TrelloResult {
  const action = { id: 'a00000000000000000000001', type: 'updateCard', date: new Date(movedAt).toISOString(), data: { card: { id: C1 }, listAfter: { id: LISTS.get('DONE') }, old: { idList: LISTS.get('TODO') } } };
  return { ok: true, status: 200, data: { ...card(C1, 'L1', 'DONE', 'Ada'), idBoard: BOARD, actions: [action] } };
}

/** A Trello client that answers every batched route with `answer`, and remembers the routes it was asked. */
function trelloAnswering(answer: TrelloResult) {
  const asked: string[][] = [];
  const trello = { batchGet: (routes: string[]) => (asked.push(routes), routes.map(() => answer)) } as unknown as TrelloClient;
  return { trello, asked };
}

describe('planWithBoardTimes', () => {
  it("reads only the conflicting card's own actions, in one batch, and lets the newer board move win", () => {
    const { trello, asked } = trelloAnswering(movedCard(NOW - 1000));
    const { plan, unread } = planWithBoardTimes(trello, BOARD, new Set(), planInput(conflict));
    expect(asked).toEqual([[cardRoute(C1)]]);
    expect(unread).toEqual([]);
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({ leadId: 'L1', cells: { status: 'COMPLETED' } });
    expect(plan.steps[0].trello).toBeUndefined();
    expect(plan.steps[0].log.map((line) => line.direction)).toEqual(['conflict']);
  });

  it('keeps the sheet when the re-read move is older than the sheet edit', () => {
    const { trello } = trelloAnswering(movedCard(NOW - 120_000));
    const { plan } = planWithBoardTimes(trello, BOARD, new Set(), planInput(conflict));
    expect(plan.steps[0].trello).toEqual({ kind: 'update', cardId: C1, fields: { idList: LISTS.get('IN_PROGRESS') } });
  });

  it('leaves the lead out of the plan when the card cannot be read, rather than settle the conflict without its time', () => {
    const { trello } = trelloAnswering({ ok: false, status: 500, message: 'Internal Server Error', retryable: true });
    const { plan, unread } = planWithBoardTimes(trello, BOARD, new Set(), planInput(conflict));
    expect(unread).toEqual([C1]);
    expect(plan.steps).toEqual([]);
  });

  it('reads nothing when the board time is known, the card was already read with its actions, or nothing conflicts', () => {
    const { trello, asked } = trelloAnswering(movedCard(NOW - 1000));
    planWithBoardTimes(trello, BOARD, new Set(), planInput({ ...conflict, changeTimes: [[C1, { list: NOW - 1000 }]] }));
    planWithBoardTimes(trello, BOARD, new Set([C1]), planInput(conflict));
    planWithBoardTimes(trello, BOARD, new Set(), planInput({ ...conflict, editTimes: [] })); // the sheet's time unknown: the sheet wins anyway
    planWithBoardTimes(trello, BOARD, new Set(), planInput({ ...conflict, cards: [card(C1, 'L1', 'TODO', 'Ada'), card(C2, 'L2', 'TODO', 'Bo')] }));
    expect(asked).toEqual([]);
  });
});
