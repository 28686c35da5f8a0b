"""Proves the gate can fail, each check with a message that names the page and the fault.

Run 1, e2e/fixtures/broken/ served through docs/hosting/nginx.conf: an image without alt text, a broken
link, an obsolete element, a block wider than a phone, a menu hidden on phones, a home page without task
shortcuts, a page whose text only a script writes. Exactly the link, axe, Nu, overflow, navigation,
home-first-view and no-JavaScript checks must fail; the others must pass on that site.

Run 2, the sample content/ served through e2e/fixtures/broken/nginx.conf (no 404 page, no gzip, no
caching headers) with budgets smaller than the site: exactly the not-found, hosting and budget checks
must fail (the browser and Nu checks are left out of this run: run 1 has them).

Run 3, the sample content/ served through the shipped nginx.conf, then through e2e/fixtures/broken/apache.conf
and e2e/fixtures/broken/Caddyfile (no 404 page, no compression, no caching headers): exactly the
apache-not-found, apache-hosting, caddy-not-found and caddy-hosting checks must fail; nginx's and the
other servers' crawls pass.

    .venv/bin/python e2e/selftest.py --nhipcau .build/debug/nhipcau
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXTURE = HERE / "fixtures" / "broken" / "content"
BROKEN_NGINX = HERE / "fixtures" / "broken" / "nginx.conf"
BROKEN_APACHE = HERE / "fixtures" / "broken" / "apache.conf"
BROKEN_CADDYFILE = HERE / "fixtures" / "broken" / "Caddyfile"

# (what is broken, the check that must fail, a line of its report that must appear)
CONTENT_FAULTS = [
    ("a link to a page that does not exist", "links",
     r"broken link: /xkld/khong-co-trang-nay/ answers 404; linked from /xkld/loi/ <a href=\"\.\./khong-co-trang-nay/\">"),
    ("an image without alt text", "axe",
     r"/xkld/loi/ \(page\) at 360 px, light: image-alt \(critical\): Images must have alternative text"),
    ("a block wider than a phone", "overflow",
     r"/xkld/loi/ \(page\) at 360×740: document is \d+ px wide in a 360 px viewport; sticking out: div\.rong"),
    ("a block wider than the narrowest phone", "overflow",
     r"/xkld/loi/ \(page\) at 320×640: document is \d+ px wide in a 320 px viewport; sticking out: div\.rong"),
    ("an obsolete element", "nu-html",
     r"loi/index\.html:\d+: The .center. element is obsolete"),
    ("an image without width and height", "image-sizes",
     r"/xkld/loi/:\d+: <img src=\"\.\./media/hinh\.svg\"> has no width and height"),
    ("an image served far wider than shown", "image-widths",
     r"/xkld/loi/ \(page\) at 360 px: \S+/media/rong\.png is 1000 px wide, shown at 40 px"),
    ("a menu hidden on phones", "navigation",
     r"/xkld/loi/ \(page\) at 360×640: “[^”]+” \(\S+\) is neither visible nor one tap away"),
    ("a home page without task shortcuts or a hotline", "home-first-view",
     r"/xkld/ \(home\) at 360×640: no task shortcuts"),
    ("a page whose text only a script writes", "no-javascript",
     r"/xkld/ung-dung/: <main> has only \d+ characters of text without JavaScript"),
]
HOSTING_FAULTS = [
    ("a server without the site's 404 page", "not-found",
     r"/xkld/khong-co-trang-nay/: the 404 answer is not the site's 404 page \(no <main> with <h1>\)"),
    ("a server without gzip", "hosting", r"^  /xkld/: not gzip-compressed"),
    ("a server without caching headers", "hosting",
     r"/xkld/assets/style\.css: Cache-Control is `None`, expected max-age"),
    ("search index files without gzip", "hosting", r"/xkld/tim-kiem/chi-muc/t/\d+\.json: not gzip-compressed"),
    ("a stylesheet over its budget", "budget", r"/xkld/assets/style\.css: [\d.]+ KB, over the stylesheet budget of 4\.0 KB"),
    ("a home page over its budget", "budget", r"/xkld/: HTML [\d.]+ KB \+ CSS [\d.]+ KB = [\d.]+ KB, over the home page budget of 16\.0 KB"),
    ("a script over its budget", "budget", r"/xkld/assets/search\.js: [\d.]+ KB, over the script budget of 2\.0 KB"),
]
SERVER_FAULTS = [
    ("apache: a server without the site's 404 page (Apache's own page instead)", "apache-not-found",
     r"^  /xkld/khong-co-trang-nay/: the 404 answer is not the site's 404 page"),
    ("caddy: a server without the site's 404 page (a plain-text answer instead)", "caddy-not-found",
     r"^  /xkld/khong-co-trang-nay/: answers 404 `text/plain"),
] + [
    (f"{server}: a server without compression", f"{server}-hosting", r"^  /xkld/: not gzip-compressed")
    for server in ("apache", "caddy")
] + [
    (f"{server}: a server without caching headers", f"{server}-hosting",
     r"/xkld/assets/style\.css: Cache-Control is `None`, expected max-age")
    for server in ("apache", "caddy")
]


def gate(nhipcau, content, extra, label):
    command = [sys.executable, str(HERE / "gate.py"), "--nhipcau", nhipcau, "--content", str(content),
               "--figures", str(REPO / ".e2e" / f"selftest-{label}-figures.md")] + extra
    run = subprocess.run(command, capture_output=True, text=True)
    output = run.stdout + run.stderr
    print(f"e2e-selftest: the gate's report, {label}:")
    print("".join(f"  | {line}\n" for line in output.splitlines()), end="")
    return run.returncode, output


def judge(label, returncode, output, faults, must_pass):
    failed = set(re.findall(r"^FAIL ([\w-]+):", output, flags=re.M))
    passed = set(re.findall(r"^PASS ([\w-]+):", output, flags=re.M))
    results = [(f"{label}: the gate exits with status 1", returncode == 1)]
    for fault, check, pattern in faults:
        results.append((f"{label}: {fault} fails `{check}`, naming the page",
                        check in failed and re.search(pattern, output, flags=re.M) is not None))
    expected = {check for _, check, _ in faults}
    results.append((f"{label}: only {', '.join(sorted(expected))} fail; {', '.join(sorted(must_pass))} pass "
                    f"(failed: {', '.join(sorted(failed)) or 'none'})", failed == expected and must_pass <= passed))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nhipcau", required=True)
    parser.add_argument("--screenshots", default=str(REPO / ".e2e" / "selftest-screenshots"))
    arguments = parser.parse_args()
    results = []
    code, output = gate(arguments.nhipcau, FIXTURE, ["--any-kinds", "--servers", "", "--screenshots", arguments.screenshots,
                                                    "--search-query", "gioi thieu", "--search-first", "gioi-thieu/"],
                        "broken content")
    results += judge("broken content", code, output, CONTENT_FAULTS, {"not-found", "hosting", "budget", "search"})
    code, output = gate(arguments.nhipcau, REPO / "content", ["--nginx-conf", str(BROKEN_NGINX), "--servers", "",
                                                             "--skip-browser", "--skip-nu",
                                                             "--stylesheet-budget", "4096", "--home-budget", "16384",
                                                             "--script-budget", "2048"],
                        "broken hosting")
    results += judge("broken hosting", code, output, HOSTING_FAULTS, {"links", "no-javascript"})
    code, output = gate(arguments.nhipcau, REPO / "content", ["--apache-conf", str(BROKEN_APACHE), "--caddyfile",
                                                             str(BROKEN_CADDYFILE), "--skip-browser", "--skip-nu"],
                        "broken Apache and Caddy")
    results += judge("broken Apache and Caddy", code, output, SERVER_FAULTS,
                     {"links", "not-found", "hosting", "no-javascript", "budget", "apache-links", "caddy-links"})
    for description, ok in results:
        print(f"{'ok  ' if ok else 'FAIL'} {description}")
    passed = sum(ok for _, ok in results)
    print(f"e2e-selftest: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
