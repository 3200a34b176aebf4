#!/usr/bin/env bash
# Installs what building the site needs, skipping whatever is already there: the Rust toolchain that
# rust-toolchain.toml pins, the wasm32 target, wasm-bindgen-cli (the version in Cargo.lock) and
# wasm-opt (npm binaryen, into .tools/). No browser: serving needs none
# (scripts/setup-test.sh adds what the tests need). Idempotent; prints what it does.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# 0. The toolchain of rust-toolchain.toml. Everything below (rustup target, cargo) resolves it, so
#    it must exist first. When it is missing but the installed `stable` is exactly that release,
#    stable is registered under the pinned name instead of downloading the same compiler again.
pin="$(sed -n 's/^channel *= *"\([^"]*\)".*/\1/p' rust-toolchain.toml 2>/dev/null | head -n1)"
if [ -z "$pin" ]; then
  say "no channel in rust-toolchain.toml: using rustup's default toolchain"
elif rustup toolchain list 2>/dev/null | grep -q "^$pin-"; then
  say "Rust toolchain $pin (rust-toolchain.toml): present"
else
  stable_v="$(rustup run stable rustc --version 2>/dev/null | awk '{print $2}' || true)"
  host="$(rustup run stable rustc -vV 2>/dev/null | sed -n 's/^host: //p' || true)"
  tc_dir="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
  if [ "$stable_v" = "$pin" ] && [ -n "$host" ] && [ -d "$tc_dir/stable-$host" ]; then
    say "Rust toolchain $pin: the installed stable is $pin; registering it under that name"
    ln -s "stable-$host" "$tc_dir/$pin-$host"
  else
    say "installing Rust toolchain $pin (found stable: ${stable_v:-none})"
    rustup toolchain install "$pin" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
  fi
fi

# 1. wasm32 target
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, exactly the lockfile's wasm-bindgen (the JS glue must come from the same
#    version as the crate; its test runner runs the wasm tests)
wb="$(wasm_bindgen_version)"
if [ -z "$wb" ]; then
  say "wasm-bindgen not in Cargo.lock yet: skipping wasm-bindgen-cli"
else
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  have_runner="$(command -v wasm-bindgen-test-runner || true)"
  if [ "$have_wb" = "$wb" ] && [ -n "$have_runner" ]; then
    say "wasm-bindgen-cli $wb: present"
  else
    # Without --locked on purpose: the crate registry this project is built from lacks one
    # dependency version that wasm-bindgen-cli's own lockfile pins, so a --locked install fails.
    # Without default features: they only add TLS (rustls, ring) to the test runner's HTTP client,
    # which talks to chromedriver on 127.0.0.1; the install compiled in 110 s instead of 135.
    say "installing wasm-bindgen-cli $wb (found: ${have_wb:-none}; ~2 min)"
    cargo install wasm-bindgen-cli --version "$wb" --no-default-features --force
  fi
fi

# 3. wasm-opt from npm binaryen, repo-local (Debian's binaryen 108 cannot read current Rust output)
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
say "build setup done"
