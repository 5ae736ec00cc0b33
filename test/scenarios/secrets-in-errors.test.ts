// A failure whose text holds a secret (an answer that echoes the request's credentials): no cell, note, summary or
// log line shows it.
import type { HttpRequest, HttpResponse } from '../../emulator/http';
import { sampleRows, SyncWorld } from './sync-world';

/** Makes Trello's answers to `matching` requests a `status` whose text quotes the request's Authorization header. */
function echoCredentialsOn(world: SyncWorld, status: number, matching: (request: HttpRequest) => boolean): void {
  const handle = world.trello.handle.bind(world.trello);
  world.trello.handle = (request: HttpRequest): HttpResponse =>
    matching(request) ? { status, headers: { 'content-type': 'text/plain' }, body: `malformed request: ${request.headers.authorization}` } : handle(request);
}

/** Everything a person or developer could read after the runs: cells, notes, the summaries, the logs. */
function everythingVisible(world: SyncWorld, results: unknown[]): string {
  const notes = world.leads.values().map((_, row) => world.leads.cell(row + 1, 6).note);
  return JSON.stringify([world.spreadsheet.sheets().map((sheet) => sheet.values()), notes, results]);
}

describe('an error that holds the key or token', () => {
  it('reaches the summary and the logs of Sync now with the secrets hidden', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    echoCredentialsOn(world, 503, (request) => request.method === 'GET');
    const run = world.gas.run('syncNow');
    const visible = everythingVisible(world, [run.returnValue, run.logs, run.error ?? '']);
    expect(visible).toContain('malformed request');
    expect(visible).toContain('[hidden]');
    expect(visible).not.toContain(world.workspace.token);
    expect(visible).not.toContain(world.workspace.key);
  });

  it('reaches the row notes of a failed card creation with the secrets hidden', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    echoCredentialsOn(world, 400, (request) => request.method === 'POST');
    const run = world.gas.run('syncNow');
    const visible = everythingVisible(world, [run.returnValue, run.logs, run.error ?? '']);
    expect(visible).toContain('malformed request');
    expect(visible).not.toContain(world.workspace.token);
    expect(visible).not.toContain(world.workspace.key);
  });
});
