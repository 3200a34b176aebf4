# shellcheck shell=bash
# Common environment for the project's scripts: sourced, not run.
# Puts the repo-local tools (.tools/node_modules/.bin: wasm-opt from npm binaryen) and cargo's bin
# directory first on PATH, so the build never picks up Debian's older binaryen.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Pinned tool versions (wasm-bindgen-cli is read from Cargo.lock instead).
BINARYEN_NPM_VERSION="132.0.0"
# wasm-opt's options for every bundle (written once here). `-Oz --converge` measured 536 gzipped
# bytes (18 kB raw) below `-O` on the page; the feature flags are the ones rustc's output uses
# (without them wasm-opt refuses the bulk-memory instructions).
WASM_OPT_FLAGS=(
  -Oz --converge --strip-producers --strip-target-features
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types
  --enable-sign-ext --enable-mutable-globals --enable-multivalue
)
CHROMIUM="/usr/bin/chromium"
CHROMEDRIVER="/usr/bin/chromedriver"

say() { printf '[%s] %s\n' "$(basename "$0")" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }
banner() { printf '\n==== %s ====\n' "$*"; }

# The wasm-bindgen version the build resolves: Cargo.lock first, else the `=X` pin in web/Cargo.toml.
wasm_bindgen_version() {
  local v
  v="$(awk '/^name = "wasm-bindgen"$/ { getline; if ($1 == "version") { gsub(/"/, "", $3); print $3; exit } }' "$ROOT/Cargo.lock" 2>/dev/null)"
  if [ -z "$v" ] && [ -f "$ROOT/web/Cargo.toml" ]; then
    v="$(sed -n 's/^wasm-bindgen *= *{\{0,1\}.*"=\{0,1\}\([0-9][0-9.]*\)".*/\1/p' "$ROOT/web/Cargo.toml" | head -n1)"
  fi
  printf '%s' "$v"
}
