// Times the page's WebAssembly module (assess with {brief: true}, assess_many) against a plain
// JavaScript implementation of the same rules, written for this benchmark only, on the same
// applicants in the same page. The JS side takes the policy's numbers from one assessment the
// module makes (nothing is typed twice), and every result of both sides is checked to agree
// before anything is timed. Query: ?n=10000&rounds=5. Result: JSON in #out, and window.__bench.
import init, { assess, assess_many } from './pkg/tic_web.js';
import { applicants, makeJs, same } from './bench-rules.js';

const params = new URLSearchParams(location.search);
const N = Number(params.get('n') || 10000);
const ROUNDS = Number(params.get('rounds') || 5);

function best(f) {
  const times = [];
  let out;
  for (let i = 0; i < ROUNDS; i++) { const t = performance.now(); out = f(); times.push(performance.now() - t); }
  times.sort((x, y) => x - y);
  return { best_ms: times[0], median_ms: times[Math.floor(times.length / 2)], out };
}

await init();
const list = [...applicants(N)];
const texts = list.map((a) => JSON.stringify(a));
const arrayText = JSON.stringify(list);
const assessJs = makeJs(JSON.parse(assess(JSON.stringify({ schema: 'tic-applicant/1' }))));

// 1. Agreement on every applicant, both per call and in one batch.
const batchWasm = JSON.parse(assess_many(arrayText));
let disagree = 0;
texts.forEach((t, i) => {
  const w = JSON.parse(assess(t, { brief: true }));
  const j = assessJs(JSON.parse(t));
  if (!same(w, j) || !same(batchWasm[i], j)) { disagree++; if (disagree < 3) console.log('disagree', t, JSON.stringify(w), JSON.stringify(j)); }
});

// 2. Timings: JSON text in, JSON text out on both sides.
const perWasm = best(() => texts.map((t) => assess(t, { brief: true })));
const perJs = best(() => texts.map((t) => JSON.stringify(assessJs(JSON.parse(t)))));
const manyWasm = best(() => assess_many(arrayText));
const manyJs = best(() => JSON.stringify(JSON.parse(arrayText).map(assessJs)));
const fullWasm = best(() => texts.slice(0, 1000).map((t) => assess(t)));

const result = {
  applicants: N, rounds: ROUNDS, disagree,
  per_call_us: { wasm: 1000 * perWasm.best_ms / N, js: 1000 * perJs.best_ms / N },
  batch_ms: { wasm: manyWasm.best_ms, js: manyJs.best_ms },
  batch_speedup: manyJs.best_ms / manyWasm.best_ms,
  per_call_ratio_js_over_wasm: perJs.best_ms / perWasm.best_ms,
  full_report_per_call_us: 1000 * fullWasm.best_ms / 1000,
  user_agent: navigator.userAgent,
};
window.__bench = result;
document.getElementById('out').textContent = JSON.stringify(result, null, 2);
