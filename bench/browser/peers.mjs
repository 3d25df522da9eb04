// goldspan beside two DOM text annotators, on the same generated news-like documents, in one run
// (issue 12): Label Studio's frontend (@heartexlabs/label-studio 1.4.0) and Recogito's text
// annotator (@recogito/text-annotator 4.1.1), each from its prebuilt bundle in node_modules.
// Headless Debian Chromium with SwiftShader, 1400x900, everything served from 127.0.0.1.
// Per tool and document size: open -> interactive, wheel step -> next presented frame (median,
// p90), main-thread busy time per wheel step (trace), at rest (frames, main-thread %, CPU %),
// peak renderer memory. A benchmark, not a test: it prints figures and ratios, it asserts nothing.
//   cd bench/browser && npm install && node peers.mjs [--sizes=5,50,500,5000] [--steps=30] [--limit=60] [--gap=500]
//        [--tools=goldspan,recogito,labelstudio]
// (sizes in thousands of tokens; limit in seconds for open -> interactive.) See docs/peers.md.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../../tests/e2e/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '../../build/wasm/dist');
const opt = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const sizes = (opt.sizes || '5,50,500,5000').split(',').map(Number);
const steps = Number(opt.steps || 30);
const gap = Number(opt.gap ?? 500);  // ms of quiet before each wheel step (goldspan animates a step over ~400 ms)
const limit = Number(opt.limit || 60) * 1000;
const tools = (opt.tools || 'goldspan,recogito,labelstudio').split(',');
const W = 1400, H = 900;

// [SECTION] Documents: news-like English, paragraphs of 6 sentences; an entity span on the
// word that ends each run of ~50 tokens (tokens: words and punctuation marks).
const sentences = [
  'Fire crews fought the blaze at the port for six hours, officials said.',
  'The harbour master said 14 workers had been evacuated before the roof collapsed.',
  'Insurers put the loss closer to 7 million euros on Monday.',
  'A spokesman for the ministry declined to comment on the cause of the fire.',
  'Residents of the old town were told to keep their windows closed overnight.',
  'The company, which employs 300 people at the terminal, said it would reopen on Thursday.',
  'Police in Rotterdam are questioning two men in connection with the incident.',
  'Shares in the operator fell 4 percent in early trading in Amsterdam.',
  'Maria Jansen, the mayor, thanked the firefighters and the volunteers.',
  'Investigators from the safety board arrived in the city on Tuesday morning.',
];
const labels = ['PERSON', 'ORGANIZATION', 'LOCATION', 'DATE'];
function makeDoc(k) {
  const parts = [], spans = [];
  let tokens = 0, pos = 0, i = 0, next = 50;
  while (tokens < k * 1000) {
    const s = sentences[(i * 7) % sentences.length];
    for (const m of s.matchAll(/\w+|[^\w\s]/g)) {
      tokens++;
      if (tokens >= next && /\w/.test(m[0])) {
        spans.push({ label: labels[spans.length % labels.length], start: pos + m.index, end: pos + m.index + m[0].length });
        next = tokens + 50;
      }
    }
    const sep = ++i % 6 ? ' ' : '\n\n';
    parts.push(s, sep);
    pos += s.length + sep.length;
  }
  return { text: parts.join(''), spans, tokens };
}

// [SECTION] Server: /nm/ = node_modules, /bench/peers/ = host pages, /bench/doc/ = the
// generated documents, everything else = goldspan's built site.
const docDir = mkdtempSync(join(tmpdir(), 'goldspan-peers-'));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };
const mounts = [['/nm/', join(here, 'node_modules')], ['/bench/peers/', join(here, 'peers')], ['/bench/doc/', docDir], ['/', dist]];
const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const [prefix, root] = mounts.find(([p]) => path.startsWith(p));
    const file = join(root, normalize(path.slice(prefix.length - 1)));
    if (!file.startsWith(root) || !(await stat(file)).isFile()) throw new Error('no');
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(await readFile(file));
  } catch { res.writeHead(404).end('not found'); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// [SECTION] In-page probe: arms a one-shot measurement of the next wheel event. Effect =
// goldspan built a frame (frames() changed) / a DOM peer scrolled (a scroll event anywhere);
// the value is performance.now() in the animation frame after the one showing the effect,
// minus the wheel event's timeStamp (null when nothing moved within 1.5 s: at an end).
const probe = () => {
  window.__arm = () => {
    window.__probe = new Promise((ok) => {
      const gs = window.goldspan;
      const f0 = gs ? gs.frames() : 0;
      let tIn = null, done = false;
      const finish = (v) => { if (!done) { done = true; ok(v); } };
      const timer = setTimeout(() => finish(null), 1500);
      const measure = () => { clearTimeout(timer); finish(performance.now() - tIn); };
      // Both paths end in the animation frame after the one that showed the effect. A scroll
      // event fires in the frame that scrolls, before that frame's rAF callbacks, so a rAF asked
      // for in it runs in that same frame: two are needed. (Checked in Chromium: a rAF requested
      // in a scroll handler gets that frame's timestamp.) goldspan builds its picture in its own
      // rAF callback, which its wheel handler (on the canvas) asks for: the probe's poll is asked
      // for after it, from a listener on the window's bubbling phase, so that in the frame that
      // built the picture the poll runs after goldspan's callback and sees it; one more rAF
      // then. (A task posted from the poll instead came only after the next frames: rendering
      // goes first while the canvas is read back.)
      const presented = () => requestAnimationFrame(() => requestAnimationFrame(measure));
      const check = () => requestAnimationFrame(gs.frames() !== f0 ? measure : check);
      if (gs) addEventListener('wheel', () => requestAnimationFrame(check), { once: true, passive: true });
      addEventListener('wheel', (e) => {
        tIn = e.timeStamp;
        if (!gs) document.addEventListener('scroll', presented, { capture: true, once: true, passive: true });
      }, { capture: true, once: true, passive: true });
    });
  };
};

const pct = (a, p) => a.length ? [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))] : NaN;
const procStatus = (pid, key) => { try { return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+)`))[1]) * 1024; } catch { return 0; } };

// The renderer processes below `root` in the process tree (Linux /proc).
function renderersOf(root) {
  const kids = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch {}
  }
  const out = [], todo = [root];
  while (todo.length) for (const c of kids.get(todo.pop()) || []) {
    todo.push(c);
    try { if (readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('--type=renderer')) out.push(c); } catch {}
  }
  return out;
}

// Busy time of the renderer main thread(s) in a trace: the union of its complete events'
// intervals (ms), and the number of main-thread frames begun.
function traceBusy(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const per = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain') continue;
    const v = per.get(key) || { iv: [], frames: 0 };
    if (e.ph === 'X' && e.dur) v.iv.push([e.ts, e.ts + e.dur]);
    if (e.name === 'BeginMainThreadFrame') v.frames++;
    per.set(key, v);
  }
  let best = { busy: 0, frames: 0 };
  for (const { iv, frames } of per.values()) {
    iv.sort((a, b) => a[0] - b[0]);
    let busy = 0, s = -1, e = -1;
    for (const [a, b] of iv) { if (a > e) { if (e > s) busy += e - s; s = a; e = b; } else e = Math.max(e, b); }
    if (e > s) busy += e - s;
    if (busy / 1000 > best.busy) best = { busy: busy / 1000, frames };
  }
  return best;
}
async function trace(cdp, fn) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame', transferMode: 'ReportEvents' });
  const r = await fn();
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return { r, ...traceBusy(events) };
}

async function runTool(tool, k) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });
  const out = { tool, k };
  let bcdp = null, browserPid = 0, watchdog = null;
  try {
    const context = await browser.newContext({ viewport: { width: W, height: H } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
    await page.addInitScript(probe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    bcdp = await browser.newBrowserCDPSession();
    browserPid = (await bcdp.send('SystemInfo.getProcessInfo')).processInfo.find((p) => p.type === 'browser').id;
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const procs = async () => (await bcdp.send('SystemInfo.getProcessInfo')).processInfo;
    let heapPeak = 0, sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try { heapPeak = Math.max(heapPeak, (await metrics()).JSHeapUsedSize || 0); } catch {}
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const wheel = async (dy) => {
      await page.evaluate(() => window.__arm());
      await page.mouse.wheel(0, dy);
      return page.evaluate(() => window.__probe);
    };

    // Open -> interactive: from navigation start (node's clock) until the text and its
    // highlights are on screen and one real wheel step has been answered by a presented frame.
    const t0 = Date.now();
    const deadline = () => Math.max(1000, limit - (Date.now() - t0));
    // Playwright's own timeouts did not fire while Label Studio's renderer was in one long task
    // at 500 k tokens (5 minutes, ended by hand): past the limit and 10 s more, the renderers
    // are ended, which fails the wait under way.
    watchdog = setTimeout(() => { for (const pid of renderersOf(browserPid)) try { process.kill(pid, 'SIGKILL'); } catch {} }, limit + 10000);
    if (tool === 'goldspan') {
      await page.goto(origin + '/');
      await page.waitForFunction(() => window.goldspan, null, { timeout: deadline() });
      await page.evaluate(() => window.goldspan.ready);
      const r = await page.evaluate(async (k) => {
        const [text, spans] = await Promise.all([fetch(`/bench/doc/${k}.txt`).then((r) => r.text()), fetch(`/bench/doc/${k}.json`).then((r) => r.json())]);
        const o = await window.goldspan.openTexts([{ id: 'doc.txt', text }]);
        if (!o.ok) return o;
        const a = window.goldspan.addSpans('doc.txt', spans);
        window.goldspan.scrollTo('doc.txt', 0);
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        return a;
      }, k);
      if (!r.ok) throw new Error('goldspan: ' + (r.errors || []).slice(0, 3).join('; '));
    } else {
      await page.goto(`${origin}/bench/peers/${tool}.html?k=${k}`, { timeout: deadline() });
      await page.waitForFunction(() => window.__shown, null, { timeout: deadline(), polling: 100 });
    }
    await page.mouse.move(W / 2, H / 2);
    const first = await wheel(400);
    out.interactive = Date.now() - t0;
    clearTimeout(watchdog);
    if (first === null) out.note = 'first wheel moved nothing';
    if (out.interactive > limit) throw Object.assign(new Error('limit'), { overLimit: true });

    // At rest: 2 s to settle, then 5 s with no input (main-thread task time from Performance
    // metrics, renderer + GPU process CPU from SystemInfo, main-thread frames from the trace).
    await page.waitForTimeout(2000);
    const cpuOf = (ps) => ps.filter((p) => p.type === 'renderer' || p.type === 'GPU').reduce((a, p) => a + p.cpuTime, 0);
    const built = () => page.evaluate(() => (window.goldspan ? window.goldspan.frames() : null));
    const m0 = await metrics(), p0 = cpuOf(await procs()), b0 = await built(), r0 = Date.now();
    const rest = await trace(cdp, () => page.waitForTimeout(5000));
    const m1 = await metrics(), p1 = cpuOf(await procs()), b1 = await built(), dt = (Date.now() - r0) / 1000;
    if (b0 !== null) out.restBuilt = b1 - b0;
    out.restMain = (m1.TaskDuration - m0.TaskDuration) / dt * 100;
    out.restCpu = (p1 - p0) / dt * 100;
    out.restFrames = rest.frames;

    // Wheel steps: deltaY +-400 px (pixel mode) with the real mouse; a step that moves nothing
    // (an end of the document) turns the direction round and is not counted.
    // Two passes: the latencies without tracing (tracing slows the GPU process's command
    // handling, goldspan's frames most), then the same steps traced for the main thread's time.
    let dir = 1;
    const pass = async () => {
      const lat = [];
      let tries = 0;
      while (lat.length < steps && tries++ < steps * 3) {
        if (gap) await page.waitForTimeout(gap);
        const v = await wheel(400 * dir);
        if (v === null) dir = -dir; else lat.push(v);
      }
      return { lat, tries };
    };
    const f0 = await built();
    const { lat, tries } = await pass();
    out.wheelMed = pct(lat, 0.5); out.wheelP90 = pct(lat, 0.9); out.steps = lat.length;
    if (f0 !== null) await page.waitForTimeout(gap), out.builtPerStep = ((await built()) - f0) / Math.max(1, tries);
    const wt = await trace(cdp, pass);
    out.busyPerStep = wt.busy / Math.max(1, wt.r.tries);

    sampling = false; await sampler;
    const ps = await procs();
    out.rss = Math.max(...ps.filter((p) => p.type === 'renderer').map((p) => procStatus(p.id, 'VmHWM')));
    out.gpuRss = Math.max(0, ...ps.filter((p) => p.type === 'GPU').map((p) => procStatus(p.id, 'VmHWM')));
    out.heap = heapPeak;
    if (opt.shots) await page.screenshot({ path: join(opt.shots, `${tool}-${k}k.png`) });
    if (errors.length) out.errors = errors.slice(0, 3);
  } catch (e) {
    out.failed = e.overLimit || /Timeout|timeout/.test(String(e)) ? `> ${limit / 1000} s` : String(e).split('\n')[0].slice(0, 160);
    // A renderer still busy in a long task keeps browser.close() waiting (minutes, with Label
    // Studio at 500 k tokens): end the renderers first (pids from the browser process).
    // (SystemInfo.getProcessInfo may not answer then: the renderers are found in /proc as
    // descendants of the browser process whose pid was taken at the start.)
    for (const pid of renderersOf(browserPid)) try { process.kill(pid, 'SIGKILL'); } catch {}
  } finally {
    clearTimeout(watchdog);
    await browser.close().catch(() => {});
  }
  return out;
}

// [SECTION] Run and print
const fmt = { ms: (v) => (Number.isFinite(v) ? v.toFixed(v < 100 ? 1 : 0) + ' ms' : '-'), pc: (v) => (Number.isFinite(v) ? v.toFixed(1) + ' %' : '-'),
  mb: (v) => (v ? (v / 1048576).toFixed(0) + ' MB' : '-'), n: (v) => (v === undefined ? '-' : String(v)) };
const rows = [
  ['open -> interactive', 'interactive', fmt.ms], ['wheel -> frame, median', 'wheelMed', fmt.ms], ['wheel -> frame, p90', 'wheelP90', fmt.ms],
  ['main thread per wheel step', 'busyPerStep', fmt.ms], ['goldspan frames built per step', 'builtPerStep', (v) => (v === undefined ? '-' : v.toFixed(1))], ['at rest: main-thread frames/5 s', 'restFrames', fmt.n], ['at rest: goldspan frames built/5 s', 'restBuilt', fmt.n],
  ['at rest: main thread busy', 'restMain', fmt.pc], ['at rest: renderer+GPU CPU', 'restCpu', fmt.pc],
  ['peak renderer RSS (VmHWM)', 'rss', fmt.mb], ['peak GPU process RSS (VmHWM)', 'gpuRss', fmt.mb], ['peak JS heap used', 'heap', fmt.mb],
];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`peers benchmark ${new Date().toISOString()}  Chromium headless SwiftShader ${W}x${H}  load average at start: ${load()}`);
const over = new Set(), all = [];
for (const k of sizes) {
  const doc = makeDoc(k);
  writeFileSync(join(docDir, `${k}.txt`), doc.text);
  writeFileSync(join(docDir, `${k}.json`), JSON.stringify(doc.spans));
  const res = {};
  for (const tool of tools) {
    if (over.has(tool)) { res[tool] = { failed: `> ${limit / 1000} s (at a smaller size)` }; continue; }
    res[tool] = await runTool(tool, k);
    if (res[tool].failed) over.add(tool);
    process.stderr.write(`  ${tool} ${k}k: ${JSON.stringify(res[tool])}\n`);
  }
  all.push({ k, tokens: doc.tokens, spans: doc.spans.length, bytes: Buffer.byteLength(doc.text), res });
  const peers = tools.filter((t) => t !== 'goldspan');
  console.log(`\n${doc.tokens} tokens (${(Buffer.byteLength(doc.text) / 1048576).toFixed(2)} MB, ${doc.spans.length} entity spans), load average ${load()}`);
  const head = ['', ...tools, ...peers.map((p) => `goldspan/${p}`)];
  const lines = [head];
  for (const [label, key, f] of rows) {
    const line = [label];
    for (const t of tools) line.push(res[t].failed ? (key === 'interactive' ? res[t].failed : '') : f(res[t][key]));
    for (const p of peers) {
      const g = res.goldspan && res.goldspan[key], v = res[p][key];
      line.push(res[p].failed || !res.goldspan || res.goldspan.failed || !v ? (key === 'interactive' && res[p].failed && g ? '< ' + (g / (limit)).toFixed(3) : '') : (g / v).toFixed(2));
    }
    lines.push(line);
  }
  const w = head.map((_, c) => Math.max(...lines.map((l) => String(l[c]).length)));
  for (const l of lines) console.log('  ' + l.map((x, c) => (c ? String(x).padStart(w[c]) : String(x).padEnd(w[c]))).join('  '));
  for (const t of tools) if (res[t].errors || res[t].note || (res[t].failed && !res[t].failed.startsWith('>'))) console.log(`  ${t}: ${res[t].failed || ''} ${res[t].note || ''} ${(res[t].errors || []).join(' | ')}`);
}
if (opt.json) writeFileSync(opt.json, JSON.stringify(all, null, 1));
server.closeAllConnections();
server.close();
rmSync(docDir, { recursive: true, force: true });
process.exit(0);
