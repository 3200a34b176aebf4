// The batch view's portfolio mode (建设期跟踪) end to end: a tracking portfolio (the sample
// www/samples/portfolio.csv, and a JSON array of tic-progress/1 records built here) gives the
// same standings, delisted years, money, counts and errors as `tic track`; the CSV export is byte
// for byte `tic track FILE --format csv` (zh and en), the XLSX export has the same sheet as
// `tic track --format xlsx` (only the workbook's creation time differs); the file's kind is
// detected (a tracking sheet dropped in the pre-screening mode switches the mode); sorting by
// risk and by column; no CSP violation; screenshots at 1280 and 360 px.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { BASE, ROOT, launch, openPage, screenshot } from './helpers.mjs';

const BATCH_URL = `${BASE}www/batch.html`;
const SAMPLE = join(ROOT, 'www', 'samples', 'portfolio.csv');
/** The `tic` binary: $TIC (scripts/test.sh exports it), else the debug build. */
const TIC = process.env.TIC || join(ROOT, 'target', 'debug', 'tic');
const TMP = mkdtempSync(join(tmpdir(), 'tic-portfolio-'));
/** Most at risk first: the table's default order. */
const RISK = ['delisted', 'revoked', 'warning', 'acceptance_unknown', 'on_track', 'accepted'];

/** `tic track FILE …`: stdout as a Buffer (exit 0, or 1 when some centres are invalid). */
function track(file, ...args) {
  const r = spawnSync(TIC, ['track', file, ...args], { maxBuffer: 1 << 26 });
  assert.ok(r.status === 0 || r.status === 1, `tic track exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The entries of a zip file (name → inflated bytes): enough to compare two XLSX workbooks. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < count; i += 1) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** What the view shows of a portfolio. */
async function shownPortfolio(page) {
  return page.evaluate(() => {
    const st = document.querySelector('#batch-status');
    const num = (v) => (v === undefined ? null : Number(v));
    return {
      state: st?.dataset.state,
      kind: st?.dataset.kind,
      ms: Number(st?.dataset.ms),
      valid: Number(st?.dataset.valid),
      invalid: Number(st?.dataset.invalid),
      status: st?.textContent,
      counts: Object.fromEntries([...document.querySelectorAll('#portfolio-counts [data-standing]')]
        .map((li) => [li.dataset.standing, Number(li.dataset.count)])),
      districts: Object.fromEntries([...document.querySelectorAll('#portfolio-districts tbody tr')]
        .map((tr) => [tr.dataset.district, Number(tr.dataset.count)])),
      totals: Object.fromEntries([...document.querySelectorAll('#portfolio-totals [data-wan]')]
        .map((d) => [d.id, Number(d.dataset.wan)])),
      errors: [...document.querySelectorAll('#row-errors li')]
        .map((li) => ({ row: Number(li.dataset.row), column: li.dataset.column, cell: li.dataset.cell, text: li.textContent })),
      rows: [...document.querySelectorAll('#portfolio-table tbody tr')].map((tr) => ({
        row: Number(tr.dataset.row),
        standing: tr.dataset.standing,
        name: tr.querySelector('th')?.textContent,
        entitled: num(tr.dataset.entitledWan),
        received: num(tr.dataset.receivedWan),
        recovery: num(tr.dataset.recoveryWan),
        delisted: tr.querySelectorAll('td')[3]?.textContent,
        years: Number(tr.querySelectorAll('td')[4]?.textContent),
        missed: Number(tr.dataset.missed),
      })),
      mode: document.querySelector('#mode-portfolio')?.getAttribute('aria-pressed'),
    };
  });
}

async function openBatch(browser, viewport) {
  const { context, page } = await openPage(browser, { url: null, viewport });
  await page.goto(BATCH_URL, { waitUntil: 'load' });
  await page.waitForSelector('#batch-file', { state: 'attached' });
  return { context, page };
}

async function finished(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('#batch-status');
    return s && ((s.dataset.state === 'done' && s.dataset.ms) || s.dataset.state === 'failed');
  }, null, { timeout: 60000, polling: 20 });
  return shownPortfolio(page);
}

async function assertClean(page) {
  const t = await page.evaluate(() => window.__tic);
  assert.deepEqual(t.csp, [], 'CSP violations');
  assert.deepEqual(t.errors, [], 'uncaught errors');
  assert.deepEqual(page.problems, [], 'page errors / console errors');
}

/** The shown portfolio against `tic track FILE --format json`. */
function assertSameAsTrack(s, file) {
  const cli = JSON.parse(track(file, '--format', 'json', '--lang', 'zh').toString('utf8'));
  const valid = cli.filter((r) => !r.error);
  const invalid = cli.filter((r) => r.error);
  assert.equal(s.state, 'done', s.status);
  assert.equal(s.kind, 'portfolio');
  assert.equal(s.valid, valid.length);
  assert.equal(s.invalid, invalid.length);
  for (const st of RISK) assert.equal(s.counts[st], valid.filter((r) => r.standing === st).length, `count of ${st}`);
  assert.equal(s.counts.invalid, invalid.length);
  // most at risk first, ties in file order
  const rank = (r) => RISK.indexOf(r.standing);
  const sorted = [...valid].sort((a, b) => rank(a) - rank(b) || a.row - b.row);
  assert.deepEqual(s.rows.map((r) => [r.row, r.standing]), sorted.map((r) => [r.row, r.standing]));
  for (const r of s.rows) {
    const c = valid.find((x) => x.row === r.row);
    assert.equal(r.name, c.name ?? '（未填名称）');
    assert.equal(r.years, c.years_reported);
    assert.equal(r.entitled, c.funding.entitled_total_wan, `row ${r.row} entitled`);
    assert.equal(r.received, c.funding.received_total_wan, `row ${r.row} received`);
    assert.equal(r.recovery, c.recovery.amount_wan ?? null, `row ${r.row} recovery`);
    assert.equal(r.missed, c.milestones.filter((m) => m.status === 'missed').length, `row ${r.row} missed`);
    if (c.standing === 'delisted') assert.match(r.delisted, /^\d+$/);
  }
  const sum = (f) => Math.round(valid.reduce((a, r) => a + (f(r) ?? 0), 0) * 100) / 100;
  assert.equal(s.totals['total-entitled'], sum((r) => r.funding.entitled_total_wan));
  assert.equal(s.totals['total-received'], sum((r) => r.funding.received_total_wan));
  assert.equal(s.totals['total-exposure'], sum((r) => r.recovery.amount_wan));
  assert.equal(s.totals['total-recovery-due'], sum((r) => (r.recovery.applies ? r.recovery.amount_wan : 0)));
  const problems = invalid.flatMap((r) => r.error.problems.map((p) => [r.row, p.column ?? p.field, p.cell, p.message]));
  assert.deepEqual(s.errors.map((e) => [e.row, e.column, e.cell]), problems.map((p) => p.slice(0, 3)));
  for (const [i, p] of problems.entries()) assert.ok(s.errors[i].text.includes(p[3]), `${s.errors[i].text} lacks ${p[3]}`);
  return cli;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('batch view: portfolio (建设期跟踪)', () => {
  test('the sample portfolio: standings, money, counts and errors as `tic track`; CSV and XLSX exports are `tic track`’s', async () => {
    const { context, page } = await openBatch(browser, { width: 1280, height: 900 });
    try {
      await page.click('#mode-portfolio');
      assert.equal(await page.getAttribute('#mode-portfolio', 'aria-pressed'), 'true');
      await page.click('#load-sample');
      const s = await finished(page);
      assertSameAsTrack(s, SAMPLE);
      assert.ok(new Set(s.rows.map((r) => r.standing)).size >= 5, 'the sample covers several standings');
      assert.ok(Object.keys(s.districts).length >= 5, 'several districts');
      assert.match(s.status, /个中心.*用时 \d+ 毫秒/);

      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      assert.equal(csv.suggestedFilename(), 'tic-track.csv');
      assert.ok(readFileSync(await csv.path()).equals(track(SAMPLE, '--format', 'csv', '--lang', 'zh')),
        'the browser export and `tic track --format csv --lang zh` differ');

      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
      assert.equal(xlsx.suggestedFilename(), 'tic-track.xlsx');
      const out = join(TMP, 'cli.xlsx');
      track(SAMPLE, '--format', 'xlsx', '--lang', 'zh', '-o', out);
      const [web, cli] = [unzip(readFileSync(await xlsx.path())), unzip(readFileSync(out))];
      assert.deepEqual(Object.keys(web).sort(), Object.keys(cli).sort());
      for (const name of Object.keys(cli).filter((n) => n !== 'docProps/core.xml')) {
        assert.ok(web[name].equals(cli[name]), `${name} differs from tic track's`);
      }
      await assertClean(page);
      await screenshot(page, 'batch-portfolio-zh');
    } finally {
      await context.close();
    }
  });

  test('detected: a tracking sheet in the pre-screening mode, a JSON array of tic-progress/1 records', async () => {
    const { context, page } = await openBatch(browser, { width: 1280, height: 900 });
    try {
      assert.equal(await page.getAttribute('#mode-screening', 'aria-pressed'), 'true');
      await page.setInputFiles('#batch-file', SAMPLE);
      let s = await finished(page);
      assert.equal(s.mode, 'true', 'the mode follows the file');
      assertSameAsTrack(s, SAMPLE);

      const records = [
        { schema: 'tic-progress/1', name: '宁波市某数字孪生技术创新中心', district: '江北区',
          years: [{ capacity_investment_wan: 1200, staff: 80, evaluation: 'fail', subsidy_received_wan: 360 },
            { capacity_investment_wan: 900, staff: 95, evaluation: 'fail', subsidy_received_wan: 270 }],
          subsidy_spending_wan: { research_projects: 300, sponsorship: 20 } },
        { schema: 'tic-progress/1', name: '宁波市某新能源汽车技术创新中心', district: '杭州湾新区',
          years: [{ capacity_investment_wan: 2000, staff: 150, teams: 3, evaluation: 'excellent', subsidy_received_wan: 500 }] },
        { schema: 'tic-progress/1', name: '坏记录', years: [{ staff: 'many' }] },
      ];
      const file = join(TMP, 'portfolio.json');
      writeFileSync(file, JSON.stringify(records));
      await page.setInputFiles('#batch-file', file);
      s = await finished(page);
      assertSameAsTrack(s, file);
      assert.deepEqual(s.rows.map((r) => r.standing), ['delisted', 'on_track']);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      assert.ok(readFileSync(await csv.path()).equals(track(file, '--format', 'csv', '--lang', 'zh')));
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('re-sorted by column (aria-sort); English: words, errors and the export in English; 360 px', async () => {
    const { context, page } = await openBatch(browser, { width: 360, height: 800 });
    try {
      await page.click('#mode-portfolio');
      await page.click('#load-sample');
      await finished(page);
      const th = (i) => page.locator('#portfolio-table thead th').nth(i);
      assert.equal(await th(3).getAttribute('aria-sort'), 'ascending', 'sorted by standing (risk) at first');
      await th(3).locator('button').click();
      assert.equal(await th(3).getAttribute('aria-sort'), 'descending');
      let rows = (await shownPortfolio(page)).rows;
      assert.deepEqual(rows.map((r) => RISK.indexOf(r.standing)), rows.map((r) => RISK.indexOf(r.standing)).sort((a, b) => b - a));
      await th(7).locator('button').click(); // entitled
      assert.equal(await th(7).getAttribute('aria-sort'), 'ascending');
      assert.equal(await th(3).getAttribute('aria-sort'), 'none');
      rows = (await shownPortfolio(page)).rows;
      assert.deepEqual(rows.map((r) => r.entitled), rows.map((r) => r.entitled).sort((a, b) => a - b));

      await page.click('#lang-toggle');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const s = await shownPortfolio(page);
      assert.match(s.status, /centres, .* tracked/);
      assert.ok(s.errors.length > 0 && s.errors.every((e) => /^Row \d+/.test(e.text)), 'row errors in English');
      const [d] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      assert.ok(readFileSync(await d.path()).equals(track(SAMPLE, '--format', 'csv', '--lang', 'en')));
      // no horizontal scroll of the page itself at 360 px (the tables scroll in their frames)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
      await assertClean(page);
      await screenshot(page, 'batch-portfolio-en-360');
    } finally {
      await context.close();
    }
  });
});
