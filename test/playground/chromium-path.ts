// Where the browser tests find Chromium or Chrome: CHROME_PATH, else the usual install paths of this platform.
import fs from 'node:fs';
import path from 'node:path';

/** Usual install paths per platform, most likely first. */
function installPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  switch (platform) {
    case 'linux':
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
    case 'darwin':
      return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
    case 'win32':
      return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
        .filter((root): root is string => Boolean(root))
        .map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    default:
      return [];
  }
}

/** The browser to drive: `CHROME_PATH` if set (it must exist), else the first usual path that exists; throws with install advice. */
export function findChromium(platform = process.platform, env = process.env, exists: (candidate: string) => boolean = fs.existsSync): string {
  if (env.CHROME_PATH) {
    if (!exists(env.CHROME_PATH)) throw new Error(`CHROME_PATH points to ${env.CHROME_PATH}, which does not exist.`);
    return env.CHROME_PATH;
  }
  const found = installPaths(platform, env).find((candidate) => exists(candidate));
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found. Install one (Debian: apt-get update && apt-get install -y chromium; no browser is ever downloaded by the tests) or set CHROME_PATH.',
  );
}
