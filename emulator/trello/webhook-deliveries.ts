// The queue of webhook deliveries: signed POSTs waiting to be sent, and Trello's retries after a failure.
import type { HttpRequest, HttpResponse } from '../http';
import type { TrelloStore, WebhookRecord } from './trello-store';
import { signWebhookDelivery } from './webhook-signature';

/** After a failed attempt, Trello retries 3 times; these are the waits before each retry. */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [30_000, 60_000, 90_000];

/** When Trello deactivates a failing webhook: after `failures` consecutive failed attempts spanning `days` days. */
export interface WebhookDeactivation {
  failures: number;
  days: number;
}

/** Trello's documented rule: a webhook failing for 30 days and at least 1,000 times in a row is deactivated. */
export const WEBHOOK_DEACTIVATION: WebhookDeactivation = { failures: 1000, days: 30 };

/** The answer with which a callback asks Trello to delete its webhook. */
const GONE = 410;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One POST to a callback URL. */
export interface DeliveryAttempt {
  webhookId: string;
  actionId: string;
  callbackURL: string;
  /** 1 for the first try, 2–4 for retries. */
  attempt: number;
  /** The callback's status, or 0 when it could not be reached. */
  status: number;
  /** Why the callback could not be reached. */
  error?: string;
}

/** What one `deliverWebhooks()` did. */
export interface DeliveryReport {
  attempts: DeliveryAttempt[];
  /** Attempts answered with 2xx. */
  delivered: number;
  /** Attempts answered otherwise (a 302 counts as a failure) or not answered. */
  failed: number;
  /** Failures that will be retried once the clock reaches their time. */
  retriesScheduled: number;
  /** Deliveries dropped: webhook deleted or inactive, or retries exhausted. */
  dropped: number;
  /** Webhooks deactivated by this run (too many failures). */
  deactivated: string[];
  /** Webhooks deleted by this run (their callback answered 410). */
  deleted: string[];
}

interface QueuedDelivery {
  webhookId: string;
  actionId: string;
  body: string;
  attempt: number;
  dueAt: number;
}

/** A due delivery, taken off the queue: send `request`, then report the outcome to the run. */
export interface DueDelivery {
  readonly queued: QueuedDelivery;
  readonly webhook: WebhookRecord;
  readonly request: HttpRequest;
}

/** Pending deliveries, in the order their actions happened. */
export class WebhookDeliveryQueue {
  private queue: QueuedDelivery[] = [];

  constructor(
    private readonly store: TrelloStore,
    private readonly appSecretOf: (webhook: WebhookRecord) => string,
    private readonly deactivation: WebhookDeactivation,
  ) {}

  /** Queues a delivery of `body` (the `{model, action}` envelope) to `webhook`, due now. */
  enqueue(webhook: WebhookRecord, actionId: string, body: string): void {
    this.queue.push({ webhookId: webhook.id, actionId, body, attempt: 1, dueAt: this.store.clock.now() });
  }

  /** Deliveries waiting, due or not. */
  size(): number {
    return this.queue.length;
  }

  /** Takes every due delivery off the queue; the returned run sends them and requeues retries. */
  startRun(): DeliveryRun {
    const now = this.store.clock.now();
    const due = this.queue.filter((d) => d.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    this.queue = this.queue.filter((d) => d.dueAt > now);
    const run = new DeliveryRun(this.store, this.deactivation, (retry) => this.queue.push(retry));
    for (const queued of due) {
      const webhook = this.store.webhooks.get(queued.webhookId);
      if (!webhook?.active) {
        run.report.dropped++;
        continue;
      }
      run.due.push({ queued, webhook, request: this.signedRequest(webhook, queued.body) });
    }
    return run;
  }

  /**
   * Test control: takes every queued delivery off the queue, due or not, as the signed POSTs Trello would send (those
   * of deleted or inactive webhooks are dropped). Trello never hands its queue out; a test uses this to send
   * deliveries late, twice, out of order or never.
   */
  takeAll(): HttpRequest[] {
    const taken = this.queue.sort((a, b) => a.dueAt - b.dueAt);
    this.queue = [];
    return taken.flatMap((queued) => {
      const webhook = this.store.webhooks.get(queued.webhookId);
      return webhook?.active ? [this.signedRequest(webhook, queued.body)] : [];
    });
  }

  private signedRequest(webhook: WebhookRecord, body: string): HttpRequest {
    const signature = signWebhookDelivery(this.appSecretOf(webhook), body, webhook.callbackURL);
    return { method: 'POST', url: webhook.callbackURL, headers: { 'content-type': 'application/json', 'x-trello-webhook': signature }, body };
  }
}

/** One pass over the due deliveries; `settle` each one with what its callback answered. */
export class DeliveryRun {
  readonly due: DueDelivery[] = [];
  readonly report: DeliveryReport = { attempts: [], delivered: 0, failed: 0, retriesScheduled: 0, dropped: 0, deactivated: [], deleted: [] };

  constructor(
    private readonly store: TrelloStore,
    private readonly deactivation: WebhookDeactivation,
    private readonly requeue: (retry: QueuedDelivery) => void,
  ) {}

  /** Whether a due delivery is still to be sent: an earlier one of this run may have deleted or deactivated its webhook. */
  stillSending(delivery: DueDelivery): boolean {
    const live = this.store.webhooks.get(delivery.webhook.id)?.active === true;
    if (!live) this.report.dropped++;
    return live;
  }

  settle(delivery: DueDelivery, outcome: HttpResponse | Error): void {
    const { queued, webhook } = delivery;
    const now = this.store.clock.now();
    const status = outcome instanceof Error ? 0 : outcome.status;
    const attempt: DeliveryAttempt = { webhookId: webhook.id, actionId: queued.actionId, callbackURL: webhook.callbackURL, attempt: queued.attempt, status };
    if (outcome instanceof Error) attempt.error = outcome.message;
    this.report.attempts.push(attempt);
    if (status >= 200 && status < 300) {
      this.report.delivered++;
      webhook.consecutiveFailures = 0;
      webhook.firstConsecutiveFailDate = null;
      return;
    }
    this.report.failed++;
    if (status === GONE) {
      this.store.webhooks.delete(webhook.id);
      this.report.deleted.push(webhook.id);
      this.report.dropped++;
      return;
    }
    webhook.consecutiveFailures++;
    webhook.firstConsecutiveFailDate ??= now;
    if (webhook.active && this.failingTooLong(webhook, now)) {
      webhook.active = false;
      this.report.deactivated.push(webhook.id);
    }
    if (!webhook.active) {
      this.report.dropped++;
      return;
    }
    const delay = WEBHOOK_RETRY_DELAYS_MS[queued.attempt - 1];
    if (delay === undefined) {
      this.report.dropped++;
      return;
    }
    this.report.retriesScheduled++;
    this.requeue({ ...queued, attempt: queued.attempt + 1, dueAt: now + delay });
  }

  private failingTooLong(webhook: WebhookRecord, now: number): boolean {
    const since = webhook.firstConsecutiveFailDate ?? now;
    return webhook.consecutiveFailures >= this.deactivation.failures && now - since >= this.deactivation.days * DAY_MS;
  }
}
