// Byte arrays as Apps Script hands them to scripts: Java bytes, signed (-128..127); and text in a named charset.
import { enumName } from './gas-enum';

/** Bytes as a script sees them. */
export function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b << 24) >> 24);
}

/** Node's name for an Apps Script `Utilities.Charset` (UTF-8 when none is given). */
export function nodeEncoding(charset: unknown): BufferEncoding {
  const name = charset === undefined ? 'UTF_8' : enumName(charset)?.toUpperCase().replace(/-/g, '_');
  return name === 'US_ASCII' || name === 'ISO_8859_1' ? 'latin1' : 'utf8';
}

/** True for an array of numbers (a byte array from the script). */
export function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

/** The bytes of a string (in `charset`) or of a byte array. */
export function toBytes(value: string | number[], charset?: unknown): Buffer {
  return typeof value === 'string' ? Buffer.from(value, nodeEncoding(charset)) : Buffer.from(value.map((b) => b & 0xff));
}
