// Token mode follows the schema's locale ("en" in the shipped schema): a drag over the name in a
// possessive labels the name without the clitic, "didn't" splits as did + n't, and an
// abbreviation keeps its period (issue 9). On the shipped sample, and on the corpus article
// with "Akayev’s" when ../shared is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boot, drag, open, repo, sharedCorpus } from './browser.mjs';

const cpOf = (text, needle) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return Array.from(text.slice(0, i)).length;
};
const spans = (b, d) => b.page.evaluate((id) => window.goldspan.spans(id), d);

// Labels `name` where `needle` (which starts with it) first occurs.
async function labelName(b, doc, text, name, key, needle = name) {
  const at = cpOf(text, needle);
  // From the second letter of the name to its last letter: token mode snaps to whole tokens.
  await drag(b, doc, at + 1, at + Array.from(name).length - 1);
  await b.page.keyboard.press(key);
  await b.page.waitForTimeout(80);
  const s = (await spans(b, doc)).find((x) => x.start === at);
  assert.ok(s, `no span at ${name}`);
  return s;
}

test('a drag over a name before a possessive labels the name, not the clitic', async () => {
  const b = await open();
  try {
    await boot(b);
    const doc = 'possessive.txt';
    const text = "Mr. Ortega\u2019s aides didn't say; Valmora's port reopened, Dr. Lee said.\n";
    const r = await b.page.evaluate(([id, t]) => window.goldspan.openTexts([{ id, text: t }]), [doc, text]);
    assert.ok(r.ok, JSON.stringify(r.errors));
    let s = await labelName(b, doc, text, 'Ortega', 'p');
    assert.equal(s.text, 'Ortega');
    s = await labelName(b, doc, text, 'Valmora', 'l');
    assert.equal(s.text, 'Valmora');
    // A drag from the "r" of "Dr." into "Lee" takes the abbreviation with its period.
    const dr = cpOf(text, 'Dr. Lee');
    await drag(b, doc, dr + 1, dr + 5);
    await b.page.keyboard.press('p');
    await b.page.waitForTimeout(80);
    s = (await spans(b, doc)).find((x) => x.start === dr);
    assert.ok(s, JSON.stringify(await spans(b, doc)));
    assert.equal(s.text, 'Dr. Lee');
    // "didn't": a drag inside "did" labels "did".
    const did = cpOf(text, "didn't");
    await drag(b, doc, did, did + 1);
    await b.page.keyboard.press('e');
    await b.page.waitForTimeout(80);
    assert.equal((await spans(b, doc)).find((x) => x.start === did).text, 'did');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('corpus: "Akayev’s" in the article labels "Akayev"', async (t) => {
  const file = join(sharedCorpus, '002_216afce9912095f9.txt');
  if (!existsSync(file)) return t.skip('../shared/corpus is absent');
  const text = readFileSync(file, 'utf8');
  const b = await open();
  try {
    await boot(b);
    const doc = 'akayev.txt';
    const r = await b.page.evaluate(([id, tx]) => window.goldspan.openTexts([{ id, text: tx }]), [doc, text]);
    assert.ok(r.ok, JSON.stringify(r.errors));
    const s = await labelName(b, doc, text, 'Akayev', 'p', 'Akayev\u2019s');
    assert.equal(s.text, 'Akayev');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
