// Timings (navigation to first result, keystroke to updated result; printed, not asserted) and
// screenshots in Chinese and English at 1280 px and 360 px under target/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  PAGE_URL, ROOT, b64url, fixture, launch, openPage, resultCount, screenshot, screenshotOf, settle, waitForResults,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('timings: navigation to first result, keystroke to updated result', async (t) => {
  const firsts = [];
  for (let i = 0; i < 3; i += 1) {
    const { context, page } = await openPage(browser, { url: null });
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    await waitForResults(page, 1);
    firsts.push(await page.evaluate(() => window.__tic.results[0].t));
    await context.close();
  }
  const { context, page } = await openPage(browser, { url: `${PAGE_URL}#applicant=${b64url(fixture('strong.applicant.json'))}` });
  try {
    await settle(page);
    await page.fill('#f-investment_wan-0', '');
    await settle(page);
    await page.focus('#f-investment_wan-0');
    const keys = [];
    for (const ch of '6000123') {
      const n = await resultCount(page);
      await page.keyboard.press(ch);
      await waitForResults(page, n + 1);
      const r = await page.evaluate(() => window.__tic.results.at(-1));
      assert.ok(r.key !== null);
      keys.push(r.t - r.key);
    }
    const m = {
      navigation_to_first_result_ms: firsts.map((x) => Math.round(x)),
      navigation_to_first_result_median_ms: Math.round(median(firsts)),
      keystroke_to_result_ms: keys.map((x) => Math.round(x * 10) / 10),
      keystroke_to_result_median_ms: Math.round(median(keys) * 10) / 10,
    };
    t.diagnostic(`navigation → first result: ${m.navigation_to_first_result_ms.join(', ')} ms (median ${m.navigation_to_first_result_median_ms}; goal ≤ 300)`);
    t.diagnostic(`keystroke → updated result: ${m.keystroke_to_result_ms.join(', ')} ms (median ${m.keystroke_to_result_median_ms}; goal ≤ 16)`);
    mkdirSync(join(ROOT, 'target'), { recursive: true });
    writeFileSync(join(ROOT, 'target', 'e2e-timings.json'), `${JSON.stringify(m, null, 2)}\n`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

for (const lang of ['zh', 'en']) {
  for (const width of [1280, 360]) {
    test(`screenshot ${lang} ${width}px`, async (t) => {
      const { context, page } = await openPage(browser, {
        url: `${PAGE_URL}#applicant=${b64url(fixture('gaps.applicant.json'))}`,
        viewport: { width, height: width > 500 ? 900 : 780 },
        contextOptions: width > 500 ? {} : { isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
      });
      try {
        await settle(page);
        if (lang === 'en') {
          await page.click('#lang-toggle');
          await page.waitForFunction(() => document.documentElement.lang === 'en');
          await settle(page);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        t.diagnostic(`${await screenshot(page, `page-${lang}-${width}`)} (horizontal overflow ${overflow}px)`);
        t.diagnostic(await screenshot(page, `page-${lang}-${width}-top`, { fullPage: false }));
        // the results panel: the closest section holding both the verdict and the funding chart
        const results = page.locator('section, aside, div').filter({ has: page.locator('#verdict') }).filter({ has: page.locator('#funding') }).last();
        t.diagnostic(await screenshotOf(results, `page-${lang}-${width}-results`));
        assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at ${width}px`);
        assert.deepEqual(page.problems, []);
      } finally {
        await context.close();
      }
    });
  }
}
