// Autosave when things go wrong (docs/durability.md): two tabs on one origin (one edits, the
// other is read-only and says so, then takes over when the first closes), the database closed
// under the page, a storage quota too small, IndexedDB unavailable. Each time the status bar says
// at once that edits are not being saved, nothing is dropped, and export still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boot, drag, open, repo } from './browser.mjs';

const DOC = 'harbor-a.txt';
const text = readFileSync(join(repo, 'assets/sample', DOC), 'utf8');
const cp = (needle) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return Array.from(text.slice(0, i)).length;
};
const spans = (page) => page.evaluate((d) => window.goldspan.spans(d).map((s) => `${s.label} ${s.text}`), DOC);
const saveState = (page) => page.evaluate(() => window.goldspan.saveState());
const saved = (page) => page.waitForFunction(() => window.goldspan.saveState().line === 'all changes saved', null, { timeout: 10000 });
// A label by drag and hotkey, as an annotator does it.
async function label(b, needle, key) {
  const at = cp(needle);
  await drag(b, DOC, at, at + Array.from(needle).length - 1);
  await b.page.keyboard.press(key);
  await b.page.waitForTimeout(80);
}

test('two tabs: the second is read-only and says so, refuses edits, and takes over when the first closes', async () => {
  const b = await open();
  try {
    await boot(b);
    await label(b, 'Ines Oduya', 'p');
    await saved(b.page);
    const a = b.page;
    const tabB = await b.context.newPage();
    await tabB.goto(b.origin + '/');
    await tabB.evaluate(() => window.goldspan.ready);
    assert.deepEqual(await spans(tabB), ['PERSON Ines Oduya'], 'the second tab shows what the first saved');
    const st = await saveState(tabB);
    assert.equal(st.readOnly, true);
    await tabB.waitForFunction(() => window.goldspan.saveState().line.startsWith('read-only: goldspan is open for editing in another tab'));

    // Real input in tab B changes nothing, and says why.
    b.page = tabB;
    await label(b, 'Kestrel Logistics', 'o');
    assert.deepEqual(await spans(tabB), ['PERSON Ines Oduya']);
    assert.match(await tabB.evaluate(() => window.goldspan.status()), /read-only/);
    const opened = await tabB.evaluate(() => window.goldspan.openTexts([{ id: 'x.txt', text: 'A new text.' }]));
    assert.equal(opened.ok, false);
    assert.match(opened.errors[0], /read-only/);
    assert.equal(await tabB.evaluate(() => window.goldspan.savedPending()), 0, 'nothing was queued in the read-only tab');

    // Tab A keeps editing; when it closes, B reloads, shows everything and is the editor.
    b.page = a;
    await a.bringToFront();
    await label(b, 'Kestrel Logistics', 'o');
    assert.deepEqual((await spans(a)).sort(), ['ORGANIZATION Kestrel Logistics', 'PERSON Ines Oduya']);
    await saved(a);
    const reloaded = tabB.waitForEvent('load', { timeout: 20000 });
    await a.close();
    await reloaded;
    await tabB.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
    await tabB.evaluate(() => window.goldspan.ready);
    assert.equal((await saveState(tabB)).readOnly, false);
    assert.deepEqual((await spans(tabB)).sort(), ['ORGANIZATION Kestrel Logistics', 'PERSON Ines Oduya']);
    b.page = tabB;
    await tabB.bringToFront();
    await label(b, 'Valmora', 'l');
    await saved(tabB);
    const all = (await spans(tabB)).sort();
    assert.equal(all.length, 3);
    await tabB.reload();
    await boot(b, b.origin + '/');
    assert.deepEqual((await spans(b.page)).sort(), all, 'the edits of both tabs were kept');
  } finally {
    await b.close();
  }
});

test('the database closed under the page: the status bar says so at once, and everything is written again', async () => {
  const b = await open();
  try {
    await boot(b);
    await label(b, 'Ines Oduya', 'p');
    await saved(b.page);
    const cdp = await b.context.newCDPSession(b.page);
    // What "Clear site data" does: the connection is closed under the page and the log deleted.
    await cdp.send('Storage.clearDataForOrigin', { origin: b.origin, storageTypes: 'indexeddb' });
    await b.page.waitForFunction(() => /^changes are not being saved \(the database was closed under the page\).*export to keep them$/
      .test(window.goldspan.saveState().line), null, { timeout: 500, polling: 'raf' });
    assert.match(await b.page.evaluate(() => window.goldspan.exportGold()), /Ines Oduya/, 'export works meanwhile');
    // The page reopens the database, finds it emptied and writes the whole session again.
    await saved(b.page);
    await label(b, 'Kestrel Logistics', 'o');
    await saved(b.page);
    const before = (await spans(b.page)).sort();
    assert.deepEqual(before, ['ORGANIZATION Kestrel Logistics', 'PERSON Ines Oduya']);
    await b.page.reload();
    await boot(b, b.origin + '/');
    assert.deepEqual((await spans(b.page)).sort(), before);
  } finally {
    await b.close();
  }
});

// Chromium 156 reports a CDP Storage.overrideQuotaForOrigin quota (getUsageAndQuota says
// overrideActive) but IndexedDB does not enforce it (a 1 MB put completes under 20 kB), so the
// full disk is what the browser does then: each readwrite transaction aborts with QuotaExceededError.
const fullDisk = () => {
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, options) {
    const tx = transaction.call(this, names, mode, options);
    if (mode === 'readwrite' && window.__diskFull) {
      Object.defineProperty(tx, 'error', { get: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
      tx.commit = () => tx.abort();  // at commit, after the puts, as a full disk does
    }
    return tx;
  };
};

test('storage full: every unsaved edit is shown, kept, exported, and saved once there is room', async () => {
  const b = await open();
  try {
    await b.page.addInitScript(fullDisk);
    await boot(b);
    await saved(b.page);
    await b.page.evaluate(() => { window.__diskFull = true; });
    await label(b, 'Ines Oduya', 'p');
    await b.page.waitForFunction(() => /quota/.test(window.goldspan.saveState().line), null, { timeout: 1000, polling: 'raf' });
    await label(b, 'Kestrel Logistics', 'o');
    await b.page.waitForFunction(() => / 2 unsaved/.test(window.goldspan.saveState().line), null, { timeout: 3000 });
    const st = await saveState(b.page);
    assert.equal(st.pending, 2);
    assert.equal(st.line, "changes are not being saved (the browser's storage quota is exhausted) \u00b7 2 unsaved \u2014 export to keep them");
    await b.page.waitForTimeout(2500);  // retries fail too, and say so
    assert.equal((await saveState(b.page)).pending, 2);
    const gold = await b.page.evaluate(() => window.goldspan.exportGold());
    assert.match(gold, /Ines Oduya/);
    assert.match(gold, /Kestrel Logistics/);
    await b.page.evaluate(() => { window.__diskFull = false; });  // room again: the retry saves both, in order
    await saved(b.page);
    await b.page.reload();
    await boot(b, b.origin + '/');
    assert.deepEqual((await spans(b.page)).sort(), ['ORGANIZATION Kestrel Logistics', 'PERSON Ines Oduya']);
  } finally {
    await b.close();
  }
});

test('IndexedDB unavailable (site data blocked): the app starts, warns, and export keeps the work', async () => {
  const b = await open();
  try {
    await b.page.addInitScript(() => {
      const blocked = { open() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } };
      Object.defineProperty(window, 'indexedDB', { get: () => blocked });
    });
    await boot(b);
    assert.match((await saveState(b.page)).line, /^changes are not being saved \(IndexedDB is not available: .*denied.*\).*export to keep them/);
    await label(b, 'Ines Oduya', 'p');
    assert.deepEqual(await spans(b.page), ['PERSON Ines Oduya']);
    const st = await saveState(b.page);
    assert.ok(st.pending > 0, 'the edits are counted as unsaved');
    assert.match(st.line, /unsaved/);
    assert.match(await b.page.evaluate(() => window.goldspan.exportGold()), /Ines Oduya/);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
