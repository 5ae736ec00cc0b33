// The seam between the Apps Script runtime emulator and each emulated service: how a service call is counted,
// time-limited and told what the current execution may do.
import type { Clock } from '../clock';

/** Calls made by one execution, as the README's cost budgets count them. */
export interface ExecutionCounters {
  /** Spreadsheet calls that move cell data or notes (getValues, setValues, getNotes, appendRow, …). */
  sheetsDataCalls: number;
  /** Every Spreadsheet service call, data calls included. */
  spreadsheetCalls: number;
  /** HTTP requests sent by UrlFetchApp (fetchAll of n requests counts n). */
  urlFetchRequests: number;
  /** UrlFetchApp.fetch / fetchAll invocations. */
  urlFetchCalls: number;
  /** Bytes of the response bodies UrlFetchApp received. */
  urlFetchBytesReceived: number;
  /** Cells whose values or notes Spreadsheet and Sheets API calls read or wrote (a one-cell getter counts 1). */
  cellsMoved: number;
  propertiesReads: number;
  propertiesWrites: number;
  /** Cache method calls (get, put, getAll, …) of any cache. */
  cacheCalls: number;
}

/** What kind of execution is running. */
export interface ExecutionContext {
  /** ScriptApp.AuthMode name of the event, e.g. 'FULL' or 'NONE'. */
  authMode: 'NONE' | 'LIMITED' | 'FULL';
  /** True only where a user interface exists (menu function, sidebar RPC, onOpen); false in triggers and the web app. */
  hasUi: boolean;
}

/** Recorded user-interface effects (menus, sidebars, toasts, alerts) so tests can assert them. */
export interface UiRecord {
  menus: { title: string; addon: boolean; items: ({ caption: string; functionName: string } | { separator: true })[] }[];
  sidebars: { title: string; html: string }[];
  toasts: { message: string; title: string }[];
  alerts: string[];
}

/** Handed to every emulated service. */
export interface ServiceEnv {
  readonly clock: Clock;
  readonly context: ExecutionContext;
  readonly ui: UiRecord;
  /**
   * Called at the start of every service method: throws `Exceeded maximum execution time` once the execution is
   * past its limit, and counts the call under `service`/`method`; `sheetsData` marks a Sheets data call.
   */
  call(service: string, method: string, kind?: 'sheetsData'): void;
  /** Counts `count` cells read or written by the Sheets call that just succeeded. */
  moveCells(count: number): void;
  /** Makes a Date of the script's own realm (so `instanceof Date` holds inside the bundle). */
  newDate(epochMs: number): Date;
  /** Throws the way Apps Script does: an Error named `Exception` with the given message. */
  fail(message: string): never;
}
