#!/usr/bin/env bash
# README command 1: install what building needs (scripts/setup-build.sh: no browser), build the site,
# and serve it on http://127.0.0.1:$PORT/ (default 8080). Ctrl-C stops the server.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash scripts/setup-build.sh
bash scripts/build-site.sh
PORT="${PORT:-8080}"
say "open http://127.0.0.1:$PORT/index.html"
exec python3 scripts/serve.py --root target/site --port "$PORT"
