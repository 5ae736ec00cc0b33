// Checks settings before the sidebar saves them: the lead tab, its header, the board and the mapped lists.
import type { Services } from '../adapters/gas-services';
import { LEAD_COLUMNS } from '../core/lead';
import { locateColumns } from '../core/lead-table';
import { cellText } from '../core/cell-text';
import { unmatchedColumns, unmatchedColumnsMessage } from '../core/field-mapping';
import { secretsOf, type Settings } from '../core/settings';
import { mappedListNames } from '../core/status-mapping';
import { createList, readOpenLists } from './board-reader';
import { errorMessage } from './error-message';

/** What a check found wrong, in the sidebar's words; `missingLists` when the answer is "create them?". */
export interface SettingsProblem {
  message: string;
  missingLists?: string[];
}

const names = (items: readonly string[]) => items.map((item) => `“${item}”`).join(', ');

/** Why the lead tab of `settings` cannot be synced, or null when it has every lead column. */
function sheetProblem(services: Services, settings: Settings): string | null {
  const spreadsheet = services.spreadsheet(settings);
  const sheet = spreadsheet.getSheetByName(settings.sheetName);
  if (!sheet) return `There is no tab named “${settings.sheetName}” in this spreadsheet.`;
  const header = services.leadStore(spreadsheet, settings.sheetName).readHeader();
  const columns = locateColumns(header);
  const missing = LEAD_COLUMNS.filter((column) => columns[column] === undefined);
  const unmatched = unmatchedColumns(settings.fieldMapping ?? [], header.map((cell) => cellText(cell)));
  if (missing.length === 0) return unmatched.length ? unmatchedColumnsMessage(settings.sheetName, unmatched) : null;
  return `The tab “${settings.sheetName}” has no column ${names(missing)} in its first row. Add a header cell with that text (any order, any case).`;
}

/**
 * Why the board cannot take the mapping: it cannot be read, or mapped lists are missing (created here when
 * `createLists` says the person asked for it). Skipped until key, token and board are all set.
 */
function boardProblem(services: Services, settings: Settings, createLists: boolean): SettingsProblem | null {
  if (!settings.key || !settings.token || !settings.boardId) return null;
  const trello = services.trello(settings, services.clock.now() + 30_000);
  let open: string[];
  try {
    open = readOpenLists(trello, settings.boardId).map((list) => list.name.trim());
  } catch (error) {
    return { message: `The board cannot be read with this token: ${errorMessage(error, secretsOf(settings))}` };
  }
  const missing = mappedListNames(settings.mapping).filter((name) => !open.includes(name));
  if (missing.length === 0) return null;
  if (!createLists) {
    const one = missing.length === 1;
    return { message: `The ${one ? 'list' : 'lists'} ${names(missing)} ${one ? 'does' : 'do'} not exist on the board. Create ${one ? 'it' : 'them'}?`, missingLists: missing };
  }
  for (const name of missing) createList(trello, settings.boardId, name);
  return null;
}

/** The first problem of `settings` that would break syncing, or null when they can be saved. */
export function settingsProblem(services: Services, settings: Settings, createLists: boolean): SettingsProblem | null {
  const sheet = sheetProblem(services, settings);
  return sheet ? { message: sheet } : boardProblem(services, settings, createLists);
}
