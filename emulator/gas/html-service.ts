// HtmlService: HTML outputs (sidebars, dialogs, web pages) from the project's HTML files or from text.
import { bytesOfBlob } from './blob';
import type { Execution } from './execution';
import { enumName, gasEnum } from './gas-enum';
import { serviceObject } from './service-object';
import { contentMethods } from './output-content';

const SandboxMode = gasEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
const XFrameOptionsMode = gasEnum(['ALLOWALL', 'DEFAULT'] as const);

/** What an HtmlOutput holds. */
export interface HtmlOutputState {
  content: string;
  title: string;
  width: number;
  height: number;
  xFrameOptionsMode: string;
  metaTags: { name: string; content: string }[];
  faviconUrl: string | null;
}

const outputs = new WeakMap<object, HtmlOutputState>();

/** The state of `value` if it is an HtmlOutput made by HtmlService. */
export function htmlOutputState(value: unknown): HtmlOutputState | undefined {
  return value !== null && typeof value === 'object' ? outputs.get(value) : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function createHtmlOutput(env: Execution, content: string): object {
  // Apps Script's defaults for a new output (the title is empty; sidebars ignore width and height).
  const state: HtmlOutputState = { content, title: '', width: 600, height: 400, xFrameOptionsMode: 'DEFAULT', metaTags: [], faviconUrl: null };
  const output: object = serviceObject(env, 'HtmlService', 'HtmlOutput', {
    ...contentMethods(state, () => output),
    appendUntrusted: (text: unknown) => {
      state.content += escapeHtml(String(text));
      return output;
    },
    getTitle: () => state.title,
    setTitle: (title: unknown) => {
      state.title = String(title);
      return output;
    },
    getWidth: () => state.width,
    setWidth: (width: unknown) => {
      state.width = Number(width);
      return output;
    },
    getHeight: () => state.height,
    setHeight: (height: unknown) => {
      state.height = Number(height);
      return output;
    },
    // Every output is served in IFRAME mode today; Apps Script accepts and ignores the older modes.
    setSandboxMode: () => output,
    setXFrameOptionsMode: (mode: unknown) => {
      state.xFrameOptionsMode = enumName(mode) ?? 'DEFAULT';
      return output;
    },
    addMetaTag: (name: unknown, value: unknown) => {
      state.metaTags.push({ name: String(name), content: String(value) });
      return output;
    },
    getMetaTags: () => env.realm.adopt(state.metaTags.map((tag) => ({ ...tag }))),
    setFaviconUrl: (url: unknown) => {
      state.faviconUrl = String(url);
      return output;
    },
    getFaviconUrl: () => state.faviconUrl,
  });
  outputs.set(output, state);
  return output;
}

/** The HtmlService global for one execution; `files` are the project's HTML files by name without extension. */
export function createHtmlService(env: Execution, files: Readonly<Record<string, string>>): object {
  return serviceObject(
    env,
    'HtmlService',
    'HtmlService',
    {
      createHtmlOutput: (html?: unknown) => {
        const blob = bytesOfBlob(html);
        return createHtmlOutput(env, blob ? blob.toString('utf8') : html === undefined ? '' : String(html));
      },
      createHtmlOutputFromFile: (filename: unknown) => {
        const name = String(filename).replace(/\.html$/, '');
        const file = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
        if (file === undefined) env.fail(`No HTML file named ${String(filename)} was found.`);
        return createHtmlOutput(env, file);
      },
    },
    { SandboxMode, XFrameOptionsMode },
  );
}
