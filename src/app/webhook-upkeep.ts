// Keeps the board webhook alive: each full run reads its state from Trello (inside the run's board batch), re-activates
// one Trello deactivated, registers again one Trello deleted, and keeps what it found for the sidebar and doGet.
import type { Services } from '../adapters/gas-services';
import type { TrelloClient, TrelloResult } from '../adapters/trello-client';
import { STATE_KEYS, type Settings } from '../core/settings';
import type { LogLine } from '../core/sync-plan';
import { callbackUrlFor, createBoardWebhook, headCheckAdvice, type WebhookJson } from './webhook-registration';

/** The webhook as the last full run found it (Trello's view, not the add-on's memory); stored only when it changes. */
export interface WebhookState {
  /** Whether Trello sends deliveries. */
  active: boolean;
  /** Failed deliveries in a row (a web app's 302 answer may count as one). */
  consecutiveFailures: number;
  firstConsecutiveFailDate: string | null;
  /** What happened or what to do, when something was wrong; empty otherwise. */
  note: string;
}

/** What the upkeep changes: state entries to set, entries to forget, Sync Log lines. */
export interface WebhookUpkeep {
  stateUpdates: Record<string, string>;
  forget: string[];
  log: LogLine[];
}

const NOTHING: WebhookUpkeep = { stateUpdates: {}, forget: [], log: [] };

/** The stored state, or null before any full run read it. */
export function storedWebhookState(entries: Record<string, string>): WebhookState | null {
  try {
    const state = JSON.parse(entries[STATE_KEYS.webhookState] ?? 'null') as WebhookState | null;
    return state && typeof state === 'object' ? state : null;
  } catch {
    return null;
  }
}

/**
 * Acts on Trello's answer about the stored webhook (`answer`, from the run's batch): an active one is only recorded;
 * an inactive one is switched back on (one request); a deleted one is registered again (one request, after Trello's
 * HEAD check of the web app). An answer that tells nothing (rate limit, outage) changes nothing.
 */
export function keepWebhookAlive(services: Services, trello: TrelloClient, settings: Settings, webhookId: string, answer: TrelloResult | undefined): WebhookUpkeep {
  if (!webhookId || !answer) return NOTHING;
  const record = (state: WebhookState, extra: Partial<WebhookUpkeep> = {}): WebhookUpkeep => ({
    stateUpdates: { [STATE_KEYS.webhookState]: JSON.stringify(state), ...extra.stateUpdates },
    forget: extra.forget ?? [],
    log: extra.log ?? [],
  });
  const info = (message: string): LogLine => ({ direction: 'info', leadId: '', message });
  if (answer.ok) {
    const webhook = answer.data as WebhookJson;
    const failures = { consecutiveFailures: Number(webhook.consecutiveFailures) || 0, firstConsecutiveFailDate: webhook.firstConsecutiveFailDate ?? null };
    if (webhook.active !== false) return record({ active: true, ...failures, note: '' });
    const [switched] = trello.sendAll([{ method: 'put', path: `/webhooks/${webhookId}`, body: { active: true } }]);
    const note = switched.ok
      ? `Trello had deactivated the webhook after ${failures.consecutiveFailures} failed deliveries; a full sync switched it back on.`
      : `Trello deactivated the webhook after ${failures.consecutiveFailures} failed deliveries and refused to switch it back on (${switched.message}). Register the webhook again in the sidebar.`;
    return record({ active: switched.ok, ...failures, note }, { log: [info(note)] });
  }
  if (answer.status !== 404 && answer.status !== 400) return NOTHING;
  const created = registerAgain(services, trello, settings);
  const note = created.ok
    ? 'Trello had deleted the webhook (its web app answered 410, or the token lost access); a full sync registered it again.'
    : `Trello deleted the webhook (its web app answered 410, or the token lost access), and it could not be registered again: ${created.message}`;
  const idUpdate: Record<string, string> = created.ok ? { [STATE_KEYS.webhookId]: created.id } : {};
  return record(
    { active: created.ok, consecutiveFailures: 0, firstConsecutiveFailDate: null, note },
    { stateUpdates: idUpdate, forget: created.ok ? [] : [STATE_KEYS.webhookId], log: [info(note)] },
  );
}

/** Registers the board webhook at the web app again, as the sidebar's action would. */
function registerAgain(services: Services, trello: TrelloClient, settings: Settings): { ok: true; id: string } | { ok: false; message: string } {
  const url = services.webAppUrl();
  if (!url || !/\/exec$/.test(url) || !settings.webhookSecret) return { ok: false, message: 'the web app is not deployed. Deploy it and register the webhook in the sidebar.' };
  const created = createBoardWebhook(trello, callbackUrlFor(services, url, settings.webhookSecret), settings.boardId);
  if (created.ok) return { ok: true, id: (created.data as WebhookJson).id };
  return { ok: false, message: headCheckAdvice(created.message, services.isAddOn) ?? `Trello refused it (${created.message}). Register the webhook again in the sidebar.` };
}
