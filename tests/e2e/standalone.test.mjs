// The single-file build opens from file:// with no server, works, and keeps its autosave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dist, open } from './browser.mjs';

test('goldspan-standalone.html runs from file:// and restores its work after a reload', async () => {
  const b = await open();
  const url = 'file://' + join(dist, 'goldspan-standalone.html');
  const boot = async () => {
    await b.page.goto(url);
    await b.page.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
    await b.page.evaluate(() => window.goldspan.ready);
  };
  try {
    await boot();
    const docs = await b.page.evaluate(() => window.goldspan.documents().map((d) => d.id));
    assert.deepEqual(docs, ['harbor-a.txt', 'harbor-b.txt']);
    // Thai needs the dictionaries, which are inlined too.
    const th = await b.page.evaluate(() => window.goldspan.openTexts([{ id: 'th.txt', text: 'สวัสดีครับ' }]));
    assert.equal(th.ok, true);
    const r = await b.page.evaluate(() => window.goldspan.addSpans('harbor-b.txt', [{ label: 'PERSON', start: 267, end: 277 }]));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    const before = await b.page.evaluate(() => window.goldspan.spans('harbor-b.txt'));
    assert.equal(before[0].text, 'Ines Oduya');
    await b.page.waitForFunction(() => window.goldspan.savedPending() === 0);
    await b.page.reload();
    await boot();
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.spans('harbor-b.txt')), before);
    assert.equal((await b.page.evaluate(() => window.goldspan.documents())).find((d) => d.id === 'th.txt').tokens, 2);
    await b.screenshot('standalone.png');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.requests.filter((u) => !u.startsWith('file://')), [], 'only the file itself is loaded');
  } finally {
    await b.close();
  }
});
