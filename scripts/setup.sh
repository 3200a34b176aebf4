#!/usr/bin/env bash
# Installs what building and testing the site needs, skipping whatever is already there:
# the wasm32 target, wasm-pack, wasm-bindgen-cli (the version in Cargo.lock), wasm-opt (npm binaryen,
# into .tools/), Debian's chromium + chromium-driver (+ a CJK font for screenshots), and the
# end-to-end test packages (npm ci in tests/e2e). Idempotent; prints what it does.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# 1. wasm32 target
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-pack
have_wp="$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wp" = "$WASM_PACK_VERSION" ]; then
  say "wasm-pack $WASM_PACK_VERSION: present"
else
  say "installing wasm-pack $WASM_PACK_VERSION (found: ${have_wp:-none}; ~2 min)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# 3. wasm-bindgen-cli, exactly the lockfile's wasm-bindgen (wasm-pack downloads one otherwise, which fails here)
wb="$(wasm_bindgen_version)"
if [ -z "$wb" ]; then
  say "wasm-bindgen not in Cargo.lock yet: skipping wasm-bindgen-cli"
else
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  have_runner="$(command -v wasm-bindgen-test-runner || true)"
  if [ "$have_wb" = "$wb" ] && [ -n "$have_runner" ]; then
    say "wasm-bindgen-cli $wb: present"
  else
    # Without --locked on purpose: the registry here lacks one version its lockfile pins (toolchain.md).
    say "installing wasm-bindgen-cli $wb (found: ${have_wb:-none}; ~2.5 min)"
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi
fi

# 4. wasm-opt from npm binaryen, repo-local (Debian's binaryen 108 cannot read current Rust output)
have_bin="$(node -p "try{require('$TOOLS/node_modules/binaryen/package.json').version}catch(e){''}" 2>/dev/null || true)"
if [ "$have_bin" = "$BINARYEN_NPM_VERSION" ] && [ -x "$TOOLS/node_modules/.bin/wasm-opt" ]; then
  say "wasm-opt (npm binaryen $BINARYEN_NPM_VERSION) in .tools: present"
else
  say "installing wasm-opt: npm binaryen@$BINARYEN_NPM_VERSION into .tools/"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || printf '{ "name": "tic-tools", "private": true }\n' > "$TOOLS/package.json"
  npm install --prefix "$TOOLS" --no-audit --no-fund --save-exact "binaryen@$BINARYEN_NPM_VERSION"
fi
say "wasm-opt: $(command -v wasm-opt) ($(wasm-opt --version 2>/dev/null || echo '?'))"

# 5. Debian packages: chromium + chromedriver (browser tests), a CJK font (readable Chinese screenshots)
apt_pkgs=()
[ -x "$CHROMIUM" ] || apt_pkgs+=(chromium)
[ -x "$CHROMEDRIVER" ] || apt_pkgs+=(chromium-driver)
if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n1)" ]; then :; else apt_pkgs+=(fonts-wqy-microhei); fi
if [ "${#apt_pkgs[@]}" -eq 0 ]; then
  say "chromium, chromedriver, a CJK font: present"
else
  [ "$(id -u)" = 0 ] && SUDO="" || SUDO="sudo"
  say "installing Debian packages: ${apt_pkgs[*]} (~45 s)"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${apt_pkgs[@]}" </dev/null
fi

# 6. end-to-end test packages (pinned in tests/e2e/package-lock.json; they never download a browser)
if [ -f tests/e2e/package-lock.json ]; then
  if node -e '
      const a = require("./tests/e2e/package-lock.json").packages, b = require("./tests/e2e/node_modules/.package-lock.json").packages;
      const keys = Object.keys(a).filter((k) => k !== "");
      process.exit(keys.length === Object.keys(b).length && keys.every((k) => b[k] && b[k].version === a[k].version) ? 0 : 1);
    ' 2>/dev/null; then
    say "tests/e2e node_modules: up to date"
  else
    say "npm ci in tests/e2e"
    (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi
say "setup done"
