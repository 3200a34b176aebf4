// The batch pre-screening view (www/batch.html) end to end: the sample file gives the same verdicts,
// totals, counts and row errors as `tic screen`; the CSV export is byte for byte `tic screen --format csv`
// and reads back to the table's results; the templates read back as one valid row; sorting (aria-sort),
// filtering, the link to the single view, the language switch; 10,000 rows timed (performance.now(),
// printed in the page's status as #batch-status[data-ms]); no CSP violation; screenshots.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, ROOT, launch, openPage, screenshot, tic } from './helpers.mjs';

const BATCH_URL = `${BASE}www/batch.html`;
const SAMPLE = join(ROOT, 'www', 'samples', 'applicants.csv');
const VERDICTS = ['eligible', 'eligible_with_gaps', 'incomplete', 'not_eligible'];
/** The goal of the issue: 10,000 rows to the table in at most a second (override for slow machines). */
// The issue's goal for 10,000 rows. Printed, not asserted: speed is measured, not tested
// (a timed assertion fails on a loaded machine for reasons that are not the code's).
const GOAL_MS = 1000;
const TMP = mkdtempSync(join(tmpdir(), 'tic-batch-'));

/** `tic screen FILE …`: stdout (exit 0 or 1; 1 means some rows were invalid). */
function screen(file, ...args) {
  const r = spawnSync(tic(), ['screen', file, ...args], { encoding: args.includes('csv') ? 'buffer' : 'utf8', maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, `tic screen exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** A minimal RFC 4180 CSV reader (quotes, doubled quotes, CRLF), for reading exports back. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** What the page shows: status, counts, row errors and the rendered table rows. */
async function shownBatch(page) {
  return page.evaluate(() => {
    const st = document.querySelector('#batch-status');
    return {
      state: st?.dataset.state,
      ms: Number(st?.dataset.ms),
      valid: Number(st?.dataset.valid),
      invalid: Number(st?.dataset.invalid),
      status: st?.textContent,
      counts: Object.fromEntries([...document.querySelectorAll('#batch-counts [data-verdict]')]
        .map((li) => [li.dataset.verdict, Number(li.dataset.count)])),
      errors: [...document.querySelectorAll('#row-errors li')]
        .map((li) => ({ row: Number(li.dataset.row), column: li.dataset.column, text: li.textContent })),
      rows: [...document.querySelectorAll('#batch-table tbody tr')].map((tr) => ({
        row: Number(tr.dataset.row),
        verdict: tr.dataset.verdict,
        total_wan: Number(tr.dataset.totalWan),
        name: tr.querySelector('th a')?.textContent,
        gaps: [...tr.querySelectorAll('td[data-due]')].map((td) => [td.dataset.due, Number(td.textContent)]),
      })),
    };
  });
}

/** Opens the batch view (instrumented: CSP violations and errors are collected). */
async function openBatch(browser, { viewport } = {}) {
  const { context, page } = await openPage(browser, { url: null, viewport });
  await page.goto(BATCH_URL, { waitUntil: 'load' });
  await page.waitForSelector('#batch-file', { state: 'attached' });
  return { context, page };
}

/** Waits for a run to finish (done or failed) and returns what is shown. */
async function finished(page, timeout = 60000) {
  await page.waitForFunction(() => {
    const s = document.querySelector('#batch-status');
    return s && ((s.dataset.state === 'done' && s.dataset.ms) || s.dataset.state === 'failed');
  }, null, { timeout, polling: 20 });
  return shownBatch(page);
}

/** No CSP violation, page error or console error so far. */
async function assertClean(page) {
  const t = await page.evaluate(() => window.__tic);
  assert.deepEqual(t.csp, [], 'CSP violations');
  assert.deepEqual(t.errors, [], 'uncaught errors');
  assert.deepEqual(page.problems, [], 'page errors / console errors');
}

let browser;
let expected; // tic screen --format json on the sample
before(async () => {
  browser = await launch();
  expected = JSON.parse(screen(SAMPLE, '--format', 'json', '--lang', 'zh'));
});
after(async () => { await browser?.close(); });

describe('batch view', () => {
  test('the sample file: verdicts, totals, gaps, counts and row errors as `tic screen`', async () => {
    const { context, page } = await openBatch(browser);
    try {
      await page.click('#load-sample');
      const s = await finished(page);
      assert.equal(s.state, 'done', s.status);
      const valid = expected.filter((r) => !r.error);
      const invalid = expected.filter((r) => r.error);
      assert.ok(valid.length > 0 && invalid.length > 0, 'the sample has valid and invalid rows');
      assert.equal(s.valid, valid.length);
      assert.equal(s.invalid, invalid.length);
      // counts per verdict
      for (const v of VERDICTS) {
        assert.equal(s.counts[v], valid.filter((r) => r.verdict === v).length, `count of ${v}`);
      }
      assert.equal(s.counts.invalid, invalid.length);
      // every valid row in the table (the sample is smaller than the first page), in file order
      assert.deepEqual(s.rows.map((r) => r.row), valid.map((r) => r.row));
      for (const [shown, cli] of s.rows.map((r, i) => [r, valid[i]])) {
        assert.equal(shown.verdict, cli.verdict, `row ${cli.row} verdict`);
        assert.ok(Math.abs(shown.total_wan - cli.funding.total_wan) < 0.005, `row ${cli.row} total ${shown.total_wan} != ${cli.funding.total_wan}`);
        assert.equal(shown.name, cli.name ?? '（未填名称）');
        const gaps = Object.fromEntries(Object.entries(cli.summary.by_due).map(([d, c]) => [d, c.gap]));
        assert.deepEqual(Object.fromEntries(shown.gaps), gaps, `row ${cli.row} gaps by due point`);
      }
      // every problem of every invalid row, with its row number and column, and a message
      const problems = invalid.flatMap((r) => r.error.problems.map((p) => ({ row: r.row, column: p.column ?? p.field, message: p.message })));
      assert.equal(s.errors.length, problems.length, 'one entry per problem');
      for (const p of problems) {
        const e = s.errors.find((x) => x.row === p.row && x.column === p.column);
        assert.ok(e, `row ${p.row} column ${p.column} is listed`);
        assert.ok(e.text.includes(p.message), `message of row ${p.row}: ${e.text} lacks ${p.message}`);
      }
      await assertClean(page);
      await screenshot(page, 'batch-sample-zh');
    } finally {
      await context.close();
    }
  });

  test('the budget estimate: by year and by district, as `tic screen --compare` totals the same file', async () => {
    const { context, page } = await openBatch(browser);
    try {
      await page.click('#load-sample');
      const s = await finished(page);
      assert.equal(s.state, 'done', s.status);
      const cli = JSON.parse(screen(SAMPLE, '--compare', 'ningbo-tic-2023-draft')).base.totals;
      const shown = await page.evaluate(() => ({
        years: [...document.querySelectorAll('#budget-years tbody tr[data-year]')].map((tr) => Number(tr.dataset.wan)),
        total: Number(document.querySelector('#budget-years tr.total').dataset.wan),
        districts: [...document.querySelectorAll('#budget-districts tbody tr')].map((tr) => [tr.dataset.district, Number(tr.dataset.wan)]),
        bars: [...document.querySelectorAll('#batch-budget .bar__fill')].map((r) => Number(r.getAttribute('width'))),
      }));
      assert.deepEqual(shown.years, cli.funding_years_wan);
      assert.equal(shown.total, cli.funding_total_wan);
      assert.deepEqual(shown.districts, cli.by_district.map((d) => [d.district ?? '', d.funding_total_wan]));
      assert.ok(cli.in_budget > 0 && cli.funding_total_wan > 0, 'the sample has applicants past the gates');
      // The largest year and the largest district fill their bar; none is wider.
      assert.ok(shown.bars.includes(1000) && shown.bars.every((w) => w >= 0 && w <= 1000), String(shown.bars));
      // Where the figures are grouped by district, the list's provenance is said (a reading).
      assert.match(await page.textContent('#batch-budget .reading'), /区（县、市）/);
      await assertClean(page);
      await screenshot(page, 'batch-budget');
    } finally {
      await context.close();
    }
  });

  test('CSV export is `tic screen --format csv`, reads back to the same results; XLSX export is a workbook', async () => {
    const { context, page } = await openBatch(browser);
    try {
      await page.click('#load-sample');
      const s = await finished(page);
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      assert.equal(csvDownload.suggestedFilename(), 'tic-results.csv');
      const bytes = readFileSync(await csvDownload.path());
      const cli = screen(SAMPLE, '--format', 'csv', '--lang', 'zh');
      assert.ok(bytes.equals(cli), 'the browser export and `tic screen --format csv --lang zh` differ');

      // read back: one line per row of the file, the table's verdicts and totals
      const [header, ...lines] = parseCsv(bytes.toString('utf8'));
      const col = (name) => header.indexOf(name);
      assert.ok(col('行号') >= 0 && col('结论') >= 0 && col('补助估算合计（万元）') >= 0, `header: ${header}`);
      assert.equal(lines.length, expected.length);
      const back = lines.filter((l) => l[col('结论')] !== '').map((l) => ({
        row: Number(l[col('行号')]), verdict: l[col('结论')], total_wan: Number(l[col('补助估算合计（万元）')]),
      }));
      assert.deepEqual(back, s.rows.map((r) => ({ row: r.row, verdict: r.verdict, total_wan: r.total_wan })));
      const errorRows = lines.filter((l) => l[col('错误')] !== '').map((l) => Number(l[col('行号')]));
      assert.deepEqual(errorRows, [...new Set(s.errors.map((e) => e.row))]);

      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
      assert.equal(xlsx.suggestedFilename(), 'tic-results.xlsx');
      const book = readFileSync(await xlsx.path());
      assert.equal(book.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'an XLSX (zip) file');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('the templates (CSV and XLSX) download and read back as one valid row; a JSON array reads as `tic screen` reads it', async () => {
    const { context, page } = await openBatch(browser);
    try {
      for (const [button, name] of [['#template-csv', 'tic-template.csv'], ['#template-xlsx', 'tic-template.xlsx']]) {
        const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
        assert.equal(d.suggestedFilename(), name);
        const file = join(TMP, name);
        writeFileSync(file, readFileSync(await d.path()));
        if (name.endsWith('.csv')) {
          const header = parseCsv(readFileSync(file, 'utf8'))[0];
          assert.ok(header.every((h) => /[\u4e00-\u9fff]/.test(h) && /[a-z_]/.test(h)), `bilingual headers: ${header}`);
        }
        await page.setInputFiles('#batch-file', file);
        const s = await finished(page);
        const cli = JSON.parse(screen(file, '--format', 'json'));
        assert.equal(s.state, 'done', s.status);
        assert.equal(s.valid, 1, `${name}: ${s.status}`);
        assert.equal(s.invalid, 0);
        assert.equal(s.rows[0].verdict, cli[0].verdict);
        assert.ok(Math.abs(s.rows[0].total_wan - cli[0].funding.total_wan) < 0.005);
      }
      // a JSON array (the contract's applicants): the same verdicts, and errors by field path
      const file = join(TMP, 'applicants.json');
      const list = ['strong.applicant.json', 'gaps.applicant.json', 'invalid.applicant.json']
        .map((f) => JSON.parse(readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', f), 'utf8')));
      writeFileSync(file, JSON.stringify(list));
      await page.setInputFiles('#batch-file', file);
      const s = await finished(page);
      const cli = JSON.parse(screen(file, '--format', 'json', '--lang', 'zh'));
      assert.deepEqual(s.rows.map((r) => [r.row, r.verdict, r.total_wan]),
        cli.filter((r) => !r.error).map((r) => [r.row, r.verdict, r.funding.total_wan]));
      const problems = cli.filter((r) => r.error).flatMap((r) => r.error.problems.map((p) => [r.row, p.field]));
      assert.ok(problems.length > 0);
      assert.deepEqual(s.errors.map((e) => [e.row, e.column]), problems);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('sort by a column (buttons in headers, aria-sort), filter by verdict and district, open a row', async () => {
    const { context, page } = await openBatch(browser);
    try {
      await page.click('#load-sample');
      const s = await finished(page);
      const th = (i) => page.locator('#batch-table thead th').nth(i);
      // column 4: subsidy total
      await th(4).locator('button').click();
      assert.equal(await th(4).getAttribute('aria-sort'), 'ascending');
      assert.equal(await th(0).getAttribute('aria-sort'), 'none');
      let totals = (await shownBatch(page)).rows.map((r) => r.total_wan);
      assert.deepEqual(totals, [...totals].sort((a, b) => a - b));
      await th(4).locator('button').click();
      assert.equal(await th(4).getAttribute('aria-sort'), 'descending');
      totals = (await shownBatch(page)).rows.map((r) => r.total_wan);
      assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
      // keyboard: the header buttons are focusable and work with Enter
      await th(1).locator('button').focus();
      await page.keyboard.press('Enter');
      assert.equal(await th(1).getAttribute('aria-sort'), 'ascending');

      // filter by verdict
      const v = VERDICTS.find((x) => s.counts[x] > 0);
      await page.selectOption('#filter-verdict', v);
      let rows = (await shownBatch(page)).rows;
      assert.equal(rows.length, s.counts[v]);
      assert.ok(rows.every((r) => r.verdict === v));
      await page.selectOption('#filter-verdict', '');
      // filter by district
      const district = expected.find((r) => !r.error && r.district)?.district;
      await page.selectOption('#filter-district', district);
      rows = (await shownBatch(page)).rows;
      assert.equal(rows.length, expected.filter((r) => !r.error && r.district === district).length);
      await page.selectOption('#filter-district', '');
      assert.equal((await shownBatch(page)).rows.length, s.valid);

      // a click on a row opens the single view in a new tab with that applicant
      const first = (await shownBatch(page)).rows[0];
      const [tab] = await Promise.all([
        context.waitForEvent('page'),
        page.locator('#batch-table tbody tr').first().locator('td').nth(2).click(),
      ]);
      await tab.waitForLoadState('domcontentloaded');
      const url = new URL(tab.url());
      assert.equal(url.pathname.replace(/^.*\//, ''), 'index.html');
      const m = /^#applicant=([A-Za-z0-9_-]+)$/.exec(url.hash);
      if (m) {
        const applicant = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
        assert.equal(applicant.schema, 'tic-applicant/1');
        assert.equal(applicant.name, first.name);
      } else {
        // The page consumed the link (it drops it from the address after loading it): its form has the name.
        await tab.waitForSelector('#f-name');
        assert.equal(await tab.inputValue('#f-name'), first.name);
      }
      // the single view shows the same verdict as the row
      await tab.waitForSelector('#verdict[data-verdict]');
      assert.equal(await tab.getAttribute('#verdict', 'data-verdict'), first.verdict);
      await tab.close();
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('10,000 rows: progress shown, every row assessed as `tic screen` does, timed (goal ≤ 1 s)', async () => {
    // 10,000 data rows: the sample's rows over and over (valid and invalid alike).
    const lines = readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
    const [header, ...data] = lines;
    const big = [header];
    for (let i = 0; big.length <= 10000; i += 1) big.push(data[i % data.length]);
    const file = join(TMP, 'ten-thousand.csv');
    writeFileSync(file, `${big.join('\n')}\n`);
    const cli = JSON.parse(screen(file, '--format', 'json'));
    assert.equal(cli.length, 10000);

    const { context, page } = await openBatch(browser);
    try {
      const times = [];
      for (let run = 0; run < 3; run += 1) {
        // Record whether the progress bar showed a partial value during the run.
        await page.evaluate(() => {
          window.__progress = [];
          const seen = () => {
            const p = document.querySelector('#batch-progress');
            if (p) window.__progress.push(p.hasAttribute('value') ? Number(p.value) / Number(p.max) : -1);
          };
          new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true });
        });
        await page.setInputFiles('#batch-file', file);
        const s = await finished(page);
        assert.equal(s.state, 'done', s.status);
        assert.equal(s.valid + s.invalid, 10000);
        for (const v of VERDICTS) assert.equal(s.counts[v], cli.filter((r) => r.verdict === v).length, `count of ${v}`);
        assert.equal(s.invalid, cli.filter((r) => r.error).length);
        assert.equal(s.rows.length, Math.min(200, s.valid), 'the first page of rows is rendered');
        assert.match(s.status, /用时 \d+ 毫秒/, 'the time is printed in the status');
        const progress = await page.evaluate(() => window.__progress);
        assert.ok(progress.length > 0, 'a progress bar was shown');
        times.push(s.ms);
      }
      const best = Math.min(...times);
      console.log(`batch: 10,000 rows to the table in ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (best ${best.toFixed(0)} ms; goal ${GOAL_MS} ms)`);

      // "show more" adds rows; the table stays sortable at this size
      await page.click('#show-more');
      assert.equal((await shownBatch(page)).rows.length, Math.min(1200, (await shownBatch(page)).valid));
      await assertClean(page);
      await screenshot(page, 'batch-10000-zh');
    } finally {
      await context.close();
    }
  });

  test('English: the switch translates the view and the export headers', async () => {
    const { context, page } = await openBatch(browser, { viewport: { width: 360, height: 800 } });
    try {
      await page.click('#load-sample');
      await finished(page);
      await page.click('#lang-toggle');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const s = await shownBatch(page);
      assert.match(s.status, /rows, .* assessed/);
      assert.ok(s.errors.every((e) => /^Row \d+/.test(e.text)), 'row errors in English');
      const [d] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      const bytes = readFileSync(await d.path());
      assert.ok(bytes.equals(screen(SAMPLE, '--format', 'csv', '--lang', 'en')));
      await assertClean(page);
      await screenshot(page, 'batch-sample-en-360');
    } finally {
      await context.close();
    }
  });
});
