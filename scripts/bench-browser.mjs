// Runs www/bench.html (the page's module against plain JavaScript, same applicants, same page)
// in Debian's headless Chromium and prints its figures. Needs the site built and served:
//   bash scripts/build-site.sh
//   python3 scripts/serve.py --root target/site --port 8090 &
//   TIC_BASE_URL=http://127.0.0.1:8090/ node scripts/bench-browser.mjs [N]
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const base = process.env.TIC_BASE_URL || 'http://127.0.0.1:8090/';
const n = Number(process.argv[2] || 10000);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.error('page:', m.text()));
  await page.goto(`${base}www/bench.html?n=${n}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 300000 });
  const r = await page.evaluate(() => window.__bench);
  console.log(JSON.stringify(r, null, 2));
  if (r.disagree) process.exitCode = 1;
} finally {
  await browser.close();
}
