// The small interfaces through which the use cases reach Apps Script services (adapters implement them).
import type { RelayHint } from '../core/relay-hints';

/** A string key-value store (Script or Document Properties). */
export interface KeyValueStore {
  get(key: string): string | null;
  /** Every entry, in one read. */
  getAll(): Record<string, string>;
  /** Writes only the entries whose value differs from `known` (or all when `known` is not given). */
  set(entries: Record<string, string>, known?: Record<string, string>): void;
  delete(keys: string[]): void;
}

/** The script lock that serializes runs. */
export interface RunLock {
  /** Tries for up to `waitMs`; true when the lock is held. */
  tryLock(waitMs: number): boolean;
  release(): void;
}

/** A short-lived cache (for dedupe and recent status, never for anything that must survive). */
export interface ShortCache {
  get(key: string): string | null;
  put(key: string, value: string, ttlSeconds: number): void;
}

/**
 * Board-change hints an installed add-on's web app leaves for users' executions, in storage every execution of the
 * script shares; keyed by the digest of each sheet's relay secret.
 */
export interface RelayBox {
  leave(key: string, hint: RelayHint): void;
  /** Every hint waiting under `key`, removed from the box. */
  take(key: string): RelayHint[];
}

/** Time as the runtime sees it. */
export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/** Where failures are reported for the developer (never with a secret). */
export interface DiagnosticLog {
  error(message: string): void;
}

/** What installing the triggers did. */
export interface TriggerReport {
  /** Whose account holds the triggers: the caller's, or another editor's (then nothing was installed). */
  owner: string;
  /** Whether the caller holds them. */
  mine: boolean;
  edit: 'installed' | 'kept';
  schedule: 'installed' | 'kept';
  /** The unique id of the time-driven trigger ('' when it is another editor's). */
  scheduleId: string;
  /** How often the scheduled run goes ("every minute", "every 5 minutes", "every hour"). */
  every: string;
  removedDuplicates: number;
}

/** Whether the triggers of this document are set up, and by whom ('' when nobody). */
export interface TriggerStatus {
  installed: boolean;
  owner: string;
}

/**
 * The installable triggers of this document: one edit trigger and one time-driven trigger, in one user's account
 * (triggers belong to the user who creates them; other editors cannot see or remove them).
 */
export interface TriggerSetup {
  /** Makes sure exactly one of each exists; installs nothing when another editor already holds them. */
  install(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerReport;
  /** Removes the caller's; answers how many there were and whose remain ('' when none). */
  remove(): { removed: number; remainingOwner: string };
  status(): TriggerStatus;
  /**
   * For a run started by one of the caller's triggers: true when the caller holds the sheet's triggers (recording
   * so when nobody is recorded); false when another editor does — the caller's are strays, removed here.
   */
  claimRun(): boolean;
  /** Replaces the time-driven trigger with one that runs every `everyMinutes` (60: hourly). */
  reschedule(everyMinutes: number): void;
  /**
   * Has the scheduled run go on `afterMs` from now in a one-off run (replacing an earlier one-off); false where the
   * platform allows no such trigger (an add-on's time triggers are at least an hour apart).
   */
  continueSoon(afterMs: number): boolean;
  /** Deletes the one-off trigger of `continueSoon`, fired or not: a spent one still counts against the trigger quota. */
  endContinuation(): void;
}
