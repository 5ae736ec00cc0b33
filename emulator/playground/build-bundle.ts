// Builds dist/ with the project's webpack configuration (the same `npm run build` that clasp pushes).
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The repository's dist folder. */
export const DIST_DIR = path.join(__dirname, '../../dist');

/** Runs webpack-cli in a child process; rejects with webpack's own output when the build fails. */
export function buildBundle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.config.cjs'], {
      cwd: path.join(DIST_DIR, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (exit ${code}):\n${output}`))));
  });
}
