// The playground page's files: its HTML and CSS as written, its script and the google.script.run shim bundled by esbuild.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const PAGE_DIR = path.join(__dirname, 'page');

/** The page's assets, ready to serve. */
export interface PageAssets {
  html: string;
  css: string;
  script: string;
  /** The google.script.run shim, injected into the sidebar's HTML. */
  shim: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [path.join(PAGE_DIR, entry)], bundle: true, format: 'iife', target: 'es2019', write: false });
  return result.outputFiles[0].text;
}

/** Reads and bundles the page (about 100 ms). */
export async function loadPageAssets(): Promise<PageAssets> {
  const [html, css, script, shim] = await Promise.all([
    readFile(path.join(PAGE_DIR, 'index.html'), 'utf8'),
    readFile(path.join(PAGE_DIR, 'page.css'), 'utf8'),
    bundle('main.ts'),
    bundle('script-run-shim.ts'),
  ]);
  return { html, css, script, shim };
}

/** The sidebar's HTML with the shim as the first script of its head, where HtmlService provides google.script. */
export function withShim(html: string, shim: string): string {
  const tag = `<script>${shim.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length) : tag + html;
}
