// The benchmarks of docs/speed.md compare like with like: their plain JavaScript rules
// (www/bench-rules.js) agree with the page's module in the browser (www/bench.html) and with
// `tic screen --brief` in Node (scripts/bench-node.mjs) on every generated applicant. A few
// hundred applicants and one round here; the figures come from the full runs, not from tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, ROOT, launch, tic } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the page benchmark: module and plain JS agree on every applicant, per call and in one batch', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${BASE}www/bench.html?n=400&rounds=1`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 60000 });
  const r = await page.evaluate(() => window.__bench);
  assert.deepEqual(errors, []);
  assert.equal(r.applicants, 400);
  assert.equal(r.disagree, 0);
  for (const v of [r.per_call_us.wasm, r.per_call_us.js, r.batch_ms.wasm, r.batch_ms.js]) assert.ok(v > 0, JSON.stringify(r));
});

test('the native benchmark: tic screen --brief and plain JS in Node agree on every row', () => {
  const out = spawnSync('node', [join(ROOT, 'scripts', 'bench-node.mjs'), '500', '1'], {
    env: { ...process.env, TIC: tic() }, encoding: 'utf8',
  });
  assert.equal(out.status, 0, out.stderr);
  const r = JSON.parse(out.stdout);
  assert.equal(r.applicants, 500);
  assert.equal(r.disagree, 0);
  assert.ok(r.tic.best_ms > 0 && r.node.best_ms > 0, out.stdout);
});
