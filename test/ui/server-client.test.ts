// The sidebar's promise wrapper over google.script.run, against a fake runner that answers like HtmlService.
import type { SidebarServer } from '../../src/app/sidebar-types';
import { serverCall, type ScriptRun } from '../../src/ui/server-client';

type Answer = { value: unknown } | { failure: unknown };

/** A fake google.script.run: records each call and answers it asynchronously through the handlers set on its chain. */
function fakeRun(answer: (name: string, args: unknown[]) => Answer): { calls: { name: string; args: unknown[] }[] } {
  const calls: { name: string; args: unknown[] }[] = [];
  const runner = (onSuccess?: (value: unknown) => void, onFailure?: (error: unknown) => void): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get: (_target, property: string) => {
        if (property === 'withSuccessHandler') return (handler: (value: unknown) => void) => runner(handler, onFailure);
        if (property === 'withFailureHandler') return (handler: (error: unknown) => void) => runner(onSuccess, handler);
        return (...args: unknown[]) => {
          calls.push({ name: property, args });
          const result = answer(property, args);
          setTimeout(() => ('value' in result ? onSuccess?.(result.value) : onFailure?.(result.failure)), 0);
        };
      },
    });
  globalThis.google = { script: { run: runner() } };
  return { calls };
}

const state: Partial<ReturnType<SidebarServer['getSidebarState']>> = { hasKey: true, hasToken: false, boardId: 'b1' };

describe('serverCall', () => {
  it('resolves with the server function’s return value', async () => {
    const { calls } = fakeRun(() => ({ value: state }));
    await expect(serverCall('getSidebarState')).resolves.toEqual(state);
    expect(calls).toEqual([{ name: 'getSidebarState', args: [] }]);
  });

  it('passes the arguments to the named function', async () => {
    const { calls } = fakeRun(() => ({ value: { ok: true, message: 'Settings saved.' } }));
    const input = { sheetName: 'Leads', mapping: [{ status: 'NEW', list: 'TODO' }], importBoardCards: false };
    await expect(serverCall('saveSettings', input)).resolves.toEqual({ ok: true, message: 'Settings saved.' });
    expect(calls).toEqual([{ name: 'saveSettings', args: [input] }]);
  });

  it('rejects with the Error the failure handler receives', async () => {
    const failure = new Error('Exception: Request failed for https://api.trello.com returned code 401.');
    fakeRun(() => ({ failure }));
    await expect(serverCall('syncNow')).rejects.toBe(failure);
  });

  it('wraps a failure that is not an Error', async () => {
    fakeRun(() => ({ failure: 'Script function not found: listBoards' }));
    await expect(serverCall('listBoards')).rejects.toThrow(new Error('Script function not found: listBoards'));
  });
});
