// Suggestions (File > Open as suggestions…): a dictionary's matches and Label Studio predictions
// load as suggestions, not spans; real keys accept (Enter), reject (x), step (n / Shift+N) and
// accept all in view (Shift+Enter), each one undo step; a click makes one current; the gold
// export holds only accepted spans and counts the rest; a reload gives the same suggestions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boot, open, repo, sharedCorpus } from './browser.mjs';

const settle = (b, ms = 200) => b.page.waitForTimeout(ms);
const sugg = (b, doc = '') => b.page.evaluate((d) => window.goldspan.suggestions(d), doc);
const spans = (b, doc) => b.page.evaluate((d) => window.goldspan.spans(d), doc);
const key = (x) => `${x.doc}:${x.label}:${x.start}-${x.end}`;
const cps = (s) => Array.from(s).length;

// Files made in the page (File objects), opened as suggestions or as usual.
function openMade(b, files, suggestions) {
  return b.page.evaluate(([fs, s]) => window.goldspan.openFiles(fs.map((f) => new File([f.text], f.name)), { suggestions: s }),
    [files, suggestions]);
}

async function press(b, k, until) {
  await b.page.keyboard.press(k);
  if (until) await b.page.waitForFunction(until.fn, until.arg, { timeout: 5000 });
  else await settle(b);
}

test('suggestions from a dictionary on the shipped sample: keys, undo, click, export, reload', { timeout: 180000 }, async () => {
  const b = await open();
  try {
    await boot(b);
    const docs = (await b.page.evaluate(() => window.goldspan.documents())).map((d) => d.id);
    assert.deepEqual(docs, ['harbor-a.txt', 'harbor-b.txt']);
    const text = readFileSync(join(repo, 'assets/sample/harbor-a.txt'), 'utf8');
    const dict = [{ name: 'names.tsv', text: 'Ines Oduya\tPERSON\nKestrel Logistics\tORGANIZATION\nValmora\tLOCATION\n' }];

    // The same dictionary dropped as usual labels exactly what it suggests.
    const [plain] = await openMade(b, dict, false);
    assert.ok(plain.ok, JSON.stringify(plain));
    const labelled = [];
    for (const d of docs) for (const s of await spans(b, d)) labelled.push(key({ ...s, doc: d }));
    assert.ok(labelled.length >= 4, labelled.join(' '));
    await press(b, 'Control+z');
    for (const d of docs) assert.equal((await spans(b, d)).length, 0);

    const [r] = await openMade(b, dict, true);
    assert.ok(r.ok, JSON.stringify(r));
    let s = await sugg(b);
    assert.deepEqual(s.suggestions.map(key).sort(), labelled.sort(), 'suggested = labelled by the same dictionary');
    for (const d of docs) assert.equal((await spans(b, d)).length, 0, 'suggestions are not spans');
    const ines = text.indexOf('Ines Oduya');  // ASCII before it: code points = UTF-16 units
    assert.ok(s.suggestions.some((x) => x.doc === 'harbor-a.txt' && x.start === ines && x.end === ines + 10 && x.text === 'Ines Oduya'));
    assert.ok(s.suggestions.every((x) => x.source === 'dict:names.tsv'));
    assert.ok(s.current, 'a suggestion is current after the load');
    const total = s.left;
    assert.equal(total, labelled.length);

    // Enter accepts the current one: it becomes a span; the next one is current.
    const first = s.suggestions.find((x) => x.id === s.current);
    await press(b, 'Enter', { fn: (n) => window.goldspan.suggestions().left === n, arg: total - 1 });
    let a = await spans(b, first.doc);
    assert.deepEqual(a.map((x) => key({ ...x, doc: first.doc })), [key(first)]);
    s = await sugg(b);
    assert.ok(s.current && s.current !== first.id);

    // x rejects: gone, no span.
    const second = s.current;
    await press(b, 'x', { fn: (n) => window.goldspan.suggestions().left === n, arg: total - 2 });
    s = await sugg(b);
    assert.ok(!s.suggestions.some((x) => x.id === second));
    let spanCount = 0;
    for (const d of docs) spanCount += (await spans(b, d)).length;
    assert.equal(spanCount, 1);

    // n / Shift+N step without changing anything.
    const here = s.current;
    await press(b, 'n', { fn: (c) => window.goldspan.suggestions().current !== c, arg: here });
    await press(b, 'Shift+N', { fn: (c) => window.goldspan.suggestions().current === c, arg: here });
    assert.equal((await sugg(b)).left, total - 2);

    // Ctrl+Z takes the reject back, then the accept.
    await press(b, 'Control+z', { fn: (n) => window.goldspan.suggestions().left === n, arg: total - 1 });
    await press(b, 'Control+z', { fn: (n) => window.goldspan.suggestions().left === n, arg: total });
    assert.equal((await spans(b, first.doc)).length, 0);

    // A click on a suggestion makes it current.
    await b.page.evaluate(() => window.goldspan.scrollTo('harbor-a.txt', 0));
    await settle(b, 300);
    const inA = (await sugg(b, 'harbor-a.txt')).suggestions;
    const target = inA[inA.length - 1];
    const rect = await b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), ['harbor-a.txt', target.start]);
    await b.page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await b.page.waitForFunction((id) => window.goldspan.suggestions().current === id, target.id, { timeout: 5000 });

    // Shift+Enter accepts every suggestion in view (the short sample fits): one undo step.
    await press(b, 'Shift+Enter', { fn: () => window.goldspan.suggestions('harbor-a.txt').suggestions.length === 0 });
    a = await spans(b, 'harbor-a.txt');
    assert.deepEqual(a.map((x) => key({ ...x, doc: 'harbor-a.txt' })).sort(), inA.map(key).sort());
    await press(b, 'Control+z', { fn: (n) => window.goldspan.suggestions('harbor-a.txt').suggestions.length === n, arg: inA.length });
    await press(b, 'Control+Shift+Z', { fn: () => window.goldspan.suggestions('harbor-a.txt').suggestions.length === 0 });

    // The gold export: accepted ones are spans, the rest counted; the page warns too.
    const left = (await sugg(b)).left;
    assert.equal(left, total - inA.length);
    const ex = await b.page.evaluate(() => ({ gold: window.goldspan.exportGold(), warnings: window.goldspan.exportAs('gold').warnings }));
    const gold = JSON.parse(ex.gold);
    assert.equal(gold.provenance.suggestions_left, left);
    assert.equal(gold.documents.find((d) => d.id === 'harbor-a.txt').spans.length, inA.length);
    assert.ok(ex.warnings.some((w) => w.startsWith(`${left} suggestion`)), ex.warnings.join('\n'));

    // Autosaved: a reload replays the same suggestions and spans.
    const before = await sugg(b);
    await b.page.waitForFunction(() => window.goldspan.savedPending() === 0);
    await boot(b);
    const after = await sugg(b);
    assert.deepEqual(after.suggestions.map((x) => x.id + key(x)), before.suggestions.map((x) => x.id + key(x)));
    assert.equal((await spans(b, 'harbor-a.txt')).length, inA.length);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('Label Studio predictions open as suggestions at exact code points (emoji before them)', { timeout: 120000 }, async () => {
  const b = await open();
  try {
    await boot(b);
    const text = '🐱 Warning: Ines Oduya 👩🏽‍🔬 said the harbour of Valmora was closed.';
    const at = (w) => cps(text.slice(0, text.indexOf(w)));
    const region = (w, label, id) => ({
      id, from_name: 'label', to_name: 'text', type: 'labels',
      value: { start: at(w), end: at(w) + cps(w), text: w, labels: [label] },
    });
    const task = [{ id: 7, data: { text, doc_id: 'ls-task' },
      predictions: [{ model_version: 'm1', result: [region('Ines Oduya', 'PERSON', 'a'), region('Valmora', 'LOCATION', 'b')] }] }];
    const file = [{ name: 'tasks.json', text: JSON.stringify(task) }];
    const [r] = await openMade(b, file, true);
    assert.ok(r.ok, JSON.stringify(r));
    const s = await sugg(b, 'ls-task');
    assert.deepEqual(s.suggestions.map((x) => [x.label, x.start, x.end, x.text]),
      [['PERSON', at('Ines Oduya'), at('Ines Oduya') + 10, 'Ines Oduya'], ['LOCATION', at('Valmora'), at('Valmora') + 7, 'Valmora']]);
    assert.equal((await spans(b, 'ls-task')).length, 0);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a dictionary as suggestions on the news corpus', { timeout: 120000 }, async (t) => {
  const name = existsSync(sharedCorpus) && readdirSync(sharedCorpus).filter((f) => f.endsWith('.txt')).sort()[0];
  if (!name) return t.skip('../shared/corpus is absent');
  const text = readFileSync(join(sharedCorpus, name), 'utf8');
  const b = await open();
  try {
    await boot(b);
    const [r0] = await openMade(b, [{ name, text }], false);
    assert.ok(r0.ok, JSON.stringify(r0));
    const terms = ['Bishkek', 'Askar Akayev', 'Osh'].filter((w) => new RegExp(`\\b${w}\\b`).test(text));
    assert.ok(terms.length, 'the article names one of the terms');
    const [r] = await openMade(b, [{ name: 'places.tsv', text: terms.map((w) => `${w}\t${w === 'Askar Akayev' ? 'PERSON' : 'LOCATION'}`).join('\n') }], true);
    assert.ok(r.ok, JSON.stringify(r));
    const s = await sugg(b, name);
    assert.ok(s.suggestions.length >= terms.length);
    // Exact offsets in the article: each suggestion's code points hold its term.
    const chars = Array.from(text);
    for (const x of s.suggestions) assert.ok(terms.includes(chars.slice(x.start, x.end).join('')), JSON.stringify(x));
    await press(b, 'Enter', { fn: (n) => window.goldspan.suggestions().left === n, arg: s.left - 1 });
    assert.equal((await spans(b, name)).length, 1);
  } finally {
    await b.close();
  }
});
