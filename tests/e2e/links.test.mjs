// Claim links and the side-by-side view with real mouse and keys: F2 puts two documents side by
// side; Shift+L on a claim, a click on a claim in the other pane, then the link type's number
// ("same") or a click on the menu ("contradicts"); the pick survives switching the document;
// refusals, Esc, Shift+L not relabelling; claim cluster links from the clusters panel; Shift+1
// stepping the stance; undo/redo; the claims table; export and reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, boot, clickBox, corpusDir, cpOf, drag, key, open, repo, settle } from './browser.mjs';


const brief = (links) => links.map((l) => `${l.from.id} ${l.type} ${l.to.id}`);
const links = async (b) => brief(await api(b, 'links'));

// A real click on code point `at` of `doc` (scrolled into view in the pane showing it).
async function click(b, doc, at) {
  await clickBox(b, await api(b, 'charRect', doc, at));
}
// A span by a real drag over [a, z] and the hotkey; returns its id (it is selected).
async function label(b, doc, a, z, hotkey) {
  await drag(b, doc, a, z);
  await key(b, hotkey);
  const id = await api(b, 'selectedSpan');
  assert.ok(id, `labelled ${doc} [${a}, ${z}] with ${hotkey}`);
  return id;
}
const spanOf = async (b, doc, id) => (await api(b, 'spans', doc)).find((s) => s.id === id);

// d1, d2: two documents with two claims each, c1a/c1b (the same fact) and c2a/c2b (contradicting);
// each claim is [start, end) in code points; at1 a non-claim entity in d2 at code point `ent`.
async function linkSteps(b, { d1, d2, c1a, c1b, c2a, c2b, ent, shot }) {
  // [1] F2: side by side, the next document in the right pane.
  await clickBox(b, await api(b, 'charRect', d1, c1a[0]));
  await key(b, 'F2');
  let panes = await api(b, 'panes');
  assert.equal(panes.sideBySide, true, 'F2 turns side by side on');
  assert.equal(panes.panes.length, 2);
  assert.equal(panes.panes[0], d1);
  // The documents panel's R button of d2 puts it in the right pane, L of d1 keeps d1 left: real
  // clicks on the buttons where the panel drew them.
  await b.page.waitForTimeout(60);
  let controls = (await api(b, 'documentsPanel')).controls;
  assert.ok(controls[`R:${d2}`] && controls[`L:${d1}`], JSON.stringify(Object.keys(controls)));
  await clickBox(b, controls[`R:${d2}`]);
  await b.page.waitForTimeout(60);
  controls = (await api(b, 'documentsPanel')).controls;
  await clickBox(b, controls[`L:${d1}`]);
  await b.page.waitForTimeout(60);
  panes = await api(b, 'panes');
  assert.deepEqual(panes.panes, [d1, d2]);

  // Four claims, labelled in both panes by drags (each pane keeps its own document).
  const a1 = await label(b, d1, c1a[0], c1a[1] - 1, 'c');
  const b1 = await label(b, d2, c1b[0], c1b[1] - 1, 'c');
  assert.equal((await api(b, 'panes')).active, 1, 'the drag in the right pane made it active');
  const a2 = await label(b, d1, c2a[0], c2a[1] - 1, 'c');
  const b2 = await label(b, d2, c2b[0], c2b[1] - 1, 'c');
  assert.deepEqual((await api(b, 'panes')).panes, [d1, d2], 'labelling in either pane left both documents in place');
  const e2 = await label(b, d2, ent[0], ent[1] - 1, 'o');

  // [2] Shift+L on a1 (left), a click on b1 (right pane), 1 = "same".
  await click(b, d1, c1a[0] + 1);
  assert.equal(await api(b, 'selectedSpan'), a1);
  await key(b, 'Shift+L');
  assert.equal((await spanOf(b, d1, a1)).label, 'CLAIM', 'Shift+L is not l (LOCATION)');
  let pick = await api(b, 'linkPick');
  assert.ok(pick, 'Shift+L starts a link');
  assert.equal(pick.source.id, a1);
  assert.equal(pick.target, null);
  // A non-claim target is refused, the pick goes on.
  await click(b, d2, ent[0] + 1);
  assert.match(await api(b, 'status'), /^Link: refused, ORGANIZATION .* is not a claim/);
  assert.equal((await api(b, 'linkPick')).target, null, 'still picking after a refusal');
  await click(b, d2, c1b[0] + 1);
  pick = await api(b, 'linkPick');
  assert.equal(pick.target.id, b1, 'the click on the other pane chose the target');
  assert.deepEqual(pick.menu.map((r) => r.type), ['same', 'supports', 'contradicts', 'refines'], 'the schema\'s types in order');
  await b.screenshot(`${shot}-link-menu.png`);
  await key(b, '1');
  assert.equal(await api(b, 'linkPick'), null, 'the number made the link');
  const one = [`${a1} same ${b1}`];
  assert.deepEqual(await links(b), one);
  assert.match(await api(b, 'status'), /^same: CLAIM .* \(Ctrl\+Z undoes\)/);
  await key(b, 'Control+z');
  assert.deepEqual(await links(b), [], 'Ctrl+Z removes the link');
  await key(b, 'Control+Shift+z');
  assert.deepEqual(await links(b), one, 'Ctrl+Shift+Z restores it');

  // [3] Side by side off; Shift+L on a2, the pick survives showing d2 in the single pane; Esc
  // on the menu goes back to picking; a click on the menu's "contradicts" row makes the link.
  await key(b, 'F2');
  assert.equal((await api(b, 'panes')).sideBySide, false);
  await click(b, d1, c2a[0] + 1);
  assert.equal(await api(b, 'selectedSpan'), a2);
  await key(b, 'Shift+L');
  assert.equal((await api(b, 'linkPick')).source.id, a2);
  await click(b, d2, c2b[0] + 1);  // charRect shows d2 in the single pane
  assert.deepEqual((await api(b, 'panes')).panes, [d2]);
  pick = await api(b, 'linkPick');
  assert.equal(pick.source.id, a2, 'the pick survived the document switch');
  assert.equal(pick.target.id, b2);
  await key(b, 'Escape');
  pick = await api(b, 'linkPick');
  assert.ok(pick && pick.target === null, 'Esc on the menu: back to picking');
  await click(b, d2, c2b[0] + 1);
  pick = await api(b, 'linkPick');
  await clickBox(b, pick.menu.find((r) => r.type === 'contradicts'));
  const two = [...one, `${a2} contradicts ${b2}`];
  assert.deepEqual(await links(b), two);
  // The same link again is refused by the model, said, and nothing changes.
  await click(b, d1, c2a[0] + 1);
  await key(b, 'Shift+L');
  await click(b, d2, c2b[0] + 1);
  await key(b, '3');
  assert.match(await api(b, 'status'), /the same link exists already/);
  assert.deepEqual(await links(b), two);
  pick = await api(b, 'linkPick');
  assert.ok(pick && pick.target === null, 'after the refusal the pick goes on, the menu closed');
  await key(b, 'Escape');
  assert.equal(await api(b, 'linkPick'), null, 'Esc cancels');

  // [4] Shift+1 steps the claim's first attribute (stance) through its values; undo steps back.
  await click(b, d2, c2b[0] + 1);
  assert.equal(await api(b, 'selectedSpan'), b2);
  await key(b, 'Shift+1');
  assert.equal((await spanOf(b, d2, b2)).attributes.stance, 'asserted');
  await key(b, 'Shift+1');
  assert.equal((await spanOf(b, d2, b2)).attributes.stance, 'denied');
  await key(b, 'Shift+2');
  assert.equal((await spanOf(b, d2, b2)).attributes.check_worthy, 'yes');
  await key(b, 'Control+z');
  assert.deepEqual((await spanOf(b, d2, b2)).attributes, { stance: 'denied' }, 'Ctrl+Z undoes one attribute step');
  assert.equal((await spanOf(b, d2, b2)).label, 'CLAIM', 'Shift+digit never relabels');
  assert.deepEqual(await links(b), two, 'and starts no relation or link');
  assert.equal(await api(b, 'pick'), null);

  // [5] Claim clusters (k, Enter: a new one each), linked from the clusters panel.
  await click(b, d1, c1a[0] + 1);
  await key(b, 'k');
  await key(b, 'Enter');
  await click(b, d2, c2b[0] + 1);
  await key(b, 'k');
  await key(b, 'ArrowDown');  // past the existing claim cluster to "New cluster"
  await key(b, 'Enter');
  const clusters = await api(b, 'clusters');
  assert.deepEqual(clusters.map((c) => `${c.kind} ${c.members.map((m) => m.id)}`), [`claim ${a1}`, `claim ${b2}`]);
  const [k1, k2] = clusters.map((c) => c.id);
  const control = async (name) => (await api(b, 'clustersPanel')).controls[name];
  await clickBox(b, await control(`link:${k1}`));
  assert.deepEqual((await api(b, 'linkPick')).source, { kind: 'cluster', id: k1 });
  await clickBox(b, await control(`target:${k2}`));
  pick = await api(b, 'linkPick');
  assert.ok(pick && pick.target, `"link here" chose the cluster (status: ${await api(b, 'status')})`);
  assert.equal(pick.target.id, k2);
  await key(b, '2');
  const three = [...two, `${k1} supports ${k2}`];
  assert.deepEqual(await links(b), three);
  // A cluster's link to a single claim: "link" on the cluster, a click on the claim.
  await clickBox(b, await control(`link:${k2}`));
  await click(b, d1, c2a[0] + 1);
  await key(b, '4');
  const four = [...three, `${k2} refines ${a2}`];
  assert.deepEqual(await links(b), four);
  await key(b, 'Control+z');
  assert.deepEqual(await links(b), three);
  await key(b, 'Control+Shift+z');
  assert.deepEqual(await links(b), four);

  // [6] Side by side with the link line, and the claims table with its contradicted row.
  await key(b, 'F2');
  await api(b, 'showInPane', d1, 0);
  await api(b, 'showInPane', d2, 1);
  await settle(b);
  await click(b, d1, c1a[0] + 1);
  await b.screenshot(`${shot}-side-by-side.png`);
  await key(b, 'F4');
  const table = await api(b, 'claimsTable');
  assert.equal(table.open, true);
  const contradicted = table.rows.filter((r) => r.contradicted);
  assert.ok(contradicted.length >= 1, 'a row is marked contradicted');
  assert.ok(table.cells.length >= 4, 'the open table drew the claims');
  await b.screenshot(`${shot}-claims-table.png`);
  await key(b, 'F4');

  // [7] The gold JSON has the links; a reload restores them from the autosave.
  const gold = JSON.parse(await api(b, 'exportGold'));
  const ends = (e) => (typeof e === 'string' ? e : e.span);
  assert.deepEqual(gold.cluster_links.map((l) => `${ends(l.from)} ${l.type} ${ends(l.to)}`), four);
  await b.page.waitForFunction(() => window.goldspan.savedPending() === 0);
  const before = await api(b, 'links');
  await b.page.reload();
  await boot(b);
  assert.deepEqual(await api(b, 'links'), before, 'links restored from autosave');
  assert.equal((await spanOf(b, d2, b2)).attributes.stance, 'denied', 'the attribute too');
  assert.deepEqual(b.errors, []);
}

test('the sample: side by side, Shift+L links by number and by menu, cluster links, Shift+1, undo, table, reload', async () => {
  const [d1, d2] = ['harbor-a.txt', 'harbor-b.txt'];
  const t1 = readFileSync(join(repo, 'assets/sample', d1), 'utf8');
  const t2 = readFileSync(join(repo, 'assets/sample', d2), 'utf8');
  const p1 = cpOf(t1), p2 = cpOf(t2);
  const span = (cp, s) => [cp(s), cp(s) + Array.from(s).length];
  const b = await open();
  try {
    await boot(b);
    await linkSteps(b, {
      d1, d2, shot: 'links-sample',
      c1a: span(p1, '14 workers were evacuated'),
      c1b: span(p2, 'evacuation of about 30 workers'),
      c2a: span(p1, 'nobody was seriously hurt'),
      c2b: span(p2, 'Two people were treated in hospital'),
      ent: span(p2, 'Kestrel Logistics'),
    });
  } finally {
    await b.close();
  }
});

test('the news corpus: two articles side by side, a "same" link made with Shift+L across the panes', async (t) => {
  if (!corpusDir) {
    t.skip('../shared/corpus not present (a user clone): covered by the sample test above');
    return;
  }
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 2);
  const texts = files.map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  // A sentence of each article with a reporting verb: the claims to link.
  const claimIn = (text) => {
    const m = text.match(/[^.\n]*\b(said|says|told|reported)\b[^.\n]*\./);
    assert.ok(m, 'a reported sentence');
    const s = m[0].trim();
    const off = Array.from(text.slice(0, m.index + m[0].indexOf(s))).length;
    return [off, off + Math.min(Array.from(s).length, 60)];
  };
  const b = await open();
  try {
    await boot(b);
    await b.page.setInputFiles('#file-input', files.map((f) => join(corpusDir, f)));
    await b.page.waitForFunction(() => window.goldspan.documents().length === 4);
    assert.ok(await api(b, 'showInPane', files[0], 0));
    assert.ok(await api(b, 'showInPane', files[1], 1));
    await settle(b);
    const [c1, c2] = texts.map(claimIn);
    const s1 = await label(b, files[0], c1[0], c1[1] - 1, 'c');
    const s2 = await label(b, files[1], c2[0], c2[1] - 1, 'c');
    await click(b, files[0], c1[0] + 1);
    await key(b, 'Shift+L');
    await click(b, files[1], c2[0] + 1);
    await key(b, '1');
    assert.deepEqual(await links(b), [`${s1} same ${s2}`]);
    const l = (await api(b, 'links'))[0];
    assert.equal(l.from.doc, files[0]);
    assert.equal(l.to.doc, files[1]);
    await b.screenshot('links-corpus-side-by-side.png');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
