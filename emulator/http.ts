// The plain HTTP exchange shapes that connect the emulators (in-process or over loopback HTTP).

/** One HTTP request as the emulators see it. Header names are lower-case. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';
  /** Absolute URL, query string included. */
  url: string;
  headers: Record<string, string>;
  /** Request body as text ('' when none). */
  body: string;
}

/** One HTTP response. Header names are lower-case. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Emulated time the exchange took, in ms; the caller advances its clock by it. */
  latencyMs?: number;
}

/** A synchronous way to send a request (how UrlFetchApp reaches a server). */
export type SyncTransport = (request: HttpRequest) => HttpResponse;

/** An asynchronous way to send a request (how the Trello emulator delivers webhooks). */
export type AsyncTransport = (request: HttpRequest) => Promise<HttpResponse>;
