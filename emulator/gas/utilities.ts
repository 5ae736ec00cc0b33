// Utilities: sleep on the emulated clock, UUIDs, digests and HMACs as signed Java bytes, Base64, date and string
// formatting, and blobs.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { bytesOfBlob, createBlob } from './blob';
import { isByteArray, signedBytes, toBytes } from './bytes';
import { formatJavaDate } from './date-format';
import type { Execution } from './execution';
import { formatString } from './format-string';
import { enumName, gasEnum } from './gas-enum';
import { serviceObject } from './service-object';

/** The longest Utilities.sleep Apps Script allows, in ms (5 minutes). */
export const MAX_SLEEP_MS = 300_000;

const DIGESTS = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' } as const;
const MACS = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' } as const;
const DigestAlgorithm = gasEnum(Object.keys(DIGESTS) as (keyof typeof DIGESTS)[]);
const MacAlgorithm = gasEnum(Object.keys(MACS) as (keyof typeof MACS)[]);
const Charset = gasEnum(['US_ASCII', 'UTF_8'] as const);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_WEB_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

/** The UTC epoch of a Date from any realm. */
function epochOf(value: unknown): number | undefined {
  return Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).getTime() : undefined;
}

/** The Utilities global for one execution. */
export function createUtilities(env: Execution): object {
  // Bytes of a string (in `charset`), a byte array or a Blob; anything else is not a valid argument.
  const bytesOf = (value: unknown, charset?: unknown): Buffer => {
    const blob = bytesOfBlob(value);
    if (blob) return blob;
    if (typeof value === 'string' || isByteArray(value)) return toBytes(value, charset);
    return toBytes(String(value), charset);
  };
  const algorithm = <T extends Record<string, string>>(table: T, value: unknown, argument: string): string => {
    const name = enumName(value);
    if (name === undefined || !(name in table)) env.fail(`Invalid argument: ${argument}`);
    return table[name];
  };
  const decode = (encoded: unknown, pattern: RegExp, encoding: 'base64' | 'base64url'): number[] => {
    const text = String(encoded).replace(/\s/g, '');
    if (!pattern.test(text)) env.fail('Could not decode string.');
    return env.realm.adopt(signedBytes(Buffer.from(text, encoding)));
  };
  return serviceObject(
    env,
    'Utilities',
    'Utilities',
    {
      sleep: (milliseconds: unknown) => {
        const ms = Number(milliseconds);
        if (!(ms >= 0) || ms > MAX_SLEEP_MS) env.fail('Invalid argument: milliseconds');
        env.clock.advance(ms);
      },
      getUuid: () => randomUUID(),
      computeDigest: (alg: unknown, value: unknown, charset?: unknown) =>
        env.realm.adopt(signedBytes(createHash(algorithm(DIGESTS, alg, 'algorithm')).update(bytesOf(value, charset)).digest())),
      computeHmacSignature: (alg: unknown, value: unknown, key: unknown, charset?: unknown) =>
        env.realm.adopt(
          signedBytes(createHmac(algorithm(MACS, alg, 'algorithm'), bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
        ),
      computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) =>
        env.realm.adopt(signedBytes(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest())),
      base64Encode: (data: unknown, charset?: unknown) => bytesOf(data, charset).toString('base64'),
      // Apps Script's web-safe alphabet keeps the '=' padding (java.util.Base64 URL encoder).
      base64EncodeWebSafe: (data: unknown, charset?: unknown) =>
        bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
      base64Decode: (encoded: unknown) => decode(encoded, BASE64, 'base64'),
      base64DecodeWebSafe: (encoded: unknown) => decode(encoded, BASE64_WEB_SAFE, 'base64url'),
      formatDate: (date: unknown, timeZone: unknown, format: unknown) => {
        const epoch = epochOf(date);
        if (epoch === undefined) env.fail('Invalid argument: date');
        try {
          return formatJavaDate(epoch, String(timeZone), String(format));
        } catch (error) {
          return env.fail(error instanceof Error ? error.message : String(error));
        }
      },
      formatString: (template: unknown, ...args: unknown[]) => formatString(String(template), args),
      newBlob: (data: unknown, contentType?: unknown, name?: unknown) =>
        createBlob(
          env,
          bytesOf(data),
          contentType === undefined || contentType === null ? null : String(contentType),
          name === undefined || name === null ? null : String(name),
        ),
    },
    { DigestAlgorithm, MacAlgorithm, Charset },
  );
}
