// Command line: starts the web app front and prints `{"url": …}` once listening.
//   tsx emulator/playground/web-app-front-main.ts --target http://127.0.0.1:<web app server port> [--exit-with <pid>]
import { serveFromCommandLine } from '../server-command';
import { startWebAppFront } from './web-app-front';

serveFromCommandLine({ target: { type: 'string' } }, async (values) => {
  if (!values.target) throw new Error('--target <web app server URL> is required');
  return startWebAppFront(values.target);
});
