// Import in the page: every format the core reads, by the file picker and by drag-and-drop,
// detected by name and content (core/io/read_files.hpp); a bad file in a multi-file drop
// changes nothing; a dictionary dropped on open documents labels its terms in one undo step,
// as `goldspan preannotate` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { boot, open, repo } from './browser.mjs';

const fixtures = join(repo, 'tests/io/fixtures');
const fixture = (name) => readFileSync(join(fixtures, name));
const interop = join(repo, '../shared/interop/label-studio');
const cli = join(repo, 'build/native/bin/goldspan');

// [SECTION] Files in, by picker and by drop

async function waitOpened(b, before) {
  await b.page.waitForFunction((n) => window.goldspan.lastOpened().count > n, before);
  return b.page.evaluate(() => window.goldspan.lastOpened().result);
}
const openedCount = (b) => b.page.evaluate(() => window.goldspan.lastOpened().count);

// files: [{name, bytes}] (bytes a Buffer or string)
async function pick(b, files) {
  const before = await openedCount(b);
  await b.page.setInputFiles('#file-input', files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
  return waitOpened(b, before);
}

async function drop(b, files) {
  const before = await openedCount(b);
  const dt = await b.page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return d;
  }, files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') })));
  await b.page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
  return waitOpened(b, before);
}

const docs = (b) => b.page.evaluate(() => window.goldspan.documents());
const spans = (b, id) => b.page.evaluate((d) => window.goldspan.spans(d).map((s) => `${s.label} ${s.start} ${s.end}`), id);
const allSpans = async (b) => {
  const out = {};
  for (const d of await docs(b)) out[d.id] = await spans(b, d.id);
  return out;
};

// [SECTION] A zip written here (deflated entries, as common archivers write them)

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const x of buf) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function zip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name), data = Buffer.from(e.bytes), packed = deflateRawSync(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// Spans expected from a doccano/Label Studio fixture: "LABEL start end" per document.
function doccanoSpans() {
  const out = {};
  for (const line of fixture('samples.doccano.jsonl').toString().split('\n').filter(Boolean)) {
    const d = JSON.parse(line);
    out[d.id] = d.entities.map((e) => `${e.label} ${e.start_offset} ${e.end_offset}`).sort();
  }
  return out;
}
const sorted = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v].sort()]));

// [SECTION] Formats

test('brat: a .txt + .ann pair by the picker, then a zip of pairs by drop', async () => {
  const b = await open();
  try {
    await boot(b);
    const txt = fixture('brat/harbor-a.txt'), ann = fixture('brat/harbor-a.ann');
    const r = await pick(b, [{ name: 'harbor-a.txt', bytes: txt }, { name: 'harbor-a.ann', bytes: ann }]);
    assert.deepEqual(r.errors, []);
    const ids = (await docs(b)).map((d) => d.id);
    assert.deepEqual(ids, ['harbor-a.txt', 'harbor-b.txt', 'harbor-a'], 'the .txt is the pair\'s text, not a document of its own');
    // Every T line of the .ann is a span with its label and offsets (discontinuous: its extent).
    const expected = ann.toString().split('\n').filter((l) => /^T\d/.test(l)).map((l) => {
      const [label, ...frags] = l.split('\t')[1].split(/[ ;]/);
      return `${label} ${frags[0]} ${frags[frags.length - 1]}`;
    });
    assert.deepEqual((await spans(b, 'harbor-a')).sort(), expected.sort());
    assert.ok(expected.length >= 10);

    // The page's own brat export (stored zip) of the two samples, plus a deflated zip written here.
    const exported = await b.page.evaluate(() => Array.from(window.goldspan.exportAs('brat').bytes));
    const deflated = zip([
      { name: 'corpus/more.txt', bytes: 'Kestrel Logistics opened a depot.' },
      { name: 'corpus/more.ann', bytes: 'T1\tORGANIZATION 0 17\tKestrel Logistics\n' },
      { name: 'corpus/annotation.conf', bytes: '[entities]\nORGANIZATION\n' },
    ]);
    const b2 = await open();
    try {
      await boot(b2);
      const z = await drop(b2, [{ name: 'brat.zip', bytes: Buffer.from(exported) }, { name: 'more.zip', bytes: deflated }]);
      assert.deepEqual(z.errors, []);
      const got = await allSpans(b2);
      assert.deepEqual(got['harbor-a.txt'], [], 'the boot samples are unchanged');
      assert.equal(got['harbor-a'].length, expected.length);
      assert.deepEqual(got.more, ['ORGANIZATION 0 17']);
      assert.match(await b2.page.evaluate(() => window.goldspan.status()), /Opened \d+ files/);
    } finally {
      await b2.close();
    }
  } finally {
    await b.close();
  }
});

test('doccano, Prodigy, Label Studio and gold JSON by drop and picker, detected by content', async () => {
  const b = await open();
  try {
    await boot(b);
    // doccano under a name that says nothing but .jsonl.
    let r = await drop(b, [{ name: 'export.jsonl', bytes: fixture('samples.doccano.jsonl') }]);
    assert.deepEqual(r.errors, []);
    const got = await allSpans(b);
    const want = doccanoSpans();
    for (const id of Object.keys(want)) {
      // doccano spans are character offsets; the page keeps them (they are on tokens here).
      assert.deepEqual(got[id].sort(), want[id], id);
    }

    // Prodigy: the page's own export of those documents, under other ids, reads back the same spans.
    const prodigy = await b.page.evaluate(() => new TextDecoder().decode(window.goldspan.exportAs('prodigy').bytes));
    const lines = prodigy.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((x) => want[x.meta.id]);
    for (const x of lines) x.meta.id = `p-${x.meta.id}`;
    r = await drop(b, [{ name: 'goldspan.prodigy.jsonl', bytes: lines.map((x) => JSON.stringify(x)).join('\n') + '\n' }]);
    assert.deepEqual(r.errors, []);
    for (const id of Object.keys(want)) assert.deepEqual((await spans(b, `p-${id}`)).sort(), want[id], `p-${id}`);
    assert.equal((await b.page.evaluate(() => window.goldspan.relations('p-harbor-a'))).length,
      (await b.page.evaluate(() => window.goldspan.relations('harbor-a'))).length, 'relations too');

    // Label Studio: the page's own export of those documents, under other ids (data.doc_id).
    const ls = JSON.parse(await b.page.evaluate(() => new TextDecoder().decode(window.goldspan.exportAs('label-studio').bytes)))
      .filter((t) => want[t.data.doc_id]);
    assert.equal(ls.length, Object.keys(want).length);
    for (const t of ls) t.data.doc_id = `ls-${t.data.doc_id}`;
    r = await pick(b, [{ name: 'tasks.json', bytes: JSON.stringify(ls) }]);
    assert.deepEqual(r.errors, []);
    for (const id of Object.keys(want)) assert.deepEqual((await spans(b, `ls-${id}`)).sort(), want[id], `ls-${id}`);

    // Gold JSON as before (document ids, also in clusters and links, renamed).
    const text = fixture('samples.gold.json').toString().replaceAll('"harbor-', '"gold-harbor-').replaceAll('"multilingual"', '"gold-multilingual"');
    const gold = JSON.parse(text);
    r = await drop(b, [{ name: 'all.json', bytes: text }]);
    assert.deepEqual(r.errors, []);
    assert.equal((await spans(b, 'gold-harbor-a')).length, gold.documents[0].spans.length);
  } finally {
    await b.close();
  }
});

test('Label Studio files of its own repository (when ../shared/interop is present)', async (t) => {
  if (!existsSync(interop)) {
    t.skip('../shared/interop not present: skipped');
    return;
  }
  const b = await open();
  try {
    await boot(b);
    const raw = readFileSync(join(interop, 'named_entity_1.list.json')).toString();
    // Its label "Date" is not in the page's schema: refused, with the file and the place.
    const before = await docs(b);
    let r = await drop(b, [{ name: 'named_entity_1.list.json', bytes: raw }]);
    assert.equal(r.ok, false);
    assert.match(r.errors[0], /named_entity_1\.list\.json: .*Date/);
    assert.deepEqual(await docs(b), before, 'nothing changed');
    // With the label renamed to the schema's it opens, its regions as spans.
    r = await drop(b, [{ name: 'named_entity_1.list.json', bytes: raw.replaceAll('"Date"', '"DATE"') }]);
    assert.deepEqual(r.errors, []);
    const task = JSON.parse(raw)[0];
    const regions = task.annotations[0].result.filter((x) => x.type === 'labels');
    const added = (await docs(b)).filter((d) => !before.some((e) => e.id === d.id));
    assert.equal(added.length, 1);
    assert.equal(added[0].spans, regions.length);
  } finally {
    await b.close();
  }
});

test('unknown files are named; a bad file in a drop changes nothing; CoNLL opens', async () => {
  const b = await open();
  try {
    await boot(b);
    const before = await allSpans(b);
    const conll = '-DOCSTART- -X- -X- O\n\nInes _ _ B-PERSON\nOduya _ _ I-PERSON\n';
    for (const [name, bytes, what] of [['photo.png', '\x89PNG', 'not a format goldspan reads']]) {
      const r = await drop(b, [{ name, bytes }]);
      assert.equal(r.ok, false, name);
      assert.ok(r.errors.some((e) => e.startsWith(name) && e.includes(what)), `${name}: ${r.errors}`);
    }
    // Three good files and one bad one (a label the schema lacks, on line 3): nothing opens.
    const ann = fixture('brat/harbor-a.ann').toString().split('\n');
    ann[2] = ann[2].replace('LOCATION', 'HARBOUR');
    const r = await drop(b, [
      { name: 'harbor-a.txt', bytes: fixture('brat/harbor-a.txt') }, { name: 'harbor-a.ann', bytes: ann.join('\n') },
      { name: 'notes.txt', bytes: 'Fine text.' }, { name: 'export.jsonl', bytes: fixture('samples.doccano.jsonl') },
    ]);
    assert.equal(r.ok, false);
    assert.ok(r.errors.some((e) => /^harbor-a\.ann: line 3: .*HARBOUR/.test(e)), String(r.errors));
    assert.deepEqual(await allSpans(b), before, 'no document and no span added');
    // A zip that is not one: the page says so, nothing changes.
    const z = await drop(b, [{ name: 'broken.zip', bytes: 'not a zip' }, { name: 'notes.txt', bytes: 'Fine text.' }]);
    assert.equal(z.ok, false);
    assert.match(z.errors[0], /^broken\.zip: not a zip archive/);
    assert.deepEqual(await allSpans(b), before);
    await b.screenshot('import-bad-drop.png');
    // CoNLL is read (core/io/conll.hpp): by its extension, and by content in a .txt.
    for (const name of ['ner.conll', 'ner.txt']) {
      const c = await drop(b, [{ name, bytes: conll }]);
      assert.equal(c.ok, true, `${name}: ${c.errors}`);
      const spans = await b.page.evaluate((d) => window.goldspan.spans(d), name);
      assert.deepEqual(spans.map((x) => `${x.label} ${x.text}`), ['PERSON Ines Oduya'], name);
    }
  } finally {
    await b.close();
  }
});

// [SECTION] W3C Web Annotation (core/io/w3c.hpp): the file has no text; its texts are the
// .txt files dropped with it, or the documents already open.

const anno = (id, source, selector, label) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'Annotation', motivation: 'tagging',
  body: [{ type: 'TextualBody', purpose: 'tagging', value: label }], target: { source, selector },
});

test('W3C Web Annotation opens by drop with its .txt and by picker over the open documents; no text is a located error', async () => {
  const b = await open();
  try {
    await boot(b);
    // Recogito/Annotorious style: a bare array, quote and position selectors, a relation as two targets.
    const text = 'Harbour master Ines Oduya said the sprinklers failed.';
    const recogito = [
      anno('#a1', 'http://example.org/texts/w3c-notes.txt', [{ type: 'TextQuoteSelector', exact: 'Ines Oduya' },
        { type: 'TextPositionSelector', start: 15, end: 25 }], 'PERSON'),
      anno('#a2', 'http://example.org/texts/w3c-notes.txt', { type: 'TextQuoteSelector', exact: 'the sprinklers failed' }, 'CLAIM'),
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: '#r1', type: 'Annotation', motivation: 'linking',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claimant' }], target: [{ id: '#a2' }, { id: '#a1' }] },
    ];
    const before = await docs(b);
    let r = await drop(b, [{ name: 'recogito.json', bytes: JSON.stringify(recogito) }, { name: 'w3c-notes.txt', bytes: text }]);
    assert.deepEqual(r.errors, []);
    const added = (await docs(b)).filter((d) => !before.some((e) => e.id === d.id));
    assert.deepEqual(added.map((d) => d.id), ['w3c-notes.txt'], 'the .txt is the annotations\' text, not a document besides');
    const got = await b.page.evaluate(() => window.goldspan.spans('w3c-notes.txt'));
    assert.deepEqual(got.map((x) => `${x.label} ${x.start} ${x.end} ${x.text}`),
      ['PERSON 15 25 Ines Oduya', 'CLAIM 31 52 the sprinklers failed']);

    // By the picker, over a document already open (goldspan's own URN), offsets in code points.
    const doc = before[0].id;
    const docText = readFileSync(join(repo, 'assets/sample', doc.endsWith('.txt') ? doc : `${doc}.txt`)).toString();
    const word = 'Valmora', at = [...docText.slice(0, docText.indexOf(word))].length;
    const own = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:goldspan:collection', type: 'AnnotationCollection',
      first: { id: 'urn:goldspan:collection:page:0', type: 'AnnotationPage',
        items: [anno('urn:goldspan:span:s1', `urn:goldspan:doc:${doc}`, [{ type: 'TextPositionSelector', start: at, end: at + word.length },
          { type: 'TextQuoteSelector', exact: word }], 'LOCATION')] } };
    const spansBefore = (await spans(b, doc)).length;
    r = await pick(b, [{ name: 'over-open.jsonld', bytes: JSON.stringify(own) }]);
    assert.deepEqual(r.errors, []);
    const now = await b.page.evaluate((d) => window.goldspan.spans(d), doc);
    assert.equal(now.length, spansBefore + 1);
    assert.ok(now.some((x) => x.label === 'LOCATION' && x.start === at && x.text === word), JSON.stringify(now));

    // Alone, with a source the page has no text for: refused, named, nothing changed.
    const all = await allSpans(b);
    const lost = anno('#a1', 'http://example.org/texts/elsewhere.txt', { type: 'TextQuoteSelector', exact: 'Ines Oduya' }, 'PERSON');
    r = await drop(b, [{ name: 'lost.json', bytes: JSON.stringify([lost]) }]);
    assert.equal(r.ok, false);
    assert.ok(r.errors.some((e) => e.startsWith('lost.json: [0] (#a1): target.source: no text for')), String(r.errors));
    assert.deepEqual(await allSpans(b), all);
  } finally {
    await b.close();
  }
});

// [SECTION] Dictionary

test('a dictionary dropped on open documents labels every match in one undo step, as goldspan preannotate', async () => {
  const b = await open();
  try {
    await boot(b);
    const dict = '# places and organisations\nPort of Valmora\tLOCATION\nKestrel Logistics\tORGANIZATION\nInes Oduya\tPERSON\nSunday\tDATE\n';
    const gold = await b.page.evaluate(() => window.goldspan.exportGold());
    const texts = await b.page.evaluate(() => Object.fromEntries(JSON.parse(window.goldspan.exportGold()).documents.map((d) => [d.id, d.text])));
    const before = await allSpans(b);
    const r = await drop(b, [{ name: 'terms.tsv', bytes: dict }]);
    assert.deepEqual(r.errors, []);
    const after = await allSpans(b);

    // Expected from the text: every whole-word occurrence of each term.
    const expected = {};
    for (const [id, text] of Object.entries(texts)) {
      expected[id] = [];
      for (const line of dict.split('\n').filter((l) => l && !l.startsWith('#'))) {
        const [term, label] = line.split('\t');
        for (const m of text.matchAll(new RegExp(`\\b${term}\\b`, 'g'))) expected[id].push(`${label} ${m.index} ${m.index + term.length}`);
      }
    }
    assert.deepEqual(sorted(after), sorted(expected));
    const total = Object.values(expected).reduce((n, v) => n + v.length, 0);
    assert.ok(total >= 6, `${total} matches`);
    assert.match(await b.page.evaluate(() => window.goldspan.status()), new RegExp(`Dictionary terms\\.tsv: 4 terms, ${total} labelled`));

    // The CLI on the same documents and dictionary gives the same spans.
    if (existsSync(cli)) {
      const dir = mkdtempSync(join(tmpdir(), 'goldspan-dict-'));
      writeFileSync(join(dir, 'in.json'), gold);
      writeFileSync(join(dir, 'terms.tsv'), dict);
      execFileSync(cli, ['preannotate', '--dict', join(dir, 'terms.tsv'), join(dir, 'in.json'), '-o', join(dir, 'out.json')]);
      const out = JSON.parse(readFileSync(join(dir, 'out.json')));
      const fromCli = Object.fromEntries(out.documents.map((d) => [d.id, d.spans.map((s) => `${s.label} ${s.start} ${s.end}`)]));
      assert.deepEqual(sorted(fromCli), sorted(after));
    }

    // One undo step removes them all.
    await b.page.keyboard.press('Control+z');
    await b.page.waitForTimeout(100);
    assert.deepEqual(await allSpans(b), before);

    // A dictionary with a bad line changes nothing and names the file and line.
    const bad = await drop(b, [{ name: 'terms.tsv', bytes: 'Port of Valmora\tLOCATION\nValmora\tPLACE\n' }]);
    assert.equal(bad.ok, false);
    assert.match(bad.errors[0], /terms\.tsv: .*line 2/);
    assert.deepEqual(await allSpans(b), before);

    // JSONL dictionaries too, by the picker.
    const j = await pick(b, [{ name: 'terms.jsonl', bytes: '{"term": "Kestrel Logistics", "label": "ORGANIZATION"}\n' }]);
    assert.deepEqual(j.errors, []);
    const kestrel = Object.values(expected).flat().filter((s) => s.startsWith('ORGANIZATION')).length;
    assert.equal(Object.values(await allSpans(b)).flat().length, kestrel);
  } finally {
    await b.close();
  }
});
