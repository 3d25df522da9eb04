// Export and import through the page: gold JSON downloaded with Ctrl+S after annotating with
// the mouse and keys, checked field by field; other formats; a valid gold file imported as
// one undo step and restored after a reload; malformed gold files rejected with every error,
// changing nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boot, drag as dragIn, open, repo } from './browser.mjs';

const DOC = 'harbor-a.txt';
const text = readFileSync(join(repo, 'assets/sample', DOC), 'utf8');
const cp = (needle) => Array.from(text.slice(0, text.indexOf(needle))).length;

const drag = (b, a, z) => dragIn(b, DOC, a, z);
const state = (b) => b.page.evaluate(() => ({
  docs: window.goldspan.documents().map((d) => [d.id, d.spans]),
  spans: window.goldspan.documents().map((d) => window.goldspan.spans(d.id)),
}));

test('Ctrl+S downloads gold JSON with exact offsets, hashes and the schema', async () => {
  const b = await open();
  try {
    await boot(b);
    const ines = cp('Ines Oduya');
    await drag(b, ines + 1, ines + 8);
    await b.page.keyboard.press('p');
    const claim = cp('14 workers');
    await drag(b, claim, cp('hurt.') + 1);
    await b.page.keyboard.press('c');
    const download = b.page.waitForEvent('download');
    await b.page.keyboard.press('Control+s');
    const d = await download;
    assert.equal(d.suggestedFilename(), 'goldspan.gold.json');
    const gold = JSON.parse(readFileSync(await d.path(), 'utf8'));
    assert.equal(gold.format, 'goldspan-gold');
    assert.equal(gold.version, 1);
    assert.equal(gold.offset_unit, 'codepoint');
    assert.ok(gold.schema && gold.provenance.tool === 'goldspan');
    const doc = gold.documents.find((x) => x.id === DOC);
    assert.equal(doc.text, text);
    assert.equal(doc.sha256, createHash('sha256').update(text, 'utf8').digest('hex'));
    const person = doc.spans.find((s) => s.label === 'PERSON');
    assert.deepEqual([person.start, person.end, person.text, person.kind], [ines, ines + 10, 'Ines Oduya', 'entity']);
    const c = doc.spans.find((s) => s.label === 'CLAIM');
    assert.equal(c.kind, 'claim');
    assert.equal(c.text, Array.from(text).slice(c.start, c.end).join(''), 'text repeats the covered code points');
    // Other formats come out of the same state; brat as a zip of .txt/.ann pairs.
    const brat = await b.page.evaluate(() => {
      const r = window.goldspan.exportAs('brat');
      return { name: r.name, magic: String.fromCharCode(r.bytes[0], r.bytes[1]), size: r.bytes.length };
    });
    assert.deepEqual([brat.name, brat.magic], ['goldspan-brat.zip', 'PK']);
    const conll = await b.page.evaluate(() => {
      const r = window.goldspan.exportAs('conll');
      return { text: new TextDecoder().decode(r.bytes), warnings: r.warnings };
    });
    assert.match(conll.text, /\nInes _ _ B-PERSON\nOduya _ _ I-PERSON\n/);
    assert.ok(conll.warnings.length > 0, 'CoNLL says what it cannot carry (the claim)');
    const utf16 = JSON.parse(await b.page.evaluate(() => new TextDecoder().decode(window.goldspan.exportAs('gold', { utf16: true }).bytes)));
    assert.equal(utf16.documents[0].spans[0].start_utf16 !== undefined, true);
  } finally {
    await b.close();
  }
});

test('importing gold JSON: malformed files change nothing; a valid one is one undo step and survives a reload', async () => {
  const b = await open();
  try {
    await boot(b);
    await b.page.evaluate((d) => window.goldspan.addSpans(d, [{ label: 'LOCATION', start: 64, end: 71 }]), DOC);
    const gold = await b.page.evaluate(() => window.goldspan.exportGold());
    const before = await state(b);

    // Truncated, wrong hash, offsets past the end: each rejected with its path, nothing changes.
    const bad = JSON.parse(gold);
    bad.documents[0].sha256 = '0'.repeat(64);
    bad.documents[0].spans[0].end = 100000;
    const results = await b.page.evaluate(async (files) => Promise.all(files.map((f) => window.goldspan.importGold(f))),
      [gold.slice(0, gold.length / 2), JSON.stringify(bad)]);
    assert.equal(results[0].ok, false);
    assert.match(results[0].errors[0], /import\.json/);
    assert.equal(results[1].ok, false);
    assert.ok(results[1].errors.some((e) => /documents\[0\]\.sha256/.test(e)), results[1].errors.join('\n'));
    assert.ok(results[1].errors.some((e) => /documents\[0\]\.spans\[0\]\.end/.test(e)), results[1].errors.join('\n'));
    assert.deepEqual(await state(b), before, 'nothing changed');

    // Through the file input: the dialog lists the errors.
    await b.page.setInputFiles('#file-input', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await b.page.waitForTimeout(300);
    await b.screenshot('import-errors.png');
    assert.deepEqual(await state(b), before);
    await b.page.keyboard.press('Escape');

    // A valid file with new document ids: documents and spans come in as one undo step.
    const copy = JSON.parse(gold);
    for (const d of copy.documents) d.id = 'copy-' + d.id;
    for (const c of copy.clusters || []) for (const m of c.members) m.doc = 'copy-' + m.doc;
    const ok = await b.page.evaluate((f) => window.goldspan.importGold(f), JSON.stringify(copy));
    assert.equal(ok.ok, true, ok.errors.join('\n'));
    const spans = await b.page.evaluate(() => window.goldspan.spans('copy-harbor-a.txt'));
    assert.deepEqual(spans.map((s) => `${s.label} ${s.text}`), ['LOCATION Valmora']);
    await b.page.keyboard.press('Control+z');
    await b.page.waitForTimeout(80);
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.spans('copy-harbor-a.txt')), [], 'one undo step');
    await b.page.keyboard.press('Control+Shift+Z');
    await b.page.waitForTimeout(80);
    await b.page.waitForFunction(() => window.goldspan.savedPending() === 0);
    const after = await state(b);
    await b.page.reload();
    await boot(b);
    assert.deepEqual(await state(b), after, 'restored from the autosave log');
    assert.deepEqual(b.requests.filter((u) => !u.startsWith(b.origin + '/')), []);
  } finally {
    await b.close();
  }
});
