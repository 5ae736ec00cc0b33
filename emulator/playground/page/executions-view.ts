// The latest executions of the bundle with their Sheets and Trello call counts (the product's cost model).
import { byId, make } from '../../../src/ui/dom';
import type { ExecutionView } from '../playground-types';

/** How many executions the table lists. */
const SHOWN_EXECUTIONS = 8;
const COLUMNS = ['Time', 'Function', 'ms', 'Sheets data calls', 'All Spreadsheet calls', 'Trello requests', 'Result'];

function row(execution: ExecutionView): HTMLTableRowElement {
  const tr = make('tr', undefined, execution.error === undefined ? '' : 'failed');
  const cells = [
    new Date(execution.startedAt).toLocaleTimeString([], { hour12: false }),
    execution.functionName,
    String(execution.durationMs),
    String(execution.sheetsDataCalls),
    String(execution.spreadsheetCalls),
    String(execution.trelloRequests),
    execution.error ?? 'ok',
  ];
  tr.append(...cells.map((text) => make('td', text)));
  return tr;
}

/** A run that read no sheet data, sent nothing to Trello and did not fail (e.g. an idle poll). */
function didNothing(execution: ExecutionView): boolean {
  return execution.sheetsDataCalls === 0 && execution.trelloRequests === 0 && execution.error === undefined;
}

/** Replaces the table with the latest of these executions (newest first), without those that did nothing if asked. */
export function renderExecutions(executions: readonly ExecutionView[], hideNoOps: boolean): void {
  const table = make('table', undefined, 'executions-table');
  const head = make('tr');
  head.append(...COLUMNS.map((title) => make('th', title)));
  table.createTHead().append(head);
  const shown = hideNoOps ? executions.filter((execution) => !didNothing(execution)) : executions;
  table.createTBody().append(...shown.slice(0, SHOWN_EXECUTIONS).map(row));
  byId('executions', HTMLDivElement).replaceChildren(table);
}
