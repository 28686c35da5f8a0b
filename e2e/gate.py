"""NhipCau's browser-level quality gate.

Builds a content folder, serves the site with nginx through docs/hosting/nginx.conf under /xkld/ on
127.0.0.1, and checks what a citizen gets: every address answers 200, the 404 page works at any depth,
WCAG 2.1 A/AA (axe-core in headless Chromium), valid HTML (Nu HTML Checker), no horizontal overflow
at 360 and 1280 px, content without JavaScript, and the page-weight budget.

    .venv/bin/python e2e/gate.py --nhipcau .build/debug/nhipcau --content content [--date 2026-11-25]

Exit status 0 when every check passes, 1 otherwise; each problem is printed with its page.
The build uses base_url = the local nginx address, so that feeds, the sitemap, canonical and sharing
URLs point at the server under test and are crawled like every other link.
"""
import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import crawl as crawling  # noqa: E402
import hosting  # noqa: E402
import nu  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHIPPED_NGINX_CONF = REPO / "docs" / "hosting" / "nginx.conf"
STYLESHEET_BUDGET = 20 * 1024
HOME_BUDGET = 100 * 1024
MISSING_ADDRESSES = ["khong-co-trang-nay/", "cau-chuyen/khong-co/trang/cu.html"]
# First path segments the tool writes itself (Routes.reservedTopLevel); any other folder is a free page.
RESERVED_TOP_LEVEL = {"cau-chuyen", "thi-truong", "chinh-sach", "chi-tieu", "dia-ban", "the", "tim-kiem",
                      "media", "assets", "404", "feeds", "sitemap", "robots"}
OPTIONAL_KINDS: set[str] = set()  # every kind is required


@dataclass
class Check:
    name: str
    problems: list = field(default_factory=list)
    summary: str = ""

    @property
    def passed(self):
        return not self.problems


# MARK: - Building

def set_base_url(site_yml, base_url):
    text = site_yml.read_text(encoding="utf-8")
    line = f'base_url: "{base_url}"'
    if re.search(r"^base_url:.*$", text, flags=re.M):
        text = re.sub(r"^base_url:.*$", line, text, count=1, flags=re.M)
    else:
        text = text.rstrip("\n") + "\n" + line + "\n"
    site_yml.write_text(text, encoding="utf-8")


def build_site(nhipcau, content, work, base_url, date):
    copy = work / "content"
    shutil.copytree(content, copy)
    set_base_url(copy / "site.yml", base_url)
    site = work / "site"
    command = [str(nhipcau), "build", "--content", str(copy), "--output", str(site), "--quiet"]
    if date:
        command += ["--date", date]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"e2e: the site does not build:\n{result.stdout}{result.stderr}")
    return site


# MARK: - Page kinds

def page_kinds(site):
    """One address (relative to the site) per kind of page, the largest page of each kind when there are several."""
    def exists(relative):
        return (site / relative / "index.html").is_file()

    def largest(folder, exclude=()):
        candidates = [page.parent for page in (site / folder).glob("*/index.html") if page.parent.name not in exclude]
        if not candidates:
            return None
        biggest = max(candidates, key=lambda path: ((path / "index.html").stat().st_size, path.name))
        return str(biggest.relative_to(site)) + "/"

    free_pages = [path.parent for path in site.glob("*/index.html") if path.parent.name not in RESERVED_TOP_LEVEL]
    free_page = max(free_pages, key=lambda path: ((path / "index.html").stat().st_size, path.name), default=None)
    kinds = {
        "home": "" if (site / "index.html").is_file() else None,
        "story": largest("cau-chuyen", exclude={"trang"}),
        "story-list": "cau-chuyen/" if exists("cau-chuyen") else None,
        "tag": largest("the"),
        "market": largest("thi-truong"),
        "market-list": "thi-truong/" if exists("thi-truong") else None,
        "policy": largest("chinh-sach"),
        "policy-list": "chinh-sach/" if exists("chinh-sach") else None,
        "plan": largest("chi-tieu"),
        "plan-list": "chi-tieu/" if exists("chi-tieu") else None,
        "area": largest("dia-ban"),
        "page": f"{free_page.name}/" if free_page else None,
        "search": "tim-kiem/" if exists("tim-kiem") else None,
        "404": MISSING_ADDRESSES[1],
    }
    return kinds


# MARK: - Checks that read the served site

def check_links(crawl, site):
    check = Check("links", list(crawl.problems))
    reached = {urllib.parse.unquote(urllib.parse.urlsplit(url).path) for url in crawl.pages}
    prefix = hosting.SUB_PATH
    for page in sorted(site.rglob("*.html")):
        relative = str(page.relative_to(site))
        if relative == "404.html":
            continue
        address = prefix + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        if address not in reached:
            check.problems.append(f"{address}: no link leads here from the home page (orphan page)")
    check.summary = (f"{len(crawl.responses)} addresses answered ({len(crawl.pages)} HTML pages), "
                     f"{len(crawl.external)} external links not followed")
    return check


def check_not_found(base_url):
    """The 404 page must come back with status 404 at any depth, styled, with working links."""
    check = Check("not-found")
    for missing in MISSING_ADDRESSES:
        url = base_url + missing
        response = crawling.fetch(url)
        shown = urllib.parse.urlsplit(url).path
        if response.status != 404 or not response.is_html:
            check.problems.append(f"{shown}: answers {response.status} `{response.content_type}`, expected 404 with the site's 404 page")
            continue
        facts = crawling.parse_page(response.body)
        if not facts.main_h1:
            check.problems.append(f"{shown}: the 404 answer is not the site's 404 page (no <main> with <h1>)")
        for reference in facts.references:
            if reference.value.startswith("#"):
                continue  # the skip link: within the page itself
            target = urllib.parse.urljoin(url, reference.value)
            if not target.startswith(base_url):
                continue
            answer = crawling.fetch(urllib.parse.urldefrag(target)[0])
            if answer.status != 200:
                check.problems.append(f"{shown} (404 page): {reference.describe()} resolves to "
                                      f"{urllib.parse.urlsplit(target).path}, which answers {answer.status}")
    check.summary = f"{len(MISSING_ADDRESSES)} missing addresses answer 404 with the site's page and working links"
    return check


def check_hosting(base_url, crawl):
    """What docs/hosting/nginx.conf promises: gzip, caching headers, the bare sub-path redirect."""
    check = Check("hosting")
    home = crawling.fetch(base_url, accept_encoding="gzip")
    if home.headers.get("content-encoding") != "gzip":
        check.problems.append(f"{hosting.SUB_PATH}: not gzip-compressed (Content-Encoding: {home.headers.get('content-encoding')})")
    if "no-cache" not in home.headers.get("cache-control", ""):
        check.problems.append(f"{hosting.SUB_PATH}: Cache-Control is `{home.headers.get('cache-control')}`, expected no-cache")
    for url in stylesheets_of_home(crawl):
        css = crawling.fetch(url, accept_encoding="gzip")
        if "max-age" not in css.headers.get("cache-control", ""):
            check.problems.append(f"{urllib.parse.urlsplit(url).path}: Cache-Control is `{css.headers.get('cache-control')}`, expected max-age")
        if css.headers.get("content-encoding") != "gzip":
            check.problems.append(f"{urllib.parse.urlsplit(url).path}: not gzip-compressed")
    hidden = crawling.fetch(base_url + ".nhipcau-site")
    if hidden.status != 404:
        check.problems.append(f"{hosting.SUB_PATH}.nhipcau-site: answers {hidden.status}, expected 404 (hidden files are not published)")
    bare = crawling.fetch(base_url.rstrip("/"))
    if bare.status != 301 or bare.headers.get("location") != hosting.SUB_PATH:
        check.problems.append(f"{hosting.SUB_PATH.rstrip('/')}: answers {bare.status} → {bare.headers.get('location')}, expected 301 → {hosting.SUB_PATH}")
    check.summary = "gzip on, HTML revalidated, stylesheet cached a day, hidden files 404, bare sub-path redirected"
    return check


def check_without_javascript(crawl):
    """Every page's content is in its raw HTML: one <main> holding a non-empty <h1> and text."""
    check = Check("no-javascript")
    with_scripts = 0
    for url, facts in sorted(crawl.pages.items()):
        shown = crawl.short(url)
        if facts.main_count != 1:
            check.problems.append(f"{shown}: {facts.main_count} <main> elements in the HTML, expected 1")
        elif not any(facts.main_h1):
            check.problems.append(f"{shown}: no <h1> with text inside <main> without JavaScript")
        elif facts.main_text_length < 40:
            check.problems.append(f"{shown}: <main> has only {facts.main_text_length} characters of text without JavaScript")
        with_scripts += facts.scripts > 0
    check.summary = f"{len(crawl.pages)} pages show their content from HTML alone; {with_scripts} carry a <script>"
    return check


def stylesheets_of_home(crawl):
    home = crawl.pages.get(crawl.base_url)
    return [urllib.parse.urljoin(crawl.base_url, href) for href in (home.stylesheets if home else [])]


def check_budget(crawl, figures):
    check = Check("budget")
    home = crawl.responses[crawl.base_url]
    css_urls = stylesheets_of_home(crawl)
    css_bytes = 0
    for url in css_urls:
        size = len(crawl.responses[url].body) if url in crawl.responses else 0
        css_bytes += size
        if size > STYLESHEET_BUDGET:
            check.problems.append(f"{crawl.short(url)}: {kb(size)}, over the stylesheet budget of {kb(STYLESHEET_BUDGET)}")
    home_total = len(home.body) + css_bytes
    if home_total > HOME_BUDGET:
        check.problems.append(f"{hosting.SUB_PATH}: HTML {kb(len(home.body))} + CSS {kb(css_bytes)} = {kb(home_total)}, "
                              f"over the home page budget of {kb(HOME_BUDGET)}")
    pages = [(len(crawl.responses[url].body), crawl.short(url)) for url in crawl.pages]
    heaviest = max(pages)
    home_gzip = len(gzip.compress(home.body, 6))
    css_gzip = sum(len(gzip.compress(crawl.responses[url].body, 6)) for url in css_urls if url in crawl.responses)
    figures.update({
        "stylesheet": f"{kb(css_bytes)} (budget {kb(STYLESHEET_BUDGET)}), {kb(css_gzip)} gzipped",
        "home page": f"HTML {kb(len(home.body))} + CSS {kb(css_bytes)} = {kb(home_total)} (budget {kb(HOME_BUDGET)}); "
                     f"{kb(home_gzip + css_gzip)} gzipped",
        "heaviest page": f"{heaviest[1]} {kb(heaviest[0])}",
        "HTML pages": f"{len(pages)}, {kb(sum(size for size, _ in pages))} in all, median {kb(sorted(pages)[len(pages) // 2][0])}",
    })
    check.summary = f"stylesheet {kb(css_bytes)} ≤ {kb(STYLESHEET_BUDGET)}, home HTML + CSS {kb(home_total)} ≤ {kb(HOME_BUDGET)}"
    return check


def kb(size):
    return f"{size / 1024:.1f} KB"


# MARK: - Browser checks

def check_in_browser(base_url, kinds, other_pages, screenshots):
    """axe and screenshots on one page of each kind; the overflow measure on every page, at both sizes."""
    from browser import AXE_TAGS, VIEWPORTS, Browser, describe_violations

    axe_check, layout_check = Check("axe"), Check("overflow")
    screenshots.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    axe_runs = 0

    def measure_overflow(label, width, height):
        measured = browser.overflow()
        if measured["scrollWidth"] > measured["innerWidth"]:
            culprits = ", ".join(measured["culprits"]) or "no single element found"
            layout_check.problems.append(f"{label} at {width}×{height}: document is {measured['scrollWidth']} px wide "
                                         f"in a {measured['innerWidth']} px viewport; sticking out: {culprits}")

    try:
        for kind, relative in kinds.items():
            url = base_url + relative
            label = f"{urllib.parse.urlsplit(url).path} ({kind})"
            browser.color_scheme("light")
            for width, height in VIEWPORTS:
                browser.viewport(width, height)
                browser.open(url)
                measure_overflow(label, width, height)
                browser.screenshot(screenshots / f"{kind}-{width}.png", width)
                axe_check.problems += describe_violations(browser.axe_violations(), f"{label} at {width} px, light")
                axe_runs += 1
            width, height = VIEWPORTS[0]
            browser.viewport(width, height)
            browser.color_scheme("dark")
            browser.open(url)
            browser.screenshot(screenshots / f"{kind}-{width}-dark.png", width)
            axe_check.problems += describe_violations(browser.axe_violations(), f"{label} at {width} px, dark")
            axe_runs += 1
        browser.color_scheme("light")
        for width, height in VIEWPORTS:
            browser.viewport(width, height)
            for url in other_pages:
                browser.open(url)
                measure_overflow(urllib.parse.urlsplit(url).path, width, height)
    finally:
        browser.close()
    axe_check.summary = (f"{axe_runs} axe runs ({len(kinds)} page kinds at 360 and 1280 px light, 360 px dark), "
                         f"rules tagged {', '.join(AXE_TAGS)}: 0 violations")
    layout_check.summary = (f"{len(kinds) + len(other_pages)} pages fit 360 and 1280 px; "
                            f"screenshots of each kind in {screenshots}")
    return [axe_check, layout_check]


# MARK: - Main

def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nhipcau", required=True, help="the nhipcau executable")
    parser.add_argument("--content", required=True, help="the content folder to build")
    parser.add_argument("--date", help="build date YYYY-MM-DD (default: today)")
    parser.add_argument("--screenshots", default=str(REPO / ".e2e" / "screenshots"), help="folder for screenshots")
    parser.add_argument("--any-kinds", action="store_true",
                        help="check the page kinds the site has instead of requiring every kind (for small fixtures)")
    parser.add_argument("--keep", action="store_true", help="keep the built site and nginx files; print where")
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="nhipcau-e2e-"))
    work.chmod(0o755)  # nginx's workers drop root: they must be able to read the site
    try:
        port = hosting.free_port()
        base_url = f"http://127.0.0.1:{port}{hosting.SUB_PATH}"
        site = build_site(Path(arguments.nhipcau).resolve(), Path(arguments.content), work, base_url, arguments.date)
        kinds = page_kinds(site)
        missing = [kind for kind, relative in kinds.items() if relative is None]
        present = {kind: relative for kind, relative in kinds.items() if relative is not None}
        checks, figures = [], {}
        if missing and not arguments.any_kinds and set(missing) - OPTIONAL_KINDS:
            checks.append(Check("page-kinds", [f"the site has no {kind} page" for kind in missing if kind not in OPTIONAL_KINDS]))
        print(f"e2e: built {arguments.content} → {site}; serving it with {SHIPPED_NGINX_CONF.relative_to(REPO)} at {base_url}")
        print(f"e2e: page kinds: {', '.join(f'{kind}=/{relative}' for kind, relative in present.items())}"
              + (f" (absent: {', '.join(missing)})" if missing else ""))
        with hosting.Nginx(SHIPPED_NGINX_CONF, site, port, work / "nginx"):
            crawl = crawling.Crawl(base_url).run()
            checks += [check_links(crawl, site), check_not_found(base_url), check_hosting(base_url, crawl),
                       check_without_javascript(crawl), check_budget(crawl, figures)]
            kind_urls = {base_url + relative for relative in present.values()}
            other_pages = sorted(url for url in crawl.pages if url not in kind_urls)
            checks += check_in_browser(base_url, present, other_pages, Path(arguments.screenshots))
        file_count, errors = nu.check(site)
        checks.append(Check("nu-html", errors, f"{file_count} HTML files, 0 errors"))
        report(checks, figures, time.monotonic() - started)
        if arguments.keep:
            print(f"e2e: kept {work}")
        return 0 if all(check.passed for check in checks) else 1
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(checks, figures, seconds):
    for check in checks:
        if check.passed:
            print(f"PASS {check.name}: {check.summary}")
        else:
            print(f"FAIL {check.name}: {len(check.problems)} problem{'s' if len(check.problems) != 1 else ''}")
            for problem in check.problems:
                print(f"  {problem}")
    for name, value in figures.items():
        print(f"  {name}: {value}")
    passed = sum(check.passed for check in checks)
    print(f"e2e ({seconds:.0f} s): {passed} passed, {len(checks) - passed} failed")


if __name__ == "__main__":
    sys.exit(main())
