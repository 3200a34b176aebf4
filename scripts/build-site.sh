#!/usr/bin/env bash
# Builds the WebAssembly bundles (www/pkg/ for the page, and the others below) and assembles the
# static site in target/site/: index.html (from the repo top level) + www/ (copied, not linked).
# Assumes scripts/setup-build.sh ran.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

wasm-opt --version >/dev/null 2>&1 || die "wasm-opt not found: run scripts/setup-build.sh first"
wb="$(wasm_bindgen_version)"
[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wb" ] ||
  die "wasm-bindgen $wb (the lockfile's) not found: run scripts/setup-build.sh first"
case "$(command -v wasm-opt)" in
  "$TOOLS"/*) ;;
  *) die "wasm-opt on PATH is not the npm binaryen one in .tools/: $(command -v wasm-opt)" ;;
esac
[ -f index.html ] || die "index.html is missing"

# Each WebAssembly bundle: crate dir -> output dir under www/ (the batch view and the page's
# construction-period tracking view and the preparation of the application are separate bundles,
# so the single page stays small).
BUNDLES=("web:www/pkg")
[ -f batch/Cargo.toml ] && BUNDLES+=("batch:www/batch-pkg")
[ -f sheets/Cargo.toml ] && BUNDLES+=("sheets:www/sheets-pkg")
[ -f track/Cargo.toml ] && BUNDLES+=("track:www/track-pkg")
[ -f apply/Cargo.toml ] && BUNDLES+=("apply:www/apply-pkg")
[ -f sandbox/Cargo.toml ] && BUNDLES+=("sandbox:www/sandbox-pkg")
# Panic messages carry source paths: this checkout's (build-script output under target/) and the
# cargo registry's. Left as they are, the bundle's bytes would depend on where it was built and
# the byte budgets would not be deterministic; remapped, one source gives one bundle everywhere.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/c --remap-path-prefix=$ROOT=/w"
# Each bundle in three steps (what wasm-pack would do, without installing it): the crate compiled
# for wasm32 in the wasm-release profile, its JS glue written by wasm-bindgen (the CLI of the
# lockfile's version), the module shrunk by wasm-opt with the options of lib.sh. wasm-opt runs in
# the background while cargo compiles the next bundle: both spend most of their time on one core
# (wasm-opt's passes, the bundle's LTO link), and wasm-opt takes 15–70 s a bundle.
OPT_PIDS=()
OPT_CACHE="$ROOT/target/wasm-opt-cache"
OPT_VERSION="$(wasm-opt --version)"
mkdir -p "$OPT_CACHE"
# A failed step leaves no wasm-opt running behind it.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
for b in "${BUNDLES[@]}"; do
  crate="${b%%:*}" out="${b#*:}"
  pkg="$(sed -n 's/^name *= *"\([^"]*\)".*/\1/p' "$crate/Cargo.toml" | head -n1)"
  lib="${pkg//-/_}"
  say "$pkg (crate $crate, profile wasm-release) -> $out/"
  cargo build --lib -p "$pkg" --target wasm32-unknown-unknown --profile wasm-release
  rm -rf "$out"
  wasm-bindgen "target/wasm32-unknown-unknown/wasm-release/$lib.wasm" \
    --out-dir "$out" --target web --no-typescript
  # wasm-opt's output is kept under the hash of its input, its options and its version: a bundle
  # whose module did not change is not optimised again (it takes minutes for the five).
  key="$( (cat "$out/${lib}_bg.wasm"; printf '%s\n' "${WASM_OPT_FLAGS[@]}" "$OPT_VERSION") |
    sha256sum | cut -c1-32)"
  cached="$OPT_CACHE/$lib-$key.wasm"
  if [ -f "$cached" ]; then
    cp "$cached" "$out/${lib}_bg.wasm"
    say "wasm-opt: $out/ unchanged since it was last optimised (target/wasm-opt-cache)"
    continue
  fi
  (wasm-opt "$out/${lib}_bg.wasm" -o "$out/${lib}_bg.wasm.tmp" "${WASM_OPT_FLAGS[@]}" &&
    rm -f "$OPT_CACHE/$lib-"*.wasm && cp "$out/${lib}_bg.wasm.tmp" "$cached.tmp" &&
    mv "$cached.tmp" "$cached" &&
    mv "$out/${lib}_bg.wasm.tmp" "$out/${lib}_bg.wasm" && say "wasm-opt done: $out/") &
  OPT_PIDS+=("$!:$out")
done
for p in "${OPT_PIDS[@]}"; do
  wait "${p%%:*}" || die "wasm-opt failed for ${p#*:}"
done

SITE="$ROOT/target/site"
say "assembling $SITE"
rm -rf "$SITE.tmp"
mkdir -p "$SITE.tmp"
cp index.html "$SITE.tmp/"
cp -R www "$SITE.tmp/www"
rm -f "$SITE.tmp/www/size-budget.json"
# What is served is minified (the sources in www/ stay readable): ~1.3 kB gzipped less.
python3 scripts/minify-css.py "$SITE.tmp"/www/*.css
python3 scripts/strip-js-comments.py "$SITE.tmp"/www/*.js
rm -rf "$SITE"
mv "$SITE.tmp" "$SITE"
say "site ready: $SITE ($(find "$SITE" -type f | wc -l) files, $(du -sh "$SITE" | cut -f1))"
