// axe-core on the page, in Chinese and in English, with a full result and with the error summary shown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { PAGE_URL, b64url, fixture, launch, openPage, settle, setField } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs axe-core in the page (its source injected as an inline script: the context bypasses CSP for it). */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
  });
}

for (const lang of ['zh', 'en']) {
  test(`axe-core finds no violations (${lang})`, async (t) => {
    const { context, page } = await openPage(browser, {
      url: `${PAGE_URL}#applicant=${b64url(fixture('gaps.applicant.json'))}`, bypassCSP: true,
    });
    try {
      await settle(page);
      if (lang === 'en') {
        await page.click('#lang-toggle');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      const withResult = await axe(page);
      t.diagnostic(`axe (${lang}, result shown): ${withResult.length} violations`);
      await setField(page, 'team.staff_year2', 'x');
      await page.waitForSelector('#error-summary', { timeout: 5000 });
      await settle(page);
      const withErrors = await axe(page);
      t.diagnostic(`axe (${lang}, error summary shown): ${withErrors.length} violations`);
      assert.ok(withResult.length === 0 && withErrors.length === 0,
        `violations with the result shown:\n${withResult.join('\n')}\nwith the error summary shown:\n${withErrors.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}
