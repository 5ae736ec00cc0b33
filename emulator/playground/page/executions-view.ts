// The latest executions of the bundle with their Sheets and Trello call counts (the product's cost model).
import { byId, make } from '../../../src/ui/dom';
import type { ExecutionView } from '../playground-types';

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

/** Replaces the table with these executions (newest first). */
export function renderExecutions(executions: readonly ExecutionView[]): void {
  const table = make('table', undefined, 'executions-table');
  const head = make('tr');
  head.append(...COLUMNS.map((title) => make('th', title)));
  table.createTHead().append(head);
  table.createTBody().append(...executions.map(row));
  byId('executions', HTMLDivElement).replaceChildren(table);
}
