// CPU time spent in the bundle's own code, apart from the emulators around it: the self time V8's sampling profiler
// finds in the functions of the script the Apps Script emulator loads (named Code.js, as Apps Script shows it).
// Starting and stopping the profiler costs a second or more in a large process, so one profile covers many
// operations, and each operation's share is read from the samples taken between its start and its end.
import { Session } from 'node:inspector';

/** How often the profiler samples, µs (V8's default: finer sampling slows a large process down more than it tells). */
const SAMPLING_INTERVAL_US = 1000;

interface Profile {
  nodes: { id: number; callFrame: { url: string } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One measured stretch of time, on the profiler's clock (µs, the same monotonic clock as `process.hrtime`). */
interface Window {
  startUs: number;
  endUs: number;
  /** Receives the bundle's CPU time once the profile is read. */
  settle(bundleCpuMs: number): void;
}

let windows: Window[] | undefined;

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Sends one command to an in-process inspector session, whose answers come back before `post` returns. */
function post<T>(session: Session, method: string, params: object = {}): T {
  let answer: { error: Error | null; result: unknown } | undefined;
  session.post(method, params, (error, result) => {
    answer = { error, result };
  });
  if (!answer) throw new Error(`the inspector did not answer ${method} at once`);
  if (answer.error) throw answer.error;
  return answer.result as T;
}

/** Hands each window the milliseconds of the samples taken in Code.js between its start and its end. */
function settleWindows(profile: Profile, measured: Window[]): void {
  const inBundle = new Set(profile.nodes.filter((node) => node.callFrame.url.endsWith('Code.js')).map((node) => node.id));
  const totals = measured.map(() => 0);
  let at = profile.startTime;
  profile.samples.forEach((node, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (!inBundle.has(node)) return;
    measured.forEach((window, position) => {
      if (at > window.startUs && at <= window.endUs) totals[position] += delta;
    });
  });
  measured.forEach((window, position) => window.settle(totals[position] / 1000));
}

/**
 * Runs `work` under one profile; every `bundleCpuOf` call made inside it gets its operation's bundle CPU time when the
 * profile is read, before `profiled` returns.
 */
export function profiled<T>(work: () => T): T {
  const session = new Session();
  session.connect();
  windows = [];
  try {
    post(session, 'Profiler.enable');
    post(session, 'Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    post(session, 'Profiler.start');
    const result = work();
    settleWindows(post<{ profile: Profile }>(session, 'Profiler.stop').profile, windows);
    return result;
  } finally {
    windows = undefined;
    // Disconnecting stops the profiler too, should the work have thrown.
    session.disconnect();
  }
}

/**
 * Marks the start of an operation; the answer marks its end and names who hears the bundle's CPU time it took, when the
 * surrounding `profiled` call reads its profile (0 at once outside one).
 */
export function bundleCpuWindow(): (settle: (bundleCpuMs: number) => void) => void {
  const startUs = nowUs();
  return (settle) => {
    if (windows) windows.push({ startUs, endUs: nowUs(), settle });
    else settle(0);
  };
}
