// A minimal Blob (Utilities.newBlob, HTTPResponse.getBlob): bytes with a content type and a name.
import { nodeEncoding, signedBytes } from './bytes';
import type { Execution } from './execution';
import { serviceObject } from './service-object';

/** The bytes behind every Blob handed to the script, so services can read a Blob passed back to them. */
const blobBytes = new WeakMap<object, Buffer>();

/** The bytes of `value` if it is a Blob made by the emulator. */
export function bytesOfBlob(value: unknown): Buffer | undefined {
  return value !== null && typeof value === 'object' ? blobBytes.get(value) : undefined;
}

/** Makes a Blob for the script. */
export function createBlob(env: Execution, bytes: Buffer, contentType: string | null, name: string | null): object {
  let type = contentType;
  let blobName = name;
  const blob = serviceObject(env, 'Blob', 'Blob', {
    getBytes: () => env.realm.adopt(signedBytes(bytes)),
    getDataAsString: (charset?: unknown) => bytes.toString(nodeEncoding(charset)),
    getContentType: () => type,
    setContentType: (value: unknown) => {
      type = value === null || value === undefined ? null : String(value);
      return blob;
    },
    getName: () => blobName,
    setName: (value: unknown) => {
      blobName = value === null || value === undefined ? null : String(value);
      return blob;
    },
    copyBlob: () => createBlob(env, Buffer.from(bytes), type, blobName),
    isGoogleType: () => false,
  });
  blobBytes.set(blob, bytes);
  return blob;
}
