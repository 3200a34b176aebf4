// Shared helpers of the end-to-end tests: the browser, the served site, `tic assess`, and the page's hooks
// (ids "f-" + the field's path in the applicant format, #verdict[data-verdict], tic-assess:result…).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const E2E = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(E2E, '..', '..');
export const FIXTURES = join(E2E, 'fixtures');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');

/** Base URL of the served site (test.sh sets TIC_BASE_URL; it ends with "/"). */
export const BASE = (() => {
  const b = process.env.TIC_BASE_URL;
  if (!b) throw new Error('TIC_BASE_URL is not set: run the tests through scripts/test.sh, or serve target/site and set it');
  return b.endsWith('/') ? b : `${b}/`;
})();
export const PAGE_URL = `${BASE}index.html`;

/** Launches Debian's Chromium (never a downloaded browser), with no outside connections of its own. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Reads a fixture applicant as text. */
export const fixture = (name) => readFileSync(join(FIXTURES, name), 'utf8');

let ticPath;
/** Path of the `tic` binary: $TIC (test.sh sets it), else target/release/tic, built if missing. */
export function tic() {
  if (ticPath) return ticPath;
  ticPath = process.env.TIC || join(ROOT, 'target', 'release', 'tic');
  if (!existsSync(ticPath)) {
    execFileSync('cargo', ['build', '--release', '-q', '-p', 'tic-cli'], { cwd: ROOT, stdio: 'inherit' });
  }
  return ticPath;
}

/** `tic assess -` on the applicant JSON text, every field as the command line gives it. */
export function ticAssessFull(applicantJson) {
  return JSON.parse(execFileSync(tic(), ['assess', '-'], { input: applicantJson, encoding: 'utf8' }));
}

/** `tic assess -` on the applicant JSON text: the parsed assessment. */
export function ticAssess(applicantJson) {
  const out = execFileSync(tic(), ['assess', '-'], { input: applicantJson, encoding: 'utf8' });
  const report = JSON.parse(out);
  // `what_it_takes` comes from code the page's bundle does not carry (the 「申报准备」 tab shows
  // it; docs/format.md says so); every other field must agree.
  delete report.what_it_takes;
  return report;
}

/** base64url without padding of the UTF-8 text, as the contract's #applicant= link carries it. */
export const b64url = (text) => Buffer.from(text, 'utf8').toString('base64url');

/**
 * Runs in every document before the page's own scripts: records each tic-assess:result event (a copy
 * of its detail, with performance.now()), the last keydown time, CSP violations and uncaught errors.
 */
export function instrument() {
  window.__tic = { results: [], keyAt: null, csp: [], errors: [] };
  document.addEventListener('tic-assess:result', (e) => {
    window.__tic.results.push({ t: performance.now(), key: window.__tic.keyAt, detail: JSON.parse(JSON.stringify(e.detail)) });
  }, true);
  document.addEventListener('keydown', () => { window.__tic.keyAt = performance.now(); }, true);
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__tic.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  }, true);
  window.addEventListener('error', (e) => window.__tic.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.__tic.errors.push(String(e.reason)));
}

/** A new context + page with the instrumentation, console errors and page errors collected. */
export async function openPage(browser, { url = PAGE_URL, viewport = { width: 1280, height: 900 }, bypassCSP = false, contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport, bypassCSP, acceptDownloads: true, ...contextOptions });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.problems = problems;
  if (url) {
    await page.goto(url, { waitUntil: 'load' });
    await waitForResults(page, 1);
  }
  return { context, page };
}

/** Number of tic-assess:result events so far. */
export const resultCount = (page) => page.evaluate(() => window.__tic.results.length);

/** Waits until at least n result events have fired; returns the last one's detail. */
export async function waitForResults(page, n, timeout = 20000) {
  await page.waitForFunction((k) => window.__tic && window.__tic.results.length >= k, n, { timeout, polling: 20 });
  return lastResult(page);
}

/** The last result event's detail. */
export const lastResult = (page) => page.evaluate(() => window.__tic.results.at(-1)?.detail);

/** Waits until the page settles: no new result event for `quietMs`; returns the last detail. */
export async function settle(page, quietMs = 300) {
  let n = await resultCount(page);
  for (let i = 0; i < 100; i += 1) {
    await page.waitForTimeout(quietMs);
    const m = await resultCount(page);
    if (m === n) break;
    n = m;
  }
  return lastResult(page);
}

const id = (path) => `#f-${path.replace(/\./g, '-').replace(/\[(\d+)\]/g, '-$1')}`;

/** Sets one form field by its contract path: selects, checkboxes and text inputs alike. */
export async function setField(page, path, value) {
  const el = page.locator(id(path));
  const { tag, type } = await el.evaluate((e) => ({ tag: e.tagName, type: e.type }));
  if (tag === 'SELECT') {
    await el.selectOption(String(value));
  } else if (type === 'checkbox' || type === 'radio') {
    await el.setChecked(Boolean(value));
  } else {
    await el.fill(String(value));
  }
}

/** Fills the whole form from a contract applicant object, field by field, as a user would; returns the indicators it could not set (derived). */
export async function fillApplicant(page, a) {
  const scalars = [
    ['name', a.name], ['district', a.district], ['recommended_by', a.recommended_by],
    ['lead_unit.kind', a.lead_unit?.kind], ['lead_unit.leading_enterprise', a.lead_unit?.leading_enterprise],
    ['fields.carbon_neutral', a.fields?.carbon_neutral],
  ];
  for (const k of ['legal_status', 'bases', 'board', 'director', 'chief_scientist', 'expert_committee']) {
    scalars.push([`organization.${k}`, a.organization?.[k]]);
  }
  (a.investment_wan || []).forEach((v, i) => scalars.push([`investment_wan.${i}`, v]));
  (a.capacity_investment_wan || []).forEach((v, i) => scalars.push([`capacity_investment_wan.${i}`, v]));
  for (const [k, v] of Object.entries(a.team || {})) scalars.push([`team.${k}`, v]);
  for (const [k, v] of Object.entries(a.ecosystem || {})) scalars.push([`ecosystem.${k}`, v]);
  for (const [path, v] of scalars) if (v !== undefined && v !== null) await setField(page, path, v);
  // A list given as [] is a known "none": the page has a "-none" checkbox per list for that.
  const lists = [['lead_unit.platforms', a.lead_unit?.platforms]];
  for (const group of ['highlands', 'chains', 'clusters']) lists.push([`fields.${group}`, a.fields?.[group]]);
  for (const [path, items] of lists) {
    if (!Array.isArray(items)) continue;
    if (items.length === 0) await setField(page, `${path}.none`, true);
    for (const c of items) await setField(page, `${path}.${c}`, true);
  }
  // Indicators the profile already answers are derived (their selects disabled): only self-rated ones are set.
  const skipped = [];
  for (const [k, v] of Object.entries(a.indicators || {})) {
    const sel = page.locator(`#f-indicators-${k.replace(/\./g, '_')}`);
    if (await sel.isEnabled()) await sel.selectOption(v);
    else skipped.push(k);
  }
  return { skipped };
}

/** The verdict and subsidy as the page shows them (WEB.md hooks). */
export async function shown(page) {
  return page.evaluate(() => {
    const v = document.querySelector('#verdict');
    const total = document.querySelector('#funding-total');
    const years = [...document.querySelectorAll('[data-funding-year]')].map((r) => ({
      year: Number(r.dataset.fundingYear),
      amount_wan: Number(r.dataset.amountWan),
      limited_by: r.dataset.limitedBy,
    }));
    return {
      verdict: v?.dataset.verdict,
      total_wan: total ? Number(total.dataset.wan) : undefined,
      years,
      gaps: [...document.querySelectorAll('#gaps [data-req]')].map((g) => [g.dataset.req, g.dataset.status]),
    };
  });
}

/** The funding years of an assessment in the shape `shown` returns. */
export const fundingYears = (a) => a.funding.years.map((y) => ({ year: y.year, amount_wan: y.amount_wan, limited_by: y.limited_by }));

/** Saves a screenshot under target/screenshots/ (full page unless fullPage is false). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Saves a screenshot of one element (scrolled into view) under target/screenshots/. */
export async function screenshotOf(locator, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await locator.screenshot({ path });
  return path;
}
