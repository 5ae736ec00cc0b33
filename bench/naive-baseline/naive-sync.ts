// A naive Apps Script port of the Python prototype the add-on replaces, the benchmark's baseline: it works (cards end
// in the right lists, moves reach the sheet) but reads the sheet cell by cell, GETs then PUTs every card, scans the
// whole sheet for a webhook's card and waits out a 429 with a one-second sleep. Compiled by naive-bundle.ts.
import { LIST_OF_STATUS } from '../../test/scenarios/default-lists';

/** The status a card moved to a list takes. */
const STATUS_OF_LIST: Record<string, string> = { TODO: 'NEW', IN_PROGRESS: 'CONTACTED', DONE: 'COMPLETED' };
const LEAD_TAB = 'LeadTracker';
/** A scheduled run stops here and the next one goes on from the row it reached (Apps Script stops a run at 6 minutes). */
const RUN_BUDGET_MS = 300_000;
const NEXT_ROW_KEY = 'NAIVE_NEXT_ROW';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Json = Record<string, unknown>;

interface Columns {
  id: number;
  name: number;
  email: number;
  status: number;
  source: number;
  card: number;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

function leadSheet(): Sheet {
  const book = SpreadsheetApp.getActiveSpreadsheet() ?? SpreadsheetApp.openById(String(properties().getProperty('SPREADSHEET_ID')));
  const sheet = book.getSheetByName(LEAD_TAB);
  if (!sheet) throw new Error(`no ${LEAD_TAB} tab`);
  return sheet;
}

function cell(sheet: Sheet, row: number, column: number): string {
  return String(sheet.getRange(row, column).getValue());
}

/** The header row, one cell at a time. */
function columnsOf(sheet: Sheet): Columns {
  const found: Record<string, number> = {};
  for (let column = 1; column <= sheet.getLastColumn(); column++) found[cell(sheet, 1, column).toLowerCase()] = column;
  return { id: found.id, name: found.name, email: found.email, status: found.status, source: found.source, card: found.trello_card_id };
}

/** One Trello request; a 429 is retried after one second, for as long as the run lasts. */
function trello(method: 'get' | 'post' | 'put', path: string, payload?: Json): Json {
  const props = properties();
  const authorization = `OAuth oauth_consumer_key="${props.getProperty('TRELLO_KEY')}", oauth_token="${props.getProperty('TRELLO_TOKEN')}"`;
  for (;;) {
    const response = UrlFetchApp.fetch(`https://api.trello.com/1${path}`, {
      method,
      contentType: 'application/json',
      payload: payload ? JSON.stringify(payload) : undefined,
      headers: { Authorization: authorization },
      muteHttpExceptions: true,
    });
    const code = response.getResponseCode();
    if (code === 429) {
      Utilities.sleep(1000);
      continue;
    }
    if (code >= 300) throw new Error(`Trello answered ${code} to ${method.toUpperCase()} ${path}`);
    return JSON.parse(response.getContentText()) as Json;
  }
}

/** List name → list id of the board. */
function listIds(): Record<string, string> {
  const lists = trello('get', `/boards/${properties().getProperty('TRELLO_BOARD_ID')}/lists`) as unknown as Json[];
  return Object.fromEntries(lists.map((list) => [String(list.name), String(list.id)]));
}

/** Pushes one row to its card: creates the card, or GETs it and PUTs the row's list and name. */
function syncRow(sheet: Sheet, columns: Columns, lists: Record<string, string>, row: number): void {
  const id = cell(sheet, row, columns.id);
  if (!id) return;
  const name = cell(sheet, row, columns.name);
  const email = cell(sheet, row, columns.email);
  const source = cell(sheet, row, columns.source);
  const listId = lists[LIST_OF_STATUS[cell(sheet, row, columns.status)]];
  const cardId = cell(sheet, row, columns.card);
  if (!listId) return;
  if (!cardId) {
    const card = trello('post', '/cards', { idList: listId, name, desc: `Lead ${id} (${email}, ${source})` });
    sheet.getRange(row, columns.card).setValue(card.id);
    return;
  }
  trello('get', `/cards/${cardId}`);
  trello('put', `/cards/${cardId}`, { idList: listId, name });
}

/** The scheduled full sync: every row, from where the last run stopped. */
export function onSchedule(): { finished: boolean } {
  const started = Date.now();
  const sheet = leadSheet();
  const columns = columnsOf(sheet);
  const lists = listIds();
  const props = properties();
  const lastRow = sheet.getLastRow();
  for (let row = Number(props.getProperty(NEXT_ROW_KEY) ?? 2); row <= lastRow; row++) {
    if (Date.now() - started > RUN_BUDGET_MS) {
      props.setProperty(NEXT_ROW_KEY, String(row));
      return { finished: false };
    }
    syncRow(sheet, columns, lists, row);
  }
  props.deleteProperty(NEXT_ROW_KEY);
  return { finished: true };
}

/** The installable edit trigger: every edited row goes to its card. */
export function onSheetEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  if (range.getSheet().getName() !== LEAD_TAB) return;
  const sheet = leadSheet();
  const columns = columnsOf(sheet);
  const lists = listIds();
  for (let row = Math.max(2, range.getRow()); row <= range.getLastRow(); row++) syncRow(sheet, columns, lists, row);
}

/** Trello's webhook: a card moved to another list sets its lead's status, found by scanning the card id column. */
export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const output = ContentService.createTextOutput('ok');
  if (event.parameter.secret !== properties().getProperty('WEBHOOK_SECRET')) return output;
  const action = (JSON.parse(event.postData.contents) as { action: { type: string; data: Json } }).action;
  const listAfter = action.data.listAfter as Json | undefined;
  if (action.type !== 'updateCard' || !listAfter) return output;
  const cardId = String((action.data.card as Json).id);
  const sheet = leadSheet();
  const columns = columnsOf(sheet);
  const lastRow = sheet.getLastRow();
  for (let row = 2; row <= lastRow; row++) {
    if (cell(sheet, row, columns.card) !== cardId) continue;
    const listName = String(listAfter.name);
    if (LIST_OF_STATUS[cell(sheet, row, columns.status)] !== listName) sheet.getRange(row, columns.status).setValue(STATUS_OF_LIST[listName]);
    break;
  }
  return output;
}

/** Registers the board webhook to this web app, with a secret in its URL. */
export function registerWebhook(): { ok: boolean; message: string } {
  const props = properties();
  const secret = Utilities.getUuid();
  props.setProperty('WEBHOOK_SECRET', secret);
  props.setProperty('SPREADSHEET_ID', SpreadsheetApp.getActiveSpreadsheet().getId());
  const callbackURL = `${ScriptApp.getService().getUrl()}?secret=${secret}`;
  trello('post', '/webhooks', { callbackURL, idModel: props.getProperty('TRELLO_BOARD_ID') });
  return { ok: true, message: 'webhook registered' };
}

/** Installs the edit trigger. */
export function installTriggers(): void {
  ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
}
