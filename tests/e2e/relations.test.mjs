// Relations with real mouse and keys: a claim's claimant and cue picked by hotkey and click,
// "about" by Tab and Enter, a target the schema refuses, Esc, Shift+hotkey not relabelling,
// undo/redo of a relation, and autosave restoring the relations after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, boot, corpusDir, cpOf, drag, open, repo, settle } from './browser.mjs';

// Input is handled by the next frames (a click's release one frame after its press), and frames
// are slow under SwiftShader: wait for a few of them rather than a fixed time.

const brief = (rels) => rels.map((r) => `${r.from.label} ${r.type} ${r.to.label} ${r.to.text}`);

// A real click on the middle of code point `at`.
async function click(b, doc, at) {
  const r = await api(b, 'charRect', doc, at);
  await b.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await settle(b);
}

async function label(b, doc, a, z, key) {
  await drag(b, doc, a, z);
  await b.page.keyboard.press(key);
  await settle(b);
}

// The claim (selected by a click at `claimAt`) gets a claimant (click at `personAt`) and a cue
// (click at `cueAt`); a refused target, Esc, undo/redo and reload are checked on the way.
async function relationSteps(b, doc, { claimAt, personAt, cueAt, person, cue }) {
  const spans = await api(b, 'spans', doc);
  const id = (l) => spans.find((s) => s.label === l).id;
  const rels = () => api(b, 'relations', doc);

  await click(b, doc, claimAt);
  assert.equal(await api(b, 'selectedSpan'), id('CLAIM'), 'a click selects the claim');

  // Shift+hotkey is never a label key: the claim stays a claim.
  await b.page.keyboard.press('Shift+P'); await settle(b);
  assert.equal((await api(b, 'spans', doc)).find((s) => s.id === id('CLAIM')).label, 'CLAIM');

  await b.page.keyboard.press('1'); await settle(b);
  let pick = await api(b, 'pick');
  assert.equal(pick.relation, 'claimant');
  assert.equal(pick.source, id('CLAIM'));
  assert.ok(pick.candidates.includes(id('PERSON')) && !pick.candidates.includes(id('CUE')), 'only persons and organizations');
  assert.match(await api(b, 'status'), /^claimant: pick the target span, Esc cancels/);
  await b.screenshot('relations-pick.png');
  await click(b, doc, personAt);
  assert.equal(await api(b, 'pick'), null, 'the click ended the pick');
  assert.deepEqual(brief(await rels()), [`CLAIM claimant PERSON ${person}`]);
  assert.equal(await api(b, 'selectedSpan'), id('CLAIM'), 'the claim stays selected');

  await b.page.keyboard.press('2'); await settle(b);
  assert.equal((await api(b, 'pick')).relation, 'cue');
  await click(b, doc, cueAt);
  const two = [`CLAIM claimant PERSON ${person}`, `CLAIM cue CUE ${cue}`];
  assert.deepEqual(brief(await rels()), two);

  // claimant -> CUE is not allowed by the schema: refused, said so, nothing changed.
  await b.page.keyboard.press('1'); await settle(b);
  await click(b, doc, cueAt);
  assert.match(await api(b, 'status'), /^claimant: refused, CUE .* is not an allowed target \(only PERSON, ORGANIZATION\); nothing changed/);
  assert.deepEqual(brief(await rels()), two);
  assert.equal((await api(b, 'pick')).relation, 'claimant', 'still picking after a refusal');
  await b.page.keyboard.press('Escape'); await settle(b);
  assert.equal(await api(b, 'pick'), null, 'Esc cancels');
  assert.match(await api(b, 'status'), /cancelled, nothing changed/);
  assert.deepEqual(brief(await rels()), two);

  // "about" by keys: Tab to the (only) entity, Enter.
  await b.page.keyboard.press('3'); await settle(b);
  await b.page.keyboard.press('Tab'); await settle(b);
  pick = await api(b, 'pick');
  assert.equal(pick.focused, id('PERSON'));
  await b.page.keyboard.press('Enter'); await settle(b);
  const three = [...two, `CLAIM about PERSON ${person}`];
  assert.deepEqual(brief(await rels()), three);
  await b.screenshot('relations-arcs.png');

  await b.page.keyboard.press('Control+z'); await settle(b);
  assert.deepEqual(brief(await rels()), two, 'Ctrl+Z removes the last relation');
  await b.page.keyboard.press('Control+Shift+z'); await settle(b);
  assert.deepEqual(brief(await rels()), three, 'Ctrl+Shift+Z restores it');

  await b.page.waitForFunction(() => window.goldspan.savedPending() === 0);
  const before = await rels();
  await b.page.reload();
  await boot(b);
  assert.deepEqual(await rels(), before, 'relations restored from autosave');
  assert.deepEqual(b.errors, []);
}

test('claimant, cue and about on the sample: pick by click and by Tab, refusal, Esc, undo, restore', async () => {
  const doc = 'harbor-a.txt';
  const cp = cpOf(readFileSync(join(repo, 'assets/sample', doc), 'utf8'));
  const b = await open();
  try {
    await boot(b);
    const ines = cp('Ines Oduya'), said = cp('said 14'), claim = cp('14 workers');
    await label(b, doc, ines + 1, ines + 8, 'p');
    await label(b, doc, said + 1, said + 2, 'u');
    await label(b, doc, claim, cp('hurt.') + 2, 'c');
    await relationSteps(b, doc, { claimAt: cp('workers') + 2, personAt: ines + 2, cueAt: said + 1, person: 'Ines Oduya', cue: 'said' });
  } finally {
    await b.close();
  }
});

test('the news corpus: claimant and cue of a claim in the first article', async (t) => {
  if (!corpusDir) {
    t.skip('../shared/corpus not present (a user clone): covered by the sample test above');
    return;
  }
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  const doc = files[0];
  const article = readFileSync(join(corpusDir, doc), 'utf8');
  const cp = cpOf(article);
  const b = await open();
  try {
    await boot(b);
    await b.page.setInputFiles('#file-input', files.map((f) => join(corpusDir, f)));
    await b.page.waitForFunction((n) => window.goldspan.documents().length === n, 2 + files.length);
    const person = article.match(/President ([A-Z][a-z]+ [A-Z][a-z]+)/)[1];
    const cue = article.match(/\b(said|pledged|told)\b/)[0];
    const p = cp(person), c = cp(cue);
    const claimText = article.slice(article.indexOf(cue) + cue.length + 1, article.indexOf('.', article.indexOf(cue)));
    const cs = cp(claimText), ce = cs + Array.from(claimText).length;
    await label(b, doc, p + 1, p + person.length - 2, 'p');
    await label(b, doc, c + 1, c + 2, 'u');
    await label(b, doc, cs + 1, ce - 2, 'c');
    await relationSteps(b, doc, { claimAt: ce - 2, personAt: p + 2, cueAt: c + 1, person, cue });
    assert.deepEqual(b.requests.filter((u) => !u.startsWith(b.origin + '/')), []);
  } finally {
    await b.close();
  }
});
