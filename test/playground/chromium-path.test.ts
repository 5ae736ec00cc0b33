// The browser tests find Chromium through CHROME_PATH or each platform's usual install paths.
import { findChromium } from './chromium-path';

const only = (...present: string[]) => (candidate: string) => present.includes(candidate);

describe('findChromium', () => {
  it('prefers CHROME_PATH, and refuses one that does not exist', () => {
    expect(findChromium('linux', { CHROME_PATH: '/opt/chrome' }, only('/opt/chrome', '/usr/bin/chromium'))).toBe('/opt/chrome');
    expect(() => findChromium('linux', { CHROME_PATH: '/opt/none' }, only('/usr/bin/chromium'))).toThrow(/CHROME_PATH points to \/opt\/none/);
  });

  it('finds the usual install path on Linux, macOS and Windows', () => {
    expect(findChromium('linux', {}, only('/usr/bin/google-chrome'))).toBe('/usr/bin/google-chrome');
    expect(findChromium('darwin', {}, only('/Applications/Chromium.app/Contents/MacOS/Chromium'))).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
    const windowsChrome = findChromium('win32', { PROGRAMFILES: 'C:\\Program Files' }, (candidate) => candidate.endsWith('chrome.exe'));
    expect(windowsChrome).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('says how to install one when none is found', () => {
    expect(() => findChromium('linux', {}, only())).toThrow(/apt-get install -y chromium.*CHROME_PATH/);
  });
});
