// The batch pre-screening view: loads its own WebAssembly bundle (www/batch-pkg, built from
// batch/ with wasm-pack) and mounts it. No inline script: the page runs under
// CSP default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.
import init, { mount } from './batch-pkg/tic_batch.js';

const root = document.getElementById('batch-app');
try {
  await init();
  root.replaceChildren();
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  mount(root, { lang });
} catch (e) {
  const p = document.createElement('p');
  p.className = 'load-error';
  p.setAttribute('role', 'alert');
  p.textContent = `无法加载预审工具 / The pre-screening tool could not load: ${e}`;
  root.replaceChildren(p);
}
