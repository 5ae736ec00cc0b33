// The Trello emulator's public surface.
export { TrelloEmulator, type ReceivedRequest, type SeededWorkspace, type TrelloEmulatorOptions } from './trello-emulator';
export { startTrelloServer, type TrelloServer, type TrelloServerOptions } from './server';
export { createFetchTransport, CALLBACK_TIMEOUT_MS } from './fetch-transport';
export type { TrelloFaults } from './faults';
export { type DeliveryAttempt, type DeliveryReport, WEBHOOK_DEACTIVATION, WEBHOOK_RETRY_DELAYS_MS, type WebhookDeactivation } from './webhook-deliveries';
export { KEY_LIMIT, MEMBERS_LIMIT, TOKEN_LIMIT, type BatchCounting } from './rate-limits';
export { signWebhookDelivery, verifyWebhookSignature } from './webhook-signature';
export { TRELLO_ROUTES } from './router';
export type { Route } from './route';
export { CUSTOM_FIELD_TYPES, type CustomFieldType, LABEL_COLORS, type TokenGrant } from './trello-store';
export { MAX_BATCH_URLS } from './batch-routes';
export { WEBHOOK_EXISTS } from './webhook-routes';
export { isTrelloId } from './object-id';
export type * from './types';
