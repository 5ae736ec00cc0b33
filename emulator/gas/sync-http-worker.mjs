// Worker thread behind createSyncHttpTransport: sends one HTTP request with Node's fetch and reports the answer, or
// why none came, as plain data. Plain JavaScript so it loads without a TypeScript loader.
import { runAsWorker } from 'synckit';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);

function failureOf(error) {
  if (error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const code = error && error.cause && error.cause.code;
  return DNS_CODES.has(code) ? 'dns' : 'unreachable';
}

runAsWorker(async (request, timeoutMs) => {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { response: { status: response.status, headers, body: await response.text() } };
  } catch (error) {
    return { failure: failureOf(error), message: String((error && error.cause && error.cause.message) || error) };
  }
});
