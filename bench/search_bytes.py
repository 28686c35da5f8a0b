#!/usr/bin/env python3
"""What a first search costs a citizen's phone: serves a built site, opens its search page for each
query in a fresh headless Chromium (the real assets/search.js), and adds up the bytes of every file
the browser fetched (page, stylesheet, script, manifest, term shards, result chunks).

Usage: search_bytes.py SITE_DIR [QUERY ...]   (needs Debian's chromium)
Also prints the size of the whole index under tim-kiem/chi-muc/, and the bound no first search can pass
(page + stylesheet + script + manifest + the manifest's budget `b`).
"""
import functools, http.server, json, os, re, subprocess, sys, tempfile, threading, urllib.parse

QUERIES = ["nhat ban", "vay von ngan hang", "nguoi lao dong di lam viec", "cau chuyen so 1234", "ng", "xyz"]


class Recorder(http.server.SimpleHTTPRequestHandler):
    fetched = []

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        result = super().send_head()
        if result is not None and os.path.isfile(path):
            Recorder.fetched.append((urllib.parse.urlsplit(self.path).path, os.path.getsize(path)))
        return result

    def log_message(self, *args):
        pass


def index_size(site):
    folder = os.path.join(site, "tim-kiem", "chi-muc")
    sizes = {}
    for part in ("t", "d"):
        names = os.listdir(os.path.join(folder, part))
        sizes[part] = (len(names), sum(os.path.getsize(os.path.join(folder, part, n)) for n in names))
    manifest = os.path.getsize(os.path.join(folder, "manifest.json"))
    total = manifest + sizes["t"][1] + sizes["d"][1]
    print(f"index: {total:,} bytes in {1 + sizes['t'][0] + sizes['d'][0]:,} files "
          f"(manifest {manifest:,}; {sizes['t'][0]} term shards {sizes['t'][1]:,}; "
          f"{sizes['d'][0]:,} result chunks {sizes['d'][1]:,})")
    # The most any first search can fetch: what search.js never exceeds (see README, Search).
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        budget = json.load(f).get("b", 0)
    fixed = {name: os.path.getsize(os.path.join(site, path)) for name, path in
             [("page", "tim-kiem/index.html"), ("style.css", "assets/style.css"), ("search.js", "assets/search.js")]}
    bound = sum(fixed.values()) + manifest + budget
    print("bound: " + " + ".join(f"{name} {size:,}" for name, size in fixed.items())
          + f" + manifest {manifest:,} + b {budget:,} = {bound:,} bytes")


def main():
    site = os.path.abspath(sys.argv[1])
    queries = sys.argv[2:] or QUERIES
    index_size(site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Recorder, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    for query in queries:
        Recorder.fetched = []
        url = f"http://127.0.0.1:{port}/tim-kiem/?q=" + urllib.parse.quote_plus(query)
        with tempfile.TemporaryDirectory() as profile:
            dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                                  "--virtual-time-budget=10000", "--dump-dom", url],
                                 capture_output=True, text=True, timeout=120).stdout
        status = re.search(r'id="search-status"[^>]*>([^<]*)<', dom)
        total = sum(size for _, size in Recorder.fetched)
        files = len(Recorder.fetched)
        print(f"{query!r:32} {total:>8,} bytes in {files:>2} files   {status.group(1) if status else '(no status)'}")
    server.shutdown()


if __name__ == "__main__":
    main()
