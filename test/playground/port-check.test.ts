// A busy playground port is reported before anything is built or started, with a PORT= hint.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { startPlayground } from '../../emulator/playground/playground';
import { assertPortFree } from '../../emulator/playground/port-check';

/** Holds a loopback port for the test's duration. */
async function occupyPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('playground port check', () => {
  it('rejects a busy port with a PORT= hint, before building or starting anything', async () => {
    const taken = await occupyPort();
    try {
      const log: string[] = [];
      await expect(startPlayground({ port: taken.port, log: (line) => log.push(line) })).rejects.toThrow(
        new RegExp(`Port ${taken.port} is already in use.*PORT=${taken.port + 1} npm start`),
      );
      // The first thing a start logs is the build: nothing was logged, so nothing began.
      expect(log).toEqual([]);
    } finally {
      await taken.release();
    }
  });

  it('accepts a free port and port 0', async () => {
    const taken = await occupyPort();
    await taken.release();
    await expect(assertPortFree(taken.port)).resolves.toBeUndefined();
    await expect(assertPortFree(0)).resolves.toBeUndefined();
  });
});
