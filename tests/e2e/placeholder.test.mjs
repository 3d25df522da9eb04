// The placeholder page loads the wasm core and shows exact code point tokenization.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './browser.mjs';

test('placeholder page tokenizes pasted text with the wasm core, offline', async () => {
  const b = await open();
  try {
    await b.page.goto(b.origin + '/');
    await b.page.waitForSelector('#go:not([disabled])', { timeout: 30000 });
    await b.page.fill('#input', 'Akayev said 👩🏽‍💻 won. 東京に行きます。');
    await b.page.click('#go');
    const result = JSON.parse(await b.page.textContent('#json'));
    // 👩🏽‍💻 is 4 code points: [12,16); then "won" [17,20)
    assert.deepEqual(result.tokens.slice(0, 5), [[0, 6], [7, 11], [12, 16], [17, 20], [20, 21]]);
    assert.deepEqual(result.tokens[5], [22, 24], '東京 is one dictionary word');
    assert.equal(result.sentences.length, 2);
    await b.screenshot('placeholder.png');
    assert.deepEqual(b.errors, []);
    const foreign = b.requests.filter((u) => !u.startsWith(b.origin + '/'));
    assert.deepEqual(foreign, [], 'no request leaves the page origin');
  } finally {
    await b.close();
  }
});
