// The policy sandbox page (www/sandbox.html) end to end: the sample file and a policy file read in
// the browser give the same totals, by verdict, by year and by district, as `tic screen --compare`;
// the same number of changed rows as its table; the same differences as `tic policy diff`; a
// broken policy file is refused with its problems; no request leaves the site, no CSP violation.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, ROOT, launch, openPage, screenshot, tic } from './helpers.mjs';

const SAMPLE = join(ROOT, 'www', 'samples', 'applicants.csv');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The built-in policy with a lower staff threshold and another rate, as an official edits a copy. */
function policyFile(dir) {
  let toml = readFileSync(join(ROOT, 'core', 'policy', 'ningbo-tic-2023-draft.toml'), 'utf8');
  for (const [a, b] of [
    ['id = "ningbo-tic-2023-draft"', 'id = "sandbox-e2e"'],
    ['[parameters.staff_year2_min]\nvalue = 100', '[parameters.staff_year2_min]\nvalue = 60'],
    ['[parameters.subsidy_rate]\nvalue = 30', '[parameters.subsidy_rate]\nvalue = 25'],
  ]) {
    assert.ok(toml.includes(a), a);
    toml = toml.replace(a, b);
  }
  const file = join(dir, 'sandbox.toml');
  writeFileSync(file, toml);
  return { file, toml };
}

describe('policy sandbox page', () => {
  test('the page compares as `tic screen --compare` and `tic policy diff` do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tic-sandbox-page-'));
    const { file, toml } = policyFile(dir);
    const { context, page } = await openPage(browser, { url: null });
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await page.goto(`${BASE}www/sandbox.html`, { waitUntil: 'load' });
    await page.waitForSelector('#sandbox-data', { state: 'attached', timeout: 30000 });
    await page.setInputFiles('#sandbox-data', SAMPLE);
    await page.setInputFiles('#sandbox-policy', file);
    await page.waitForSelector('#sandbox-result', { timeout: 30000 });
    const cliRun = spawnSync(tic(), ['screen', SAMPLE, '--compare', file], { encoding: 'utf8' });
    const cli = JSON.parse(cliRun.stdout);
    const shown = await page.evaluate(() => {
      const col = (row, i) => document.querySelector(`#sandbox-totals tr[data-row="${row}"] td:nth-of-type(${i})`)?.textContent;
      return {
        ids: [...document.querySelectorAll('#sandbox-totals thead th[data-policy]')].map((th) => th.dataset.policy),
        verdicts: ['eligible', 'eligible_with_gaps', 'incomplete', 'not_eligible'].map((v) => [Number(col(v, 1).replace(/,/g, '')), Number(col(v, 2).replace(/,/g, ''))]),
        totals: [...document.querySelectorAll('#sandbox-totals tr[data-row=total] td')].map((td) => Number(td.dataset.wan)),
        districts: [...document.querySelectorAll('#sandbox-districts tbody tr')].map((tr) => tr.dataset.district),
        changed: document.querySelectorAll('#sandbox-rows tbody tr').length,
        diff: [...document.querySelectorAll('#sandbox-diff tr')].map((tr) => [tr.dataset.section, tr.dataset.id]),
      };
    });
    assert.deepEqual(shown.ids, ['ningbo-tic-2023-draft', 'sandbox-e2e']);
    const vs = ['eligible', 'eligible_with_gaps', 'incomplete', 'not_eligible'];
    assert.deepEqual(shown.verdicts, vs.map((v) => [cli.base.totals.by_verdict[v], cli.other.totals.by_verdict[v]]));
    assert.deepEqual(shown.totals, [cli.base.totals.funding_total_wan, cli.other.totals.funding_total_wan]);
    assert.notEqual(shown.totals[0], shown.totals[1], 'the rate changed the subsidy');
    assert.deepEqual(shown.districts, cli.base.totals.by_district.map((d) => d.district ?? ''));
    const table = spawnSync(tic(), ['--lang', 'en', 'screen', SAMPLE, '--compare', file, '--format', 'table'], { encoding: 'utf8' }).stdout;
    const m = table.match(/Rows whose result changes: (\d+) of (\d+)/);
    assert.ok(m, table);
    assert.equal(shown.changed, Number(m[1]));
    assert.ok(shown.changed > 0);
    const diff = JSON.parse(execFileSync(tic(), ['policy', 'diff', 'ningbo-tic-2023-draft', file, '--format', 'json'], { encoding: 'utf8' }));
    assert.deepEqual(shown.diff, diff.changes.map((c) => [c.section, c.id]));
    // A broken policy file: its problems named, and nothing else needed again.
    const broken = join(dir, 'broken.toml');
    writeFileSync(broken, toml.replace('[parameters.total_cap]', '[parameters.total_cap_typo]'));
    await page.setInputFiles('#sandbox-policy', broken);
    await page.waitForSelector('#sandbox-error');
    assert.match(await page.textContent('#sandbox-error'), /total_cap/);
    await page.setInputFiles('#sandbox-policy', file);
    await page.waitForSelector('#sandbox-result');
    const t = await page.evaluate(() => window.__tic);
    assert.deepEqual(t.csp, []);
    assert.deepEqual(t.errors, []);
    assert.deepEqual(page.problems, []);
    assert.ok(requests.every((u) => u.startsWith(BASE)), 'no request leaves the site');
    await screenshot(page, 'sandbox-page');
    await context.close();
  });

  test('the batch view links to it', async () => {
    const { context, page } = await openPage(browser, { url: null });
    await page.goto(`${BASE}www/batch.html`, { waitUntil: 'load' });
    await page.waitForSelector('#sandbox-link', { timeout: 30000 });
    assert.equal(await page.getAttribute('#sandbox-link', 'href'), 'sandbox.html');
    await context.close();
  });
});
