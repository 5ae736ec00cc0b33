// The sidebar's live poll: one request at a time, every few seconds while visible, paused while hidden.
import { LivePoll, POLL_INTERVAL_MS, type LivePollPage } from '../../src/ui/live-poll';
import type { LiveChanges, RunProgress } from '../../src/app/sidebar-types';

/** A page whose timers and visibility the test drives. */
function fakePage(answer: () => Promise<LiveChanges>) {
  let visible = true;
  let listener = () => undefined as void;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let now = 0;
  let next = 1;
  const shown: [boolean, string][] = [];
  const synced: LiveChanges[] = [];
  const progress: (RunProgress | null)[] = [];
  let polls = 0;
  const page: LivePollPage = {
    poll: () => {
      polls++;
      return answer();
    },
    synced: (changes) => synced.push(changes),
    show: (live, text) => shown.push([live, text]),
    progress: (value) => progress.push(value),
    isVisible: () => visible,
    onVisibilityChange: (callback) => (listener = callback),
    setTimeout: (callback, ms) => {
      timers.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
  };
  /** Lets `ms` pass, running due timers and the promises they start. */
  const pass = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    now = end;
  };
  const setVisible = (value: boolean) => {
    visible = value;
    listener();
  };
  return { page, pass, setVisible, shown, synced, progress, polls: () => polls };
}

const quiet: LiveChanges = { source: 'relay', synced: null, progress: null };

describe('LivePoll', () => {
  it('polls at once and then every interval, showing live', async () => {
    const fake = fakePage(() => Promise.resolve(quiet));
    new LivePoll(fake.page).start();
    await fake.pass(0);
    expect(fake.polls()).toBe(1);
    expect(fake.shown.at(-1)?.[0]).toBe(true);
    await fake.pass(POLL_INTERVAL_MS * 3);
    expect(fake.polls()).toBe(4);
  });

  it('pauses while the tab is hidden and goes on when it is shown again', async () => {
    const fake = fakePage(() => Promise.resolve(quiet));
    new LivePoll(fake.page).start();
    await fake.pass(0);
    fake.setVisible(false);
    await fake.pass(POLL_INTERVAL_MS * 10);
    expect(fake.polls()).toBe(1);
    expect(fake.shown.at(-1)).toEqual([false, 'paused while the sidebar is hidden']);
    fake.setVisible(true);
    await fake.pass(0);
    expect(fake.polls()).toBe(2);
  });

  it('reports a sync and a failure, and keeps polling after one', async () => {
    const answers: (() => Promise<LiveChanges>)[] = [
      () => Promise.reject(new Error('Server error')),
      () => Promise.resolve({ source: 'board actions', synced: { ok: true } as LiveChanges['synced'], progress: null }),
    ];
    const fake = fakePage(() => (answers.shift() ?? (() => Promise.resolve(quiet)))());
    new LivePoll(fake.page).start();
    await fake.pass(0);
    expect(fake.shown.at(-1)).toEqual([false, 'not live: Server error']);
    await fake.pass(POLL_INTERVAL_MS);
    expect(fake.synced).toHaveLength(1);
    expect(fake.shown.at(-1)?.[0]).toBe(true);
  });

  it('passes on the progress of a running sync that each poll brings, and its end', async () => {
    const running: RunProgress = { done: 312, total: 1000, creates: true, startedAt: 0, at: 30_000, until: 330_000 };
    const answers = [{ ...quiet, progress: running }, quiet];
    const fake = fakePage(() => Promise.resolve(answers.shift() ?? quiet));
    new LivePoll(fake.page).start();
    await fake.pass(POLL_INTERVAL_MS);
    expect(fake.progress).toEqual([running, null]);
  });

  it('does not claim to be live while Trello is not connected', async () => {
    const fake = fakePage(() => Promise.resolve({ source: 'not connected', synced: null, progress: null }));
    new LivePoll(fake.page).start();
    await fake.pass(0);
    expect(fake.shown.at(-1)).toEqual([false, 'not live: nothing syncs until Trello is connected']);
  });
});
