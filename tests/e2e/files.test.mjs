// Files: the news corpus through the file input, autosave across reloads, bad files rejected
// with every error shown and nothing changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot, open, sharedCorpus } from './browser.mjs';

const ids = (b) => b.page.evaluate(() => window.goldspan.documents().map((d) => d.id));
const settle = (b) => b.page.waitForFunction(() => window.goldspan.savedPending() === 0);

test('corpus files open through the file input and survive a reload', async (t) => {
  if (!existsSync(sharedCorpus)) {
    t.skip('../shared/corpus not present (a user clone): skipped');
    return;
  }
  const files = readdirSync(sharedCorpus).filter((f) => f.endsWith('.txt')).sort().map((f) => join(sharedCorpus, f));
  const b = await open();
  try {
    await boot(b);
    await b.page.setInputFiles('#file-input', files);
    await b.page.waitForFunction((n) => window.goldspan.documents().length === n, 2 + files.length);
    const names = files.map((f) => f.split('/').pop());
    assert.deepEqual(await ids(b), ['harbor-a.txt', 'harbor-b.txt', ...names]);
    await settle(b);
    await b.page.reload();
    await boot(b);
    assert.deepEqual(await ids(b), ['harbor-a.txt', 'harbor-b.txt', ...names], 'restored from IndexedDB');
  } finally {
    await b.close();
  }
});

test('bad files: every error is shown and nothing changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'goldspan-bad-'));
  const badJsonl = join(dir, 'broken.jsonl');
  writeFileSync(badJsonl, '{"id": "x", "text": "fine"}\n{"id": "y", "text": \n{"id": [3], "text": "z"}\n');
  const b = await open();
  try {
    await boot(b);
    const before = await ids(b);
    await b.page.setInputFiles('#file-input', [badJsonl]);
    await b.page.waitForTimeout(300);
    await b.screenshot('bad-file-dialog.png');
    assert.deepEqual(await ids(b), before, 'nothing opened from the broken JSONL');
    const r = await b.page.evaluate(async () => {
      const f = new File([new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])], 'latin1.txt');
      return (await window.goldspan.openFiles([f]))[0];
    });
    assert.equal(r.ok, false);
    assert.match(r.errors[0], /latin1\.txt: invalid UTF-8 at byte 3/);
    const j = await b.page.evaluate(async () => {
      const f = new File(['{"id": "x", "text": "fine"}\n{"id": "y", "text": \n{"id": [3], "text": "z"}\n'], 'broken.jsonl');
      return (await window.goldspan.openFiles([f]))[0];
    });
    assert.equal(j.ok, false);
    assert.equal(j.errors.length, 2, 'both bad lines reported');
    assert.match(j.errors[0], /broken\.jsonl: line 2/);
    assert.match(j.errors[1], /broken\.jsonl: line 3/);
    assert.deepEqual(await ids(b), before);
  } finally {
    await b.close();
  }
});
