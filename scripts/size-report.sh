#!/usr/bin/env bash
# Prints raw and gzip -9 bytes of the page's wasm, JS and CSS and the budget; `--check` fails over budget.
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/size-report.py" "$@"
