// The functions Apps Script calls (menu, triggers, web app, sidebar), each wiring the services once.
import { gasServices, relayBox, sha256Digest, type Services } from '../adapters/gas-services';
import { addMenu, isAddOnContext, openSidebar, toast } from '../adapters/gas-ui';
import { handleSheetEdit, type EditEvent } from './edit-trigger';
import { healthReport } from './health';
import { pollChanges as pollLiveChanges } from './live-changes';
import { drainRelay, RELAY_PARAMETER, relayDelivery } from './relay';
import { guardedSync, LOCK_WAIT_MS } from './run-guard';
import { continueUnfinished } from './run-continuation';
import { paceSchedule } from './schedule-pacing';
import { setUp, tearDown } from './setup';
import { dismissError as dismissRecentError, listBoards as boardsOfAccount, listFieldChoices as fieldChoicesOfBoard, saveSettings as saveSidebarSettings, sidebarState } from './sidebar-api';
import type { ActionResult, BoardChoice, FieldChoices, LiveChanges, RecentError, SettingsInput, SidebarState, SyncSummary } from './sidebar-types';
import { receiveWebhook, type WebhookEvent } from './webhook-receiver';
import { registerWebhook as registerBoardWebhook, unregisterWebhook as unregisterBoardWebhook } from './webhook-registration';

/** Shows the outcome of a menu action in the spreadsheet (the sidebar shows it too) and hands it back. */
function shown<T extends { message: string }>(result: T): T {
  toast(result.message);
  return result;
}

/** Simple open trigger: the menu only (in AuthMode.NONE nothing else is allowed). */
export function onOpen(event?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  addMenu(isAddOnContext(event?.authMode));
}

/** Add-on install: the same menu. */
export function onInstall(event?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(event);
}

/** Menu and sidebar: a full two-way sync. */
export function syncNow(): SyncSummary {
  return shown(guardedSync(gasServices(), { kind: 'full' }, LOCK_WAIT_MS.manual));
}

/**
 * Time-driven trigger: a full two-way sync (catches formula, import and API edits and missed webhooks); a run that ran
 * out of time goes on at once; the schedule's pace is fitted to how long a quiet run takes on this sheet. An add-on's
 * run may have no document attached: the trigger's id tells which spreadsheet it syncs.
 */
export function onSchedule(event?: { triggerUid?: string }): SyncSummary | null {
  const services = gasServices(event?.triggerUid);
  if (!claimedRun(services)) return null;
  const startedAt = services.clock.now();
  const summary = guardedSync(services, { kind: 'full' }, LOCK_WAIT_MS.schedule);
  continueUnfinished(services, summary);
  paceSchedule(services, summary, startedAt);
  return summary;
}

/**
 * Installable edit trigger: a problem it finds in the edited rows is shown at once, beside the note on the cell; an
 * add-on's also takes the board changes its relay holds for this sheet (on any edit).
 */
export function onSheetEdit(event: EditEvent): SyncSummary | null {
  const services = gasServices();
  if (!claimedRun(services)) return null;
  const summary = handleSheetEdit(services, event);
  if (summary?.flagged) toast(summary.message);
  if (services.isAddOn) drainRelay(services);
  return summary;
}

/**
 * False for a run of another editor's stray trigger pair (set up before the add-on recorded whose they are): the
 * recorded owner's triggers do the work. Runs without the document cannot tell and go ahead.
 */
function claimedRun(services: Services): boolean {
  return services.activeSpreadsheetId() === null || services.triggers.claimRun();
}

/**
 * Web app POST: Trello webhook deliveries — synced at once for a bound script, relayed to the sheet for an installed
 * add-on (whose web app runs as its developer and opens no user's sheet). Always answers a text output.
 */
export function doPost(event: WebhookEvent): GoogleAppsScript.Content.TextOutput {
  let status: string;
  try {
    status = event?.parameter?.[RELAY_PARAMETER] !== undefined ? relayDelivery(relayBox(), sha256Digest, event) : receiveWebhook(gasServices(), event);
  } catch {
    status = 'failed';
  }
  return ContentService.createTextOutput(JSON.stringify({ status })).setMimeType(ContentService.MimeType.JSON);
}

/** Web app GET: health JSON, no secrets. */
export function doGet(): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(healthReport(gasServices()))).setMimeType(ContentService.MimeType.JSON);
}

/** Menu: opens the sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/** Menu and sidebar: one edit trigger and one time trigger (never duplicates), and the status dropdown. */
export function installTriggers(): ActionResult {
  return shown(setUp(gasServices()));
}

/** Sidebar: switches the triggers off. */
export function removeTriggers(): ActionResult {
  return tearDown(gasServices());
}

/** Menu and sidebar: registers the board webhook. */
export function registerWebhook(): ActionResult {
  return shown(registerBoardWebhook(gasServices()));
}

/** Sidebar: removes the board webhook. */
export function unregisterWebhook(): ActionResult {
  return unregisterBoardWebhook(gasServices());
}

/** Sidebar: its state. */
export function getSidebarState(): SidebarState {
  return sidebarState(gasServices());
}

/** Sidebar: saves settings. */
export function saveSettings(input: SettingsInput): ActionResult {
  return saveSidebarSettings(gasServices(), input);
}

/** Sidebar: dismisses one of the recent errors. */
export function dismissError(error: RecentError): ActionResult {
  return dismissRecentError(gasServices(), error);
}

/** Sidebar, every few seconds while it is open and visible: brings board changes into the sheet. */
export function pollChanges(): LiveChanges {
  return pollLiveChanges(gasServices());
}

/** Sidebar: the boards to pick from. */
export function listBoards(): BoardChoice[] {
  return boardsOfAccount(gasServices());
}

/** Sidebar: the sheet's columns and the board's fields the mapping editor offers. */
export function listFieldChoices(): FieldChoices {
  return fieldChoicesOfBoard(gasServices());
}
