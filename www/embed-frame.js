// embed.html: mounts the app and talks to the parent page through postMessage:
//   {type: 'tic-assess:height', height}  on every change of the page's height (ResizeObserver),
//   {type: 'tic-assess:result', detail}  for each tic-assess:result event (detail: the assessment).
// Messages go to the parent's origin: ?parent=<origin> if given, else the referrer's origin
// (the page that embeds the frame), else '*' (the data is what the user typed into the frame the
// parent embedded; pass ?parent= to pin it).
import init, { mount } from './pkg/tic_web.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'zh';
const mode = params.get('mode') === 'compact' ? 'compact' : 'full';

function parentOrigin() {
  for (const candidate of [params.get('parent'), document.referrer]) {
    if (!candidate) continue;
    try {
      const o = new URL(candidate).origin;
      if (o && o !== 'null') return o;
    } catch { /* not a URL: try the next */ }
  }
  return '*';
}
const target = parentOrigin();
const post = (message) => {
  if (window.parent !== window) window.parent.postMessage(message, target);
};

/** The contract's #applicant= fragment: base64url (no padding) of the UTF-8 JSON. */
function fragmentApplicant() {
  const m = /(?:^#|&)applicant=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (!m) return undefined;
  try {
    const b64 = m[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

document.documentElement.lang = lang;
const root = document.getElementById('tic-app');
root.addEventListener('tic-assess:result', (e) => post({ type: 'tic-assess:result', detail: e.detail }));

let last = -1;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    post({ type: 'tic-assess:height', height });
  }
};
new ResizeObserver(report).observe(document.documentElement);

try {
  await init();
  const options = { lang, mode, storage: false };
  const applicant = fragmentApplicant();
  if (applicant !== undefined) options.applicant = applicant;
  mount(root, options);
} catch (e) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `${lang === 'en' ? 'The self-assessment could not load' : '自评工具无法加载'}: ${e}`;
  root.replaceChildren(p);
}
report();
