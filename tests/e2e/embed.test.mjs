// Embedding (www/embed.js, www/embed.html) on www/embed-demo.html: a portal page with hostile global
// CSS (`* { font: 30px serif; color: red } div { display: inline }`) and the strict CSP as a meta tag.
// Both <tic-assess> widgets render unaffected (computed styles equal to the same page without the
// hostile CSS, and to the single page), each fires its own tic-assess:result events that reach the
// host, they are independent, lang/mode attributes apply, an initial applicant comes in by a child
// <script type="application/json"> or by data-applicant, the iframe reports its height and its
// results, and no securitypolicyviolation fires. Screenshots under target/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, PAGE_URL, ROOT, SCREENSHOTS, fixture, launch, openPage, ticAssess } from './helpers.mjs';

const DEMO_URL = `${BASE}www/embed-demo.html`;

/** Runs before the page's scripts: records each result event with the id of the element it reached. */
function recordTargets() {
  window.__embed = [];
  document.addEventListener('tic-assess:result', (e) => {
    window.__embed.push({ target: e.target.id || e.target.tagName, composed: e.composed, bubbles: e.bubbles, verdict: e.detail?.verdict, total: e.detail?.funding?.total_wan });
  });
}

async function openDemo(browser, { hostile = true } = {}) {
  const { context, page } = await openPage(browser, { url: null });
  await context.addInitScript(recordTargets);
  if (!hostile) {
    await page.route('**/embed-demo-hostile.css', (r) => r.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  }
  await page.goto(DEMO_URL, { waitUntil: 'load' });
  // both widgets have fired, and the frame has reported its height and a result
  await page.waitForFunction(() => ['widget-zh', 'widget-en'].every((id) => window.__embed.some((e) => e.target === id)), null, { timeout: 30000 });
  await page.waitForSelector('#event-log li[data-kind=height][data-source=tic-frame]', { state: 'attached', timeout: 30000 });
  await page.waitForSelector('#event-log li[data-kind=result][data-source=tic-frame]', { state: 'attached', timeout: 30000 });
  return { context, page };
}

const events = (page, id) => page.evaluate((t) => window.__embed.filter((e) => e.target === t), id);

/** Computed styles that hostile CSS would change, for elements inside a widget (Playwright's CSS pierces open shadow roots). */
const PROPS = ['fontSize', 'fontFamily', 'fontWeight', 'fontStyle', 'lineHeight', 'color', 'display', 'backgroundColor', 'borderTopWidth', 'width'];
const PROBES = ['.tic-app', '.tic-layout', '.tic-main', '#verdict', '#funding-total', '#lang-toggle', '#f-name', 'label[for=f-name]', '#f-district', '#progress', '#gaps'];

async function styles(page, scope) {
  const out = {};
  for (const sel of PROBES) {
    const loc = page.locator(scope ? `${scope} ${sel}` : sel).first();
    if (!(await loc.count())) { out[sel] = null; continue; }
    out[sel] = await loc.evaluate((e, props) => {
      const s = getComputedStyle(e);
      return Object.fromEntries(props.map((p) => [p, s[p]]));
    }, PROPS);
  }
  return out;
}

let browser;
before(async () => { browser = await launch(); mkdirSync(SCREENSHOTS, { recursive: true }); });
after(async () => { await browser?.close(); });

describe('embedding', () => {
  test('the demo page: both widgets and the iframe render and fire their events; no CSP violation', async () => {
    const { context, page } = await openDemo(browser);
    try {
      // the hostile CSS is really there, on the host's own elements
      const h1 = await page.locator('body > h1').evaluate((e) => { const s = getComputedStyle(e); return [s.fontSize, s.color, s.fontFamily]; });
      assert.deepEqual(h1, ['30px', 'rgb(255, 0, 0)', 'serif']);

      for (const id of ['widget-zh', 'widget-en']) {
        const ev = await events(page, id);
        assert.ok(ev.length >= 1, `${id} fired tic-assess:result`);
        assert.ok(ev.every((e) => e.composed && e.bubbles), 'composed and bubbling');
        assert.ok(await page.locator(`#${id} #verdict[data-verdict]`).count(), `${id} shows a verdict`);
      }
      // lang and mode as the attributes say
      assert.equal(await page.locator('#widget-zh .tic-app').getAttribute('lang'), 'zh');
      assert.equal(await page.locator('#widget-en .tic-app').getAttribute('lang'), 'en');
      assert.ok(await page.locator('#widget-en .tic-app--compact').count(), 'widget-en is compact');
      assert.equal(await page.locator('#widget-zh .tic-app--compact').count(), 0, 'widget-zh is full');
      assert.ok(!(await page.locator('#widget-en #radar').count()), 'compact: no radar');
      assert.ok(await page.locator('#widget-zh #radar').count(), 'full: radar');

      // the initial applicant of the child <script type="application/json"> gives `tic assess`'s result
      const json = await page.locator('#widget-en > script[type="application/json"]').evaluate((e) => e.textContent);
      const expected = ticAssess(json);
      const en = (await events(page, 'widget-en')).at(-1);
      assert.equal(en.verdict, expected.verdict);
      assert.equal(en.total, expected.funding.total_wan);
      assert.equal(await page.locator('#widget-en #verdict').getAttribute('data-verdict'), expected.verdict);
      assert.equal(await page.locator('#widget-en #f-name').inputValue(), JSON.parse(json).name);

      // nothing of the widgets leaks into the document: their ids live in their shadow roots
      assert.equal(await page.evaluate(() => document.getElementById('verdict')), null);
      // no inline style attribute anywhere inside the widgets (it would need style-src 'unsafe-inline')
      const inline = await page.evaluate(() => [...document.querySelectorAll('tic-assess')]
        .flatMap((w) => [...w.shadowRoot.querySelectorAll('[style]')].map((e) => e.tagName)));
      assert.deepEqual(inline, []);
      // no fixed bar of a widget covers the host page (that bar belongs to the single page only)
      const bars = await page.evaluate(() => [...document.querySelectorAll('tic-assess')]
        .map((w) => w.shadowRoot.querySelectorAll('.result-bar').length));
      assert.deepEqual(bars, bars.map(() => 0));

      // the iframe: height reported and applied, a result forwarded
      const height = Number(await page.locator('#event-log li[data-kind=height]').last().getAttribute('data-height'));
      assert.ok(height > 200, `reported height ${height}`);
      await page.waitForFunction((h) => document.getElementById('tic-frame').height === String(h), height);
      const frameResult = await page.locator('#event-log li[data-kind=result][data-source=tic-frame]').last().getAttribute('data-verdict');
      assert.equal(frameResult, 'incomplete', 'an empty form is incomplete');

      // no CSP violation: neither seen by the instrumentation nor by the page's own listener
      const t = await page.evaluate(() => window.__tic);
      assert.deepEqual(t.csp, []);
      assert.deepEqual(t.errors, []);
      assert.equal(await page.getAttribute('#csp-status', 'data-violations'), '0');
      assert.deepEqual(page.problems, []);

      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, 'embed-demo-top.png') });
      await page.locator('#widget-en').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('widget-en').scrollIntoView());
      await page.screenshot({ path: join(SCREENSHOTS, 'embed-demo-compact-en.png') });
      await page.evaluate(() => document.getElementById('tic-frame').scrollIntoView());
      await page.screenshot({ path: join(SCREENSHOTS, 'embed-demo-iframe.png') });
    } finally {
      await context.close();
    }
  });

  test('host CSS cannot reach in: computed styles equal those without it, and those of the single page', async () => {
    const hostile = await openDemo(browser);
    const plain = await openDemo(browser, { hostile: false });
    const single = await openPage(browser, { url: PAGE_URL });
    try {
      const a = await styles(hostile.page, '#widget-zh');
      const b = await styles(plain.page, '#widget-zh');
      const c = await styles(single.page, '');
      for (const sel of PROBES) {
        assert.ok(a[sel], `${sel} exists in the widget`);
        assert.deepEqual(a[sel], b[sel], `${sel}: computed style differs under the hostile CSS`);
        for (const p of ['fontSize', 'fontFamily', 'fontWeight', 'color', 'display', 'lineHeight', 'backgroundColor']) {
          assert.equal(a[sel][p], c[sel][p], `${sel} ${p}: widget ${a[sel][p]} vs single page ${c[sel][p]}`);
        }
      }
      assert.equal(a['.tic-main'].display, 'block', 'div { display: inline } does not reach in');
      assert.equal(a['#verdict'].color === 'rgb(255, 0, 0)', false);
      // the compact English widget too
      const e1 = await styles(hostile.page, '#widget-en');
      const e2 = await styles(plain.page, '#widget-en');
      assert.deepEqual(e1, e2);
    } finally {
      await hostile.context.close();
      await plain.context.close();
      await single.context.close();
    }
  });

  test('widgets are independent; lang/mode attributes apply; data-applicant works; events reach the host', async () => {
    const { context, page } = await openDemo(browser);
    try {
      const zh0 = (await events(page, 'widget-zh')).length;
      const en0 = (await events(page, 'widget-en')).length;
      const enName = await page.locator('#widget-en #f-name').inputValue();
      await page.locator('#widget-zh #f-name').fill('测试中心');
      await page.locator('#widget-zh #f-fields-carbon_neutral').selectOption('true');
      await page.waitForFunction((n) => window.__embed.filter((e) => e.target === 'widget-zh').length > n, zh0);
      assert.equal((await events(page, 'widget-en')).length, en0, 'the other widget did not fire');
      assert.equal(await page.locator('#widget-en #f-name').inputValue(), enName, 'the other widget is untouched');
      assert.equal(await page.evaluate(() => localStorage.length), 0, 'widgets store nothing');

      // lang attribute: the widget switches language (in place: the result is the same, so no new event)
      await page.evaluate(() => document.getElementById('widget-zh').setAttribute('lang', 'en'));
      await page.waitForSelector('#widget-zh .tic-app[lang=en]', { state: 'attached' });
      const n = (await events(page, 'widget-zh')).length;
      await page.locator('#widget-zh #f-name').fill('测试中心 2');
      await page.waitForFunction((k) => window.__embed.filter((e) => e.target === 'widget-zh').length > k, n);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh', "the host page's own lang is not touched");
      // mode attribute
      await page.evaluate(() => document.getElementById('widget-zh').setAttribute('mode', 'compact'));
      await page.waitForSelector('#widget-zh .tic-app--compact', { state: 'attached' });

      // a third widget, added later with data-applicant
      const strong = fixture('strong.applicant.json');
      const expected = ticAssess(strong);
      await page.evaluate((json) => {
        const w = document.createElement('tic-assess');
        w.id = 'widget-data';
        w.setAttribute('lang', 'en');
        w.setAttribute('data-applicant', json);
        document.body.append(w);
      }, strong);
      await page.waitForFunction(() => window.__embed.some((e) => e.target === 'widget-data'));
      const d = (await events(page, 'widget-data')).at(-1);
      assert.equal(d.verdict, expected.verdict);
      assert.equal(d.total, expected.funding.total_wan);
      // the host page's log lists it too
      await page.waitForSelector('#event-log li[data-source=widget-data]', { state: 'attached' });
      const t = await page.evaluate(() => window.__tic);
      assert.deepEqual(t.csp, []);
      assert.deepEqual(t.errors, []);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test("the widgets leave the host's address alone: an #applicant= fragment is neither read nor removed; the skip link keeps the hash", async () => {
    const strong = fixture('strong.applicant.json');
    const other = fixture('gaps.applicant.json');
    const hash = `#applicant=${Buffer.from(strong, 'utf8').toString('base64url')}`;
    const { context, page } = await openPage(browser, { url: null });
    await context.addInitScript(recordTargets);
    try {
      await page.goto(`${DEMO_URL}${hash}`, { waitUntil: 'load' });
      await page.waitForFunction(() => ['widget-zh', 'widget-en'].every((id) => window.__embed.some((e) => e.target === id)), null, { timeout: 30000 });
      await page.locator('#widget-zh #lang-toggle').waitFor({ state: 'attached' });
      assert.equal(await page.evaluate(() => location.hash), hash, 'the fragment is still there');
      assert.equal(await page.locator('#widget-zh #f-name').inputValue(), '', "widget-zh did not load the host's link");
      assert.equal(await page.locator('#widget-zh #verdict').getAttribute('data-verdict'), 'incomplete');
      assert.equal(await page.locator('#widget-en #f-name').inputValue(), 'Ningbo Smart Equipment TIC (demo)');
      // a link pasted later (hashchange) is not taken up either
      const n = (await events(page, 'widget-zh')).length;
      const hash2 = `#applicant=${Buffer.from(other, 'utf8').toString('base64url')}`;
      await page.evaluate((h) => { location.hash = h; }, hash2);
      await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 50))));
      assert.equal(await page.evaluate(() => location.hash), hash2);
      assert.equal(await page.locator('#widget-zh #f-name').inputValue(), '');
      assert.equal((await events(page, 'widget-zh')).length, n, 'no new result in widget-zh');

      // the skip link moves the focus to the results without touching the address
      const entries = await page.evaluate(() => history.length);
      const skip = page.locator('#widget-zh a.skip-link');
      await skip.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('widget-zh').shadowRoot.activeElement?.id === 'tic-results');
      assert.equal(await page.evaluate(() => location.hash), hash2, 'the skip link (keyboard) left the hash unchanged');
      await skip.evaluate((a) => a.click());
      assert.equal(await page.evaluate(() => location.hash), hash2, 'the skip link (click) left the hash unchanged');
      assert.equal(await page.evaluate(() => history.length), entries, 'no history entry added');
      // a widget offers no share link: it would point at the host page, which does not read it
      assert.equal(await page.locator('#widget-zh #copy-link').count(), 0);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('changing lang or mode switches the widget in place: what the user typed stays', async () => {
    const { context, page } = await openDemo(browser);
    try {
      const w = '#widget-zh';
      await page.locator(`${w} #f-name`).fill('输入的名称');
      await page.locator(`${w} #f-team-staff_year2`).fill('12x');   // not a number yet: kept as typed
      await page.locator(`${w} #f-investment_wan-0`).fill('3000');
      await page.waitForSelector(`${w} #f-team-staff_year2-error`, { state: 'attached' });
      const marker = await page.locator(`${w} .tic-app`).evaluate((e) => { e.dataset.probe = 'same'; return true; });
      assert.ok(marker);

      await page.evaluate(() => document.getElementById('widget-zh').setAttribute('lang', 'en'));
      await page.waitForSelector(`${w} .tic-app[lang=en]`, { state: 'attached' });
      assert.equal(await page.locator(`${w} #f-name`).inputValue(), '输入的名称');
      assert.equal(await page.locator(`${w} #f-team-staff_year2`).inputValue(), '12x');
      assert.equal(await page.locator(`${w} #f-investment_wan-0`).inputValue(), '3000');
      assert.match(await page.locator(`${w} #lang-toggle`).textContent(), /中文/);
      assert.equal(await page.locator(`${w} .tic-app`).getAttribute('data-probe'), 'same', 'not remounted');

      await page.evaluate(() => document.getElementById('widget-zh').setAttribute('mode', 'compact'));
      await page.waitForSelector(`${w} .tic-app--compact`, { state: 'attached' });
      assert.equal(await page.locator(`${w} #f-team-staff_year2`).inputValue(), '12x');
      assert.equal(await page.locator(`${w} .tic-app`).getAttribute('lang'), 'en');
      await page.evaluate(() => document.getElementById('widget-zh').setAttribute('mode', 'full'));
      await page.waitForSelector(`${w} #radar`, { state: 'attached' });
      assert.equal(await page.locator(`${w} #f-name`).inputValue(), '输入的名称');
      assert.equal(await page.locator(`${w} .tic-app`).getAttribute('data-probe'), 'same', 'not remounted');
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('compact mode fits a portal column: sections and gap lists folded, no self-rating, verdict and subsidy per year shown', async () => {
    const { context, page } = await openPage(browser, { url: null, viewport: { width: 400, height: 900 } });
    try {
      await page.goto(DEMO_URL, { waitUntil: 'load' });
      await page.waitForSelector('#widget-en #verdict[data-verdict]', { state: 'attached' });
      await page.waitForSelector('#widget-zh #verdict[data-verdict]', { state: 'attached' });
      const c = '#widget-en';
      const height = (id) => page.locator(id).evaluate((e) => e.getBoundingClientRect().height);
      const [hc, hf] = [await height(c), await height('#widget-zh')];
      assert.ok(hc < 4000 && hc < hf / 3, `compact ${hc} px vs full ${hf} px at 400 px wide`);

      // the form: the first section open, every other folded and closed; no indicator self-rating
      assert.equal(await page.locator(`${c} #sec-basic details`).count(), 0);
      assert.ok(await page.locator(`${c} #f-name`).isVisible());
      const folded = await page.locator(`${c} .tic-form .form-section > details`).evaluateAll((ds) => ds.map((d) => [d.parentElement.id, d.open]));
      assert.deepEqual(folded, ['sec-fields', 'sec-lead', 'sec-org', 'sec-invest', 'sec-team', 'sec-eco'].map((id) => [id, false]));
      assert.equal(await page.locator(`${c} #sec-indicators, ${c} [id^=f-indicators-]`).count(), 0);
      assert.equal(await page.locator(`${c} #radar`).count(), 0);
      // progress counts only what the compact form asks
      const total = async (w) => Number((await page.locator(`${w} .progress__value`).textContent()).match(/of (\d+)|\/ (\d+)/).slice(1).find(Boolean));
      const rated = await page.locator('#widget-zh select[id^=f-indicators-]:not([disabled])').count();
      assert.ok(rated > 10);
      assert.equal(await total(c), await total('#widget-zh') - rated, 'the compact progress counts no indicator');

      // results: the verdict, the total and the figures per year visible; the gaps a count per due point, folded
      for (const sel of ['#verdict', '#funding-total', '[data-funding-year="1"]', '[data-funding-year="3"]']) {
        assert.ok(await page.locator(`${c} ${sel}`).isVisible(), `${sel} visible`);
      }
      const groups = await page.locator(`${c} #gaps details.due-group`).evaluateAll((ds) => ds.map((d) => ({
        open: d.open, count: Number(d.querySelector('summary .count').textContent), items: d.querySelectorAll('[data-req]').length,
      })));
      assert.ok(groups.length >= 2, JSON.stringify(groups));
      for (const g of groups) assert.deepEqual(g, { open: false, count: g.items, items: g.items });
      assert.equal(await page.locator(`${c} .explanations`).count(), 0);

      // an error in a folded section: the error summary's link unfolds it and focuses the field
      await page.locator(`${c} #sec-team summary`).click();
      await page.locator(`${c} #f-team-staff_year2`).fill('x');
      await page.locator(`${c} #sec-team summary`).click();
      assert.equal(await page.locator(`${c} #sec-team details`).evaluate((d) => d.open), false);
      await page.locator(`${c} #error-summary a`).first().click();
      await page.waitForFunction(() => document.getElementById('widget-en').shadowRoot.activeElement?.id === 'f-team-staff_year2');
      assert.equal(await page.locator(`${c} #sec-team details`).evaluate((d) => d.open), true);

      // full mode is unchanged: nothing folded
      assert.equal(await page.locator('#widget-zh .fold').count(), 0);
      assert.ok(await page.locator('#widget-zh .explanations').count());

      await page.locator(`${c} #error-summary`).evaluate((e) => e.remove());
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#widget-en #verdict[data-verdict]', { state: 'attached' });
      await page.locator(c).screenshot({ path: join(SCREENSHOTS, 'embed-compact-400.png') });
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('embed.html alone: an #applicant= fragment is its initial applicant', async () => {
    const strong = fixture('strong.applicant.json');
    const url = `${BASE}www/embed.html?lang=en#applicant=${Buffer.from(strong, 'utf8').toString('base64url')}`;
    const { context, page } = await openPage(browser, { url });
    try {
      const detail = await page.evaluate(() => window.__tic.results.at(-1).detail);
      assert.equal(detail.verdict, ticAssess(strong).verdict);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.deepEqual(await page.evaluate(() => window.__tic.csp), []);
    } finally {
      await context.close();
    }
  });

  test("the widget takes style.css's design tokens through :host (no copy in embed.css): its colours are the page's", async () => {
    const style = readFileSync(join(ROOT, 'www', 'style.css'), 'utf8');
    const embed = readFileSync(join(ROOT, 'www', 'embed.css'), 'utf8');
    const block = /:root\s*,\s*:host\s*\{([^}]*)\}/.exec(style);
    assert.ok(block, 'style.css declares its tokens on :root, :host');
    const names = [...block[1].matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]);
    assert.ok(names.length > 5, names.join(' '));
    assert.deepEqual([...embed.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]), [], 'embed.css declares no tokens of its own');

    const demo = await openDemo(browser);
    const single = await openPage(browser, { url: PAGE_URL });
    try {
      const tokens = (page, scope) => page.locator(`${scope}.tic-app`).first().evaluate((e, ns) => {
        const s = getComputedStyle(e);
        return Object.fromEntries(ns.map((n) => [n, s.getPropertyValue(n).trim()]));
      }, names);
      const a = await tokens(demo.page, '#widget-zh ');
      const b = await tokens(single.page, '');
      assert.ok(Object.values(a).every((v) => v !== ''), `every token is defined in the widget: ${JSON.stringify(a)}`);
      assert.deepEqual(a, b);
      // and the colours drawn with them
      const SEL = ['.masthead__bar', '#lang-toggle', '#verdict', '.tag--phase', '.tic-app a', '#f-name', '.button--warning'];
      const colours = (page, scope) => Promise.all(SEL.map((sel) => page.locator(`${scope}${sel}`).first().evaluate((e) => {
        const s = getComputedStyle(e);
        return [s.color, s.backgroundColor, s.borderTopColor];
      })));
      assert.deepEqual(await colours(demo.page, '#widget-zh '), await colours(single.page, ''));
    } finally {
      await demo.context.close();
      await single.context.close();
    }
  });
});

test('embed demo at 360 px: screenshot', async () => {
  const { context, page } = await openPage(browser, { url: null, viewport: { width: 360, height: 800 } });
  try {
    await page.goto(DEMO_URL, { waitUntil: 'load' });
    await page.waitForSelector('#widget-en #verdict[data-verdict]', { state: 'attached' });
    await page.evaluate(() => document.getElementById('widget-en').scrollIntoView());
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-demo-360.png') });
    assert.ok(await page.locator('#widget-en #verdict').isVisible());
  } finally {
    await context.close();
  }
});
