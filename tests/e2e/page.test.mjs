// The self-assessment page end to end: fill, autosave + reload, import (valid and invalid), export,
// #applicant= link, the module's assess export, language switch, and no network traffic after load.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  BASE, PAGE_URL, b64url, fillApplicant, fixture, fundingYears, lastResult, launch, openPage,
  resultCount, settle, setField, shown, ticAssess, ticAssessFull, waitForResults,
} from './helpers.mjs';

const strongText = fixture('strong.applicant.json');
const gapsText = fixture('gaps.applicant.json');
const invalidText = fixture('invalid.applicant.json');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The verdict, subsidy rows and gap statuses on the page agree with the assessment. */
async function assertShows(page, expected) {
  const s = await shown(page);
  assert.equal(s.verdict, expected.verdict, 'data-verdict');
  assert.ok(Math.abs(s.total_wan - expected.funding.total_wan) < 0.005, `funding total ${s.total_wan} != ${expected.funding.total_wan}`);
  assert.deepEqual(s.years, fundingYears(expected), 'funding rows');
  for (const [req, status] of s.gaps) {
    const r = expected.requirements.find((q) => q.id === req);
    assert.ok(r, `#gaps lists unknown requirement ${req}`);
    assert.equal(status, r.status, `status of ${req}`);
  }
}

describe('the page', () => {
  test('fill a profile: verdict and subsidy as `tic assess`; answers autosave and come back after a reload', async () => {
    const { context, page } = await openPage(browser);
    try {
      const applicant = JSON.parse(gapsText);
      const { skipped } = await fillApplicant(page, applicant);
      assert.ok(!skipped.includes('6.4'), 'indicator 6.4 is self-rated');
      const detail = await settle(page);
      const expected = ticAssess(gapsText);
      assert.equal(detail.verdict, expected.verdict);
      assert.deepEqual(detail.requirements.map((r) => [r.id, r.status]), expected.requirements.map((r) => [r.id, r.status]));
      assert.deepEqual(detail.funding, expected.funding);
      await assertShows(page, expected);

      // autosave: the contract-format applicant in localStorage assesses the same
      const stored = await page.evaluate(() => localStorage.getItem('tic-applicant/1'));
      assert.ok(stored, 'localStorage tic-applicant/1 is empty after filling the form');
      const fromStored = ticAssess(stored);
      assert.deepEqual(detail, fromStored, 'the result event is `tic assess` of the stored applicant');
      assert.deepEqual(fromStored.requirements, expected.requirements);
      assert.deepEqual(fromStored.funding, expected.funding);

      await page.reload({ waitUntil: 'load' });
      const again = await waitForResults(page, 1);
      assert.deepEqual(again.requirements, detail.requirements, 'same result after reload');
      assert.equal(await page.inputValue('#f-name'), applicant.name);
      assert.equal(Number((await page.inputValue('#f-investment_wan-1')).replace(/,/g, '')), 4000.5);
      assert.equal(Number((await page.inputValue('#f-capacity_investment_wan-2')).replace(/,/g, '')), 650.25);
      assert.ok(await page.isChecked('#f-fields-chains-cnc_machine_tools'));
      assert.ok(await page.isChecked('#f-fields-clusters-auto_parts'));
      assert.equal(await page.inputValue('#f-organization-chief_scientist'), 'false');
      assert.equal(await page.inputValue('#f-indicators-6_4'), 'partial');
      await assertShows(page, expected);

      // clear my data: storage emptied (the page may ask for confirmation)
      page.once('dialog', (d) => d.accept());
      await page.click('#clear-data');
      await page.waitForFunction(() => !localStorage.getItem('tic-applicant/1') || JSON.parse(localStorage.getItem('tic-applicant/1')).name === undefined, null, { timeout: 5000 });
      assert.equal(await page.inputValue('#f-name'), '', 'name field emptied by clear');
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('a damaged or foreign autosave gives a notice and a working, empty page', async () => {
    for (const saved of ['{"schema": "tic-applicant/1", "name": 5, "team": [', '{"schema": "someone-else/3", "x": 1}', 'not json at all']) {
      const { context, page } = await openPage(browser, { url: null });
      try {
        await context.addInitScript((v) => {
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem('tic-applicant/1', v);
            sessionStorage.setItem('seeded', '1');
          }
        }, saved);
        await page.goto(PAGE_URL, { waitUntil: 'load' });
        await waitForResults(page, 1);
        const notice = await page.locator('.notice').innerText();
        assert.match(notice, /无法读取/, `notice for ${saved}`);
        assert.equal(await page.inputValue('#f-name'), '', 'the form starts empty');
        // The page works: typing an answer updates the result.
        const before = await resultCount(page);
        await setField(page, 'capacity_investment_wan.0', '2000');
        await waitForResults(page, before + 1);
        assert.deepEqual(page.problems, [], 'no page error');
      } finally {
        await context.close();
      }
    }
  });

  test('a typed value that does not parse shows an error naming the field and is kept', async () => {
    const { context, page } = await openPage(browser);
    try {
      await setField(page, 'investment_wan.0', '12abc');
      await page.waitForSelector('#error-summary', { timeout: 5000 });
      assert.ok(await page.isVisible('#f-investment_wan-0-error'), 'inline error of the field');
      const link = await page.locator('#error-summary a[href="#f-investment_wan-0"]').count();
      assert.equal(link, 1, 'the error summary links to the field');
      await page.reload({ waitUntil: 'load' });
      await waitForResults(page, 1);
      assert.equal(await page.inputValue('#f-investment_wan-0'), '12abc', 'raw text kept across a reload (tic-draft/1)');
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('import a JSON file: the result event equals `tic assess` on the same file; export gives it back', async () => {
    const { context, page } = await openPage(browser);
    try {
      const n = await resultCount(page);
      await page.setInputFiles('#import-json', { name: 'strong.json', mimeType: 'application/json', buffer: Buffer.from(strongText) });
      await waitForResults(page, n + 1);
      const detail = await settle(page);
      assert.deepEqual(detail, ticAssess(strongText));
      await assertShows(page, ticAssess(strongText));
      assert.equal(await page.inputValue('#f-name'), JSON.parse(strongText).name);

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      assert.equal(download.suggestedFilename(), 'applicant.json');
      const exported = readFileSync(await download.path(), 'utf8');
      assert.deepEqual(ticAssess(exported), ticAssess(strongText), 'the exported file assesses the same');
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('an invalid import is refused with its problems listed; the answers stay', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.setInputFiles('#import-json', { name: 'gaps.json', mimeType: 'application/json', buffer: Buffer.from(gapsText) });
      const before = await settle(page);
      const storedBefore = await page.evaluate(() => localStorage.getItem('tic-applicant/1'));
      const nameBefore = await page.inputValue('#f-name');

      await page.setInputFiles('#import-json', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(invalidText) });
      await page.waitForSelector('#import-errors', { state: 'visible', timeout: 5000 });
      const errors = await page.textContent('#import-errors');
      for (const field of ['investment_wan[1]', 'team.staff_year2', 'colour']) {
        assert.ok(errors.includes(field), `#import-errors names ${field}: ${errors}`);
      }
      assert.equal(await page.inputValue('#f-name'), nameBefore);
      assert.equal(await page.evaluate(() => localStorage.getItem('tic-applicant/1')), storedBefore);
      assert.deepEqual((await settle(page)).requirements, before.requirements);

      await page.setInputFiles('#import-json', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": "tic-applicant/1", "name": ') });
      await page.waitForFunction((prev) => document.querySelector('#import-errors')?.textContent !== prev, errors, { timeout: 5000 });
      assert.equal(await page.inputValue('#f-name'), nameBefore);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('an #applicant= link opens with that applicant', async () => {
    const { context, page } = await openPage(browser, { url: `${PAGE_URL}#applicant=${b64url(gapsText)}` });
    try {
      const detail = await settle(page);
      const expected = ticAssess(gapsText);
      assert.deepEqual(detail, expected);
      await assertShows(page, expected);
      assert.equal(await page.inputValue('#f-name'), JSON.parse(gapsText).name);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('readings beside the open requirements, as `tic assess` gives them; a field described outside the lists is for the reviewers', async () => {
    const a = JSON.parse(gapsText);
    a.fields = { highlands: [], chains: [], clusters: [], carbon_neutral: false, other: '海洋工程装备' };
    const text = JSON.stringify(a);
    const { context, page } = await openPage(browser, { url: `${PAGE_URL}#applicant=${b64url(text)}` });
    try {
      const detail = await settle(page);
      const full = ticAssessFull(text);
      assert.deepEqual(detail, ticAssess(text));
      const scope = full.requirements.find((q) => q.id === 'scope.field');
      assert.equal(scope.status, 'unknown');
      assert.equal(scope.needs_review, true);
      assert.equal(await page.inputValue('[id="f-fields-other"]'), '海洋工程装备');
      const tag = await page.textContent('#gaps [data-req="scope.field"] .tag');
      assert.equal(tag.trim(), '待审核部门判断');
      // each due group lists, once, the readings of its open requirements (from the policy data)
      for (const due of ['application', 'year2', 'year5', 'acceptance']) {
        const want = [...new Set(full.requirements
          .filter((q) => q.due === due && q.status !== 'met')
          .flatMap((q) => (q.readings ?? []).map((r) => r.id)))];
        const got = await page.$$eval(`#gaps [data-due="${due}"] [data-reading]`, (els) => els.map((e) => e.dataset.reading));
        assert.deepEqual(got, want, `readings of ${due}`);
      }
      assert.ok((await page.textContent('#gaps [data-due="year2"] .readings')).includes('原则上'));
      // the subsidy's ceilings are said beside the estimate
      assert.ok((await page.textContent('#funding')).includes('上限'));
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test("the module's assess export gives `tic assess`'s answer and throws on invalid input", async () => {
    const { context, page } = await openPage(browser);
    try {
      const moduleUrl = new URL('www/pkg/tic_web.js', BASE).href;
      for (const text of [strongText, gapsText]) {
        const out = await page.evaluate(async ([url, json]) => {
          const m = await import(url);
          await m.default();
          return m.assess(json);
        }, [moduleUrl, text]);
        assert.deepEqual(JSON.parse(out), ticAssess(text));
      }
      const thrown = await page.evaluate(async ([url, json]) => {
        const m = await import(url);
        await m.default();
        try { m.assess(json); return null; } catch (e) { return { isError: e instanceof Error, message: String(e.message) }; }
      }, [moduleUrl, invalidText]);
      assert.ok(thrown, 'assess did not throw on an invalid applicant');
      assert.ok(thrown.isError, 'throws an Error');
      assert.ok(thrown.message.includes('investment_wan[1]'), thrown.message);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('language switch: zh by default, en on the toggle, same result', async () => {
    const { context, page } = await openPage(browser, { url: `${PAGE_URL}#applicant=${b64url(strongText)}` });
    try {
      await settle(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh');
      const zhText = await page.textContent('#verdict');
      const n = await resultCount(page);
      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
      const enText = await page.textContent('#verdict');
      assert.notEqual(enText, zhText, 'verdict text changed language');
      assert.match(enText, /[A-Za-z]/);
      assert.equal(await page.locator('#tic-app [lang="en"], #tic-app[lang="en"]').count() > 0, true, 'the app root carries lang="en"');
      assert.equal((await shown(page)).verdict, 'eligible');
      assert.ok((await resultCount(page)) >= n);
      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.documentElement.lang === 'zh', null, { timeout: 5000 });
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('English: no full-width punctuation （），：。、 in any text or label (clause numbers like 二（二） and Chinese originals aside)', async () => {
    const outOfScope = JSON.stringify({ schema: 'tic-applicant/1', fields: { highlands: [], chains: [], clusters: [], carbon_neutral: false } });
    for (const text of [strongText, gapsText, invalidText, outOfScope]) {
      const { context, page } = await openPage(browser, { url: `${PAGE_URL}#applicant=${b64url(text)}` });
      try {
        await settle(page);
        await page.click('#lang-toggle');
        await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
        await setField(page, 'team.staff_year2', '12x');   // an error message and the error summary too
        await page.waitForSelector('#error-summary', { timeout: 5000 });
        const hits = await page.evaluate(() => {
          const clean = (t) => t.replace(/[一二三四五六七八九十]+（[一二三四五六七八九十]+）/g, '');
          const bad = (t) => /[（），：。、]/.test(clean(t));
          const out = [];
          const root = document.querySelector('.tic-app');
          const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            if (n.parentElement.closest('[lang^="zh"]') || !bad(n.textContent)) continue;
            out.push(n.textContent.trim().slice(0, 160));
          }
          for (const e of root.querySelectorAll('[aria-label], [aria-valuetext], [title], [placeholder]')) {
            for (const a of ['aria-label', 'aria-valuetext', 'title', 'placeholder']) {
              const v = e.getAttribute(a);
              if (v && !e.closest('[lang^="zh"]') && bad(v)) out.push(`${a}=${v}`);
            }
          }
          return [...new Set(out)];
        });
        assert.deepEqual(hits, [], `full-width punctuation in English (${JSON.parse(text).name ?? 'out of scope'})`);
      } finally {
        await context.close();
      }
    }
  });

  test('no network request after load, none to another host ever; no CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { instrument } = await import('./helpers.mjs');
    await context.addInitScript(instrument);
    const requests = [];
    let loaded = false;
    context.on('request', (r) => requests.push({ url: r.url(), afterLoad: loaded }));
    const page = await context.newPage();
    try {
      await page.goto(`${PAGE_URL}#applicant=${b64url(strongText)}`, { waitUntil: 'load' });
      await waitForResults(page, 1);
      await page.waitForLoadState('networkidle');
      loaded = true;
      // use the page: type, switch language, import, export, copy link, clear
      await setField(page, 'investment_wan.0', '7000');
      await setField(page, 'name', '网络测试');
      await page.click('#lang-toggle');
      await page.setInputFiles('#import-json', { name: 'gaps.json', mimeType: 'application/json', buffer: Buffer.from(gapsText) });
      await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
      await page.click('#copy-link');
      await settle(page);
      const local = (u) => u.startsWith(BASE) || u.startsWith('data:') || u.startsWith('blob:');
      assert.deepEqual(requests.filter((r) => !local(r.url)).map((r) => r.url), [], 'requests to another host');
      const after = requests.filter((r) => r.afterLoad && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
      assert.deepEqual(after.map((r) => r.url), [], 'requests after load');
      assert.deepEqual(await page.evaluate(() => window.__tic.csp), [], 'CSP violations');
      assert.deepEqual(await page.evaluate(() => window.__tic.errors), [], 'uncaught errors');
      const link = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
      if (link !== null && link !== '') {
        assert.ok(link.includes('#applicant='), `copied link: ${link}`);
        const data = link.split('#applicant=')[1];
        assert.ok(!data.includes('='), 'base64url without padding');
        assert.deepEqual(ticAssess(Buffer.from(data, 'base64url').toString('utf8')).requirements, (await lastResult(page)).requirements);
      }
    } finally {
      await context.close();
    }
  });
});
