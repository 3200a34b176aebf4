#!/usr/bin/env python3
"""Prints the raw and gzip -9 sizes of what the page downloads (the wasm module, its JS glue and
snippets, the CSS and scripts index.html links) and their total, and checks the total against the budget in
www/size-budget.json. The views the page imports only when their tab is first opened (the
construction-period tracking view, www/track-pkg/; the preparation view, www/apply-pkg/), the
batch view (batch.html: www/batch-pkg/) and the spreadsheet bundle it imports when a spreadsheet
is opened or saved (www/sheets-pkg/) are reported and checked separately, each against its own
budget (`track_budget_gzip_bytes`, `apply_budget_gzip_bytes`, `batch_budget_gzip_bytes`,
`sheets_budget_gzip_bytes`).

Usage: size-report.py [--check] [--json]
--check: exit 1 when the gzipped total exceeds the budget (or the module is not built).
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUDGET_FILE = os.path.join(ROOT, "www", "size-budget.json")


def gzip9(path):
    """Bytes of `gzip -9 -n` of the file (what a server's static gzip would send)."""
    with open(path, "rb") as f:
        out = subprocess.run(["gzip", "-9", "-n", "-c"], stdin=f, capture_output=True, check=True).stdout
    return len(out)


def page_assets():
    """Stylesheets and scripts that index.html links (relative paths), in order."""
    index = os.path.join(ROOT, "index.html")
    if not os.path.exists(index):
        return None
    with open(index, encoding="utf-8") as f:
        html = f.read()
    refs = re.findall(r"""<(?:link|script)\b[^>]*?(?:href|src)=["']([^"':]+)["']""", html)
    return [os.path.normpath(os.path.join(ROOT, r)) for r in refs if r.endswith((".css", ".js"))]


def files():
    """What the single page downloads: the wasm module, its JS glue and snippets, and the CSS and
    scripts index.html links (www/*.css when there is no index.html)."""
    pkg = os.path.join(ROOT, "www", "pkg")
    found = [os.path.join(pkg, "tic_web_bg.wasm"), os.path.join(pkg, "tic_web.js")]
    found += sorted(glob.glob(os.path.join(pkg, "snippets", "**", "*.js"), recursive=True))
    linked = page_assets()
    if linked is None:
        linked = sorted(glob.glob(os.path.join(ROOT, "www", "*.css")))
    for p in linked:
        if p not in found:
            found.append(p)
    return found


# The bundles with a budget of their own: (name, what, budget key, module, extra files). Each is
# www/NAME-pkg/MODULE{_bg.wasm,.js} (and snippets) plus the extra files of www/.
VIEWS = [
    ("track", "tracking view, loaded when its tab is opened", "track_budget_gzip_bytes",
     "tic_track_web", ["track.css"]),
    ("apply", "preparation view (申报准备), loaded when its tab is opened",
     "apply_budget_gzip_bytes", "tic_apply_web", ["apply.css"]),
    ("batch", "batch view (batch.html)", "batch_budget_gzip_bytes", "tic_batch",
     ["batch.css", "batch.js"]),
    ("sheets", "spreadsheet bundle, loaded by the batch view when a spreadsheet is opened or saved",
     "sheets_budget_gzip_bytes", "tic_sheets", []),
]


def view_pkg(name):
    return os.path.join(ROOT, "www", f"{name}-pkg")


def view_files(name, module, extra):
    """A separately budgeted bundle's module, glue and snippets, and its other files."""
    pkg = view_pkg(name)
    found = [os.path.join(pkg, f"{module}_bg.wasm"), os.path.join(pkg, f"{module}.js")]
    found += sorted(glob.glob(os.path.join(pkg, "snippets", "**", "*.js"), recursive=True))
    found += [os.path.join(ROOT, "www", e) for e in extra]
    return found


def other_bundles():
    """The other wasm bundles (e.g. the policy sandbox's), reported for information only."""
    views = tuple(view_pkg(v[0]) + os.sep for v in VIEWS)
    return sorted(p for p in glob.glob(os.path.join(ROOT, "www", "*-pkg", "*"))
                  if p.endswith((".wasm", ".js")) and not p.startswith(views))


SITE = os.path.join(ROOT, "target", "site")


def served(p):
    """The copy build-site.sh deploys (minified stylesheets), when the site is built."""
    site = os.path.join(SITE, os.path.relpath(p, ROOT))
    return site if os.path.exists(site) and os.path.getmtime(site) >= os.path.getmtime(p) else p


def measure(paths):
    """(rows, missing) for the paths: rows of (relative path, raw bytes, gzip -9 bytes); each
    measured as served (target/site, after build-site.sh) when that copy is up to date."""
    rows, missing = [], []
    for p in paths:
        if os.path.exists(p):
            p = served(p)
            rows.append((os.path.relpath(p, ROOT), os.path.getsize(p), gzip9(p)))
        else:
            missing.append(os.path.relpath(p, ROOT))
    return rows, missing


def main():
    check = "--check" in sys.argv
    as_json = "--json" in sys.argv
    data = {}
    if os.path.exists(BUDGET_FILE):
        with open(BUDGET_FILE) as f:
            data = json.load(f)
    budget = data.get("budget_gzip_bytes")
    rows, missing = measure(files())
    raw = sum(r[1] for r in rows)
    gz = sum(r[2] for r in rows)
    # Each lazily loaded view that is built: (name, what, budget, rows, missing, raw, gzip).
    views = []
    for name, what, key, module, extra in VIEWS:
        if os.path.isdir(view_pkg(name)):
            vrows, vmissing = measure(view_files(name, module, extra))
            views.append((name, what, key, data.get(key), vrows, vmissing,
                          sum(r[1] for r in vrows), sum(r[2] for r in vrows)))
    if as_json:
        out = {"files": [{"path": p, "raw": r, "gzip9": g} for p, r, g in rows],
               "total_raw": raw, "total_gzip9": gz, "budget_gzip_bytes": budget, "missing": missing}
        for name, _, _, vb, vrows, vmissing, vraw, vgz in views:
            out[name] = {"files": [{"path": p, "raw": r, "gzip9": g} for p, r, g in vrows],
                         "total_raw": vraw, "total_gzip9": vgz, "budget_gzip_bytes": vb,
                         "missing": vmissing}
        print(json.dumps(out, indent=2))
    else:
        print(f"{'file':<40} {'raw':>10} {'gzip -9':>10}")
        for p, r, g in rows:
            print(f"{p:<40} {r:>10,} {g:>10,}")
        print(f"{'total':<40} {raw:>10,} {gz:>10,}")
        if budget is not None:
            print(f"budget (gzip -9, www/size-budget.json): {budget:,} bytes; "
                  f"{'within' if gz <= budget else 'OVER'} by {abs(budget - gz):,}")
        for m in missing:
            print(f"missing: {m}")
        for name, what, key, vb, vrows, vmissing, vraw, vgz in views:
            print(f"{what} (www/{name}-pkg; its own budget):")
            for p, r, g in vrows:
                print(f"  {p:<38} {r:>10,} {g:>10,}")
            print(f"  {'total':<38} {vraw:>10,} {vgz:>10,}")
            if vb is not None:
                print(f"  budget ({key}): {vb:,} bytes; "
                      f"{'within' if vgz <= vb else 'OVER'} by {abs(vb - vgz):,}")
            for m in vmissing:
                print(f"  missing: {m}")
        others = [(os.path.relpath(p, ROOT), os.path.getsize(p), gzip9(p)) for p in other_bundles()]
        if others:
            print("other bundles (not in the page's budget):")
            for p, r, g in others:
                print(f"  {p:<38} {r:>10,} {g:>10,}")
    if check:
        if missing[:2] and any(m.endswith(("tic_web_bg.wasm", "tic_web.js")) for m in missing):
            print("size check: the module is not built", file=sys.stderr)
            return 1
        if budget is None:
            print("size check: no budget in www/size-budget.json", file=sys.stderr)
            return 1
        if gz > budget:
            print(f"size check: FAILED, {gz:,} gzipped bytes > budget {budget:,}", file=sys.stderr)
            return 1
        print(f"size check: ok, {gz:,} <= {budget:,} gzipped bytes")
        for name, what, key, vb, vrows, vmissing, vraw, vgz in views:
            if vmissing:
                print(f"size check: the {what} is not built: " + ", ".join(vmissing), file=sys.stderr)
                return 1
            if vb is None:
                print(f"size check: no {key} in www/size-budget.json", file=sys.stderr)
                return 1
            if vgz > vb:
                print(f"size check: FAILED, {what} {vgz:,} gzipped bytes > budget {vb:,}",
                      file=sys.stderr)
                return 1
            print(f"size check: {what} ok, {vgz:,} <= {vb:,} gzipped bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
