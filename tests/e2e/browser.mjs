// Shared set-up for the browser tests: the built site served on 127.0.0.1, Debian's
// Chromium headless with SwiftShader WebGL, and a record of every request the page makes.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const dist = join(repo, 'build/wasm/dist');
export const artifacts = join(here, 'artifacts');
export const sharedCorpus = resolve(repo, '../shared/corpus');
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function open() {
  const server = await startServer(dist, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,  // Playwright gives each launch a fresh temporary profile
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  mkdirSync(artifacts, { recursive: true });
  return {
    page, origin, requests, errors, context,
    async close() { await browser.close(); server.close(); },
    screenshot: (name) => page.screenshot({ path: join(artifacts, name) }),
  };
}

// Loads the app at `url` (default: the served site) and waits until it is ready.
export async function boot(b, url = b.origin + '/') {
  await b.page.goto(url);
  await b.page.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
  await b.page.evaluate(() => window.goldspan.ready);
}

// Drags with the real mouse from the middle of code point `a` to the middle of code point `z`
// of document `doc`, at the positions the app reports.
export async function drag(b, doc, a, z) {
  const r0 = await b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [doc, a]);
  const r1 = await b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [doc, z]);
  await b.page.mouse.move(r0.x + r0.width / 2, r0.y + r0.height / 2);
  await b.page.mouse.down();
  await b.page.mouse.move(r1.x + r1.width / 2, r1.y + r1.height / 2, { steps: 4 });
  await b.page.mouse.up();
  await b.page.waitForTimeout(60);
}

// [SECTION] Helpers of the interaction tests (relations, clusters, links)

// The corpus beside the clone, or beside the worktrees' parent when this is a git worktree.
export const corpusDir = [sharedCorpus, resolve(repo, '../../shared/corpus')].find((d) => existsSync(d));

// Input is handled by the next frames, and frames are slow under SwiftShader.
export const settle = (b) => b.page.evaluate(() => new Promise((ok) => {
  let n = 4;
  const step = () => (--n ? requestAnimationFrame(step) : setTimeout(ok, 20));
  requestAnimationFrame(step);
}));
// Calls window.goldspan[fn](...args) in the page.
export const api = (b, fn, ...args) => b.page.evaluate(([f, a]) => window.goldspan[f](...a), [fn, args]);
export const key = async (b, k) => { await b.page.keyboard.press(k); await settle(b); };
// cpOf(text)(needle, from): the code point offset of `needle` in `text` (it must occur).
export const cpOf = (text) => (needle, from = 0) => {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return Array.from(text.slice(0, i)).length;
};
// A real click in the middle of a page rectangle.
export async function clickBox(b, r) {
  if (!r) throw new Error('no box to click');
  await b.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await settle(b);
}
