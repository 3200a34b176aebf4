#!/usr/bin/env bash
# README command 2 (and what CI runs): installs what is missing (scripts/setup-test.sh), then checks
# everything, failing fast: fmt, clippy (native + wasm32), cargo test, the data contract cases (when
# a ../shared/contract folder with its checkers sits beside the repo), the WebAssembly tests in
# headless Chromium, the site build, the size budget, and the end-to-end tests on the served site.
# Ends with one line "tests: N passed, M failed" summing every test runner's counts.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

LOGDIR="$ROOT/target/test-logs"
rm -rf "$LOGDIR" && mkdir -p "$LOGDIR"
STEPS=()     # "name<TAB>seconds<TAB>status"
SERVER_PID=""
T0=$SECONDS

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Sums of passed/failed tests over every runner's closing lines (cargo test, wasm-bindgen-test, node --test,
# the two contract checkers).
count_tests() {
  python3 - "$LOGDIR" <<'PY'
import glob, re, sys
p = f = 0
for log in glob.glob(sys.argv[1] + "/*.log"):
    text = open(log, errors="replace").read()
    for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed", text):
        p += int(m.group(1)); f += int(m.group(2))
    for m in re.finditer(r"^(?:# |ℹ )pass (\d+)$", text, re.M):
        p += int(m.group(1))
    for m in re.finditer(r"^(?:# |ℹ )fail (\d+)$", text, re.M):
        f += int(m.group(1))
    for m in re.finditer(r"^(?:contract cases|progress contract): (\d+)/(\d+) agree$", text, re.M):
        p += int(m.group(1)); f += int(m.group(2)) - int(m.group(1))
print(p, f)
PY
}

summary() {
  local status=$1
  printf '\n==== summary (%ss in all) ====\n' "$((SECONDS - T0))"
  local s
  for s in "${STEPS[@]}"; do
    IFS=$'\t' read -r n secs st <<<"$s"
    printf '  %-44s %5ss  %s\n' "$n" "$secs" "$st"
  done
  read -r P F < <(count_tests)
  if [ "$status" -ne 0 ] && [ "$F" -eq 0 ]; then F=1; fi  # a failed step that is not a test still fails
  printf '\ntests: %s passed, %s failed\n' "$P" "$F"
}

# step NAME COMMAND...: runs COMMAND with a banner, logs its output, stops everything on failure.
step() {
  local name=$1; shift
  local start=$SECONDS slug
  slug="$(printf '%02d' "${#STEPS[@]}")-$(printf '%s' "$name" | tr -c 'a-zA-Z0-9' '-' | cut -c1-40)"
  banner "$name"
  local rc
  if [ "${STEP_IN_SHELL:-}" = 1 ]; then
    # Runs in this shell (start_server's exports and background pid must stay); output shown afterwards.
    "$@" >"$LOGDIR/$slug.log" 2>&1
    rc=$?
    cat "$LOGDIR/$slug.log"
  else
    "$@" 2>&1 | tee "$LOGDIR/$slug.log"
    rc=${PIPESTATUS[0]}
  fi
  if [ "$rc" -eq 0 ]; then
    STEPS+=("$name"$'\t'"$((SECONDS - start))"$'\t'"ok")
  else
    STEPS+=("$name"$'\t'"$((SECONDS - start))"$'\t'"FAILED (exit $rc)")
    printf '\n!!!! FAILED: %s (exit %s); log: %s\n' "$name" "$rc" "$LOGDIR/$slug.log"
    summary "$rc"
    exit "$rc"
  fi
}

skip() { STEPS+=("$1"$'\t'"0"$'\t'"skipped: $2"); banner "$1"; say "skipped: $2"; }

SHARED="$(cd "$ROOT/.." && pwd)/shared"

contract() { python3 "$SHARED/contract/check.py" . "$1"; }
# The wasm-bindgen tests of a package, in headless Chromium through chromedriver: cargo runs each
# test module with wasm-bindgen's test runner (the CLI setup-build.sh installs, of the lockfile's
# version), which is what `wasm-pack test --headless --chrome` does, without installing wasm-pack.
wasm_test() {
  CHROMEDRIVER="$CHROMEDRIVER" WASM_BINDGEN_TEST_ONLY_WEB=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test -p "$1" --target wasm32-unknown-unknown
}
progress_contract() { python3 "$SHARED/contract/check_progress.py" . "$1"; }

start_server() {
  local portfile="$LOGDIR/port"
  rm -f "$portfile"
  python3 scripts/serve.py --root target/site --port 0 --port-file "$portfile" --quiet >"$LOGDIR/server.out" 2>&1 &
  SERVER_PID=$!
  local i
  for i in $(seq 1 100); do
    [ -s "$portfile" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOGDIR/server.out"; return 1; }
    sleep 0.1
  done
  [ -s "$portfile" ] || { say "server did not start"; return 1; }
  export TIC_BASE_URL="http://127.0.0.1:$(cat "$portfile")/"
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]).read()" "${TIC_BASE_URL}index.html" || return 1
  say "serving target/site at $TIC_BASE_URL (pid $SERVER_PID)"
}

export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
# The contract checkers and the e2e tests use the `tic` that `cargo test --workspace` builds (debug,
# with overflow checks: stricter than the release build, and no second compilation of the
# workspace, which took ~110 s on a fresh machine; the e2e suite takes the same time with either).
export TIC="$ROOT/target/debug/tic"

step "setup (installs what is missing)" bash scripts/setup-test.sh
step "cargo fmt --all --check" cargo fmt --all --check
step "cargo clippy (native, all targets)" cargo clippy --workspace --all-targets -- -D warnings
# The WebAssembly crates (the page; the batch view when present), linted for their real target.
WASM_PKGS=(-p tic-web)
[ -f batch/Cargo.toml ] && WASM_PKGS+=(-p tic-batch)
[ -f track/Cargo.toml ] && WASM_PKGS+=(-p tic-track-web)
[ -f apply/Cargo.toml ] && WASM_PKGS+=(-p tic-apply-web)
[ -f sandbox/Cargo.toml ] && WASM_PKGS+=(-p tic-sandbox-web)
[ -f sheets/Cargo.toml ] && WASM_PKGS+=(-p tic-sheets)
[ -f ui/Cargo.toml ] && WASM_PKGS+=(-p tic-ui)
step "cargo clippy (wasm32: ${WASM_PKGS[*]})" cargo clippy "${WASM_PKGS[@]}" --target wasm32-unknown-unknown --all-targets -- -D warnings
# The workspace build turns tic-tabular's `xlsx` feature on; the batch view's bundle has it off.
step "cargo clippy (tic-tabular without xlsx, as the batch view has it)" cargo clippy -p tic-tabular --no-default-features --lib -- -D warnings
step "cargo test --workspace" cargo test --workspace
if [ -f "$SHARED/contract/check.py" ]; then
  step "contract examples (../shared)" contract "$SHARED/contract/examples"
  if [ -d tests/cases ]; then
    step "contract cases (tests/cases)" contract tests/cases
  else
    skip "contract cases (tests/cases)" "tests/cases does not exist"
  fi
else
  skip "contract checks" "no ../shared/contract/check.py beside the repo"
fi
if [ -f "$SHARED/contract/check_progress.py" ]; then
  step "progress contract examples (../shared)" progress_contract "$SHARED/contract/examples/progress"
  if [ -d tests/progress ]; then
    step "progress contract cases (tests/progress)" progress_contract tests/progress
  else
    skip "progress contract cases (tests/progress)" "tests/progress does not exist"
  fi
else
  skip "progress contract checks" "no ../shared/contract/check_progress.py beside the repo"
fi
for crate in web batch; do
  # crates with wasm-bindgen-test tests run them in headless Chromium
  if [ -f "$crate/Cargo.toml" ] && grep -q '^wasm-bindgen-test' "$crate/Cargo.toml"; then
    pkg="$(sed -n 's/^name *= *"\([^"]*\)".*/\1/p' "$crate/Cargo.toml" | head -n1)"
    step "wasm tests in headless Chromium ($pkg)" wasm_test "$pkg"
  fi
done
step "build site (scripts/build-site.sh)" bash scripts/build-site.sh
step "size budget (scripts/size-report.py --check)" python3 scripts/size-report.py --check
STEP_IN_SHELL=1 step "serve target/site on 127.0.0.1" start_server
step "end-to-end (node --test tests/e2e/)" timeout 1200 node --test tests/e2e/

summary 0
