// The policy sandbox page (www/sandbox.html) end to end: the sample file and a policy file read in
// the browser give the same totals, by verdict, by year and by district, as `tic screen --compare`;
// the same number of changed rows as its table; the same differences as `tic policy diff`; a
// broken policy file is refused with its problems; numbers typed in the page give what the same
// numbers in a file give, and a bad one is named without losing what was typed; the preparation
// tab's link brings its one applicant; no request leaves the site, no CSP violation.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, PAGE_URL, ROOT, b64url, fixture, launch, openPage, screenshot, screenshotOf, settle, tic } from './helpers.mjs';

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

/** What the sandbox shows: the two versions' ids, the counts by verdict, the totals in 万元. */
async function shownTotals(page) {
  return page.evaluate(() => {
    const col = (row, i) => document.querySelector(`#sandbox-totals tr[data-row="${row}"] td:nth-of-type(${i})`)?.textContent;
    return {
      ids: [...document.querySelectorAll('#sandbox-totals thead th[data-policy]')].map((th) => th.dataset.policy),
      rows: [Number(col('rows', 1).replace(/,/g, '')), Number(col('rows', 2).replace(/,/g, ''))],
      verdicts: ['eligible', 'eligible_with_gaps', 'incomplete', 'not_eligible'].map((v) => [Number(col(v, 1).replace(/,/g, '')), Number(col(v, 2).replace(/,/g, ''))]),
      totals: [...document.querySelectorAll('#sandbox-totals tr[data-row=total] td')].map((td) => Number(td.dataset.wan)),
    };
  });
}

/** The same, from `tic screen FILE --compare POLICY`. */
function cliTotals(data, policy) {
  const run = spawnSync(tic(), ['screen', data, '--compare', policy], { encoding: 'utf8' });
  const cli = JSON.parse(run.stdout);
  const vs = ['eligible', 'eligible_with_gaps', 'incomplete', 'not_eligible'];
  return {
    rows: [cli.base.totals.rows, cli.other.totals.rows],
    verdicts: vs.map((v) => [cli.base.totals.by_verdict[v], cli.other.totals.by_verdict[v]]),
    totals: [cli.base.totals.funding_total_wan, cli.other.totals.funding_total_wan],
  };
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

  test('numbers typed in the page compare as the same numbers in a file do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tic-sandbox-edit-'));
    const { file } = policyFile(dir);
    const { context, page } = await openPage(browser, { url: null });
    await page.goto(`${BASE}www/sandbox.html`, { waitUntil: 'load' });
    await page.waitForSelector('#sandbox-data', { state: 'attached', timeout: 30000 });
    await page.setInputFiles('#sandbox-data', SAMPLE);
    await page.click('.sandbox-edit summary');
    const staff = '.sandbox-param[data-param="staff_year2_min"]';
    assert.equal(await page.inputValue(staff), '100');
    // As pasted from chat: full-width digits.
    await page.fill(staff, '６０');
    await page.waitForSelector('#sandbox-result');
    // The rate as typed with its unit.
    await page.fill('.sandbox-param[data-param="subsidy_rate"]', '25 ');
    await page.waitForFunction(() => document.querySelector('#sandbox-diff caption')?.textContent.includes('3'));
    const shown = await shownTotals(page);
    assert.deepEqual(shown.ids, ['ningbo-tic-2023-draft', 'ningbo-tic-2023-draft-edited']);
    const { rows, verdicts, totals } = cliTotals(SAMPLE, file);
    assert.deepEqual({ rows: shown.rows, verdicts: shown.verdicts, totals: shown.totals }, { rows, verdicts, totals });
    assert.notEqual(totals[0], totals[1], 'the rate changed the subsidy');
    const diff = await page.$$eval('#sandbox-diff tr', (trs) => trs.map((tr) => tr.dataset.id));
    assert.deepEqual(diff.filter((d) => d !== 'id').sort(), ['staff_year2_min', 'subsidy_rate']);
    // A bad number: named with its parameter, what was typed stays, the file stays loaded.
    await page.fill(staff, '六十');
    await page.waitForSelector('#sandbox-error');
    assert.match(await page.textContent('#sandbox-error'), /staff_year2_min/);
    assert.equal(await page.inputValue(staff), '六十');
    await page.fill(staff, '60');
    await page.waitForSelector('#sandbox-result');
    assert.deepEqual((await shownTotals(page)).totals, totals);
    await screenshotOf(page.locator('.sandbox-edit'), 'sandbox-edit');
    // Undo: every number back, nothing to compare with.
    await page.click('#sandbox-reset');
    await page.waitForSelector('#sandbox-result', { state: 'detached' });
    assert.equal(await page.inputValue(staff), '100');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the preparation tab sends its one applicant to the sandbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tic-sandbox-one-'));
    const { file } = policyFile(dir);
    const applicant = fixture('gaps.applicant.json');
    // `tic screen` takes a batch: the same applicant as an array of one.
    const one = join(dir, 'one.json');
    writeFileSync(one, `[${applicant}]`);
    const { context, page } = await openPage(browser, { url: null });
    await page.goto(`${PAGE_URL}#applicant=${b64url(applicant)}`, { waitUntil: 'load' });
    await page.waitForSelector('#verdict', { timeout: 30000 });
    await settle(page);
    await page.click('#tab-apply');
    await page.waitForSelector('#apply-sandbox a', { timeout: 30000 });
    const href = await page.getAttribute('#apply-sandbox a', 'href');
    const url = new URL(href, page.url());
    assert.equal(url.pathname, new URL(`${BASE}www/sandbox.html`).pathname);
    await page.goto(url.href, { waitUntil: 'load' });
    await page.waitForSelector('#sandbox-from-link', { timeout: 30000 });
    await page.setInputFiles('#sandbox-policy', file);
    await page.waitForSelector('#sandbox-result');
    const shown = await shownTotals(page);
    const cli = cliTotals(one, file);
    assert.deepEqual(shown.rows, [1, 1]);
    assert.deepEqual({ rows: shown.rows, verdicts: shown.verdicts, totals: shown.totals }, cli);
    // A link whose data cannot be read: said so, and the page still takes a file.
    // (A new load: the preparation tab opens the sandbox in a new tab each time.)
    await page.goto('about:blank');
    await page.goto(`${BASE}www/sandbox.html#applicant=%%%`, { waitUntil: 'load' });
    await page.waitForSelector('#sandbox-from-link[role=alert]', { timeout: 30000 });
    await page.setInputFiles('#sandbox-data', SAMPLE);
    await page.setInputFiles('#sandbox-policy', file);
    await page.waitForSelector('#sandbox-result');
    assert.deepEqual(page.problems, []);
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
