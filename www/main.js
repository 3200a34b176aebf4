// Starts the self-assessment app on index.html. No inline script (CSP), no network after load:
// the module and its .wasm come from this site only.
import init, { mount } from './pkg/tic_web.js';

const host = document.getElementById('tic-app');
try {
  await init();
  const loading = document.getElementById('tic-loading');
  if (loading) loading.remove();
  mount(host, {});
} catch (err) {
  const p = document.createElement('p');
  p.className = 'load-error';
  p.setAttribute('role', 'alert');
  p.textContent = '页面未能加载（需要支持 WebAssembly 的浏览器）。The page could not start (it needs a browser with WebAssembly). ' + String(err);
  host.replaceChildren(p);
}
