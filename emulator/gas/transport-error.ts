// How a SyncTransport reports that no HTTP answer came back, so UrlFetchApp can word it as Apps Script does.
import type { HttpRequest, SyncTransport } from '../http';

/** Why no answer came: the name did not resolve, the wait ran out, or the host could not be reached. */
export type TransportFailure = 'dns' | 'timeout' | 'unreachable';

/** Thrown by a transport when a request gets no HTTP response. */
export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The default transport: every host is unreachable (nothing outside this machine can be reached). */
export const unreachableTransport: SyncTransport = (request: HttpRequest) => {
  throw new TransportError('unreachable', `no route to ${request.url}`);
};
