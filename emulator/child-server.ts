// Starts a server script in a child process (through tsx) and waits for the `{"url": …}` line it prints once listening.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { EXIT_WITH_OPTION } from './server-command';

/** A server running in a child process. */
export interface ChildServer {
  url: string;
  /** Stops the child (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

const REPO = path.join(__dirname, '..');
// tsx compiles the server first: on a machine busy with a full test run that can take tens of seconds.
const START_TIMEOUT_MS = 60_000;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Runs `tsx <script> ...args` from the repository root; the child exits with this process (`--exit-with`). Such
 * servers must live in another process when this one makes blocking HTTP calls to them (UrlFetchApp in the emulator):
 * a server on the blocked thread could never answer.
 */
export async function startChildServer(script: string, args: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), script, ...args, `--${EXIT_WITH_OPTION}`, String(process.pid)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} printed no {"url"} line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      createInterface({ input: child.stdout! }).once('line', (text) => {
        clearTimeout(timer);
        resolve(text);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited with code ${code} before it was listening`));
      });
    });
    const { url } = JSON.parse(line) as { url: string };
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
