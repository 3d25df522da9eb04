// Search (Ctrl+F) with real keys and clicks: typing, Enter/F3 stepping (the canvas jumps to each
// hit), the regex and ignore-case options (ICU in wasm: Unicode classes, case folding), label all
// as one undo step with the overlap refusals counted, Esc. The state is read through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boot, open, repo, sharedCorpus as defaultCorpus } from './browser.mjs';

// GOLDSPAN_CORPUS points a worktree checkout at the shared corpus.
const sharedCorpus = process.env.GOLDSPAN_CORPUS || defaultCorpus;

const settle = (b, ms = 250) => b.page.waitForTimeout(ms);
const panel = (b) => b.page.evaluate(() => window.goldspan.searchPanel());
const cps = (s) => Array.from(s).length;

// Every hit of a JS regex in {id: text}, in code points, documents in `order`.
function expected(texts, order, re) {
  const out = [];
  for (const id of order)
    for (const m of texts[id].matchAll(re))
      out.push({ doc: id, start: cps(texts[id].slice(0, m.index)), end: cps(texts[id].slice(0, m.index)) + cps(m[0]), text: m[0] });
  return out;
}

async function click(b, rect) {
  await b.page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await settle(b);
}

// Ctrl+F, replace the field's text by `pattern` with real keys. On a loaded machine a frame can
// take longer than the settle, so Ctrl+A may reach the page before the field has focus and the
// old text stays in front of the typed one: wait until the panel searches exactly `pattern`, and
// type again (at most three times) when it does not.
async function find(b, pattern) {
  for (let attempt = 1; ; ++attempt) {
    await b.page.keyboard.press('Control+f');
    await settle(b, 250 * attempt);
    await b.page.keyboard.press('Control+a');
    await b.page.keyboard.press('Backspace');
    await b.page.keyboard.type(pattern, { delay: 15 });
    try {
      await b.page.waitForFunction((want) => window.goldspan.searchPanel().pattern === want, pattern, { timeout: 5000 });
      await settle(b, 250);
      return;
    } catch (e) {
      if (attempt === 3) throw new Error(`the search field never held ${JSON.stringify(pattern)}: ${(await panel(b)).pattern}`);
    }
  }
}

async function setOption(b, name, on) {
  const p = await panel(b);
  if ((name === 'regex' ? p.regex : p.ignoreCase) !== on) await click(b, p.controls[name]);
  const q = await panel(b);
  assert.equal(name === 'regex' ? q.regex : q.ignoreCase, on, name);
}

// A control of the panel once a frame has drawn it (frames are slow on a loaded machine).
async function control(b, name) {
  await b.page.waitForFunction((n) => window.goldspan.searchPanel().controls[n], name);
  return (await panel(b)).controls[name];
}

// Chooses `label` in the combo and clicks "Label all"; returns the status message it leaves.
async function labelAll(b, label) {
  const before = await b.page.evaluate(() => window.goldspan.status());
  await click(b, await control(b, 'label'));
  await click(b, await control(b, `label:${label}`));
  await click(b, await control(b, 'label all'));
  await b.page.waitForFunction((s) => window.goldspan.status() !== s, before);
  const status = await b.page.evaluate(() => window.goldspan.status());
  assert.match(status, new RegExp(`^Label all ${label}:`), status);
  return status;
}

// The hit is selected in the current document and drawn inside the canvas (no API scrolling).
async function assertShown(b, hit) {
  const docs = await b.page.evaluate(() => window.goldspan.documents());
  assert.equal(docs.find((d) => d.current).id, hit.doc, 'the hit\'s document is shown');
  assert.deepEqual(await b.page.evaluate(() => window.goldspan.selection()), { doc: hit.doc, start: hit.start, end: hit.end });
  const r = await b.page.evaluate(([d, o]) => window.goldspan.visibleCharRect(d, o), [hit.doc, hit.start]);
  const box = await b.page.evaluate(() => { const c = document.querySelector('canvas').getBoundingClientRect(); return { top: c.top, bottom: c.bottom }; });
  assert.ok(r && r.y >= box.top && r.y + r.height <= box.bottom, `hit ${hit.doc}:${hit.start} on screen (${JSON.stringify(r)})`);
}

test('samples: Ctrl+F, Enter steps and jumps, Unicode regex, label all as one step, Esc', async () => {
  const texts = {};
  for (const f of ['harbor-a.txt', 'harbor-b.txt', 'multilingual.txt']) texts[f] = readFileSync(join(repo, 'assets/sample', f), 'utf8');
  const b = await open();
  try {
    await boot(b);
    await b.page.setInputFiles('#file-input', [join(repo, 'assets/sample/multilingual.txt')]);
    await b.page.waitForFunction(() => window.goldspan.documents().length === 3);
    const order = (await b.page.evaluate(() => window.goldspan.documents())).map((d) => d.id);

    await find(b, 'Oduya');
    let p = await panel(b);
    assert.equal(p.open, true, 'Ctrl+F opened the panel');
    assert.equal(p.pattern, 'Oduya', 'typed into the focused field');
    const want = expected(texts, order, /Oduya/g);
    assert.equal(p.count, want.length);
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.search('Oduya')), want, 'the API finds the same');
    await b.page.keyboard.press('Enter'); await settle(b);
    p = await panel(b);
    assert.equal(p.current, 0);
    assert.deepEqual(p.hit, want[0]);
    await assertShown(b, want[0]);
    await b.page.keyboard.press('Enter'); await settle(b);
    assert.deepEqual((await panel(b)).hit, want[1], 'Enter again: the next hit, in the other document');
    await assertShown(b, want[1]);
    await b.page.keyboard.press('Shift+F3'); await settle(b);
    assert.deepEqual((await panel(b)).hit, want[0], 'Shift+F3: back');
    await b.page.keyboard.press('F3'); await settle(b);
    assert.deepEqual((await panel(b)).hit, want[1], 'F3: forward');

    // A Unicode class (ICU regex in wasm): Cyrillic words, then upper-case-initial Greek words.
    await setOption(b, 'regex', true);
    await find(b, '\\p{Script=Cyrillic}+');
    p = await panel(b);
    assert.equal(p.error, '');
    const cyr = expected(texts, order, /\p{Script=Cyrillic}+/gu);
    assert.equal(cyr.length, 8);
    assert.equal(p.count, cyr.length);
    await b.page.keyboard.press('Enter'); await settle(b);
    assert.deepEqual((await panel(b)).hit, cyr[0]);
    await assertShown(b, cyr[0]);
    // Typed keys are ASCII (GLFW gets no key events for text a keyboard cannot type).
    await find(b, '\\p{Script=Greek}+');
    const greek = expected(texts, order, /\p{Script=Greek}+/gu);
    assert.deepEqual(greek.map((h) => h.text), ['Η', 'πυρκαγιά', 'έκαιγε', 'σχεδόν', 'έξι', 'ώρες']);
    assert.equal((await panel(b)).count, greek.length);
    assert.deepEqual(await b.page.evaluate(() => window.goldspan.search('\\b\\p{L}+ς\\b', { regex: true })),
      expected(texts, order, /(?<!\p{L})\p{L}+ς(?!\p{L})/gu), 'the API: Greek words ending in final sigma');
    // A bad regex is an error in the panel, not a crash.
    await find(b, '(unclosed');
    p = await panel(b);
    assert.match(p.error, /bad regular expression/);
    assert.equal(p.count, 0);

    // Label all: "Ines Oduya" as PERSON; in harbor-a an ORGANIZATION span "Oduya said" crosses
    // the first match, which the schema's overlap rules refuse.
    await setOption(b, 'regex', false);
    const org = expected(texts, ['harbor-a.txt'], /Oduya said/g)[0];
    assert.deepEqual(await b.page.evaluate((s) => window.goldspan.addSpans('harbor-a.txt', [s]), { label: 'ORGANIZATION', start: org.start, end: org.end }), { ok: true, errors: [] });
    await find(b, 'Ines Oduya');
    const ines = expected(texts, order, /Ines Oduya/g);
    assert.equal((await panel(b)).count, ines.length);
    const before = {};
    for (const d of order) before[d] = await b.page.evaluate((id) => window.goldspan.spans(id), d);
    const status = await labelAll(b, 'PERSON');
    assert.match(status, new RegExp(`${ines.length - 1} added, 1 refused by overlap rules, 0 duplicates`), status);
    const persons = [];
    for (const d of order) persons.push(...(await b.page.evaluate((id) => window.goldspan.spans(id), d)).filter((s) => s.label === 'PERSON'));
    assert.deepEqual(persons.map((s) => [s.text, s.start, s.end]), ines.slice(1).map((h) => [h.text, h.start, h.end]));
    assert.match(await labelAll(b, 'PERSON'), /0 added, 1 refused by overlap rules, \d+ duplicates/, 'again: all there already');
    await b.screenshot('search-label-all.png');
    // Esc closes; one Ctrl+Z removes every span of the step, the ORGANIZATION span stays.
    await b.page.keyboard.press('Escape'); await settle(b);
    assert.equal((await panel(b)).open, false, 'Esc closed the panel');
    await b.page.keyboard.press('Control+z'); await settle(b);
    for (const d of order) assert.deepEqual(await b.page.evaluate((id) => window.goldspan.spans(id), d), before[d], `${d} as before the label-all step`);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('corpus articles: ignore case finds Bishkek/BISHKEK, jumps scroll, -ov regex, label all and one undo', async (t) => {
  if (!existsSync(sharedCorpus)) {
    t.skip('../shared/corpus not present (a user clone): covered by the sample test above');
    return;
  }
  const files = readdirSync(sharedCorpus).filter((f) => f.endsWith('.txt')).sort();
  const texts = {};
  for (const f of files) texts[f] = readFileSync(join(sharedCorpus, f), 'utf8');
  const b = await open();
  try {
    await boot(b);
    await b.page.setInputFiles('#file-input', files.map((f) => join(sharedCorpus, f)));
    await b.page.waitForFunction((n) => window.goldspan.documents().length === n, 2 + files.length);
    texts['caps.txt'] = 'BISHKEK, Bishkek and bishkek: one city.';
    await b.page.evaluate((text) => window.goldspan.openTexts([{ id: 'caps.txt', text }]), texts['caps.txt']);
    const order = (await b.page.evaluate(() => window.goldspan.documents())).map((d) => d.id).filter((d) => texts[d]);

    await find(b, 'bishkek');
    assert.equal((await panel(b)).count, 1, 'case-sensitive: only the lower-case one');
    await setOption(b, 'ignore case', true);
    const want = expected(texts, order, /bishkek/gi);
    assert.ok(want.length >= 6);
    assert.ok(want.some((h) => h.text === 'BISHKEK') && want.some((h) => h.text === 'Bishkek' && h.doc !== 'caps.txt'));
    assert.equal((await panel(b)).count, want.length);
    // Step through every hit with Enter: each one is shown, the canvas scrolling to it.
    for (let i = 0; i < want.length; ++i) {
      await b.page.keyboard.press('Enter'); await settle(b, 200);
      assert.deepEqual((await panel(b)).hit, want[i], `Enter #${i + 1}`);
      await assertShown(b, want[i]);
    }
    const deep = want.filter((h) => h.doc !== 'caps.txt').sort((x, y) => y.start - x.start)[0];
    assert.ok(deep.start > 1500, 'a hit far down an article (the canvas had to scroll)');

    // Unicode classes: capitalised names ending in -ov.
    await setOption(b, 'regex', true);
    await find(b, '\\p{Lu}\\p{Ll}+ov\\b');
    const ov = expected(texts, order, /\p{Lu}\p{Ll}+ov\b/gu);
    assert.ok(ov.length >= 3);
    assert.equal((await panel(b)).count, ov.length);

    // Label all Bishkek (any case) as LOCATION: one step; one Ctrl+Z removes them all.
    await setOption(b, 'regex', false);
    await find(b, 'bishkek');
    const status = await labelAll(b, 'LOCATION');
    assert.match(status, new RegExp(`Label all LOCATION: ${want.length} added, 0 refused by overlap rules, 0 duplicates`), status);
    let total = 0;
    for (const d of order) total += (await b.page.evaluate((id) => window.goldspan.spans(id), d)).filter((s) => s.label === 'LOCATION').length;
    assert.equal(total, want.length);
    await b.page.keyboard.press('Escape'); await settle(b);
    await b.page.keyboard.press('Control+z'); await settle(b);
    for (const d of order) assert.deepEqual(await b.page.evaluate((id) => window.goldspan.spans(id), d), [], `${d}: undone`);
    await b.screenshot('search-corpus.png');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

// Over 2 M code points a search costs more than a keystroke: typing searches once, after the
// pause, not once per key; Enter searches at once. The keys follow Ctrl+F without a pause.
test('a large corpus: typing searches after the pause, not per key; the hits are all there', async () => {
  const b = await open();
  try {
    await boot(b);
    const sentence = 'The harbour of Valmora reopened on Monday after the fire. ';
    const copies = Math.ceil(2100000 / sentence.length);
    const inSamples = (await b.page.evaluate(() => window.goldspan.search('Valmora'))).length;  // the open samples name it too
    const r = await b.page.evaluate(([s, n]) => window.goldspan.openTexts([{ id: 'big.txt', text: s.repeat(n) }]), [sentence, copies]);
    assert.equal(r.ok, true, JSON.stringify(r));
    // Typed at once after Ctrl+F, before the field can take the focus: no key is lost.
    const before = (await panel(b)).searches;
    await b.page.keyboard.press('Control+f');
    await b.page.keyboard.type('Valmora', { delay: 20 });
    await b.page.waitForFunction(() => window.goldspan.searchPanel().pattern === 'Valmora', null, { timeout: 20000 });
    const p = await panel(b);
    assert.equal(p.count, copies + inSamples);
    assert.ok(p.searches - before <= 2, `${p.searches - before} searches for 7 keys`);
    // Enter does not wait for the pause.
    await b.page.keyboard.press('Backspace');
    await b.page.keyboard.press('Enter');
    await b.page.waitForFunction(() => window.goldspan.searchPanel().pattern === 'Valmor', null, { timeout: 20000 });
  } finally {
    await b.close();
  }
});
