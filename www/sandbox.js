// The policy sandbox for officials: loads its own WebAssembly bundle (www/sandbox-pkg, built from
// sandbox/ with wasm-pack) and mounts it. No inline script: the page runs under
// CSP default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.
import init, { mount } from './sandbox-pkg/tic_sandbox_web.js';

const root = document.getElementById('sandbox-app');
try {
  await init();
  root.replaceChildren();
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  mount(root, { lang });
} catch (e) {
  const p = document.createElement('p');
  p.className = 'load-error';
  p.setAttribute('role', 'alert');
  p.textContent = `无法加载政策沙盘 / The policy sandbox could not load: ${e}`;
  root.replaceChildren(p);
}
