// ContentService: text outputs (what a web app's doGet/doPost returns) and the MimeType enum.
import type { Execution } from './execution';
import { enumName, gasEnum } from './gas-enum';
import { serviceObject } from './service-object';
import { contentMethods } from './output-content';

/** ContentService.MimeType and the content type each value is served as. */
export const MIME_TYPES = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
} as const;

type MimeTypeName = keyof typeof MIME_TYPES;

const MimeType = gasEnum(Object.keys(MIME_TYPES) as MimeTypeName[]);

/** What a TextOutput holds, for the web app to serve. */
export interface TextOutputState {
  content: string;
  mimeType: MimeTypeName;
  fileName: string | null;
}

const outputs = new WeakMap<object, TextOutputState>();

/** The state of `value` if it is a TextOutput made by ContentService. */
export function textOutputState(value: unknown): TextOutputState | undefined {
  return value !== null && typeof value === 'object' ? outputs.get(value) : undefined;
}

function createTextOutput(env: Execution, initial: string): object {
  const state: TextOutputState = { content: initial, mimeType: 'TEXT', fileName: null };
  const output: object = serviceObject(env, 'ContentService', 'TextOutput', {
    ...contentMethods(state, () => output),
    getMimeType: () => MimeType[state.mimeType],
    setMimeType: (mimeType: unknown) => {
      const name = enumName(mimeType);
      if (name === undefined || !(name in MIME_TYPES)) env.fail('Invalid argument: mimeType');
      state.mimeType = name as MimeTypeName;
      return output;
    },
    downloadAsFile: (fileName: unknown) => {
      state.fileName = String(fileName);
      return output;
    },
    getFileName: () => state.fileName,
  });
  outputs.set(output, state);
  return output;
}

/** The ContentService global for one execution. */
export function createContentService(env: Execution): object {
  return serviceObject(
    env,
    'ContentService',
    'ContentService',
    { createTextOutput: (content?: unknown) => createTextOutput(env, content === undefined ? '' : String(content)) },
    { MimeType },
  );
}
