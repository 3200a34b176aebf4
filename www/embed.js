// <tic-assess>: the self-assessment as a custom element for portal pages.
//
//   <script type="module" src="https://tool.example/www/embed.js"></script>
//   <tic-assess lang="zh" mode="full"></tic-assess>
//
// Each element gets an open Shadow DOM holding the app's stylesheet, the embed's reset and one app
// (its own state: several widgets on a page are independent; ids are scoped to each shadow root).
// Attributes: lang="zh|en" (default zh), mode="full|compact|track" (default full); both may change later.
// mode="track" shows the construction-period tracking view instead (its own bundle, track-pkg/,
// imported only then; initial record: data-record="{…}" in tic-progress/1; event tic-track:result).
// Initial applicant (contract JSON): a data-applicant="{…}" attribute, or a child
// <script type="application/json">{…}</script> (data, not script: allowed by a strict CSP).
// Every widget fires `tic-assess:result` (bubbles, composed: it reaches the host page, retargeted
// to the <tic-assess> element) with the assessment as `detail`, after mounting and on every change.
// Nothing is stored (storage: false) and nothing is sent anywhere; the host page's address is
// neither read nor changed (link: false: no #applicant= link, no copy-link button).
//
// Needs, on the host page: script-src 'self' 'wasm-unsafe-eval' (or the embed's origin instead of
// 'self') and style-src allowing the embed's origin; nothing inline. See docs/embed.md.
import init, { mount } from './pkg/tic_web.js';

/** Where this script lives: the stylesheets and the module are resolved from here, not the page. */
const HERE = new URL('./', import.meta.url);
const STYLESHEETS = [new URL('style.css', HERE).href, new URL('embed.css', HERE).href];

// One WebAssembly instance for every widget on the page.
let engine;
function ready() {
  if (!engine) engine = init({ module_or_path: new URL('pkg/tic_web_bg.wasm', HERE) });
  return engine;
}

// The tracking view's bundle, loaded only when a widget has mode="track".
let trackEngine;
function trackReady() {
  if (!trackEngine) {
    trackEngine = import(new URL('track-pkg/tic_track_web.js', HERE).href).then(async (m) => {
      await m.default({ module_or_path: new URL('track-pkg/tic_track_web_bg.wasm', HERE) });
      return m;
    });
    trackEngine.catch(() => { trackEngine = undefined; });
  }
  return trackEngine;
}

const LANGS = ['zh', 'en'];
const MODES = ['full', 'compact', 'track'];
const pick = (value, allowed) => (allowed.includes(value) ? value : allowed[0]);

/** The host's initial applicant: data-applicant, else a child <script type="application/json">. */
function initialApplicant(el) {
  const attr = el.getAttribute('data-applicant');
  const script = el.querySelector(':scope > script[type="application/json"]');
  const text = attr ?? script?.textContent;
  if (text == null || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    // Handed over as text all the same: the app lists the problems like a refused import.
    console.warn(`<tic-assess>: the initial applicant is not valid JSON (${e.message})`);
    return text;
  }
}

export class TicAssess extends HTMLElement {
  static observedAttributes = ['lang', 'mode'];

  #container = null;
  #handle = null;
  #mounting = null;
  #shown = { lang: null, mode: null };

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      for (const href of STYLESHEETS) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        root.append(link);
      }
    }
    if (!this.#container && !this.#mounting) this.#mounting = this.#mount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#container) return;
    this.#update();
  }

  get lang() { return pick(this.getAttribute('lang'), LANGS); }
  set lang(v) { this.setAttribute('lang', v); }
  get mode() { return pick(this.getAttribute('mode'), MODES); }
  set mode(v) { this.setAttribute('mode', v); }

  async #mount(applicant = initialApplicant(this)) {
    if (this.mode === 'track') return this.#mountTrack();
    try {
      await ready();
    } catch (e) {
      this.#fail(e);
      this.#mounting = null;
      return;
    }
    const container = document.createElement('div');
    container.className = 'tic-embed';
    container.setAttribute('part', 'app');
    this.#container?.remove();
    this.shadowRoot.append(container);
    this.#container = container;
    this.#shown = { lang: this.lang, mode: this.mode };
    container.dataset.mode = this.#shown.mode;
    const options = { lang: this.#shown.lang, mode: this.#shown.mode, storage: false, link: false };
    if (applicant !== undefined) options.applicant = applicant;
    try {
      this.#handle = mount(container, options) ?? null;
    } catch (e) {
      this.#fail(e);
    }
    this.#mounting = null;
  }

  /** The tracking view (mode="track"): nothing stored, the host page's address left alone. */
  async #mountTrack() {
    let m;
    try {
      m = await trackReady();
    } catch (e) {
      this.#fail(e);
      this.#mounting = null;
      return;
    }
    const css = new URL('track.css', HERE).href;
    if (!this.shadowRoot.querySelector(`link[href="${css}"]`)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = css;
      this.shadowRoot.querySelector('link:last-of-type').after(link);
    }
    const container = document.createElement('div');
    container.className = 'tic-embed';
    container.setAttribute('part', 'app');
    this.#container?.remove();
    this.shadowRoot.append(container);
    this.#container = container;
    this.#shown = { lang: this.lang, mode: 'track' };
    container.dataset.mode = 'track';
    const options = { lang: this.#shown.lang, storage: false, link: false };
    const record = this.getAttribute('data-record');
    if (record) options.record = record;
    try {
      this.#handle = m.mount_track(container, options) ?? null;
    } catch (e) {
      this.#fail(e);
    }
    this.#mounting = null;
  }

  /** Applies a changed lang/mode: through the app's handle when it offers one, else by remounting. */
  #update() {
    const want = { lang: this.lang, mode: this.mode };
    if (want.lang === this.#shown.lang && want.mode === this.#shown.mode) return;
    if (want.mode === 'track' || this.#shown.mode === 'track') {
      // The tracking view and the self-assessment are different apps: a language change goes
      // through the handle, a change of view mounts the other one.
      if (want.mode === this.#shown.mode) {
        this.#handle?.set_lang(want.lang);
        this.#shown = want;
        return;
      }
      try { this.#handle?.unmount(); } catch { /* detached anyway */ }
      this.#handle = null;
      this.#mounting = this.#mount(want.mode === 'track' ? undefined : initialApplicant(this));
      return;
    }
    const h = this.#handle;
    const setLang = h && (h.setLang || h.set_lang);
    const setMode = h && (h.setMode || h.set_mode);
    if ((want.lang === this.#shown.lang || setLang) && (want.mode === this.#shown.mode || setMode)) {
      if (want.lang !== this.#shown.lang) setLang.call(h, want.lang);
      if (want.mode !== this.#shown.mode) setMode.call(h, want.mode);
      this.#shown = want;
      this.#container.dataset.mode = want.mode;
      return;
    }
    // No handle: mount afresh, keeping the answers if the app can hand them over.
    const current = h && (h.applicant || h.applicantJson || h.applicant_json);
    let applicant = initialApplicant(this);
    if (typeof current === 'function') {
      try { applicant = current.call(h); } catch { /* keep the initial applicant */ }
    }
    try { (h && (h.unmount || h.destroy))?.call(h); } catch { /* detached anyway */ }
    this.#handle = null;
    this.#mounting = this.#mount(applicant);
  }

  #fail(e) {
    const p = document.createElement('p');
    p.className = 'tic-embed-error';
    p.setAttribute('role', 'alert');
    p.textContent = this.lang === 'en'
      ? `The self-assessment could not load: ${e}`
      : `自评工具无法加载：${e}`;
    this.shadowRoot.append(p);
  }
}

if (!customElements.get('tic-assess')) customElements.define('tic-assess', TicAssess);
