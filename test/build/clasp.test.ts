// clasp pushes exactly the built files: `clasp status --json` (works offline) lists dist/ and nothing else.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

describe('clasp', () => {
  it('pushes from dist/', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')).rootDir).toBe('dist');
  });

  it('would push exactly Code.js, appsscript.json and the HTML files of dist/', () => {
    const clasp = path.join(ROOT, 'node_modules/.bin/clasp');
    const status = JSON.parse(execFileSync(clasp, ['status', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 }));
    const built = fs.readdirSync(path.join(ROOT, 'dist')).map((file) => `dist/${file}`);
    expect([...status.filesToPush].sort()).toEqual(built.sort());
    expect(status.filesToPush).toEqual(expect.arrayContaining(['dist/Code.js', 'dist/appsscript.json', 'dist/Sidebar.html']));
  });
});
