// Starts the whole playground: bundle, emulators, sample data, the connected add-on, the trigger clock and the page.
import { buildBundle, DIST_DIR } from './build-bundle';
import { loadPageAssets } from './page-assets';
import { startPlaygroundServer } from './playground-server';
import { assertPortFree } from './port-check';
import { PlaygroundWorld } from './world';

/** How often due time-driven triggers are run (the scheduled sync runs every minute). */
const TRIGGER_TICK_MS = 5_000;

/** Options of {@link startPlayground}. */
export interface PlaygroundOptions {
  /** The page's port; 0 picks a free one. */
  port: number;
  /** Build dist/ first (default true); false uses dist/ as it is. */
  build?: boolean;
  /** Told each setup step's result. */
  log?: (line: string) => void;
  /** Start disconnected (nothing entered, no triggers, no webhook), so that setup can be rehearsed in the sidebar. */
  firstRun?: boolean;
}

/** A running playground. */
export interface Playground {
  url: string;
  /** The emulated spreadsheet, board and script behind the page (tests set up states through it). */
  world: PlaygroundWorld;
  /** Stops the clock, the page server, the emulators and their child processes. */
  close(): Promise<void>;
}

/** Builds (unless told not to), starts everything, and connects the add-on to the board as a user would (unless a first run). */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const log = options.log ?? (() => undefined);
  // Before the build and the child processes: a taken port should cost the user seconds, not a minute.
  await assertPortFree(options.port);
  if (options.build ?? true) {
    log('Building dist/ (npm run build)…');
    await buildBundle();
  }
  const assets = await loadPageAssets();
  const world = await PlaygroundWorld.start(DIST_DIR);
  try {
    for (const line of options.firstRun ? await world.startDisconnected() : await world.connect()) log(line);
    const server = await startPlaygroundServer(world, assets, options.port);
    const ticker = setInterval(() => world.runDueTriggers(), TRIGGER_TICK_MS);
    return {
      url: server.url,
      world,
      close: async () => {
        clearInterval(ticker);
        await server.close();
        await world.close();
      },
    };
  } catch (error) {
    await world.close();
    throw error;
  }
}
