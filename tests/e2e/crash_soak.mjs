// Crash soak for the autosave (docs/durability.md). Chromium runs on one persistent profile and
// is killed at random moments while real drags and hotkeys annotate a document: SIGKILL of the
// whole browser, SIGKILL of the renderer, DevTools Page.crash; mid-burst, 0–50 ms after a key,
// right after an edit became visible, after "all changes saved", mid-drag, and during the
// restore. After every kill it relaunches on the same profile and compares the restored spans
// with every state the page drew.
//
//   cd tests/e2e && node crash_soak.mjs [--kills 120] [--seed N] [--quiet]
//
// What counts as drawn: an observer in the page reads the spans on every animation frame; a
// state is "visible" from the frame after the one where it first appeared (the app applies a
// key at the end of a frame and draws it on the next), and "saved" once the status bar drew
// "all changes saved" with it. Required after a kill: every state visible for 50 ms before the
// kill and every saved one. Lost: a required state that the restore does not reach.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, dist, repo, sharedCorpus } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

// [SECTION] Random, processes
function rng(seed) {  // mulberry32: a run is repeatable from its seed
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function processes() {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => {
    const m = l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/);
    return { pid: Number(m[1]), ppid: Number(m[2]), args: m[3] };
  });
}
// The browser process of `profile` and everything under it (zygotes, renderers, GPU, utility).
function browserTree(profile) {
  const ps = processes();
  const main = ps.find((p) => p.args.includes(`--user-data-dir=${profile}`) && !p.args.includes('--type='));
  if (!main) return [];
  const tree = [main];
  for (let i = 0; i < tree.length; i++) tree.push(...ps.filter((p) => p.ppid === tree[i].pid));
  return tree;
}
const kill = (pid) => { try { process.kill(pid, 'SIGKILL'); } catch { /* gone already */ } };

// [SECTION] The page: an observer of what is drawn
// Reports every change of the spans (and of "all changes saved") to the driver through a
// binding, so the record survives the page.
// Spans are read only in the 2 s after an input (edits come only from input): reading them
// wakes the app, which otherwise stops drawing when idle.
const observer = (doc) => {
  let last = null, seenAt = 0, shown = null, savedSent = false, activeUntil = 0;
  for (const ev of ['keydown', 'mousedown', 'mouseup']) window.addEventListener(ev, () => { activeUntil = performance.now() + 2000; }, true);
  const key = () => JSON.stringify(window.goldspan.spans(doc).map((s) => `${s.label}:${s.start}-${s.end}`).sort());
  const tick = () => {
    requestAnimationFrame(tick);
    if (!window.__soakReady) return;
    const saved = window.goldspan.saveState().line === 'all changes saved';
    if (performance.now() > activeUntil && last !== null && (savedSent || !saved)) return;
    const k = key();
    if (k !== last) { last = k; seenAt = performance.now(); shown = null; savedSent = false; return; }
    if (shown === null && performance.now() > seenAt) { shown = Date.now(); savedSent = saved; window.__soakSeen({ key: k, visible: shown, saved }); }
    else if (saved && !savedSent) { savedSent = true; window.__soakSeen({ key: k, visible: shown, saved }); }
  };
  requestAnimationFrame(tick);
};

// [SECTION] Driver
export async function soak({ kills = 12, seed = (Date.now() % 1e9) | 0, log = console.log } = {}) {
  const rand = rng(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const server = await startServer(dist, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'goldspan-soak-'));
  const corpus = existsSync(sharedCorpus) && readdirSync(sharedCorpus).filter((f) => f.endsWith('.txt')).sort()[0];
  const doc = corpus || 'harbor-a.txt';  // the project's own sample when the shared corpus is absent
  const text = readFileSync(corpus ? join(sharedCorpus, corpus) : join(repo, 'assets/sample/harbor-a.txt'), 'utf8');
  const words = [];
  for (const m of text.matchAll(/\p{L}{3,}/gu)) {
    const start = Array.from(text.slice(0, m.index)).length;
    words.push({ start, end: start + Array.from(m[0]).length });
  }

  const stats = { seed, doc, kills: 0, byMethod: {}, byMoment: {}, edits: 0, restores: 0, lost: 0, lostRequired: 0,
    lostBeforeRestore: 0, corrupted: 0, unseen: 0, failures: [] };
  let states = [];  // what this session drew: {key, visible, saved}
  const seen = (s) => {
    const last = states[states.length - 1];
    if (last && last.key === s.key) { if (s.saved) last.saved = true; return; }
    states.push({ key: s.key, visible: s.visible, saved: s.saved });
    stats.edits++;
  };

  let ctx = null, page = null;
  async function launch() {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs, viewport: { width: 1280, height: 800 },
    });
    await ctx.exposeBinding('__soakSeen', (_src, s) => seen(s));
    await ctx.addInitScript(observer, doc);
    for (const p of ctx.pages()) await p.close().catch(() => {});
  }
  async function newPage() {
    page = await ctx.newPage();
    page.on('pageerror', (e) => stats.failures.push(`page error: ${e}`));
  }
  // Until the app is ready and this tab writes (a tab started while the killed one still held
  // the writer's lock starts read-only, then reloads by itself).
  async function ready(deadline = Date.now() + 60000) {
    for (;;) {
      try {
        await page.waitForFunction(() => window.goldspan, null, { timeout: 30000 });
        await page.evaluate(() => window.goldspan.ready);
        if (!(await page.evaluate(() => window.goldspan.saveState().readOnly))) break;
      } catch { /* reloaded under us: try again */ }
      if (Date.now() > deadline) throw new Error('the app did not become writable');
      await sleep(100);
    }
  }
  const spansKey = () => page.evaluate((d) => JSON.stringify(window.goldspan.spans(d).map((s) => `${s.label}:${s.start}-${s.end}`).sort()), doc);

  // One kill, with the time it was sent.
  async function doKill(method) {
    const at = Date.now();
    if (method === 'browser') {
      for (const p of browserTree(profile)) kill(p.pid);
    } else if (method === 'renderer') {
      for (const p of browserTree(profile).filter((q) => q.args.includes('--type=renderer'))) kill(p.pid);
    } else {
      const cdp = await ctx.newCDPSession(page);
      cdp.send('Page.crash').catch(() => {});
    }
    stats.kills++;
    stats.byMethod[method] = (stats.byMethod[method] || 0) + 1;
    return at;
  }
  // After a kill: the same profile again (a new browser, or a new tab in the surviving one).
  async function relaunch(method) {
    if (method === 'browser') {
      ctx.close().catch(() => {});  // the browser is gone: nothing to wait for but its processes
      for (let i = 0; i < 100 && browserTree(profile).length; i++) await sleep(50);
      await launch();
    } else {
      await page.close().catch(() => {});
    }
    await newPage();
    await page.goto(origin + '/');
  }

  // [SECTION] Real input
  let labels = [], lastInput = 0, lastKind = '';
  async function rectOf(cp) {
    return page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [doc, cp]);
  }
  const mid = (r) => [r.x + r.width / 2, r.y + r.height / 2];
  async function current() {
    return page.evaluate((d) => window.goldspan.spans(d), doc);
  }
  // One edit through the mouse and keyboard; `wait` false sends it without waiting for a frame.
  async function edit(kind, { wait = true, holdDrag = false } = {}) {
    const spans = await current();
    lastInput = Date.now();
    lastKind = kind === 'add' || !spans.length ? 'add' : kind;
    if (kind === 'add' || !spans.length) {
      const free = words.filter((w) => !spans.some((s) => s.start < w.end && w.start < s.end));
      const w = pick(free.length ? free : words);
      const a = await rectOf(w.start), z = await rectOf(w.end - 1);
      if (!a || !z) return;
      await page.mouse.move(...mid(a));
      await page.mouse.down();
      await page.mouse.move(...mid(z), { steps: 3 });
      if (holdDrag) return;  // the kill comes mid-drag
      await page.mouse.up();
      await page.keyboard.press(pick(labels).hotkey);
    } else if (kind === 'relabel' || kind === 'delete') {
      const s = pick(spans);
      const r = await rectOf(s.start);
      if (!r) return;
      await page.mouse.click(...mid(r));
      await page.waitForFunction((id) => window.goldspan.selectedSpan() === id, s.id, { timeout: 2000 }).catch(() => {});
      if (kind === 'delete') await page.keyboard.press('Delete');
      else await page.keyboard.press(pick(labels.filter((l) => l.name !== s.label)).hotkey);
    } else if (kind === 'undo') {
      await page.keyboard.press('Control+z');
    } else {
      await page.keyboard.press('Control+Shift+Z');
    }
    lastInput = Date.now();
    if (wait) await page.waitForTimeout(40);
  }
  const randomEdit = async (opts) => {
    const n = (await current()).length;
    return edit(n > 14 ? pick(['delete', 'relabel', 'undo']) : pick(['add', 'add', 'add', 'relabel', 'delete', 'undo', 'redo']), opts);
  };

  // [SECTION] Checking a restore
  // The restored state starts the next session: drawn and durable. Returns its index.
  function restoredAgain(key) {
    states.push({ key, visible: Date.now() - 1000, saved: true });
    return states.length - 1;
  }
  // `killAt`: when the kill was sent; `base`: the state the last restore gave (durable by then).
  function check(restored, killAt, base, moment) {
    const required = states.reduce((r, s, i) => (s.saved || (s.visible && s.visible <= killAt - 50) ? i : r), -1);
    let j = -1;
    for (let i = states.length - 1; i >= 0; i--) if (states[i].key === restored) { j = i; break; }
    stats.restores++;
    // A state never drawn: an edit applied and committed just before the kill, before its frame
    // (a key released before any frame is handled in its own task). Accepted only when the last
    // input was under 100 ms old and the state is what that input makes of the last drawn one: one
    // span more for an add, one fewer for a delete, one changed for a relabel (an undo or redo:
    // any one step). It may equal an older state (a delete back to no spans).
    const last = states[states.length - 1];
    if (j < states.length - 1) {
      const a = new Set(last ? JSON.parse(last.key) : []), z = new Set(JSON.parse(restored));
      const gone = [...a].filter((x) => !z.has(x)).length, added = [...z].filter((x) => !a.has(x)).length;
      // In a burst several inputs may be undrawn, and the one committed need not be the last:
      // any one step then.
      const kinds = { add: gone === 0 && added === 1, delete: gone === 1 && added === 0, relabel: gone === 1 && added === 1 };
      const step = (moment !== 'burst' ? kinds[lastKind] : undefined) ?? (gone + added >= 1 && gone + added <= 2);
      if (lastInput > killAt - 100 && step) { stats.unseen++; return; }
    }
    if (j < 0) {
      stats.corrupted++;
      stats.failures.push(`${moment}: restored a state never drawn: ${restored}`);
      return;
    }
    stats.lost += states.length - 1 - j;
    if (required > j) {
      stats.lostRequired += required - j;
      stats.failures.push(`${moment}: restored state ${j} of ${states.length - 1}, but ${required} was visible 50 ms or saved`);
    }
    if (base >= 0 && j < base) stats.lostBeforeRestore += base - j;
  }

  try {
    await launch();
    await newPage();
    await page.goto(origin + '/');
    await ready();
    labels = (await page.evaluate(() => window.goldspan.schema().labels)).filter((l) => l.kind === 'entity' && l.hotkey);
    if (corpus) {
      await page.setInputFiles('#file-input', join(sharedCorpus, corpus));
      await page.waitForFunction((d) => window.goldspan.documents().some((x) => x.id === d), doc);
    }
    await page.waitForFunction(() => window.goldspan.savedPending() === 0);
    await page.evaluate(() => { window.__soakReady = true; });
    await page.waitForTimeout(100);

    const moments = ['burst', 'afterKey', 'visible', 'saved', 'drag', 'restore'];
    while (stats.kills < kills) {
      const t0 = Date.now();
      const moment = pick(moments), method = pick(['browser', 'browser', 'renderer', 'crash']);
      stats.byMoment[moment] = (stats.byMoment[moment] || 0) + 1;
      for (let n = Math.floor(rand() * 3); n > 0; n--) await randomEdit();
      let killAt;
      if (moment === 'burst') {
        const n = 2 + Math.floor(rand() * 4);
        for (let i = 0; i < n; i++) { await randomEdit({ wait: false }); await sleep(rand() * 15); }
        killAt = await doKill(method);
      } else if (moment === 'afterKey') {
        await randomEdit({ wait: false });
        await sleep(rand() * 50);
        killAt = await doKill(method);
      } else if (moment === 'visible') {
        const before = states.length;
        await randomEdit({ wait: false });
        for (let i = 0; i < 100 && states.length === before; i++) await sleep(2);
        killAt = await doKill(method);
      } else if (moment === 'saved') {
        await randomEdit();
        await page.waitForFunction(() => window.goldspan.saveState().line === 'all changes saved');
        await sleep(rand() * 30);
        killAt = await doKill(method);
      } else if (moment === 'drag') {
        await randomEdit({ wait: false });
        await edit('add', { holdDrag: true });
        killAt = await doKill(method);
      } else {  // during the restore: a clean restart first, killed again while it loads and replays
        await randomEdit();
        killAt = await doKill(method);
      }
      await relaunch(method);
      if (moment === 'restore') {
        await ready();
        check(await spansKey(), killAt, -1, 'before the restore kill');
        const durable = restoredAgain(await spansKey());
        const m2 = pick(['browser', 'renderer', 'crash']);
        await page.evaluate(() => window.goldspan.ready);
        await relaunch('renderer');  // a fresh tab starts restoring …
        await sleep(rand() * 900);    // … and is killed somewhere in its loading and replay
        const at2 = await doKill(m2);
        stats.byMoment['during restore'] = (stats.byMoment['during restore'] || 0) + 1;
        await relaunch(m2);
        await ready();
        check(await spansKey(), at2, durable, 'during the restore');
      } else {
        await ready();
        check(await spansKey(), killAt, -1, moment);
      }
      restoredAgain(await spansKey());
      await page.evaluate(() => { window.__soakReady = true; });
      await page.waitForTimeout(60);
      if (log) {
        log(`kill ${stats.kills}/${kills} (${moment}, ${method}): edits ${stats.edits}, lost ${stats.lost}, required lost ${stats.lostRequired}, ` +
          `lost before a restore ${stats.lostBeforeRestore}, corrupted ${stats.corrupted}, unseen ${stats.unseen} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }
    }
  } finally {
    await ctx?.close().catch(() => {});
    for (const p of browserTree(profile)) kill(p.pid);
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return stats;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
  const quiet = process.argv.includes('--quiet');
  const stats = await soak({ kills: arg('--kills', 120), seed: arg('--seed', undefined), log: quiet ? null : console.log });
  console.log(JSON.stringify(stats, null, 2));
  process.exitCode = stats.lostRequired || stats.corrupted || stats.lostBeforeRestore ? 1 : 0;
}
