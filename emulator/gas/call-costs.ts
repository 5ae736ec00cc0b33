// How much emulated time each service call takes, so the 6-minute limit and the daily trigger runtime are reached
// as in Google, where every Sheets call and every UrlFetch request is a round trip.

/** Milliseconds of emulated time per call, by kind of call. */
export interface CallCosts {
  /** A SpreadsheetApp call that moves cell data or notes (getValues, setValues, setNotes, …). */
  spreadsheetData: number;
  /** Any other SpreadsheetApp call (getSheetByName, getRange, getLastRow, …): mostly answered without moving cells. */
  spreadsheetOther: number;
  /** One call of the advanced Sheets service (an HTTP request to the Sheets API). */
  sheetsApi: number;
  /**
   * One UrlFetchApp.fetch or fetchAll (fetchAll's requests travel in parallel: one round trip). A latency the server
   * reports (e.g. the Trello emulator's injected one) takes the place of as much of it.
   */
  urlFetch: number;
  /** Per KiB of response body a fetch receives (transfer and the script's parsing of it). */
  urlFetchPerKib: number;
  /** One Properties read or write. */
  properties: number;
}

/**
 * Realistic defaults, from published figures (a Sheets call 100–500 ms, an UrlFetch 100–300 ms; Properties a few to
 * tens of ms) — the middle of each range. See the emulator README, "Quotas and time spent in service calls".
 */
export const REALISTIC_CALL_COSTS: Readonly<CallCosts> = Object.freeze({
  spreadsheetData: 200,
  spreadsheetOther: 20,
  sheetsApi: 250,
  urlFetch: 200,
  urlFetchPerKib: 0.5,
  properties: 10,
});

/** Every call free: for tests about something else that count on time standing still. */
export const NO_CALL_COSTS: Readonly<CallCosts> = Object.freeze({
  spreadsheetData: 0,
  spreadsheetOther: 0,
  sheetsApi: 0,
  urlFetch: 0,
  urlFetchPerKib: 0,
  properties: 0,
});

/**
 * The time one call takes (UrlFetchApp's are charged where the requests are sent, since their size matters).
 * `service` and `kind` are what the service reported to `env.call`.
 */
export function callCost(costs: CallCosts, service: string, kind: 'sheetsData' | undefined): number {
  switch (service) {
    case 'SpreadsheetApp':
      return kind === 'sheetsData' ? costs.spreadsheetData : costs.spreadsheetOther;
    case 'Sheets':
      return costs.sheetsApi;
    case 'Properties':
      return costs.properties;
    default:
      return 0;
  }
}

/**
 * The time one fetch or fetchAll takes on top of `latencyMs` (what the servers reported), when its responses hold
 * `responseBytes` bytes in all.
 */
export function fetchCost(costs: CallCosts, latencyMs: number, responseBytes: number): number {
  // Whole milliseconds: the emulated clock, like a real one, never stands between two.
  return Math.ceil(Math.max(0, costs.urlFetch - latencyMs) + (costs.urlFetchPerKib * responseBytes) / 1024);
}
