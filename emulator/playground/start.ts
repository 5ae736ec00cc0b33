// `npm start`: builds the add-on and opens the playground at http://127.0.0.1:<PORT or 8080> (`--port 0`: a free port;
// `--first-run`: the add-on starts disconnected, to rehearse its setup).
import { parseArgs } from 'node:util';
import { startPlayground } from './playground';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8080' }, 'first-run': { type: 'boolean', default: false } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, got ${values.port}`);
  const playground = await startPlayground({ port, firstRun: values['first-run'], log: (line) => console.log(line) });
  const next = values['first-run']
    ? 'Set the add-on up in the sidebar: paste the key and token shown on the page, Save, Load boards, pick the board, Save, then set up triggers and register the webhook.'
    : 'Edit a status in the sheet, drag a card on the board, use the sidebar.';
  console.log(`\nPlayground ready: ${playground.url}\n${next} Ctrl+C stops.`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    playground.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
