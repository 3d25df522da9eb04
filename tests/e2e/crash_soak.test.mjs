// The crash soak's short run (the full one: `node crash_soak.mjs --kills 120`, docs/durability.md):
// ten kills of the browser, the renderer and the page, at random moments, on one profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { soak } from './crash_soak.mjs';

test('crash soak: no edit visible for 50 ms or shown as saved is lost, no restore loses older work', { timeout: 900000 }, async () => {
  const stats = await soak({ kills: Number(process.env.SOAK_KILLS || 10), log: null });
  console.log(JSON.stringify(stats));
  assert.ok(stats.kills >= 10, `${stats.kills} kills`);
  assert.equal(stats.restores, stats.kills, 'every kill was followed by a checked restore');
  assert.ok(stats.edits >= stats.kills, `${stats.edits} edits seen`);
  assert.equal(stats.corrupted, 0, stats.failures.join('\n'));
  assert.equal(stats.lostRequired, 0, stats.failures.join('\n'));
  assert.equal(stats.lostBeforeRestore, 0, stats.failures.join('\n'));
});
