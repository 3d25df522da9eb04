// Investigation helper (not part of the suite): wheel steps over a 50 k-token document, each
// timed from the input event to the next rAF, with a Chromium trace of the renderer's main
// thread summarised by event name. Run: (cd tests/e2e && node ../../bench/browser/prof_wheel.mjs [tokensK=50])
import { open } from '../../tests/e2e/browser.mjs';
const k = Number(process.argv[2] || 50);
const b = await open();
try {
  await b.page.goto(b.origin + '/');
  await b.page.waitForFunction(() => window.goldspan, null, { timeout: 60000 });
  await b.page.evaluate(() => window.goldspan.ready);
  await b.page.evaluate(async (k) => {
    const s = 'Fire crews fought the blaze at the port for six hours, officials said. ';
    const text = Array.from({ length: Math.ceil(k * 1000 / 14) }, (_, i) => s + (i % 6 ? '' : '\n\n')).join('');
    await window.goldspan.openTexts([{ id: 'p.txt', text }]);
  }, k);
  await b.page.mouse.move(640, 400);
  await b.page.waitForTimeout(1500);
  const cdp = await b.page.context().newCDPSession(b.page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,gpu,cc,viz,toplevel', transferMode: 'ReportEvents' });
  const lat = [];
  for (let i = 0; i < 30; i++) {
    const t = await b.page.evaluate(() => new Promise((ok) => {
      const t0 = performance.now();
      window.addEventListener('wheel', () => {}, { once: true });
      document.querySelector('canvas').dispatchEvent(new WheelEvent('wheel', { deltaY: 400, deltaMode: 0, clientX: 640, clientY: 400, bubbles: true, cancelable: true }));
      requestAnimationFrame(() => requestAnimationFrame((ts) => ok(performance.now() - t0)));
    }));
    lat.push(t);
  }
  await cdp.send('Tracing.end');
  await done;
  lat.sort((a, c) => a - c);
  console.log(`wheel -> 2nd rAF: median ${lat[15].toFixed(1)} ms, p90 ${lat[27].toFixed(1)} ms`);
  const main = events.filter((e) => e.ph === 'X' && e.dur);
  const byThread = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') byThread.set(`${e.pid}:${e.tid}`, e.args.name);
  const sum = new Map();
  for (const e of main) {
    const key = `${byThread.get(`${e.pid}:${e.tid}`) || e.tid} | ${e.name}`;
    const v = sum.get(key) || [0, 0];
    v[0] += e.dur / 1000; v[1]++;
    sum.set(key, v);
  }
  for (const [n, [ms, c]] of [...sum].sort((a, c) => c[1][0] - a[1][0]).slice(0, 40)) console.log(`${ms.toFixed(1).padStart(9)} ms ${String(c).padStart(5)}x  ${n}`);
} finally {
  await b.close();
}
