// The mouse wheel over the canvas, with real wheel events: one notch down (deltaY +100 pixels, as
// Chromium sends) scrolls the text down by a few lines, one notch up scrolls back, the top and the
// end are hard stops; a pixel-mode deltaY of 400 is four notches (issue 12). And the frame loop
// sleeps at rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, open } from './browser.mjs';

const DOC = 'wheel.txt';
const LINES = 200;
const text = Array.from({ length: LINES }, (_, i) => `line ${String(i).padStart(3, '0')} of the wheel test`).join('\n');
const at = (line) => text.indexOf(`line ${String(line).padStart(3, '0')}`);

test('wheel notches scroll the canvas by about three lines, in the right direction', async () => {
  const b = await open();
  try {
    await boot(b);
    const r = await b.page.evaluate(([id, t]) => window.goldspan.openTexts([{ id, text: t }]), [DOC, text]);
    assert.ok(r.ok, JSON.stringify(r.errors));
    const rect = (line) => b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [DOC, at(line)]);
    const settle = () => b.page.waitForTimeout(150);

    await rect(0);   // the top of the document
    await settle();
    const a = await rect(4);   // near the top: visible, so charRect does not scroll
    const c = await rect(5);
    const lh = c.y - a.y;
    assert.ok(lh > 4, `line height ${lh}`);
    await b.page.mouse.move(a.x + 40, a.y + a.height / 2);

    // At the top, a notch up does nothing.
    await b.page.mouse.wheel(0, -100);
    await settle();
    assert.equal((await rect(4)).y, a.y, 'notch up at the top moved the view');

    // One notch down: the text moves up by about three lines (2.5 to 3.5).
    await b.page.mouse.wheel(0, 100);
    await settle();
    const down = (a.y - (await rect(4)).y) / lh;
    assert.ok(down >= 2.5 && down <= 3.5, `one notch down scrolled ${down} lines`);

    // One notch up: back where it was.
    await b.page.mouse.wheel(0, -100);
    await settle();
    assert.ok(Math.abs((await rect(4)).y - a.y) < 1, 'one notch up did not go back');

    // Line mode (Firefox's wheel: deltaY 3 lines per notch): the same three lines.
    await b.page.evaluate(([x, y]) => document.querySelector('canvas').dispatchEvent(new WheelEvent('wheel',
      { deltaY: 3, deltaMode: WheelEvent.DOM_DELTA_LINE, clientX: x, clientY: y, bubbles: true, cancelable: true })),
      [a.x + 40, a.y + a.height / 2]);
    await settle();
    const lines = (a.y - (await rect(4)).y) / lh;
    assert.ok(Math.abs(lines - down) < 0.5, `a line-mode notch scrolled ${lines} lines, a pixel notch ${down}`);
    await b.page.mouse.wheel(0, -100);
    await settle();
    assert.ok(Math.abs((await rect(4)).y - a.y) < 1, 'back to the top after the line-mode notch');

    // Pixel-mode 400: four notches, so more than one notch but not a jump to the end.
    // (line 12 is on screen both before and after, so charRect does not scroll to it.)
    const before = await rect(12);
    await b.page.mouse.wheel(0, 400);
    await settle();
    const four = (before.y - (await rect(12)).y) / lh;
    assert.ok(four > down && four <= 24, `deltaY 400 scrolled ${four} lines (one notch: ${down})`);

    // Never beyond the end: after many notches down the last line is still on the canvas.
    const box = await b.page.locator('canvas').boundingBox();
    for (let i = 0; i < 80; i++) await b.page.mouse.wheel(0, 100);
    await settle();
    const last = await b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [DOC, at(LINES - 1)]);
    assert.ok(last.y + last.height <= box.y + box.height && last.y >= box.y, `last line at ${last.y}`);
    const again = await b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [DOC, at(LINES - 1)]);
    for (let i = 0; i < 5; i++) await b.page.mouse.wheel(0, 100);
    await settle();
    const after = await b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [DOC, at(LINES - 1)]);
    assert.equal(after.y, again.y, 'scrolled past the end');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

// The frame loop sleeps while nothing changes (issue 12: no frames and ~0 % CPU at rest): the
// frame count stands still, a key wakes it, and a status message still disappears on time
// (a timer wakes the loop once when it expires, with no input).
test('at rest no frames are drawn; a key wakes the loop; a status message expires by itself', async () => {
  const b = await open();
  try {
    await boot(b);
    const frames = () => b.page.evaluate(() => window.goldspan.frames());
    const atRest = async () => {
      await b.page.waitForTimeout(1000);
      const f0 = await frames();
      await b.page.waitForTimeout(1500);
      return [f0, await frames()];
    };
    let [f0, f1] = await atRest();
    assert.ok(f0 > 0, 'frames were drawn at start');
    assert.equal(f1, f0, `${f1 - f0} frames drawn in 1.5 s at rest`);
    // Not even an animation frame is asked for: at rest the page costs no CPU.
    const rafs = () => b.page.evaluate(() => window.goldspan.animationFrames());
    const a0 = await rafs();
    await b.page.waitForTimeout(1000);
    assert.equal(await rafs(), a0, 'animation frames ran at rest');

    // An API call wakes the loop, but draws nothing new: those frames are not sent to WebGL.
    const presented = () => b.page.evaluate(() => window.goldspan.presented());
    const p0 = await presented();
    await b.page.evaluate(() => window.goldspan.documents());
    await b.page.waitForFunction((f) => window.goldspan.frames() > f, f1, { timeout: 5000 });
    await b.page.waitForTimeout(500);
    assert.equal(await presented(), p0, 'a frame that changed nothing was drawn');

    // Ctrl+Y with nothing to redo: the status bar says so, drawn by the woken loop.
    [f0, f1] = await atRest();
    const t0 = Date.now();
    await b.page.keyboard.press('Control+y');
    await b.page.waitForFunction((f) => window.goldspan.frames() > f, f1, { timeout: 5000 });
    assert.equal(await b.page.evaluate(() => window.goldspan.status()), 'Nothing to redo.');
    await b.page.waitForFunction((p) => window.goldspan.presented() > p, p0, { timeout: 5000 });  // the message drawn
    [f0, f1] = await atRest();
    assert.equal(f1, f0, 'the loop went back to sleep after the key');

    // The message shows for 8 s; then one wake draws the bar without it, with no input.
    await b.page.waitForFunction((f) => window.goldspan.frames() > f, f1, { timeout: 12000, polling: 100 });
    const waited = Date.now() - t0;
    assert.ok(waited >= 7500, `a frame was drawn ${waited} ms after the key, before the message expired`);
    [f0, f1] = await atRest();
    assert.equal(f1, f0, 'asleep again after the message expired');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

// After a rest the loop is stopped; the press that wakes it and the moves after it can reach the
// page before its first frame. The drag must start where the mouse was pressed, not where the
// moves ended (ImGui reads the cursor once per frame). The events are sent in one task, so they
// certainly come before one frame.
test('a press and moves that arrive before one frame start the drag where it was pressed', async () => {
  const b = await open();
  try {
    await boot(b);
    const doc = (await b.page.evaluate(() => window.goldspan.documents())).find((d) => d.current).id;
    const hit = (w) => b.page.evaluate(([w, d]) => window.goldspan.search(w).find((h) => h.doc === d), [w, doc]);
    const crews = await hit('crews'), saturday = await hit('Saturday');
    assert.ok(crews && saturday && saturday.start > crews.end, 'the sample has "crews ... Saturday"');
    const from = crews.start + 1, to = saturday.start + 2;
    const mid = async (cp) => {
      const r = await b.page.evaluate(([d, o]) => window.goldspan.charRect(d, o), [doc, cp]);
      return [r.x + r.width / 2, r.y + r.height / 2];
    };
    const [x0, y0] = await mid(from), [x1, y1] = await mid(to);
    await b.page.waitForTimeout(1500);  // at rest: no frame is coming
    await b.page.evaluate(([x0, y0, x1, y1]) => new Promise((ok) => {
      const c = document.querySelector('canvas');
      const send = (type, x, y, buttons) =>
        c.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons, bubbles: true }));
      send('mousemove', x0, y0, 0);
      send('mousedown', x0, y0, 1);
      send('mousemove', (x0 + x1) / 2, (y0 + y1) / 2, 1);
      send('mousemove', x1, y1, 1);
      requestAnimationFrame(() => requestAnimationFrame(() => { send('mouseup', x1, y1, 0); ok(); }));
    }), [x0, y0, x1, y1]);
    await b.page.waitForTimeout(300);
    const sel = await b.page.evaluate(() => window.goldspan.selection());
    assert.deepEqual(sel, { doc, start: crews.start, end: saturday.end }, 'the drag selects "crews … Saturday"');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
