// Shared set-up for the browser tests: the built site served on 127.0.0.1, Debian's
// Chromium headless with SwiftShader WebGL, and a record of every request the page makes.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const dist = join(repo, 'build/wasm/dist');
export const artifacts = join(here, 'artifacts');
export const sharedCorpus = resolve(repo, '../shared/corpus');

export async function open() {
  const server = await startServer(dist, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],  // Playwright gives each launch a fresh temporary profile
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
