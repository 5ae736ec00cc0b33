// The benchmark's settings, from environment variables: BENCH_SIZES (lead counts, comma-separated), BENCH_REPEAT
// (repetitions of the single-event operations, whose median CPU time is reported), BENCH_BULK_REPEAT (the same for
// the paste, the burst of moves and the first import, each hundreds of calls or executions already) and
// BENCH_BASELINE_MAX (the largest size the naive baseline runs at).
/** What one benchmark run measures. */
export interface BenchSettings {
  sizes: number[];
  repetitions: number;
  bulkRepetitions: number;
  baselineMax: number;
}

/** Defaults chosen so that `npm run bench` takes under five minutes on a two-core machine. */
export const DEFAULT_SETTINGS: BenchSettings = { sizes: [100, 1_000, 5_000, 10_000], repetitions: 5, bulkRepetitions: 1, baselineMax: 100 };

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: "${text}" is not a positive whole number`);
  return value;
}

/** The settings `env` asks for, the defaults elsewhere. */
export function benchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const read = (name: string, fallback: number) => (env[name] ? positiveInteger(name, env[name]) : fallback);
  return {
    sizes: env.BENCH_SIZES ? env.BENCH_SIZES.split(',').map((size) => positiveInteger('BENCH_SIZES', size.trim())) : DEFAULT_SETTINGS.sizes,
    repetitions: read('BENCH_REPEAT', DEFAULT_SETTINGS.repetitions),
    bulkRepetitions: read('BENCH_BULK_REPEAT', DEFAULT_SETTINGS.bulkRepetitions),
    baselineMax: read('BENCH_BASELINE_MAX', DEFAULT_SETTINGS.baselineMax),
  };
}
