// Tells, before the playground builds or starts anything, that its port is taken and how to pick another one.
import net from 'node:net';

/** Resolves when 127.0.0.1:`port` can be listened on (0 always can); rejects with a `PORT=` hint when it is busy. */
export function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      reject(
        new Error(
          `Port ${port} is already in use (is another playground running?). ` +
            `Pick another one: PORT=${port === 65_535 ? port - 1 : port + 1} npm start, or npm start -- --port 0 for a free port.`,
        ),
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
