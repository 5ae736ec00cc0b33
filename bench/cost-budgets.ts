// The project's cost budgets (README, "Cost budgets") for each benchmarked operation, and how much of its budget an
// operation used: the larger of Sheets data calls ÷ their budget and Trello requests ÷ theirs (1 = exactly at budget).
import type { Operation } from './operations';
import type { OperationCost } from './operation-cost';

/** What an operation may cost. */
export interface Budget {
  sheetsDataCalls: number;
  trelloRequests: number;
}

/** Per webhook delivery: ≤ 4 Sheets data calls, ≤ 2 Trello requests. */
const DELIVERY: Budget = { sheetsDataCalls: 4, trelloRequests: 2 };

/**
 * The budget of `operation` as the README states it, scaled where the operation is several budgeted events: a
 * delivery budget per delivery, an edit's Trello budget (one write and one read) per row of a paste, the first
 * import's N card creations plus two reads and at most 10 Sheets data calls per run (its O(1)).
 */
export function budgetOf(operation: Operation, cost: OperationCost, leads: number, pastedRows: number): Budget {
  switch (operation) {
    case 'quiet scheduled run':
      return { sheetsDataCalls: 1, trelloRequests: 1 };
    case 'status edit':
      return { sheetsDataCalls: 4, trelloRequests: 2 };
    case 'echo delivery':
      return { sheetsDataCalls: cost.executions, trelloRequests: DELIVERY.trelloRequests * cost.executions };
    case 'card move delivery':
    case '200 card moves':
      return { sheetsDataCalls: DELIVERY.sheetsDataCalls * cost.executions, trelloRequests: DELIVERY.trelloRequests * cost.executions };
    case '100-row paste':
      return { sheetsDataCalls: 4, trelloRequests: 2 * pastedRows };
    case 'first import':
      return { sheetsDataCalls: 10 * cost.executions, trelloRequests: leads + 2 * cost.executions };
  }
}

function ratio(measured: number, budget: number): number {
  if (budget === 0) return measured === 0 ? 0 : Infinity;
  return measured / budget;
}

/** The larger of the two ratios measured ÷ budget. */
export function budgetUse(cost: OperationCost, budget: Budget): number {
  return Math.max(ratio(cost.sheetsDataCalls, budget.sheetsDataCalls), ratio(cost.trelloRequests, budget.trelloRequests));
}
