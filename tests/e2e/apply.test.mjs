// The preparation view (「申报准备」) end to end: the tab loads its own bundle only when opened; it
// works from the self-assessment's current answers; each step of "what it would take" is the
// command line's (`tic assess`'s what_it_takes, word for word); the readings are said once; the
// sweep recomputes live from a typed value (full-width digits, 万元) and names a bad one without
// losing the rest; the kinks are the core's; the DOCX downloaded in the page is byte for byte the
// one `tic plan` writes, and it opens as a ZIP with the outline's headings in order; the language
// follows the page; no request leaves the site; screenshots at 1280 and 360.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, PAGE_URL, b64url, fixture, launch, openPage, screenshot, screenshotOf, setField, settle, tic, ticAssessFull } from './helpers.mjs';

const APPLY_JS = `${BASE}www/apply-pkg/tic_apply_web.js`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(applicant, viewport) {
  const url = applicant ? `${PAGE_URL}#applicant=${b64url(applicant)}` : PAGE_URL;
  const { context, page } = await openPage(browser, { url: null, viewport });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  page.requests = requests;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#verdict', { timeout: 30000 });
  await settle(page);
  return { context, page };
}

async function openTab(page) {
  await page.click('#tab-apply');
  await page.waitForSelector('#tic-apply .apply', { timeout: 30000 });
}

describe('preparation view', () => {
  test('the bundle loads only when its tab is opened, and each step is the command line\'s', async () => {
    const applicant = fixture('gaps.applicant.json');
    const { context, page } = await open(applicant);
    assert.ok(!page.requests.includes(APPLY_JS), 'not loaded with the page');
    await openTab(page);
    assert.ok(page.requests.includes(APPLY_JS), 'loaded when the tab opens');
    assert.equal(await page.getAttribute('#tab-apply', 'aria-selected'), 'true');
    const cli = ticAssessFull(applicant).what_it_takes;
    const want = cli.due.flatMap((d) => d.steps.map((s) => ({ due: d.due, req: s.requirement, change: s.change, text: s.text.zh })));
    const got = await page.$$eval('#apply-takes li', (lis) => lis.map((li) => ({
      due: li.closest('[data-due]').dataset.due, req: li.dataset.req, change: li.dataset.change,
      text: li.querySelector('.apply-step').textContent,
    })));
    assert.deepEqual(got, want);
    assert.ok(want.length >= 5, `${want.length} steps`);
    // Each reading once, with the same words as the command line's requirements[].readings.
    const readings = await page.$$eval('#apply-takes .reading', (ps) => ps.map((p) => p.textContent));
    assert.equal(new Set(readings).size, readings.length, 'no reading twice');
    const cliReadings = new Set(ticAssessFull(applicant).requirements.flatMap((r) => (r.status === 'met' ? [] : (r.readings ?? []).map((x) => x.text.zh))));
    for (const r of cliReadings) assert.ok(readings.some((t) => t.includes(r)), `reading shown: ${r}`);
    // The procedure: every step with its clause, in the policy's order.
    const steps = await page.$$eval('#apply-procedure li', (lis) => lis.map((li) => li.dataset.step));
    assert.deepEqual(steps.slice(0, 3), ['recommendation', 'plan', 'review']);
    assert.equal(steps.at(-1), 'acceptance');
    assert.deepEqual(page.problems, []);
    assert.ok(page.requests.every((u) => u.startsWith(BASE)), 'no request leaves the site');
    await screenshot(page, 'apply-1280');
    await context.close();
  });

  test('the sweep recomputes from what is typed and names a bad value without losing the rest', async () => {
    const applicant = fixture('gaps.applicant.json');
    const { context, page } = await open(applicant);
    await openTab(page);
    const input = page.locator('#apply-sweep input[type=text]');
    // Full-width digits and 万元, as pasted from chat.
    await input.fill('１２００万元');
    await page.waitForSelector('#apply-sweep table[data-base="1200"]');
    const total = await page.getAttribute('#apply-sweep [data-total]', 'data-total');
    const same = JSON.parse(applicant);
    same.capacity_investment_wan = [1200, 1200, 1200];
    assert.equal(Number(total), ticAssessFull(JSON.stringify(same)).funding.total_wan);
    // The kinks are where the core's estimate reaches each cap.
    const kinks = await page.$$eval('#apply-sweep [data-kink]', (lis) => lis.map((li) => li.dataset.kink));
    assert.deepEqual(kinks, ['first_year', 'total']);
    await input.fill('abc');
    await page.waitForSelector('#apply-sweep .error-message');
    assert.match(await page.textContent('#apply-sweep .error-message'), /每年创新能力建设投入/);
    assert.equal(await input.inputValue(), 'abc', 'what was typed stays');
    assert.ok(await page.locator('#apply-takes li').count() > 0, 'the rest is still there');
    assert.ok(await page.locator('#apply-draft .draft').isVisible());
    await input.fill('600');
    await page.waitForSelector('#apply-sweep table[data-base="600"]');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the DOCX made in the page is the one tic plan writes, with the outline as headings', async () => {
    const applicant = fixture('gaps.applicant.json');
    const { context, page } = await open(applicant);
    await openTab(page);
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=docx]')]);
    const ms = Date.now() - t0;
    assert.match(download.suggestedFilename(), /建设方案（草稿）\.docx$/);
    const fromPage = readFileSync(await download.path());
    const dir = mkdtempSync(join(tmpdir(), 'tic-apply-'));
    const file = join(dir, 'a.json');
    writeFileSync(file, applicant);
    const out = join(dir, 'plan.docx');
    execFileSync(tic(), ['--lang', 'zh', 'plan', file, '-o', out]);
    assert.ok(fromPage.equals(readFileSync(out)), 'byte for byte the command line\'s DOCX');
    // Opened independently (Python's zipfile): the headings in the outline's order.
    const headings = JSON.parse(execFileSync('python3', ['-c', `
import json, re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
out = []
for p in xml.split('</w:p>'):
    m = re.search(r'<w:pStyle w:val="(Heading[12])"\\s*/>', p)
    if m:
        out.append([m.group(1), ''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', p))])
print(json.dumps(out, ensure_ascii=False))
`, join(dir, 'plan.docx')], { encoding: 'utf8' }));
    const outline = await page.$$eval('#apply-draft [data-outline]', (ss) => ss.map((s) => s.querySelector('h2, h3').textContent));
    assert.deepEqual(headings.map((h) => h[1]), outline);
    assert.equal(headings[0][1], '一、建设基础和重要意义');
    assert.equal(headings.at(-1)[1], '七、进度安排');
    console.log(`DOCX made and downloaded in the page in ${ms} ms (${fromPage.length} bytes)`);
    await context.close();
  });

  test('it follows the answers and the language of the self-assessment', async () => {
    const { context, page } = await open(null);
    await openTab(page);
    assert.ok(await page.locator('#tic-apply .apply-empty').isVisible(), 'asks for answers first');
    await page.click('#tab-assess');
    await setField(page, 'team.staff_year2', '90');
    await settle(page);
    await page.click('#lang-toggle');
    await settle(page);
    await openTab(page);
    await page.waitForSelector('#apply-takes li[data-req="team.staff_year2"]');
    const text = await page.textContent('#apply-takes li[data-req="team.staff_year2"] .apply-step');
    const cli = ticAssessFull(JSON.stringify({ schema: 'tic-applicant/1', team: { staff_year2: 90 } })).what_it_takes;
    const want = cli.due.flatMap((d) => d.steps).find((s) => s.requirement === 'team.staff_year2').text.en;
    assert.equal(text, want);
    assert.match(text, /\(now 90 people\)/);
    assert.equal(await page.textContent('#tab-apply'), 'Preparing to apply');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('on a phone the view fits the screen', async () => {
    const { context, page } = await open(fixture('gaps.applicant.json'), { width: 360, height: 780 });
    await openTab(page);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 0, `overflows by ${over}px`);
    await screenshotOf(page.locator('#apply-sweep'), 'apply-sweep-360');
    await screenshot(page, 'apply-360');
    await context.close();
  });
});
