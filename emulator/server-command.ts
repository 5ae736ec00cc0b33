// The command-line side of an emulator server run as a child process: print where it listens, stop on a signal, and
// stop when the process that started it is gone (so no server outlives a killed playground or test run).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { RunningServer } from './loopback-server';

/** The option a parent passes so that the child exits with it. */
export const EXIT_WITH_OPTION = 'exit-with';

const PARENT_CHECK_MS = 1_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses the command line (`options` plus `--exit-with <pid>`), starts the server, prints `{"url": …}` on one line
 * once it listens, and closes it on SIGINT, SIGTERM or when the `--exit-with` process ends.
 */
export function serveFromCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(
  options: T,
  start: (values: Record<string, string | undefined>) => Promise<RunningServer>,
): void {
  const run = async () => {
    const { values } = parseArgs({ options: { ...options, [EXIT_WITH_OPTION]: { type: 'string' } } });
    const strings = values as Record<string, string | undefined>;
    const server = await start(strings);
    process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
    const stop = () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const parent = Number(strings[EXIT_WITH_OPTION]);
    if (Number.isInteger(parent) && parent > 0) {
      setInterval(() => {
        if (!alive(parent)) stop();
      }, PARENT_CHECK_MS).unref();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
