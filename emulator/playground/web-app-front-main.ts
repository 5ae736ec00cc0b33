// Command line: starts the web app front and prints `{"url": …}` once listening.
//   tsx emulator/playground/web-app-front-main.ts --target http://127.0.0.1:<web app server port>
import { parseArgs } from 'node:util';
import { startWebAppFront } from './web-app-front';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { target: { type: 'string' } } });
  if (!values.target) throw new Error('--target <web app server URL> is required');
  const front = await startWebAppFront(values.target);
  process.stdout.write(`${JSON.stringify({ url: front.url })}\n`);
  const stop = () => void front.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
