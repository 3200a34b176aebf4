// `tic screen --brief` against the same rules in plain JavaScript run by Node, on the same JSON
// array of N generated applicants (default 100,000), JSON text in and JSON text out on both sides:
//   tic:  tic screen FILE --brief -o /dev/null   (a process: reading, parsing, assessing, writing)
//   Node: readFileSync → JSON.parse → map(assessJs) → JSON.stringify → /dev/null (in this process)
// The JavaScript rules (www/bench-rules.js) take every number from one `tic assess`; before
// anything is timed, every row of both sides is compared and the disagreements counted (the run
// fails unless 0). The rounds alternate between the two sides; best and median are printed.
// Needs the release build: cargo build --release -p tic-cli. See docs/speed.md.
//   node scripts/bench-node.mjs [N] [ROUNDS]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applicants, makeJs, same } from '../www/bench-rules.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TIC = process.env.TIC || join(ROOT, 'target', 'release', 'tic');
const N = Number(process.argv[2] || 100000);
const ROUNDS = Number(process.argv[3] || 5);

const dir = mkdtempSync(join(tmpdir(), 'tic-bench-'));
try {
  const file = join(dir, 'applicants.json');
  writeFileSync(file, JSON.stringify([...applicants(N)]));
  const full = JSON.parse(execFileSync(TIC, ['assess', '-'], { input: '{"schema":"tic-applicant/1"}' }));
  const assessJs = makeJs(full);
  const js = () => {
    const out = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).map((a, i) => ({ row: i + 1, ...assessJs(a) })));
    writeFileSync('/dev/null', out);
    return out;
  };
  const tic = (output) => {
    const r = spawnSync(TIC, ['screen', file, '--brief', '-o', output], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`tic screen exited ${r.status}: ${r.stderr}`);
  };

  // 1. Agreement on every row.
  const ticOut = join(dir, 'tic.json');
  tic(ticOut);
  const a = JSON.parse(readFileSync(ticOut, 'utf8'));
  const b = JSON.parse(js());
  let disagree = a.length === b.length ? 0 : Math.abs(a.length - b.length);
  a.forEach((x, i) => { if (!same(x, b[i])) { disagree++; if (disagree < 3) console.error('disagree', JSON.stringify(x), JSON.stringify(b[i])); } });

  // 2. Timings, alternating.
  const times = { tic: [], js: [] };
  for (let k = 0; k < ROUNDS; k++) {
    let t = performance.now(); tic('/dev/null'); times.tic.push(performance.now() - t);
    t = performance.now(); js(); times.js.push(performance.now() - t);
  }
  const stat = (xs) => { const s = [...xs].sort((x, y) => x - y); return { best_ms: Math.round(s[0]), median_ms: Math.round(s[Math.floor(s.length / 2)]) }; };
  const result = {
    applicants: N, rounds: ROUNDS, input_mb: +(readFileSync(file).length / 1e6).toFixed(1), disagree,
    tic: stat(times.tic), node: stat(times.js),
    speedup_best: +(Math.min(...times.js) / Math.min(...times.tic)).toFixed(2),
    cores: cpus().length, node_version: process.version,
  };
  console.log(JSON.stringify(result, null, 2));
  if (disagree) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
