#!/usr/bin/env python3
"""Minifies the deployed copies of the site's stylesheets in place (build-site.sh runs it on
target/site/www/*.css; the sources in www/ stay readable): drops comments, collapses whitespace,
and removes the spaces that never matter (around { } ; , > and after :). Whitespace inside
quoted strings is kept. Usage: minify-css.py FILE..."""
import re
import sys

TOKEN = re.compile(r'("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\')|/\*.*?\*/|(\s+)', re.S)


def minify(css):
    # Comments out and whitespace runs collapsed, strings untouched.
    def sub(m):
        if m.group(1):
            return m.group(1)
        return " " if m.group(2) else ""
    out = TOKEN.sub(sub, css)
    parts = re.split(r'("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\')', out)
    for i in range(0, len(parts), 2):
        p = re.sub(r"\s*([{};,>])\s*", r"\1", parts[i])
        p = re.sub(r":\s+", ":", p)
        parts[i] = p.replace(";}", "}")
    return "".join(parts).strip() + "\n"


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            css = f.read()
        small = minify(css)
        if small.count("{") != small.count("}"):
            raise SystemExit(f"{path}: unbalanced braces after minifying")
        with open(path, "w", encoding="utf-8") as f:
            f.write(small)


if __name__ == "__main__":
    main(sys.argv[1:])
