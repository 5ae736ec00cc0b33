// Sends the bundle's Trello calls (https://api.trello.com/…) to the local Trello emulator server instead.
import type { SyncTransport } from '../http';

const TRELLO_API_ORIGIN = 'https://api.trello.com';

/** Wraps `send` so that requests to Trello's API origin go to `trelloUrl`, path and query kept; others pass as they are. */
export function trelloTransport(send: SyncTransport, trelloUrl: string): SyncTransport {
  return (request) => {
    const url = new URL(request.url);
    return url.origin === TRELLO_API_ORIGIN ? send({ ...request, url: `${trelloUrl}${url.pathname}${url.search}` }) : send(request);
  };
}
