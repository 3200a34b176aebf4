// The batch pre-screening view: loads its own WebAssembly bundle (www/batch-pkg, built from
// batch/) and mounts it. Spreadsheets are read and written by a second bundle (www/sheets-pkg,
// built from sheets/), imported the first time a spreadsheet is opened or saved. No inline
// script: the page runs under
// CSP default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.
import init, { mount } from './batch-pkg/tic_batch.js';

let sheets;
const loadSheets = () => {
  sheets ??= import('./sheets-pkg/tic_sheets.js').then(async (m) => {
    await m.default();
    return m;
  });
  // A failed load is tried again next time.
  sheets.catch(() => { sheets = undefined; });
  return sheets;
};

const root = document.getElementById('batch-app');
try {
  await init();
  root.replaceChildren();
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  mount(root, { lang, sheets: loadSheets });
} catch (e) {
  const p = document.createElement('p');
  p.className = 'load-error';
  p.setAttribute('role', 'alert');
  p.textContent = `无法加载预审工具 / The pre-screening tool could not load: ${e}`;
  root.replaceChildren(p);
}
