// The agreement view (File > Agreement…, window.goldspan.agreement): three annotators' gold
// files of the shipped samples, made with the app's own export, measured in the page. The
// figures must be `goldspan agree --json --per-label --per-doc`'s for the same files (the CLI run on them
// here); a heatmap cell clicked with the real mouse lists its spans, and a listed one clicked
// shows its document in the canvas. Also: a document that is not open, a bad file that changes
// nothing, and the open session left as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, boot, clickBox, open, repo, settle } from './browser.mjs';

const cli = join(repo, 'build/native/bin/goldspan');
const A = 'harbor-a.txt', B = 'harbor-b.txt';

// One annotator's gold file: their spans added to the open samples (one undo step per
// document), exported by the app, undone again; the provenance names the annotator.
async function goldOf(b, name, spansByDoc) {
  const docs = Object.keys(spansByDoc).filter((d) => spansByDoc[d].length);
  for (const doc of docs) {
    const r = await api(b, 'addSpans', doc, spansByDoc[doc]);
    assert.deepEqual(r, { ok: true, errors: [] }, `${name}'s spans in ${doc}`);
  }
  const gold = JSON.parse(await api(b, 'exportGold'));
  for (let i = 0; i < docs.length; i++) await b.page.keyboard.press('Control+z');
  await settle(b);
  gold.provenance.annotators = [name];
  return { name: `${name}.json`, text: JSON.stringify(gold) };
}

// `goldspan agree --json --per-label --per-doc` on the files, written to a temporary directory; without
// the annotators' file names, which the page does not have.
function cliFigures(files) {
  const dir = mkdtempSync(join(tmpdir(), 'goldspan-agree-'));
  try {
    const paths = files.map((f) => { const p = join(dir, f.name); writeFileSync(p, f.text); return p; });
    const j = JSON.parse(execFileSync(cli, ['agree', '--json', '--per-label', '--per-doc', ...paths], { encoding: 'utf8' }));
    j.annotators = j.annotators.map((a) => ({ name: a.name }));
    return j;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const view = (b) => api(b, 'agreementView');
const cell = (v, a, bLabel) => v.cells.find((c) => c.a === a && c.b === bLabel);
const current = async (b) => (await api(b, 'documents')).find((d) => d.current)?.id;

// Entity clusters added to a gold file's text: each group lists [doc, span text] members.
function withClusters(file, groups) {
  const gold = JSON.parse(file.text);
  gold.clusters = groups.map((members, i) => ({
    id: `c${i + 1}`, kind: 'entity', label: members[0][1],
    members: members.map(([doc, text]) => {
      const span = gold.documents.find((d) => d.id === doc).spans.find((x) => x.text === text);
      assert.ok(span, `${file.name}: ${text} in ${doc}`);
      return { doc, span: span.id };
    }),
  }));
  return { ...file, text: JSON.stringify(gold) };
}

test('agreement of three annotators on the shipped samples: figures as the CLI, heatmap, jump to a span', { skip: !existsSync(cli) && 'no native CLI (cmake --build --preset native)' }, async () => {
  const texts = { [A]: readFileSync(join(repo, 'assets/sample', A), 'utf8'), [B]: readFileSync(join(repo, 'assets/sample', B), 'utf8') };
  const span = (doc) => (label, words) => {
    const i = texts[doc].indexOf(words);
    assert.ok(i >= 0, words);
    const start = Array.from(texts[doc].slice(0, i)).length;
    return { label, start, end: start + Array.from(words).length };
  };
  const a = span(A), bb = span(B);
  const b = await open();
  try {
    await boot(b);
    // ana and bo: Port of Valmora LOCATION vs ORGANIZATION (harbor-a), Kestrel Logistics in
    // harbor-b ORGANIZATION vs LOCATION, Tomas Brandt ana's alone, dates of different extents.
    const files = [
      await goldOf(b, 'ana', {
        [A]: [a('DATE', 'Saturday night'), a('LOCATION', 'Port of Valmora'), a('ORGANIZATION', 'Kestrel Logistics'),
          a('PERSON', 'Ines Oduya'), a('PERSON', 'Tomas Brandt')],
        [B]: [bb('PERSON', 'Ines Oduya'), bb('ORGANIZATION', 'Kestrel Logistics')],
      }),
      await goldOf(b, 'bo', {
        [A]: [a('DATE', 'Saturday'), a('ORGANIZATION', 'Port of Valmora'), a('ORGANIZATION', 'Kestrel Logistics'), a('PERSON', 'Ines')],
        [B]: [bb('PERSON', 'Ines Oduya'), bb('LOCATION', 'Kestrel Logistics')],
      }),
      await goldOf(b, 'cy', { [A]: [a('ORGANIZATION', 'Kestrel Logistics'), a('PERSON', 'Ines Oduya')] }),
    ];
    // Clusters across the two documents: ana joins both names, bo only Ines (and his "Ines").
    files[0] = withClusters(files[0], [[[A, 'Ines Oduya'], [B, 'Ines Oduya']], [[A, 'Kestrel Logistics'], [B, 'Kestrel Logistics']]]);
    files[1] = withClusters(files[1], [[[A, 'Ines'], [B, 'Ines Oduya']]]);
    const before = JSON.parse(await api(b, 'exportGold'));
    assert.equal(before.documents.reduce((n, d) => n + (d.spans || []).length, 0), 0, 'the files were made without leaving spans behind');
    assert.equal(await current(b), A);

    const r = await api(b, 'agreement', files);
    assert.deepEqual(r, { ok: true, errors: [] });
    await settle(b);
    let v = await view(b);
    assert.equal(v.active, true);
    assert.equal(v.open, true);
    assert.deepEqual(v.annotators, ['ana', 'bo', 'cy']);
    assert.equal(v.pair, 0, 'ana / bo first');
    // The numbers are the CLI's, every one of them.
    const expected = cliFigures(files);
    assert.deepEqual(v.figures, expected);
    // What the window's Clusters and Per document sections draw is there (ana / bo).
    assert.ok(v.figures.pairs[0].clusters.entity, 'entity cluster figures for ana / bo');
    assert.ok(v.figures.pairs[0].clusters.entity.muc.f1 < 1, 'their clusters differ');
    assert.deepEqual(Object.keys(v.figures.pairs[0].per_document).sort(), [A, B]);
    await b.screenshot('agreement-structure.png');
    const p = v.figures.pairs[0];
    assert.deepEqual([p.a, p.b, p.exact.spans_a, p.exact.spans_b, p.exact.matched, p.overlap.matched], ['ana', 'bo', 7, 6, 2, 4]);
    assert.equal(typeof v.figures.tokens.fleiss_kappa.value, 'number');
    assert.equal(typeof v.figures.unitizing.alpha, 'number');
    // Measuring left the session alone.
    assert.deepEqual(JSON.parse(await api(b, 'exportGold')).documents.map((d) => [d.id, (d.spans || []).length]),
      before.documents.map((d) => [d.id, (d.spans || []).length]));
    await b.screenshot('agreement-start.png');

    // The heatmap is the confusion of the pair: 4 labels and "none", none/none left out.
    assert.deepEqual(v.labels, ['DATE', 'LOCATION', 'ORGANIZATION', 'PERSON']);
    assert.equal(v.cells.length, 5 * 5 - 1);
    const conf = p.confusion;
    for (const c of v.cells) {
      const want = c.row < 4 && c.col < 4 ? conf.counts[c.row][c.col] : c.row < 4 ? conf.only_a[c.row] : conf.only_b[c.col];
      assert.equal(c.count, want, `cell ${c.a} / ${c.b}`);
    }
    assert.equal(cell(v, 'LOCATION', 'ORGANIZATION').count, 1);
    assert.equal(cell(v, 'PERSON', null).count, 1);
    assert.equal(v.chosen, null);
    assert.deepEqual(v.items, []);

    // A click on a cell with the real mouse lists its spans.
    await clickBox(b, cell(v, 'LOCATION', 'ORGANIZATION'));
    v = await view(b);
    assert.deepEqual(v.chosen, { row: 1, col: 2 });
    assert.deepEqual(v.items.map((i) => [i.doc, i.text, i.a, i.b, i.open]), [[A, 'Port of Valmora', 'LOCATION', 'ORGANIZATION', true]]);
    await clickBox(b, cell(v, 'PERSON', null));
    v = await view(b);
    assert.deepEqual(v.items.map((i) => [i.doc, i.text, i.a, i.b]), [[A, 'Tomas Brandt', 'PERSON', null]]);
    await clickBox(b, cell(v, 'ORGANIZATION', 'ORGANIZATION'));
    v = await view(b);
    assert.deepEqual(v.items.map((i) => [i.doc, i.text, i.a, i.b]), [[A, 'Kestrel Logistics', 'ORGANIZATION', 'ORGANIZATION']], 'the diagonal lists agreements too');
    await clickBox(b, cell(v, 'ORGANIZATION', 'LOCATION'));
    v = await view(b);
    assert.deepEqual(v.items.map((i) => [i.doc, i.text, i.a, i.b, i.open]), [[B, 'Kestrel Logistics', 'ORGANIZATION', 'LOCATION', true]]);
    await b.screenshot('agreement-cell.png');

    // A click on the listed span shows harbor-b in the canvas, the span selected.
    assert.equal(await current(b), A);
    await clickBox(b, v.controls['item:0']);
    assert.equal(await current(b), B);
    assert.deepEqual(await api(b, 'selection'), { doc: B, start: v.items[0].start, end: v.items[0].end });
    await b.screenshot('agreement-jump.png');

    // A file whose document has another text: an error naming the file; the view keeps its figures.
    const other = JSON.parse(files[1].text);
    other.documents[0].text = other.documents[0].text.replace('Saturday', 'Sunday!!');
    delete other.documents[0].sha256;
    const bad = await api(b, 'agreement', [files[0], { name: 'bo-edited.json', text: JSON.stringify(other) }]);
    assert.equal(bad.ok, false);
    assert.match(bad.errors.join('\n'), /bo-edited\.json/);
    await b.page.keyboard.press('Escape');
    await settle(b);
    v = await view(b);
    assert.deepEqual(v.annotators, ['ana', 'bo', 'cy'], 'a bad file changed nothing');

    // Documents the session does not have: listed as not open; a click says so and stays.
    const renamed = files.slice(0, 2).map((f) => {
      const g = JSON.parse(f.text);
      for (const d of g.documents) if (d.id === B) d.id = 'elsewhere.txt';
      for (const c of g.clusters || []) for (const m of c.members) if (m.doc === B) m.doc = 'elsewhere.txt';
      return { name: f.name, text: JSON.stringify(g) };
    });
    assert.deepEqual(await api(b, 'agreement', renamed), { ok: true, errors: [] });
    await settle(b);
    v = await view(b);
    assert.deepEqual(v.annotators, ['ana', 'bo']);
    assert.deepEqual(v.figures, cliFigures(renamed));
    await clickBox(b, cell(v, 'ORGANIZATION', 'LOCATION'));
    v = await view(b);
    assert.deepEqual(v.items.map((i) => [i.doc, i.text, i.open]), [['elsewhere.txt', 'Kestrel Logistics', false]]);
    const shown = await current(b);
    await clickBox(b, v.controls['item:0']);
    assert.equal(await current(b), shown, 'nothing to show');
    assert.match(await api(b, 'status'), /'elsewhere\.txt' is not open/);
  } finally {
    await b.close();
  }
});
