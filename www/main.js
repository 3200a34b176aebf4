// Starts the self-assessment app on index.html, and the tab bar above it: the construction-period
// tracking view (track-pkg/) and the preparation of the application (apply-pkg/) are separate
// bundles, each imported only when its tab is first opened (the tracking view also at load when
// the address carries a #progress= link). No inline script (CSP), no network after load except
// those bundles, from this site only.
import init, { mount } from './pkg/tic_web.js';

const host = document.getElementById('tic-app');
const tabs = [...document.querySelectorAll('#tic-tabs [role="tab"]')];
let page = null;   // the self-assessment's mount handle

const pageLang = () => (document.documentElement.lang || '').startsWith('en') ? 'en' : 'zh';
const plan = () => { try { return page?.applicant_json() ?? undefined; } catch { return undefined; } };

function loadError(where, err) {
  const p = document.createElement('p');
  p.className = 'load-error';
  p.role = 'alert';
  p.textContent = '页面未能加载（需要支持 WebAssembly 的浏览器）。The page could not start (it needs a browser with WebAssembly). ' + String(err);
  where.replaceChildren(p);
}

/** Adds a stylesheet to the document once; resolves when it is loaded (or failed: the view still works). */
function stylesheet(href) {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = link.onerror = resolve;
    document.head.append(link);
  });
}

// The view of a tab with a data-view name (`track`, `apply`): its own bundle (NAME-pkg/) and
// style sheet (NAME.css), mounted on first use, then given the current answers and language.
const views = {};
function open(tab) {
  const name = tab.dataset.view;
  const where = document.getElementById(tab.getAttribute('aria-controls'));
  if (!views[name]) {
    const loading = document.createElement('p');
    loading.className = 'loading';
    loading.textContent = '正在加载… Loading…';
    where.replaceChildren(loading);
    views[name] = (async () => {
      await stylesheet(new URL(name + '.css', import.meta.url).href);
      const m = await import(`./${name}-pkg/tic_${name}_web.js`);
      await m.default();
      loading.remove();
      return m['mount_' + name](where, { lang: pageLang(), plan: plan() });
    })();
    views[name].catch((err) => { views[name] = null; loadError(where, err); });
  }
  return views[name].then((h) => { h.set_plan(plan()); h.set_lang(pageLang()); return h; });
}

function select(tab, focus = false) {
  for (const t of tabs) {
    const on = t === tab;
    t.ariaSelected = on;
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (focus) tab.focus();
  if (tab.dataset.view) open(tab).catch(() => {});
}

for (const t of tabs) {
  t.addEventListener('click', () => select(t));
  t.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(t);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length], true);
  });
}

// The tabs' names follow the page's language (the self-assessment sets <html lang>).
function relabel() {
  const l = pageLang();
  document.getElementById('tic-tabs').setAttribute('aria-label', l === 'en' ? 'Views' : '视图');
  for (const t of tabs) t.textContent = t.dataset[l];
}
new MutationObserver(relabel).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

// A #progress= link opens the tracking tab (the third: self-assessment, preparation, tracking).
const wantsTracking = () => location.hash.startsWith('#progress=');
window.addEventListener('hashchange', () => { if (wantsTracking()) select(tabs[2]); });
if (wantsTracking()) select(tabs[2]);

try {
  await init();
  document.getElementById('tic-loading')?.remove();
  page = mount(host, {});
  relabel();
} catch (err) {
  loadError(host, err);
}
