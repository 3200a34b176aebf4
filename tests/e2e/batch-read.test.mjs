// The batch view reads officials' real spreadsheets as `tic screen` does (issue 9): files built in the
// test — a CSV with a title row above the header, an extra 序号 column, a 合计 row and an amount in 元,
// and an XLSX whose data is on its second sheet (after an instructions sheet). Checks: the panel "how your
// file was read" names the header row, the ignored column and the skipped 合计 row; the implausible-amount
// warning shows on its row; the CSV export equals `tic screen FILE --format csv --lang zh` byte for byte
// (warnings column included) — the proof that the browser and the command line read identically;
// choosing another header row or sheet reads the same bytes again. Screenshots of the panel (zh, 1280, 360).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, ROOT, launch, openPage, screenshot, tic } from './helpers.mjs';

const BATCH_URL = `${BASE}www/batch.html`;
const TMP = mkdtempSync(join(tmpdir(), 'tic-batch-read-'));

/** `tic screen FILE …`: { stdout (Buffer), stderr } (exit 0 or 1). */
function screen(file, ...args) {
  const r = spawnSync(tic(), ['screen', file, ...args], { maxBuffer: 1 << 26 });
  assert.ok(r.status === 0 || r.status === 1, `tic screen exited ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Three applicants of the sample, the second with its year-1 investment in 元 (60,000,000). */
function applicants() {
  const lines = readFileSync(join(ROOT, 'www', 'samples', 'applicants.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',');
  const rows = lines.slice(1, 4).map((l) => l.split(','));
  rows[1][header.indexOf('第1年总投入（万元）')] = '60000000';
  return { header, rows };
}

/** The CSV as officials keep it: a title row, 序号 in column A, the data, a 合计 row. */
function officialCsv() {
  const { header, rows } = applicants();
  const out = [`宁波市技术创新中心申报汇总表（2025年）${','.repeat(header.length)}`, ['序号', ...header].join(',')];
  rows.forEach((r, i) => out.push([String(i + 1), ...r].join(',')));
  out.push(['合计', ...header.map(() => '')].join(','));
  return `${out.join('\n')}\n`;
}

// A minimal XLSX writer (stored zip, inline strings): enough for two sheets of text and numbers.
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const fname = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(fname.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += 30 + fname.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
function sheetXml(rows) {
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => {
    const ref = `${col(c)}${r + 1}`;
    if (v === '') return '';
    return /^-?\d+(\.\d+)?$/.test(v) ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  }).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}
function xlsx(sheets) {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets>${sheets.map(([name], i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`],
    ...sheets.map(([, rows], i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(rows)]),
  ]);
}
/** An instructions sheet first, the data (header in row 1) on the second sheet. */
function twoSheetXlsx() {
  const { header, rows } = applicants();
  return xlsx([
    ['填表说明', [['填表说明'], ['1. 金额单位为万元。'], ['2. 每个申报中心一行。']]],
    ['申报数据', [header, ...rows]],
  ]);
}

/** What the panel and the status show. */
const shown = (page) => page.evaluate(() => {
  const p = document.querySelector('#read-info');
  const st = document.querySelector('#batch-status');
  return {
    state: st?.dataset.state,
    status: st?.textContent,
    panel: p ? {
      sheet: p.dataset.sheet ?? null,
      headerRow: Number(p.dataset.headerRow),
      items: [...p.querySelectorAll('li')].map((li) => ({ kind: li.dataset.kind, row: li.dataset.row ? Number(li.dataset.row) : null, text: li.textContent })),
      sheets: [...p.querySelectorAll('#read-sheet option')].map((o) => o.value),
      text: p.textContent,
    } : null,
    rows: [...document.querySelectorAll('#batch-table tbody tr')].map((tr) => ({
      row: Number(tr.dataset.row), warnings: [...tr.querySelectorAll('.row-warning')].map((w) => w.textContent),
    })),
  };
});

/** Waits for run to finish (done or failed), after `action`. */
async function run(page, action) {
  const before = await page.evaluate(() => document.querySelector('#batch-status')?.dataset.ms ?? null);
  await action();
  await page.waitForFunction((prev) => {
    const s = document.querySelector('#batch-status');
    return s && ((s.dataset.state === 'done' && s.dataset.ms && s.dataset.ms !== prev) || s.dataset.state === 'failed');
  }, before, { timeout: 60000, polling: 20 });
  return shown(page);
}

async function openBatch(browser, viewport) {
  const { context, page } = await openPage(browser, { url: null, viewport });
  await page.goto(BATCH_URL, { waitUntil: 'load' });
  await page.waitForSelector('#batch-file', { state: 'attached' });
  return { context, page };
}

async function exportCsv(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  return readFileSync(await d.path());
}

async function assertClean(page) {
  const t = await page.evaluate(() => window.__tic);
  assert.deepEqual(t.csp, [], 'CSP violations');
  assert.deepEqual(t.errors, [], 'uncaught errors');
  assert.deepEqual(page.problems, [], 'page errors / console errors');
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('batch view reads officials\' files as `tic screen` does', () => {
  test('CSV with a title row, 序号, 合计 and an amount in 元: panel, warning, export = tic screen', async () => {
    const file = join(TMP, '申报汇总.csv');
    writeFileSync(file, officialCsv());
    const cli = screen(file, '--format', 'csv', '--lang', 'zh');
    assert.match(cli.stderr, /表头在第2行/, cli.stderr);
    const { context, page } = await openBatch(browser, { width: 1280, height: 900 });
    try {
      const s = await run(page, () => page.setInputFiles('#batch-file', file));
      assert.equal(s.state, 'done', s.status);
      assert.ok(s.panel, 'the panel "how your file was read" is shown');
      assert.equal(s.panel.headerRow, 2);
      const header = s.panel.items.find((i) => i.kind === 'header');
      assert.match(header.text, /表头在第2行/);
      const ignored = s.panel.items.find((i) => i.kind === 'ignored');
      assert.ok(ignored && ignored.text.includes('序号'), `ignored columns: ${JSON.stringify(s.panel.items)}`);
      const skipped = s.panel.items.filter((i) => i.kind === 'skipped');
      assert.deepEqual(skipped.map((i) => i.row), [6]);
      assert.match(skipped[0].text, /跳过第6行.*合计/);
      // The panel says what `tic screen` says on stderr, line for line.
      for (const item of s.panel.items) assert.ok(cli.stderr.includes(item.text), `stderr lacks «${item.text}»:\n${cli.stderr}`);
      // The warning on row 4 (60,000,000 万元), the row still assessed.
      assert.deepEqual(s.rows.map((r) => r.row), [3, 4, 5]);
      const warned = s.rows.find((r) => r.row === 4);
      assert.equal(warned.warnings.length, 1);
      assert.match(warned.warnings[0], /请确认单位为万元/);
      assert.deepEqual(s.rows.filter((r) => r.row !== 4).flatMap((r) => r.warnings), []);
      // The export is `tic screen --format csv --lang zh`, byte for byte (warnings column included).
      const bytes = await exportCsv(page);
      assert.ok(bytes.toString('utf8').includes('请确认单位为万元'), 'the warnings column is written');
      assert.ok(bytes.equals(cli.stdout), `the browser export and tic screen differ:\n${bytes}\n---\n${cli.stdout}`);
      await assertClean(page);
      await screenshot(page, 'batch-read-panel-zh-1280');
      await page.setViewportSize({ width: 360, height: 800 });
      await screenshot(page, 'batch-read-panel-zh-360');

      // Another header row: the same bytes read again. Row 1 is the title: the file cannot be read
      // that way (as `tic screen --header-row 1` says), and the panel stays to choose again.
      await page.fill('#read-header-row', '1');
      const bad = await run(page, () => page.click('#read-again'));
      assert.equal(bad.state, 'failed', bad.status);
      assert.match(bad.status, /第1行/);
      assert.ok(bad.panel, 'the panel stays after a failed re-read');
      await page.fill('#read-header-row', '2');
      const again = await run(page, () => page.press('#read-header-row', 'Enter'));
      assert.equal(again.state, 'done', again.status);
      assert.equal(again.panel.headerRow, 2);
      assert.deepEqual(again.rows.map((r) => r.row), [3, 4, 5]);
      const cli2 = screen(file, '--format', 'csv', '--lang', 'zh', '--header-row', '2');
      assert.ok((await exportCsv(page)).equals(cli2.stdout), 'after the re-read: export = tic screen --header-row 2');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('XLSX with an instructions sheet first: the data sheet is found, another sheet can be chosen', async () => {
    const file = join(TMP, '申报.xlsx');
    writeFileSync(file, twoSheetXlsx());
    const cli = screen(file, '--format', 'csv', '--lang', 'zh');
    const { context, page } = await openBatch(browser, { width: 1280, height: 900 });
    try {
      const s = await run(page, () => page.setInputFiles('#batch-file', file));
      assert.equal(s.state, 'done', s.status);
      assert.equal(s.panel.sheet, '申报数据');
      assert.equal(s.panel.headerRow, 1);
      assert.deepEqual(s.panel.sheets, ['填表说明', '申报数据']);
      assert.match(s.panel.items[0].text, /读取工作表「申报数据」，表头在第1行/);
      assert.match(cli.stderr, /读取工作表「申报数据」/);
      assert.equal(s.rows.find((r) => r.row === 3)?.warnings.length, 1, 'the amount in 元 is warned');
      assert.ok((await exportCsv(page)).equals(cli.stdout), 'XLSX: the browser export and tic screen differ');
      // Choose the instructions sheet: read again, it has no header (as `tic screen --sheet 填表说明`).
      const other = await run(page, () => page.selectOption('#read-sheet', '填表说明'));
      assert.equal(other.state, 'failed', other.status);
      const r = spawnSync(tic(), ['screen', file, '--sheet', '填表说明'], { encoding: 'utf8' });
      assert.equal(r.status, 2, 'tic screen --sheet 填表说明 cannot read it either');
      // Back to the data sheet.
      const back = await run(page, () => page.selectOption('#read-sheet', '申报数据'));
      assert.equal(back.state, 'done', back.status);
      assert.equal(back.panel.sheet, '申报数据');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('a CSV saved in GBK (Excel on a Chinese Windows) reads as tic screen reads it; the spreadsheet bundle is fetched when a file is coming, once', async () => {
    const gbk = spawnSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gbk"))'], { input: officialCsv() });
    assert.equal(gbk.status, 0, String(gbk.stderr));
    const file = join(TMP, '申报汇总-gbk.csv');
    writeFileSync(file, gbk.stdout);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk.stdout), 'the file is not UTF-8');
    const cli = screen(file, '--format', 'csv', '--lang', 'zh');
    const { context, page } = await openBatch(browser, { width: 1280, height: 900 });
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const sheets = () => fetched.filter((u) => u.includes('/sheets-pkg/'));
    try {
      const s = await run(page, () => page.setInputFiles('#batch-file', file));
      assert.equal(s.state, 'done', s.status);
      assert.equal(s.panel.headerRow, 2);
      assert.deepEqual(s.rows.map((r) => r.row), [3, 4, 5]);
      const bytes = await exportCsv(page);
      assert.ok(bytes.toString('utf8').includes('宁波') || bytes.toString('utf8').includes('区'), 'Chinese text survives');
      assert.ok(bytes.equals(cli.stdout), `GBK: the browser export and tic screen differ:\n${bytes}\n---\n${cli.stdout}`);
      assert.deepEqual(sheets(), [], 'a CSV (given without opening the picker) does not fetch the spreadsheet bundle');
      // A file dragged over the view starts fetching it before the file is dropped; the
      // spreadsheet then reads with it (fetched once), and its XLSX export is written by it.
      const loaded = page.waitForResponse((r) => r.url().endsWith('/sheets-pkg/tic_sheets_bg.wasm'));
      await page.dispatchEvent('#batch-drop', 'dragover', { dataTransfer: await page.evaluateHandle(() => new DataTransfer()) });
      await loaded;
      await page.dispatchEvent('#batch-drop', 'dragleave');
      const xlsxFile = join(TMP, '申报-2.xlsx');
      writeFileSync(xlsxFile, twoSheetXlsx());
      const x = await run(page, () => page.setInputFiles('#batch-file', xlsxFile));
      assert.equal(x.state, 'done', x.status);
      const [d] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
      assert.equal(readFileSync(await d.path()).subarray(0, 2).toString(), 'PK');
      assert.deepEqual([...new Set(sheets())].sort(), ['/www/sheets-pkg/tic_sheets.js', '/www/sheets-pkg/tic_sheets_bg.wasm']);
      assert.equal(sheets().filter((u) => u.endsWith('.wasm')).length, 1, 'fetched once');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});
