// The claims table (F4): claims made with real keys (drag + c, claimant with 1 + click), grouped
// by a claim cluster and a "same" link, a "contradicts" link marking both rows; a click on a
// claim jumps to it; CSV and Markdown downloads; undo/redo and reload keep it in step.
// On the shipped samples (two reports of one harbour fire that disagree), and on the corpus
// articles when ../shared is beside the clone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { boot, open, repo, sharedCorpus } from './browser.mjs';

const corpusDir = [sharedCorpus, resolve(repo, '../../shared/corpus')].find((d) => existsSync(d));

const settle = (page) => page.evaluate(() => new Promise((ok) => {
  let n = 4;
  const step = () => (--n ? requestAnimationFrame(step) : setTimeout(ok, 20));
  requestAnimationFrame(step);
}));
const api = (page, fn, ...args) => page.evaluate(([f, a]) => window.goldspan[f](...a), [fn, args]);
const cp = (text, needle) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return Array.from(text.slice(0, i)).length;
};
const len = (s) => Array.from(s).length;

// Labels `needle` in `doc` with a real drag and the label's hotkey; returns the span id.
async function label(b, doc, text, needle, key) {
  const a = cp(text, needle), z = a + len(needle) - 1;
  // Scroll both ends into view first, then read where they are now (a scroll for the second
  // end would move the first).
  await api(b.page, 'charRect', doc, a);
  await api(b.page, 'charRect', doc, z);
  const r0 = await api(b.page, 'visibleCharRect', doc, a), r1 = await api(b.page, 'visibleCharRect', doc, z);
  await b.page.mouse.move(r0.x + r0.width / 2, r0.y + r0.height / 2);
  await b.page.mouse.down();
  await b.page.mouse.move(r1.x + r1.width / 2, r1.y + r1.height / 2, { steps: 4 });
  await b.page.mouse.up();
  await settle(b.page);
  await b.page.keyboard.press(key);
  await settle(b.page);
  const all = await api(b.page, 'spans', doc);
  const s = all.find((x) => x.start === a && x.end === a + len(needle));
  assert.ok(s, `labelled ${needle} [${a}, ${a + len(needle)}): ${JSON.stringify(all.map((x) => [x.start, x.end, x.label, x.text]))} ${await api(b.page, 'status')}`);
  return s.id;
}

async function clickAt(page, doc, offset) {
  const r = await api(page, 'charRect', doc, offset);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await settle(page);
}

// Downloads `format` through the claims window's own button (the File menu offers the same).
async function downloadFrom(page, format) {
  const d = page.waitForEvent('download');
  await api(page, 'download', format);
  const file = await d;
  return readFileSync(await file.path(), 'utf8');
}

// docs: [{id, text, claims: [{text, claimant?}]}]; group: [[doc, claim] ...] in one claim cluster
// named `name`; same/contradicts: pairs of [doc, claim]. The claims and claimants are made with
// real input; the cluster and the links go in through a gold file (their keys are another
// view's), which is also how a team shares its work.
async function scenario(name, docs, { cluster, same, contradicts }, shot) {
  const b = await open();
  try {
    await boot(b);
    const known = new Set((await api(b.page, 'documents')).map((d) => d.id));
    const fresh = docs.filter((d) => !known.has(d.id)).map(({ id, text }) => ({ id, text }));
    if (fresh.length) assert.equal((await api(b.page, 'openTexts', fresh)).ok, true);
    const ids = {};  // "doc#claim" → span id
    for (const d of docs) {
      for (let i = 0; i < d.claims.length; ++i) {
        const c = d.claims[i];
        const claim = await label(b, d.id, d.text, c.text, 'c');
        ids[`${d.id}#${i}`] = claim;
        if (c.claimant) {
          const person = await label(b, d.id, d.text, c.claimant, 'p');
          await clickAt(b.page, d.id, cp(d.text, c.text) + 1);
          assert.equal(await api(b.page, 'selectedSpan'), claim);
          await b.page.keyboard.press('1'); await settle(b.page);
          await clickAt(b.page, d.id, cp(d.text, c.claimant) + 1);
          const rel = (await api(b.page, 'relations', d.id)).find((r) => r.from.id === claim);
          assert.equal(rel && rel.to.id, person, 'claimant picked');
        }
      }
    }
    // Before any grouping every claim is a row of its own.
    const before = await api(b.page, 'claimsTable');
    assert.equal(before.rows.length, Object.keys(ids).length);
    assert.ok(before.rows.every((r) => !r.contradicted));

    const gold = JSON.parse(await api(b.page, 'exportGold'));
    const end = ([doc, i]) => ({ doc, span: ids[`${doc}#${i}`] });
    gold.clusters.push({ id: 'c900', kind: 'claim', label: cluster.name, members: cluster.members.map(end) });
    gold.cluster_links.push({ type: 'same', from: end(same[0]), to: end(same[1]) });
    gold.cluster_links.push({ type: 'contradicts', from: 'c900', to: end(contradicts) });

    // A second annotator's browser (fresh profile) opens the shared file.
    const ctx = await b.context.browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(b.origin + '/');
    await page.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
    await page.evaluate(() => window.goldspan.ready);
    const r = await page.evaluate((t) => window.goldspan.importGold(t), JSON.stringify(gold));
    assert.deepEqual(r.errors, []);
    await settle(page);

    const t = await api(page, 'claimsTable');
    // Rows: the cluster, the "same" pair, and every other claim alone.
    const grouped = new Set([...cluster.members, ...same].map(([d, i]) => `${d}#${i}`));
    assert.equal(t.rows.length, Object.keys(ids).length - grouped.size + 2);
    const rowOf = (d, i) => t.rows.findIndex((row) => Object.values(row.cells).flat().some((c) => c.text === docs.find((x) => x.id === d).claims[i].text));
    const clusterRow = t.rows[rowOf(...cluster.members[0])];
    assert.equal(clusterRow.name, cluster.name);
    assert.deepEqual(Object.keys(clusterRow.cells).sort(), [...new Set(cluster.members.map(([d]) => d))].sort());
    assert.equal(clusterRow.contradicted, true, 'the cluster is contradicted');
    assert.equal(t.rows[rowOf(...contradicts)].contradicted, true, 'so is the other end');
    assert.equal(rowOf(...same[0]), rowOf(...same[1]), 'same joins two claims in one row');
    const withClaimant = docs.flatMap((d) => d.claims.map((c, i) => ({ d, c, i }))).find((x) => x.c.claimant);
    if (withClaimant) {
      const cell = t.rows[rowOf(withClaimant.d.id, withClaimant.i)].cells[withClaimant.d.id][0];
      assert.deepEqual(cell.claimants, [withClaimant.c.claimant]);
    }

    // F4 opens the window; a click on a claim in another document jumps there and selects it.
    await page.keyboard.press('F4'); await settle(page);
    const shown = await api(page, 'claimsTable');
    assert.equal(shown.open, true);
    // The contradicting claim is drawn (the columns share the window's width); a click on it
    // jumps to its document, and so does one on a claim of another document.
    const docOfSpan = {};
    for (const row of shown.rows) for (const [d, list] of Object.entries(row.cells)) for (const c of list) docOfSpan[c.span] = d;
    const target = shown.cells.find((c) => c.span === ids[`${contradicts[0]}#${contradicts[1]}`]);
    assert.ok(target, 'the contradicting claim is drawn in the window');
    await page.screenshot({ path: join(repo, 'tests/e2e/artifacts', shot) });
    for (const cell of [target, shown.cells.find((c) => docOfSpan[c.span] !== contradicts[0])]) {
      await page.mouse.click(cell.x + Math.min(8, cell.width / 2), cell.y + cell.height / 2);
      await settle(page);
      assert.equal(await api(page, 'selectedSpan'), cell.span);
      assert.equal((await api(page, 'documents')).find((d) => d.current).id, docOfSpan[cell.span]);
    }

    // Exports: the CSV has a header with every document and one record per row; Markdown marks
    // the contradicted rows.
    const csv = await downloadFrom(page, 'claims-csv');
    const header = csv.split('\r\n')[0];
    assert.equal(header, ['row', 'claim', ...shown.documents.map((d) => (/[,"]/.test(d) ? `"${d}"` : d)), 'links'].join(','));
    assert.ok(csv.includes(`contradicts ${rowOf(...contradicts) + 1}`));
    const md = await downloadFrom(page, 'claims-md');
    assert.equal((md.match(/\u26a0/g) || []).length, shown.rows.filter((x) => x.contradicted).length);

    // Undo takes the import back (one step): no claims; redo restores the same rows.
    await page.keyboard.press('Control+z'); await settle(page);
    assert.equal((await api(page, 'claimsTable')).rows.length, 0);
    await page.keyboard.press('Control+Shift+z'); await settle(page);
    const redone = await api(page, 'claimsTable');
    assert.deepEqual(redone.rows, shown.rows);

    // Reload: the autosave restores the same table.
    await page.reload();
    await page.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
    await page.evaluate(() => window.goldspan.ready);
    assert.deepEqual((await api(page, 'claimsTable')).rows, shown.rows);
    await ctx.close();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

test('claims table on the shipped samples: two reports of the harbour fire', async () => {
  const a = readFileSync(join(repo, 'assets/sample/harbor-a.txt'), 'utf8');
  const bb = readFileSync(join(repo, 'assets/sample/harbor-b.txt'), 'utf8');
  await scenario('harbor', [
    { id: 'harbor-a.txt', text: a, claims: [{ text: '14 workers were evacuated', claimant: 'Ines Oduya' }, { text: 'nobody was seriously hurt' }, { text: 'its safety systems were at fault' }] },
    { id: 'harbor-b.txt', text: bb, claims: [{ text: 'the evacuation of about 30 workers' }, { text: 'Two people were treated in hospital for smoke inhalation' }] },
  ], {
    cluster: { name: 'evacuated workers', members: [['harbor-a.txt', 0], ['harbor-b.txt', 0]] },
    same: [['harbor-a.txt', 2], ['harbor-a.txt', 1]],
    contradicts: ['harbor-b.txt', 1],
  }, 'claims-table-samples.png');
});

test('claims table on the corpus articles (skipped without ../shared)', { skip: !corpusDir && 'no ../shared/corpus' }, async () => {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 3);
  const [a, bb, c] = files.map((f) => ({ id: f, text: readFileSync(join(corpusDir, f), 'utf8') }));
  await scenario('corpus', [
    { ...a, claims: [{ text: 'opposition protesters took control of the southern city of Osh' }, { text: 'he would not impose a state of emergency', claimant: 'Askar Akayev' }] },
    { ...bb, claims: [{ text: 'drove police out of Osh' }, { text: 'ruled out massive use of force' }] },
    { ...c, claims: [{ text: 'the central government had totally lost control of the situation' }] },
  ], {
    cluster: { name: 'protesters control Osh', members: [[a.id, 0], [bb.id, 0]] },
    same: [[a.id, 1], [bb.id, 1]],
    contradicts: [c.id, 0],
  }, 'claims-table-corpus.png');
});
