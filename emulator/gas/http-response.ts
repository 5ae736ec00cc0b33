// UrlFetchApp's HTTPResponse object.
import type { HttpResponse } from '../http';
import { createBlob } from './blob';
import { nodeEncoding, signedBytes } from './bytes';
import type { Execution } from './execution';
import { serviceObject } from './service-object';

/** Makes the HTTPResponse the script receives for `response`. */
export function createHttpResponse(env: Execution, response: HttpResponse): object {
  const bytes = Buffer.from(response.body, 'utf8');
  return serviceObject(env, 'HTTPResponse', 'HTTPResponse', {
    getResponseCode: () => response.status,
    getContentText: (charset?: unknown) => bytes.toString(nodeEncoding(charset)),
    getHeaders: () => env.realm.adopt({ ...response.headers }),
    getAllHeaders: () => env.realm.adopt({ ...response.headers }),
    getContent: () => env.realm.adopt(signedBytes(bytes)),
    getBlob: () => createBlob(env, bytes, response.headers['content-type'] ?? null, null),
  });
}
