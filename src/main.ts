// Apps Script entry points: assigns the global functions that Apps Script calls, and nothing else.
import {
  dismissError,
  doGet,
  doPost,
  getSidebarState,
  installTriggers,
  listBoards,
  listFieldChoices,
  onInstall,
  onOpen,
  onSchedule,
  onSheetEdit,
  pollChanges,
  registerWebhook,
  removeTriggers,
  saveSettings,
  showSidebar,
  syncNow,
  unregisterWebhook,
} from './app/entry-points';

declare const global: Record<string, unknown>;

global.onOpen = onOpen;
global.onInstall = onInstall;
global.onSheetEdit = onSheetEdit;
global.onSchedule = onSchedule;
global.syncNow = syncNow;
global.doPost = doPost;
global.doGet = doGet;
global.showSidebar = showSidebar;
global.installTriggers = installTriggers;
global.removeTriggers = removeTriggers;
global.registerWebhook = registerWebhook;
global.unregisterWebhook = unregisterWebhook;
global.getSidebarState = getSidebarState;
global.saveSettings = saveSettings;
global.listBoards = listBoards;
global.listFieldChoices = listFieldChoices;
global.dismissError = dismissError;
global.pollChanges = pollChanges;
