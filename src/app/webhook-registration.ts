// Registers the board webhook at this script's web app (URL secret), replacing earlier ones; and removes it.
import type { Services } from '../adapters/gas-services';
import { trelloPath, type TrelloClient, type TrelloResult } from '../adapters/trello-client';
import { errorMessage } from './error-message';
import { relayCallbackUrl } from './relay';
import { rememberWebhookSecret } from './webhook-secret';
import { requireConnection, secretsOf, SETTING_KEYS, settingsFrom, STATE_KEYS, type Settings } from '../core/settings';

/** The JSON-able outcome of a webhook action. */
export interface WebhookActionResult {
  ok: boolean;
  message: string;
}

/** A webhook as Trello answers it (the fields the add-on reads). */
export interface WebhookJson {
  id: string;
  idModel: string;
  callbackURL: string;
  active?: boolean;
  consecutiveFailures?: number;
  firstConsecutiveFailDate?: string | null;
}

/** Trello's answer when the HEAD check of the callback URL fails (a GAS /exec URL with "Anyone" access answers 403). */
const HEAD_CHECK_FAILED = /did not return 200 status code, got (\d+)/;

/** The callback URL of the board webhook: the web app URL with the secret. */
export function webhookCallbackUrl(webAppUrl: string, secret: string): string {
  return `${webAppUrl}?secret=${encodeURIComponent(secret)}`;
}

/**
 * The callback URL for this deployment: a bound script's web app syncs deliveries itself (`secret`); an installed
 * add-on's web app runs as its developer and only relays them to the sheet (`relay`).
 */
export function callbackUrlFor(services: Services, webAppUrl: string, secret: string): string {
  return services.isAddOn ? relayCallbackUrl(webAppUrl, secret) : webhookCallbackUrl(webAppUrl, secret);
}

/** Asks Trello for the board webhook (Trello first sends a HEAD to the callback URL). */
export function createBoardWebhook(trello: TrelloClient, callbackURL: string, boardId: string): TrelloResult {
  const [created] = trello.sendAll([{ method: 'post', path: '/webhooks', body: { callbackURL, idModel: boardId, description: 'Sheets ⇄ Trello Sync' } }]);
  return created;
}

/** What to do when Trello's HEAD check of the web app failed, or undefined when that was not the refusal. */
export function headCheckAdvice(message: string, isAddOn = false): string | undefined {
  const headCheck = HEAD_CHECK_FAILED.exec(message);
  if (!headCheck) return undefined;
  if (isAddOn) {
    return (
      `Trello checks the add-on's web app before it creates a webhook, and it answered ${headCheck[1]}; only the add-on's ` +
      'developer can change that. Meanwhile board changes reach the sheet within seconds while the sidebar is open, and with the hourly run.'
    );
  }
  return (
    `Trello checks the web app URL before it creates a webhook, and the web app answered ${headCheck[1]}. ` +
    'A web app with access "Anyone" answers 403 to that check. Fix: Deploy → Manage deployments → edit → ' +
    'set "Who has access" to "Only myself", register the webhook again, then set access back to "Anyone".'
  );
}

function webhooksOfBoard(trello: TrelloClient, boardId: string): WebhookJson[] {
  // The token's webhooks are listed through the member, so that no URL carries the token itself.
  const tokens = trello.request<{ webhooks?: WebhookJson[] }[]>({ method: 'get', path: '/members/me/tokens', query: { webhooks: 'true' } });
  return tokens.flatMap((token) => token.webhooks ?? []).filter((webhook) => webhook.idModel === boardId);
}

/** Keeps the webhook's id; what an earlier run found about another webhook no longer holds (the next full run reads it). */
function rememberWebhook(services: Services, webhookId: string): void {
  services.store.delete([STATE_KEYS.webhookState]);
  services.store.set({ [STATE_KEYS.webhookId]: webhookId });
}

/** Runs `act` with a Trello client; every message it returns or throws is cleared of the key, token and secrets. */
function withTrello(services: Services, act: (trello: TrelloClient, settings: Settings) => WebhookActionResult): WebhookActionResult {
  const settings = settingsFrom(services.store.getAll());
  // A secret generated during the action is cleared too.
  const secrets = () => [...secretsOf(settings), services.store.get(SETTING_KEYS.webhookSecret) ?? ''];
  try {
    requireConnection(settings);
    const result = act(services.trello(settings, services.clock.now() + 60_000), settings);
    return { ok: result.ok, message: errorMessage(result.message, secrets()) };
  } catch (error) {
    return { ok: false, message: errorMessage(error, secrets()) };
  }
}

/** Creates the board webhook (generating the secret on first use); earlier webhooks of this board are removed. */
export function registerWebhook(services: Services): WebhookActionResult {
  return withTrello(services, (trello, settings) => {
    const url = services.webAppUrl();
    if (!url) return { ok: false, message: 'Deploy this script as a web app first (Deploy → New deployment → Web app, execute as me), then register again.' };
    if (!/\/exec$/.test(url)) {
      return { ok: false, message: `Apps Script gave the web app's test URL (${url}), which Trello cannot call. Deploy a version (Deploy → New deployment → Web app) and register again.` };
    }
    // The web app may run without an active spreadsheet: remember which one deliveries are for.
    const spreadsheetId = services.activeSpreadsheetId();
    if (spreadsheetId && !settings.spreadsheetId) services.store.set({ [SETTING_KEYS.spreadsheetId]: spreadsheetId });
    const secret = settings.webhookSecret || services.newSecret();
    services.store.set({ [SETTING_KEYS.webhookSecret]: secret }, { [SETTING_KEYS.webhookSecret]: settings.webhookSecret });
    rememberWebhookSecret(services, secret);
    const callbackURL = callbackUrlFor(services, url, secret);
    const earlier = webhooksOfBoard(trello, settings.boardId);
    const current = earlier.find((webhook) => webhook.callbackURL === callbackURL);
    const stale = earlier.filter((webhook) => webhook !== current);
    // Webhooks of other tokens cannot be deleted with this one; those answers are ignored.
    trello.sendAll(stale.map((webhook) => ({ method: 'delete', path: trelloPath('webhooks', webhook.id) })));
    if (current) {
      rememberWebhook(services, current.id);
      return { ok: true, message: 'The webhook was already registered; card moves reach the sheet within seconds.' };
    }
    const created = createBoardWebhook(trello, callbackURL, settings.boardId);
    if (created.ok) {
      rememberWebhook(services, (created.data as WebhookJson).id);
      return { ok: true, message: registeredMessage(services) };
    }
    const advice = headCheckAdvice(created.message, services.isAddOn);
    if (advice) return { ok: false, message: advice };
    if (/already exists/i.test(created.message)) {
      const existing = webhooksOfBoard(trello, settings.boardId).find((webhook) => webhook.callbackURL === callbackURL);
      if (existing) {
        rememberWebhook(services, existing.id);
        return { ok: true, message: 'The webhook was already registered.' };
      }
    }
    return { ok: false, message: `Trello refused the webhook: ${created.message}` };
  });
}

function registeredMessage(services: Services): string {
  return services.isAddOn
    ? "Webhook registered through the add-on's relay: card moves reach the sheet within seconds while someone edits it or the sidebar is open, else with the hourly run."
    : 'Webhook registered: card moves now reach the sheet within seconds.';
}

/** Deletes the registered webhook (the scheduled run keeps pulling board changes). */
export function unregisterWebhook(services: Services): WebhookActionResult {
  return withTrello(services, (trello) => {
    const webhookId = services.store.get(STATE_KEYS.webhookId);
    if (!webhookId) return { ok: true, message: 'No webhook is registered.' };
    const [result] = trello.sendAll([{ method: 'delete', path: trelloPath('webhooks', webhookId) }]);
    if (!result.ok && result.status !== 404) return { ok: false, message: `Trello refused to delete the webhook: ${result.message}` };
    services.store.delete([STATE_KEYS.webhookId, STATE_KEYS.webhookState]);
    return { ok: true, message: 'Webhook removed; board changes now arrive with the scheduled run.' };
  });
}
