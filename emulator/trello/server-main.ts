// Command line: starts a Trello emulator server on the system clock and prints `{"url": …}` once listening.
//   tsx emulator/trello/server-main.ts [--port 0] [--host 127.0.0.1] [--exit-with <parent pid>]
import { SystemClock } from '../clock';
import { serveFromCommandLine } from '../server-command';
import { startTrelloServer } from './server';
import { TrelloEmulator } from './trello-emulator';

serveFromCommandLine({ port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } }, async (values) => {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be a port number, got ${values.port}`);
  return startTrelloServer(new TrelloEmulator({ clock: new SystemClock() }), { port, host: values.host });
});
