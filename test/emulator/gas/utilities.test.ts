// Utilities, Session and Logger: Java-style signed bytes against Node's crypto, Base64, date formatting, sleep on
// the emulated clock, and who runs the script.
import { createHash, createHmac } from 'node:crypto';
import { GasEmulator } from '../../../emulator/gas';

const CODE = `
function digest(text) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text); }
function md5(text) { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, text, Utilities.Charset.UTF_8); }
function hmac(e) { return [Utilities.computeHmacSha256Signature(e.value, e.key), Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_1, e.value, e.key)]; }
function hmacOfBytes(e) { return Utilities.computeHmacSha256Signature(Utilities.newBlob(e.value).getBytes(), Utilities.newBlob(e.key).getBytes()); }
function base64(text) {
  var bytes = Utilities.newBlob(text).getBytes();
  return [Utilities.base64Encode(text), Utilities.base64EncodeWebSafe(bytes), Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode(text))).getDataAsString(),
    Utilities.newBlob(Utilities.base64DecodeWebSafe(Utilities.base64EncodeWebSafe(text))).getDataAsString()];
}
function badBase64() { Utilities.base64Decode('not*base64'); }
function formatDate(e) { return Utilities.formatDate(new Date(e.ms), e.tz, e.pattern); }
function sleep(ms) { Utilities.sleep(ms); return Date.now(); }
function uuid() { return Utilities.getUuid(); }
function format() { return [Utilities.formatString('%s has %d leads (%.1f%%)', 'Ana', 12, 37.54), Utilities.formatString('%05d|%-4s|', 42, 'ab')]; }
function who() {
  return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(),
    Session.getTemporaryActiveUserKey() === Session.getTemporaryActiveUserKey()];
}
`;

const signed = (buffer: Buffer): number[] => Array.from(buffer, (b) => (b > 127 ? b - 256 : b));

describe('Utilities', () => {
  const emulator = new GasEmulator({ code: CODE, userEmail: 'ana@example.com', timeZone: 'Europe/Berlin' });

  it('computes digests as signed Java bytes', () => {
    const text = 'Sheets ⇄ Trello';
    expect(emulator.run('digest', text).returnValue).toEqual(signed(createHash('sha256').update(text, 'utf8').digest()));
    expect(emulator.run('md5', text).returnValue).toEqual(signed(createHash('md5').update(text, 'utf8').digest()));
    expect((emulator.run('digest', 'x').returnValue as number[]).some((b) => b < 0)).toBe(true);
  });

  it('computes HMACs from strings and from byte arrays', () => {
    const e = { value: '{"action":1}https://x.test/exec', key: 'sécret' };
    const sha256 = signed(createHmac('sha256', Buffer.from(e.key)).update(e.value).digest());
    expect(emulator.run('hmac', e).returnValue).toEqual([sha256, signed(createHmac('sha1', Buffer.from(e.key)).update(e.value).digest())]);
    expect(emulator.run('hmacOfBytes', e).returnValue).toEqual(sha256);
  });

  it('encodes and decodes Base64, web-safe with padding', () => {
    const text = 'subjects?>>~';
    expect(emulator.run('base64', text).returnValue).toEqual([
      Buffer.from(text).toString('base64'),
      Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
      text,
      text,
    ]);
    expect(emulator.run('badBase64').error).toBe('Exception: Could not decode string.');
  });

  it('formats dates with Java SimpleDateFormat patterns in a time zone', () => {
    const ms = Date.UTC(2026, 0, 5, 23, 7, 9, 45);
    const run = (tz: string, pattern: string) => emulator.run('formatDate', { ms, tz, pattern }).returnValue;
    expect(run('UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")).toBe('2026-01-05T23:07:09.045Z');
    expect(run('Europe/Berlin', 'EEE, d MMM yyyy HH:mm Z')).toBe('Tue, 6 Jan 2026 00:07 +0100');
    expect(run('America/New_York', "EEEE MMMM dd, yy h:mm a XXX 'o''clock'")).toBe("Monday January 05, 26 6:07 PM -05:00 o'clock");
    expect(emulator.run('formatDate', { ms, tz: 'UTC', pattern: 'yyyy-qq' }).error).toBe("Exception: Illegal pattern character 'q'");
  });

  it('sleeps on the emulated clock, at most 5 minutes', () => {
    const before = emulator.clock.now();
    expect(emulator.run('sleep', 1500).returnValue).toBe(before + 1500);
    expect(emulator.run('sleep', 300_001).error).toBe('Exception: Invalid argument: milliseconds');
  });

  it('makes UUIDs and Java-style formatted strings', () => {
    expect(emulator.run('uuid').returnValue).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(emulator.run('format').returnValue).toEqual(['Ana has 12 leads (37.5%)', '00042|ab  |']);
  });
});

describe('Session', () => {
  it('names the user and the script time zone', () => {
    const emulator = new GasEmulator({ code: CODE, userEmail: 'ana@example.com', timeZone: 'Europe/Berlin' });
    expect(emulator.run('who').returnValue).toEqual(['ana@example.com', 'ana@example.com', 'Europe/Berlin', true]);
  });
});
