#!/usr/bin/env python3
"""A tiny static file server for the built site (python3 standard library only).

Binds 127.0.0.1 only, serves `.wasm` as application/wasm and `.js`/`.mjs` as text/javascript,
and sends no directory listings. The pages carry their own Content-Security-Policy (meta tag);
--csp adds the strict policy of the embed documentation as a header too (both then apply).

Usage: serve.py [--root DIR] [--port N] [--port-file FILE] [--csp] [--quiet]
Port 0 picks a free port; --port-file receives the port actually bound (for scripts).
"""
import argparse
import functools
import http.server
import os
import sys

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".svg": "image/svg+xml",
        ".csv": "text/csv; charset=utf-8",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    csp = False
    quiet = False

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.csp:
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def list_directory(self, path):
        self.send_error(404, "Not found")
        return None

    def log_message(self, fmt, *args):
        if not self.quiet:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    ap.add_argument("--port-file")
    ap.add_argument("--csp", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    Handler.csp = a.csp
    Handler.quiet = a.quiet
    handler = functools.partial(Handler, directory=os.path.abspath(a.root))
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler) as httpd:
        port = httpd.server_address[1]
        if a.port_file:
            tmp = a.port_file + ".tmp"
            with open(tmp, "w") as f:
                f.write(str(port))
            os.replace(tmp, a.port_file)
        print(f"serving {os.path.abspath(a.root)} at http://127.0.0.1:{port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
