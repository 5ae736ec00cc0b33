// Command line: starts a Trello emulator server on the system clock and prints `{"url": …}` once listening.
//   tsx emulator/trello/server-main.ts [--port 0] [--host 127.0.0.1]
import { parseArgs } from 'node:util';
import { SystemClock } from '../clock';
import { startTrelloServer } from './server';
import { TrelloEmulator } from './trello-emulator';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be a port number, got ${values.port}`);
  const server = await startTrelloServer(new TrelloEmulator({ clock: new SystemClock() }), { port, host: values.host });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
