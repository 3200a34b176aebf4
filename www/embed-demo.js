// embed-demo.html: logs what a portal page sees of its widgets: each tic-assess:result event (from
// which widget, verdict, subsidy), each message of the iframe (height, result), and every CSP
// violation (listed visibly, counted in #csp-status[data-violations]).
const log = document.getElementById('event-log');
const cspLog = document.getElementById('csp-log');
const cspStatus = document.getElementById('csp-status');
const cspCount = document.getElementById('csp-count');

function line(list, text, data = {}) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toISOString().slice(11, 23)} ${text}`;
  Object.assign(li.dataset, data);
  list.append(li);
  while (list.children.length > 200) list.firstElementChild.remove();
}

document.addEventListener('securitypolicyviolation', (e) => {
  const n = Number(cspStatus.dataset.violations) + 1;
  cspStatus.dataset.violations = String(n);
  cspCount.textContent = String(n);
  line(cspLog, `CSP: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`, { kind: 'csp' });
});

// The event is composed: it leaves each widget's shadow root, retargeted to the <tic-assess> element.
document.addEventListener('tic-assess:result', (e) => {
  const d = e.detail || {};
  line(log, `${e.target.id || e.target.tagName}: tic-assess:result ${d.verdict} · ${d.funding?.total_wan} 万元`, {
    kind: 'result', source: e.target.id, verdict: d.verdict ?? '', totalWan: String(d.funding?.total_wan ?? ''),
  });
});

// The iframe's messages, accepted only from the frame itself, at the origin of its src.
const frame = document.getElementById('tic-frame');
const frameOrigin = new URL(frame.src, location.href).origin;
window.addEventListener('message', (e) => {
  if (e.origin !== frameOrigin || e.source !== frame.contentWindow) return;
  const m = e.data || {};
  if (m.type === 'tic-assess:height' && Number.isFinite(m.height)) {
    frame.height = String(Math.ceil(m.height));
    line(log, `tic-frame: height ${m.height}px`, { kind: 'height', source: 'tic-frame', height: String(m.height) });
  } else if (m.type === 'tic-assess:result') {
    const d = m.detail || {};
    line(log, `tic-frame: tic-assess:result ${d.verdict} · ${d.funding?.total_wan} 万元`, {
      kind: 'result', source: 'tic-frame', verdict: d.verdict ?? '', totalWan: String(d.funding?.total_wan ?? ''),
    });
  }
});
