#!/usr/bin/env python3
"""Drops the whole-line comments (`// …` and one-line `/** … */`) from the deployed copies of the
site's own scripts, in place (build-site.sh runs it on target/site/www/*.js; the sources in www/
stay commented). Only lines that are nothing but a comment go: code, strings and template
literals are never touched, so the scripts run the same. Usage: strip-js-comments.py FILE..."""
import re
import sys

COMMENT_LINE = re.compile(r"^\s*(//.*|/\*.*\*/)\s*$")


def strip(js):
    out, in_template = [], False
    for line in js.split("\n"):
        # A line inside a multi-line template literal is text, not code: keep it.
        if not in_template and COMMENT_LINE.match(line):
            continue
        out.append(line)
        if line.count("`") % 2 == 1:
            in_template = not in_template
    return "\n".join(out)


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        js = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(strip(js))
