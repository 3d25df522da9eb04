// The annotator page: loads offline, shows the built-in sample, selects tokens with real
// mouse drags and keys at positions the automation API reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, open, repo } from './browser.mjs';

const sampleA = readFileSync(join(repo, 'assets/sample/harbor-a.txt'), 'utf8');
// Code point offset of a substring (JS strings index UTF-16 units).
const cpIndex = (text, needle) => Array.from(text.slice(0, text.indexOf(needle))).length;

async function boot() {
  const b = await open();
  await b.page.goto(b.origin + '/');
  await b.page.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
  await b.page.evaluate(() => window.goldspan.ready);
  return b;
}

test('page loads the sample documents, offline, with no errors', async () => {
  const b = await boot();
  try {
    const docs = await b.page.evaluate(() => window.goldspan.documents());
    assert.deepEqual(docs.map((d) => d.id), ['harbor-a.txt', 'harbor-b.txt']);
    assert.equal(docs[0].length, Array.from(sampleA).length);
    await b.screenshot('app-start.png');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.requests.filter((u) => !u.startsWith(b.origin + '/')), [], 'no request leaves the origin');
  } finally {
    await b.close();
  }
});

test('a mouse drag selects whole tokens; arrows move and extend the token cursor', async () => {
  const b = await boot();
  try {
    const start = cpIndex(sampleA, 'Ines Oduya');
    const end = start + 'Ines Oduya'.length;
    const r0 = await b.page.evaluate(([s]) => window.goldspan.charRect('harbor-a.txt', s), [start + 1]);
    const r1 = await b.page.evaluate(([e]) => window.goldspan.charRect('harbor-a.txt', e), [end - 2]);
    assert.ok(r0 && r1, 'charRect gives rectangles');
    // Press inside "Ines", release inside "Oduya": the selection snaps to both whole tokens.
    await b.page.mouse.move(r0.x + r0.width / 2, r0.y + r0.height / 2);
    await b.page.mouse.down();
    await b.page.mouse.move(r1.x + r1.width / 2, r1.y + r1.height / 2, { steps: 5 });
    await b.page.mouse.up();
    await b.page.waitForTimeout(50);
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.selection()), { doc: 'harbor-a.txt', start, end });
    await b.screenshot('app-drag.png');
    // Right arrow: the cursor moves to the next token ("said") alone; shift+right extends.
    await b.page.keyboard.press('ArrowRight');
    await b.page.waitForTimeout(50);
    const said = cpIndex(sampleA, 'said 14');
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.selection()), { doc: 'harbor-a.txt', start: said, end: said + 4 });
    await b.page.keyboard.press('Shift+ArrowRight');
    await b.page.waitForTimeout(50);
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.selection()), { doc: 'harbor-a.txt', start: said, end: said + 7 });
  } finally {
    await b.close();
  }
});

test('ICU dictionaries are fetched only when a text needs them', async () => {
  const b = await boot();
  try {
    assert.ok(!b.requests.some((u) => u.endsWith('icudt72l-dict.dat')), 'not loaded at start');
    const latin = await b.page.evaluate(() => window.goldspan.openTexts([{ id: 'fr.txt', text: 'Le port a rouvert lundi.' }]));
    assert.equal(latin.ok, true);
    assert.ok(!b.requests.some((u) => u.endsWith('icudt72l-dict.dat')), 'not for Latin text');
    // สวัสดีครับ: two Thai words, only separable with the dictionary.
    const r = await b.page.evaluate(() => window.goldspan.openTexts([{ id: 'th.txt', text: 'สวัสดีครับ' }, { id: 'ja.txt', text: '東京に行きます。' }]));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.ok(b.requests.some((u) => u.endsWith('icudt72l-dict.dat')), 'fetched for Thai and Japanese');
    const docs = await b.page.evaluate(() => window.goldspan.documents());
    assert.equal(docs.find((d) => d.id === 'th.txt').tokens, 2);
    assert.ok(docs.find((d) => d.id === 'ja.txt').tokens >= 4, 'Japanese split into words');
  } finally {
    await b.close();
  }
});

test('files dropped on the page open; HiDPI: a click at charRect selects that token at 2x', async () => {
  const b = await open();
  try {
    await b.page.close();
    b.page = await b.context.browser().newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
    await b.page.goto(b.origin + '/');
    await b.page.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
    await b.page.evaluate(() => window.goldspan.ready);
    // Drag-and-drop: a real drop event carrying two files.
    const dt = await b.page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['Первый документ о пожаре.'], 'ru.txt'));
      d.items.add(new File(['{"id":"el","text":"Η πυρκαγιά έκαιγε."}\n'], 'el.jsonl'));
      return d;
    });
    await b.page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
    await b.page.waitForFunction(() => window.goldspan.documents().length === 4);
    const ids = await b.page.evaluate(() => window.goldspan.documents().map((d) => d.id));
    assert.deepEqual(ids.slice(2), ['ru.txt', 'el']);
    // At device pixel ratio 2 the canvas draws at device pixels; positions still line up.
    const r = await b.page.evaluate(() => window.goldspan.charRect('ru.txt', 8));  // inside "документ"
    await b.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await b.page.waitForTimeout(80);
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.selection()), { doc: 'ru.txt', start: 7, end: 15 });
    await b.page.screenshot({ path: join(artifacts, 'hidpi.png') });
  } finally {
    await b.close();
  }
});

test('without WebGL2 the page says so instead of failing silently', async () => {
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('../../scripts/serve.mjs');
  const { dist } = await import('./browser.mjs');
  const server = await startServer(dist, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-3d-apis', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('#loading.error', { timeout: 15000 });
    assert.match(await page.textContent('#loading-text'), /WebGL2/);
  } finally {
    await browser.close();
    server.close();
  }
});
