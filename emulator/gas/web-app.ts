// The deployed web app (`/exec`) as the outside world meets it: HEAD checks, sign-in redirects for "Only myself",
// doGet/doPost executions with Apps Script's event shape, and the 302 to script.googleusercontent.com that every
// ContentService reply takes.
import { randomBytes } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../http';
import { MIME_TYPES, textOutputState } from './content-service';
import { htmlOutputState } from './html-service';

/** Who may open the web app: "Anyone" (anonymous) or "Only myself". */
export type WebAppAccess = 'ANYONE_ANONYMOUS' | 'MYSELF';

/** A web app deployment. */
export interface WebAppDeployment {
  url: string;
  access: WebAppAccess;
}

/** Runs doGet/doPost as an execution; the event is plain data that the runner hands to the script. */
export type WebAppRunner = (functionName: 'doGet' | 'doPost', event: Record<string, unknown>) => { returnValue?: unknown; error?: string };

const ECHO_ORIGIN = 'https://script.googleusercontent.com';
const HTML = 'text/html; charset=UTF-8';

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function addParams(target: Record<string, string[]>, params: URLSearchParams): void {
  for (const [name, value] of params) (target[name] ??= []).push(value);
}

/**
 * Points a reply's echo redirect at `origin` instead of script.googleusercontent.com, so an HTTP client of a local
 * server can follow it back to the same server.
 */
export function withEchoOrigin(response: HttpResponse, origin: string): HttpResponse {
  const location = response.headers.location;
  if (location === undefined || !location.startsWith(`${ECHO_ORIGIN}/`)) return response;
  return { ...response, headers: { ...response.headers, location: origin + location.slice(ECHO_ORIGIN.length) } };
}

/** The event Apps Script passes to doGet/doPost: no headers, the body only for POST. */
export function requestEvent(request: HttpRequest): Record<string, unknown> {
  const url = new URL(request.url);
  const queryString = url.search.slice(1);
  const parameters: Record<string, string[]> = {};
  addParams(parameters, url.searchParams);
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
  const isPost = request.method === 'POST';
  // Form fields of a urlencoded POST body join the query parameters.
  if (isPost && type === 'application/x-www-form-urlencoded') addParams(parameters, new URLSearchParams(request.body));
  const parameter = Object.fromEntries(Object.entries(parameters).map(([name, values]) => [name, values[0]]));
  const length = Buffer.byteLength(request.body);
  const event: Record<string, unknown> = { parameter, parameters, queryString, contentLength: isPost ? length : -1, contextPath: '' };
  if (isPost) event.postData = { contents: request.body, length, type, name: 'postData' };
  return event;
}

/** The web app of one emulated project. */
export class WebApp {
  /** Replies parked at the script.googleusercontent.com echo URL, by user_content_key. */
  private readonly echoes = new Map<string, { body: string; contentType: string }>();

  constructor(
    private readonly deployment: () => WebAppDeployment | null,
    private readonly run: WebAppRunner,
    private readonly scriptId: string,
  ) {}

  /** Answers one request to the web app's URL (or to an echo URL it redirected to). */
  handle(request: HttpRequest): HttpResponse {
    const url = new URL(request.url);
    if (url.pathname === '/macros/echo' && request.method === 'GET') return this.echo(url.searchParams.get('user_content_key'));
    const deployment = this.deployment();
    if (deployment === null) {
      return { status: 404, headers: { 'content-type': HTML }, body: page('Error', 'Sorry, unable to open the file at this time.') };
    }
    if (request.method === 'HEAD') {
      // An "Anyone" /exec URL refuses HEAD; "Only myself" answers it (Trello's webhook check needs a 200).
      return { status: deployment.access === 'MYSELF' ? 200 : 403, headers: { 'content-type': HTML }, body: '' };
    }
    if (request.method !== 'GET' && request.method !== 'POST') {
      return { status: 405, headers: { 'content-type': HTML }, body: page('Error 405', 'Method Not Allowed') };
    }
    if (deployment.access === 'MYSELF') {
      // Outside callers carry no Google session: they are sent to sign in and the script does not run.
      const next = encodeURIComponent(request.url);
      return this.redirect(`https://accounts.google.com/ServiceLogin?passive=1209600&continue=${next}&followup=${next}`);
    }
    const result = this.run(request.method === 'POST' ? 'doPost' : 'doGet', requestEvent(request));
    const html = result.error === undefined ? htmlOutputState(result.returnValue) : undefined;
    if (html) return { status: 200, headers: { 'content-type': HTML }, body: html.content };
    return this.redirect(this.park(result));
  }

  private park(result: { returnValue?: unknown; error?: string }): string {
    const text = result.error === undefined ? textOutputState(result.returnValue) : undefined;
    const reply =
      result.error !== undefined
        ? { body: page('Error', escapeHtml(result.error)), contentType: HTML }
        : text
          ? { body: text.content, contentType: `${MIME_TYPES[text.mimeType]}; charset=utf-8` }
          : { body: page('Apps Script', 'The script completed but did not return anything.'), contentType: HTML };
    const key = randomBytes(24).toString('base64url');
    this.echoes.set(key, reply);
    return `${ECHO_ORIGIN}/macros/echo?user_content_key=${key}&lib=${this.scriptId}`;
  }

  private echo(key: string | null): HttpResponse {
    const reply = key === null ? undefined : this.echoes.get(key);
    if (!reply) return { status: 404, headers: { 'content-type': HTML }, body: page('Error', 'Not Found') };
    return { status: 200, headers: { 'content-type': reply.contentType }, body: reply.body };
  }

  private redirect(location: string): HttpResponse {
    const body = `<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY><H1>Moved Temporarily</H1>The document has moved <A HREF="${escapeHtml(location)}">here</A>.</BODY></HTML>`;
    return { status: 302, headers: { location, 'content-type': HTML }, body };
  }
}
