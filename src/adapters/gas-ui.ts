// The spreadsheet UI: the menu (an add-on menu when installed as an add-on) and the sidebar.

/** Menu captions and the top-level functions they call. */
export const MENU_ITEMS: ReadonlyArray<readonly [caption: string, functionName: string]> = [
  ['Sync now', 'syncNow'],
  ['Open sidebar', 'showSidebar'],
  ['Set up triggers', 'installTriggers'],
  ['Register webhook', 'registerWebhook'],
];

/** The menu title in a bound script. */
export const MENU_TITLE = 'Trello Sync';

/**
 * Adds the menu. `addOnMenu` when running as an add-on (always so in AuthMode.NONE, where nothing else may be called);
 * an add-on has no webhook of its own (its web app would run as the developer), so it offers no "Register webhook".
 */
export function addMenu(addOnMenu: boolean): void {
  const ui = SpreadsheetApp.getUi();
  const menu = addOnMenu ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const [caption, functionName] of MENU_ITEMS) {
    if (!(addOnMenu && functionName === 'registerWebhook')) menu.addItem(caption, functionName);
  }
  menu.addToUi();
}

/** Opens the sidebar. */
export function openSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Trello Sync'));
}

/** Shows a short message in the spreadsheet when one is open with a UI (ignored in triggers and the web app). */
export function toast(message: string): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet()?.toast(message, 'Trello Sync', 5);
  } catch {
    // No UI in this execution: the message is in the returned summary and the Sync Log.
  }
}

/** True when this execution runs an editor add-on (or cannot tell, in AuthMode.NONE). */
export function isAddOnContext(authMode: GoogleAppsScript.Script.AuthMode | undefined): boolean {
  // Compared by name: the event's value prints as the enum's name.
  if (authMode !== undefined && String(authMode) === String(ScriptApp.AuthMode.NONE)) return true;
  try {
    return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  } catch {
    return false; // a simple trigger that may not ask: the bound script's menu still works
  }
}
