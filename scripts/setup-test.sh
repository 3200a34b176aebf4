#!/usr/bin/env bash
# Installs what testing needs, skipping whatever is already there: everything building needs
# (scripts/setup-build.sh), then Debian's chromium + chromium-driver (browser tests), a CJK font
# (readable Chinese screenshots) and the end-to-end test packages (npm ci in tests/e2e).
# Idempotent; prints what it does.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

bash scripts/setup-build.sh

# 1. Debian packages: chromium + chromedriver (browser tests), a CJK font (readable Chinese screenshots)
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

# 2. end-to-end test packages (pinned in tests/e2e/package-lock.json; they never download a browser)
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
say "test setup done"
