// The Apps Script runtime emulator's public API (and the Spreadsheet service's models).
export { GasEmulator, type ConcurrentBatch, type ExecutionResult, type GasEmulatorOptions, type RowChange, type RunOptions, type TriggerInfo } from './gas-emulator';
export { MAX_SIMULTANEOUS_EXECUTIONS, TOO_MANY_SIMULTANEOUS } from './simultaneous-executions';
export type { ScheduledAction, SchedulerOptions } from './execution-scheduler';
export { CacheStore, type CacheEviction } from './cache-store';
export { NO_CALL_COSTS, REALISTIC_CALL_COSTS, type CallCosts } from './call-costs';
export { TRIGGER_RUNTIME_EXCEEDED, dailyQuotaText } from './call-meter';
export { DAILY_LIMITS, SHEETS_API_PER_MINUTE, type AccountType, type QuotaUsage } from './quota-ledger';
export { PropertyStore } from './property-store';
export type { InstallationSourceName } from './script-app';
export type { ExecutionContext, ExecutionCounters, ServiceEnv, UiRecord } from './service-env';
export { createSyncHttpTransport } from './sync-http-transport';
export { TransportError, unreachableTransport, type TransportFailure } from './transport-error';
export type { TriggerEventType } from './trigger-registry';
export { requestEvent, type WebAppAccess, type WebAppDeployment } from './web-app';
export type { RunningServer } from './web-app-server';
export {
  GasError,
  SheetModel,
  SpreadsheetModel,
  createSpreadsheetService,
  type Books,
  type CellValue,
  type DataValidationModel,
  type DialogRecord,
  type SpreadsheetServiceHandle,
} from './spreadsheet';
