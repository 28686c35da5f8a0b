"""NhipCau's browser-level quality gate.

Builds a content folder, serves the site with nginx through docs/hosting/nginx.conf under /xkld/ on
127.0.0.1, and checks what a citizen gets: every address answers 200, the 404 page works at any depth,
WCAG 2.1 A/AA (axe-core in headless Chromium), valid HTML (Nu HTML Checker), no horizontal overflow
at 320, 360 and 1280 px, content without JavaScript, the page-weight budget, and a search run in the
browser through nginx. Then the same site, on the same port, through Apache httpd (docs/hosting/apache.conf)
and Caddy (docs/hosting/Caddyfile): the crawl, the 404 page, the headers and one search in the browser
(checks named apache-…, caddy-…); axe, Nu, overflow and screenshots are not repeated, as they judge the
pages, which are the same bytes whatever serves them.

    .venv/bin/python e2e/gate.py --nhipcau .build/debug/nhipcau --content content [--date 2026-11-25]

Exit status 0 when every check passes, 1 otherwise; each problem is printed with its page. The measured
figures are printed last as a Markdown table (also written to .e2e/figures.md) for the README.
The build uses base_url = the local servers' address, so that feeds, the sitemap, canonical and sharing
URLs point at the server under test and are crawled like every other link.
"""
import argparse
import gzip
import json
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
SHIPPED_APACHE_CONF = REPO / "docs" / "hosting" / "apache.conf"
SHIPPED_CADDYFILE = REPO / "docs" / "hosting" / "Caddyfile"
STYLESHEET_BUDGET = 20 * 1024
HOME_BUDGET = 100 * 1024
SCRIPT_BUDGET = 5 * 1024
FIRST_SEARCH_BUDGET = 100 * 1024
INDEX_FOLDER = "tim-kiem/chi-muc/"
MISSING_ADDRESSES = ["khong-co-trang-nay/", "cau-chuyen/khong-co/trang/cu.html"]
# First path segments the tool writes itself (Routes.reservedTopLevel); any other folder is a free page.
RESERVED_TOP_LEVEL = {"cau-chuyen", "thi-truong", "chinh-sach", "chi-tieu", "dia-ban", "the", "tim-kiem",
                      "thong-bao", "media", "assets", "404", "feeds", "sitemap", "robots",
                      "doanh-nghiep", "canh-bao", "su-kien", "don-hang", "du-lieu"}
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
        "plan": largest("chi-tieu", exclude={"tinh-trang-bao-cao"}),
        "plan-list": "chi-tieu/" if exists("chi-tieu") else None,
        "area": largest("dia-ban"),
        "area-list": "dia-ban/" if exists("dia-ban") else None,
        "notice": largest("thong-bao"),
        "notice-list": "thong-bao/" if exists("thong-bao") else None,
        "event": largest("su-kien", exclude={"da-dien-ra"}),
        "event-list": "su-kien/" if exists("su-kien") else None,
        "past-event-list": "su-kien/da-dien-ra/" if exists("su-kien/da-dien-ra") else None,
        "job": largest("don-hang", exclude={"da-het-han"}),
        "job-list": "don-hang/" if exists("don-hang") else None,
        "job-closed-list": "don-hang/da-het-han/" if exists("don-hang/da-het-han") else None,
        "page": f"{free_page.name}/" if free_page else None,
        "search": "tim-kiem/" if exists("tim-kiem") else None,
        "enterprise": largest("doanh-nghiep", exclude={"trang"}),
        "enterprise-list": "doanh-nghiep/" if exists("doanh-nghiep") else None,
        "warning": largest("canh-bao"),
        "warning-list": "canh-bao/" if exists("canh-bao") else None,
        "data": "du-lieu/" if exists("du-lieu") else None,
        "404": MISSING_ADDRESSES[1],
        "plan-series": next((str(p.parent.relative_to(site)) + "/" for p in sorted((site / "chi-tieu").glob("*/index.html")) if 'class="plan-series"' in p.read_text(encoding="utf-8")), None),
        "reporting-status": "chi-tieu/tinh-trang-bao-cao/" if exists("chi-tieu/tinh-trang-bao-cao") else None,
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


def check_hosting(base_url, crawl, site):
    """What docs/hosting/ promises: gzip, caching headers, types, the bare sub-path redirect."""
    check = Check("hosting")
    home = crawling.fetch(base_url, accept_encoding="gzip")
    if home.headers.get("content-encoding") != "gzip":
        check.problems.append(f"{hosting.SUB_PATH}: not gzip-compressed (Content-Encoding: {home.headers.get('content-encoding')})")
    if "no-cache" not in home.headers.get("cache-control", ""):
        check.problems.append(f"{hosting.SUB_PATH}: Cache-Control is `{home.headers.get('cache-control')}`, expected no-cache")
    for url in stylesheets_of_home(crawl) + scripts_of(crawl):
        answer = crawling.fetch(url, accept_encoding="gzip")
        if "max-age" not in answer.headers.get("cache-control", ""):
            check.problems.append(f"{urllib.parse.urlsplit(url).path}: Cache-Control is `{answer.headers.get('cache-control')}`, expected max-age")
        if answer.headers.get("content-encoding") != "gzip":
            check.problems.append(f"{urllib.parse.urlsplit(url).path}: not gzip-compressed")
    for relative, caching in index_samples(site):
        url = base_url + relative
        answer = crawling.fetch(url, accept_encoding="gzip")
        shown = urllib.parse.urlsplit(url).path
        if answer.status != 200:
            check.problems.append(f"{shown}: answers {answer.status}")
            continue
        if not answer.content_type.lower().startswith("application/json") or "charset=utf-8" not in answer.content_type.lower():
            check.problems.append(f"{shown}: served as `{answer.content_type}`, expected `application/json; charset=utf-8`")
        if answer.headers.get("content-encoding") != "gzip":
            check.problems.append(f"{shown}: not gzip-compressed")
        if caching not in answer.headers.get("cache-control", ""):
            check.problems.append(f"{shown}: Cache-Control is `{answer.headers.get('cache-control')}`, expected {caching}")
    hidden = crawling.fetch(base_url + ".nhipcau-site")
    if hidden.status != 404:
        check.problems.append(f"{hosting.SUB_PATH}.nhipcau-site: answers {hidden.status}, expected 404 (hidden files are not published)")
    bare = crawling.fetch(base_url.rstrip("/"))
    # nginx and Caddy answer with the path alone, Apache with the whole address: both lead to the site.
    redirected_to = urllib.parse.urljoin(base_url.rstrip("/"), bare.headers.get("location") or "")
    if bare.status != 301 or redirected_to != base_url:
        check.problems.append(f"{hosting.SUB_PATH.rstrip('/')}: answers {bare.status} → {bare.headers.get('location')}, expected 301 → {hosting.SUB_PATH}")
    check.summary = ("gzip on, HTML and the search manifest revalidated, stylesheet, script and index shards cached a day, "
                     "JSON typed, hidden files 404, bare sub-path redirected")
    return check


def index_samples(site):
    """The search index files to check through nginx: the manifest, the largest shard and chunk (gzip needs 512 bytes)."""
    folder = site / INDEX_FOLDER
    if not (folder / "manifest.json").is_file():
        return []
    samples = [(INDEX_FOLDER + "manifest.json", "no-cache")] if (folder / "manifest.json").stat().st_size >= 512 else []
    for part in ("t", "d"):
        files = sorted(folder.glob(f"{part}/*.json"), key=lambda path: (path.stat().st_size, path.name))
        if files and files[-1].stat().st_size >= 512:
            samples.append((str(files[-1].relative_to(site)), "max-age"))
    return samples


def scripts_of(crawl):
    """Every script file a crawled page loads."""
    found = set()
    for url, facts in crawl.pages.items():
        for reference in facts.references:
            if reference.tag == "script":
                found.add(urllib.parse.urljoin(url, reference.value))
    return sorted(found)


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


# schema.org types the site writes as JSON-LD: the properties each must have (Google's required
# properties for rich results) and those it should have (recommended) when the content gives them.
STRUCTURED_DATA = {
    "Organization": {"required": ["name"], "recommended": ["url", "identifier"]},
    "JobPosting": {"required": ["title", "description", "datePosted", "hiringOrganization", "jobLocation"],
                   "recommended": ["validThrough", "baseSalary", "employmentType"]},
    "Event": {"required": ["name", "startDate", "location"],
              "recommended": ["endDate", "eventStatus", "eventAttendanceMode", "organizer", "description"]},
}


def check_structured_data(site):
    """Every <script type="application/ld+json"> parses as JSON, is a schema.org type the site knows
    and has that type's required properties (and its recommended ones, reported when missing)."""
    check = Check("structured-data")
    pattern = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
    found, lacking = {}, {}
    for page in sorted(site.rglob("*.html")):
        relative = str(page.relative_to(site))
        for block in pattern.findall(page.read_text(encoding="utf-8")):
            try:
                data = json.loads(block)
            except ValueError as error:
                check.problems.append(f"{relative}: JSON-LD does not parse: {error}")
                continue
            kind = data.get("@type")
            if data.get("@context") != "https://schema.org" or kind not in STRUCTURED_DATA:
                check.problems.append(f"{relative}: JSON-LD of @type {kind!r}, @context {data.get('@context')!r}")
                continue
            found[kind] = found.get(kind, 0) + 1
            for key in STRUCTURED_DATA[kind]["required"]:
                if data.get(key) in (None, "", [], {}):
                    check.problems.append(f"{relative}: {kind} lacks the required property `{key}`")
            for key in STRUCTURED_DATA[kind]["recommended"]:
                if data.get(key) in (None, "", [], {}):
                    lacking[f"{kind}.{key}"] = lacking.get(f"{kind}.{key}", 0) + 1
    counted = ", ".join(f"{count} {kind}" for kind, count in sorted(found.items()))
    notes = "; recommended but not given: " + ", ".join(f"{key} ×{count}" for key, count in sorted(lacking.items())) if lacking else ""
    check.summary = f"{counted} JSON-LD blocks with their required properties{notes}" if found else "no JSON-LD"
    return check


# Checking a company (issue 17): a phone number typed without spaces finds the warning naming it, a
# licence number typed loosely finds the enterprise. (query, address expected first) on the sample site.
COMPANY_SEARCHES = [("0912000999", "canh-bao/tuyen-dung-qua-facebook/"), ("0912.345.678", "doanh-nghiep/mau-a/"),
                    ("102 ldtbxh", "doanh-nghiep/mau-b/")]


def stylesheets_of_home(crawl):
    home = crawl.pages.get(crawl.base_url)
    return [urllib.parse.urljoin(crawl.base_url, href) for href in (home.stylesheets if home else [])]


def check_budget(crawl, figures, limits):
    check = Check("budget")
    stylesheet_budget, home_budget, script_budget = limits["stylesheet"], limits["home"], limits["script"]
    home = crawl.responses[crawl.base_url]
    css_urls = stylesheets_of_home(crawl)
    css_bytes = 0
    for url in css_urls:
        size = len(crawl.responses[url].body) if url in crawl.responses else 0
        css_bytes += size
        if size > stylesheet_budget:
            check.problems.append(f"{crawl.short(url)}: {kb(size)}, over the stylesheet budget of {kb(stylesheet_budget)}")
    home_total = len(home.body) + css_bytes
    if home_total > home_budget:
        check.problems.append(f"{hosting.SUB_PATH}: HTML {kb(len(home.body))} + CSS {kb(css_bytes)} = {kb(home_total)}, "
                              f"over the home page budget of {kb(home_budget)}")
    scripts = [(url, crawl.responses[url].body) for url in scripts_of(crawl) if url in crawl.responses]
    for url, body in scripts:
        if len(body) > script_budget:
            check.problems.append(f"{crawl.short(url)}: {kb(len(body))}, over the script budget of {kb(script_budget)}")
    pages = [(len(crawl.responses[url].body), crawl.short(url)) for url in crawl.pages]
    script_pages = sorted(crawl.short(url) for url, facts in crawl.pages.items() if facts.scripts)
    heaviest = max(pages)
    home_gzip = len(gzip.compress(home.body, 6))
    css_gzip = sum(len(gzip.compress(crawl.responses[url].body, 6)) for url in css_urls if url in crawl.responses)
    figures.update({
        "stylesheet": (f"{kb(css_bytes)} ({kb(css_gzip)} gzipped)", f"≤ {kb(stylesheet_budget)}"),
        "home page HTML + CSS": (f"{kb(len(home.body))} + {kb(css_bytes)} = {kb(home_total)} ({kb(home_gzip + css_gzip)} gzipped)",
                                 f"≤ {kb(home_budget)}"),
        "heaviest page": (f"`{heaviest[1].removeprefix(hosting.SUB_PATH)}`, {kb(heaviest[0])}", "—"),
        "pages crawled": (f"{len(pages)} HTML pages ({kb(sum(size for size, _ in pages))} in all), "
                          f"{len(crawl.responses)} addresses, all 200" if not crawl.problems else
                          f"{len(pages)} HTML pages, {len(crawl.responses)} addresses", "—"),
        "JavaScript": ("; ".join(f"`{crawl.short(url).removeprefix(hosting.SUB_PATH)}` {kb(len(body))} "
                                 f"({kb(len(gzip.compress(body, 6)))} gzipped), loaded by "
                                 + ", ".join(f"`{page.removeprefix(hosting.SUB_PATH) or '/'}`" for page in script_pages)
                                 for url, body in scripts) or "none", f"≤ {kb(script_budget)}"),
    })
    check.summary = (f"stylesheet {kb(css_bytes)} ≤ {kb(stylesheet_budget)}, home HTML + CSS {kb(home_total)} ≤ {kb(home_budget)}, "
                     f"scripts ≤ {kb(script_budget)}")
    return check


def check_image_sizes(crawl):
    """Every <img> says its width and height, so the page does not jump as pictures arrive."""
    check = Check("image-sizes")
    for url, facts in sorted(crawl.pages.items()):
        for line, src in facts.unsized_images:
            check.problems.append(f"{crawl.short(url)}:{line}: <img src=\"{src}\"> has no width and height")
    images = sum(1 for facts in crawl.pages.values() for ref in facts.references if (ref.tag, ref.attribute) == ("img", "src"))
    check.summary = f"{images} <img> in {len(crawl.pages)} pages, each with width and height"
    return check


def served_width_problems(browser, label, width):
    """A picture served more than twice as wide as shown wastes a phone's data."""
    problems, measured = [], 0
    for image in browser.images():
        if image["shown"] <= 0 or image["natural"] <= 0:
            continue
        measured += 1
        if image["natural"] > 2 * image["shown"]:
            problems.append(f"{label} at {width} px: {image['src']} is {image['natural']} px wide, shown at {image['shown']:.0f} px")
    return problems, measured


def kb(size):
    return f"{size / 1024:.1f} KB"


# MARK: - Browser checks

def check_in_browser(base_url, kinds, other_pages, screenshots, search, figures):
    """axe and screenshots on one page of each kind; the overflow measure on every page at 320, 360
    and 1280 px; then a search run on the search page, checked, measured, axe'd and screenshot."""
    from browser import AXE_TAGS, MEASURED_WIDTHS, VIEWPORTS, Browser, describe_violations

    axe_check, layout_check, search_check = Check("axe"), Check("overflow"), Check("search")
    image_check = Check("image-widths")
    images_measured = 0

    def measure_images(label, width):
        nonlocal images_measured
        problems, measured = served_width_problems(browser, label, width)
        image_check.problems.extend(problems)
        images_measured += measured
    screenshots.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    axe_runs = 0

    def measure_overflow(label, width, height):
        measured = browser.overflow()
        if measured["scrollWidth"] > measured["innerWidth"]:
            culprits = ", ".join(measured["culprits"]) or "no single element found"
            layout_check.problems.append(f"{label} at {width}×{height}: document is {measured['scrollWidth']} px wide "
                                         f"in a {measured['innerWidth']} px viewport; sticking out: {culprits}")

    def axe(label):
        nonlocal axe_runs
        axe_check.problems.extend(describe_violations(browser.axe_violations(), label))
        axe_runs += 1

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
                measure_images(label, width)
                axe(f"{label} at {width} px, light")
            width, height = VIEWPORTS[0]
            browser.viewport(width, height)
            browser.color_scheme("dark")
            browser.open(url)
            browser.screenshot(screenshots / f"{kind}-{width}-dark.png", width)
            axe(f"{label} at {width} px, dark")
        browser.color_scheme("light")
        extra = [(width, height) for width, height in MEASURED_WIDTHS if (width, height) not in VIEWPORTS]
        for width, height in extra:
            browser.viewport(width, height)
            for kind, relative in kinds.items():
                browser.open(base_url + relative)
                measure_overflow(f"{urllib.parse.urlsplit(base_url + relative).path} ({kind})", width, height)
        for width, height in MEASURED_WIDTHS:
            browser.viewport(width, height)
            for url in other_pages:
                browser.open(url)
                measure_overflow(urllib.parse.urlsplit(url).path, width, height)
                if (width, height) in VIEWPORTS:
                    measure_images(urllib.parse.urlsplit(url).path, width)
        if search and "search" in kinds:
            run_search(browser, base_url + kinds["search"], search, search_check, screenshots, axe, measure_overflow, figures)
            if "enterprise" in kinds and search == (DEFAULT_SEARCH_QUERY, DEFAULT_SEARCH_FIRST):
                company_searches(browser, base_url + kinds["search"], search_check)
        phone_checks = check_navigation(browser, base_url, kinds) + check_home_first_view(browser, base_url, kinds, screenshots)
    finally:
        browser.close()
    widths = " and ".join(f"{width}" for width, _ in VIEWPORTS)
    axe_check.summary = (f"{axe_runs} axe runs ({len(kinds)} page kinds at {widths} px light, {VIEWPORTS[0][0]} px dark, "
                         f"and the search page with results), rules tagged {', '.join(AXE_TAGS)}: 0 violations")
    layout_check.summary = (f"{len(kinds) + len(other_pages)} pages fit {', '.join(str(width) for width, _ in MEASURED_WIDTHS)} px; "
                            f"screenshots of each kind in {screenshots}")
    image_check.summary = (f"{images_measured} pictures measured at {widths} px: none served more than twice "
                           f"the width it is shown at")
    return [axe_check, layout_check, image_check] + ([search_check] if search and "search" in kinds else []) + phone_checks


def check_navigation(browser, base_url, kinds):
    """At 360 and 320 px, on one page of each kind: every navigation link visible, or in a closed menu whose
    <summary> is visible, and visible once that summary is tapped; no link past the viewport's right edge."""
    from browser import NAV_VIEWPORTS
    check = Check("navigation")
    measured = 0
    browser.color_scheme("light")
    for width, height in NAV_VIEWPORTS:
        browser.viewport(width, height)
        for kind, relative in kinds.items():
            label = f"{urllib.parse.urlsplit(base_url + relative).path} ({kind}) at {width}×{height}"
            browser.open(base_url + relative)
            before = browser.nav_state()
            if not before:
                check.problems.append(f"{label}: no navigation links (nav.site-nav a)")
                continue
            measured += 1
            if all(entry["visible"] for entry in before.values()):
                continue
            browser.open_nav_menus()
            after = browser.nav_state()
            for href, entry in before.items():
                if entry["visible"]:
                    continue
                if not entry["summary"]:
                    check.problems.append(f"{label}: “{entry['label']}” ({href}) is neither visible nor one tap away "
                                          f"(not in a closed <details> whose <summary> is visible)")
                elif not after.get(href, {}).get("visible"):
                    check.problems.append(f"{label}: “{entry['label']}” ({href}) is still not visible, within the "
                                          f"page's width, after tapping “{entry['summary']}”")
    sizes = " and ".join(f"{width}×{height}" for width, height in NAV_VIEWPORTS)
    check.summary = f"{measured} page views at {sizes}: every navigation link visible or one tap away"
    return [check]


def check_home_first_view(browser, base_url, kinds, screenshots):
    """The home page's first phone screen (360×640) holds the site name, the hotline's tel: link, every task
    shortcut and the search box (a GET form to tim-kiem/); its screenshot is saved with the others."""
    from browser import NAV_VIEWPORTS
    check = Check("home-first-view")
    if kinds.get("home") is None:
        return []
    width, height = NAV_VIEWPORTS[0]
    browser.viewport(width, height)
    browser.color_scheme("light")
    browser.open(base_url + kinds["home"])
    view = browser.first_view()
    path = screenshots / f"home-first-view-{width}x{height}.png"
    browser.screenshot_viewport(path, width, height)
    label = f"{urllib.parse.urlsplit(base_url).path} (home) at {width}×{height}"
    if not view["siteName"]:
        check.problems.append(f"{label}: the site name (.site-title) is not on the first screen")
    if not view["hotline"]:
        check.problems.append(f"{label}: no tel: link to the hotline on the first screen")
    if view["tasks"] == 0:
        check.problems.append(f"{label}: no task shortcuts (home.tasks in site.yml, nav.tasks on the page)")
    elif len(view["tasksInView"]) < view["tasks"]:
        check.problems.append(f"{label}: only {len(view['tasksInView'])} of {view['tasks']} task shortcuts on the first screen")
    if not view["search"]:
        check.problems.append(f"{label}: no search box (a GET form to tim-kiem/ with its button) on the first screen")
    check.summary = (f"{label}: “{view['siteName']}”, {view['hotline']}, {len(view['tasksInView'])} task shortcuts "
                     f"and the search box on the first screen; screenshot {path}")
    return [check]


def run_search(browser, search_page, search, check, screenshots, axe, measure_overflow, figures):
    """Opens the search page with ?q=, as a shared link or the no-JavaScript form would, waits for the
    script's results and checks the status line, the first result and what the search fetched."""
    from browser import VIEWPORTS

    query, expected_first = search
    url = search_page + "?q=" + urllib.parse.quote_plus(query)
    shown = urllib.parse.urlsplit(url).path + "?q=" + urllib.parse.quote_plus(query)
    browser.clear_cache()
    for scheme, (width, height) in [("light", VIEWPORTS[0]), ("light", VIEWPORTS[1]), ("dark", VIEWPORTS[0])]:
        browser.color_scheme(scheme)
        browser.viewport(width, height)
        browser.open(url)
        state = browser.search_results()
        label = f"{shown} at {width} px, {scheme}"
        if state is None:
            check.problems.append(f"{label}: no result or status line within {browser.SEARCH_WAIT} s")
            continue
        if f"“{query}”" not in state["status"] or not state["links"]:
            check.problems.append(f"{label}: the status line says `{state['status']}` with {len(state['links'])} results")
        elif urllib.parse.urljoin(url, state["links"][0]) != search_page.removesuffix("tim-kiem/") + expected_first:
            check.problems.append(f"{label}: the first result is {state['links'][0]}, expected {expected_first} "
                                  f"(results: {', '.join(state['links'][:5])})")
        if scheme == "light" and width == VIEWPORTS[0][0]:
            fetched = browser.fetched()
            if fetched["decoded"] > FIRST_SEARCH_BUDGET:
                check.problems.append(f"{label}: the first search fetched {kb(fetched['decoded'])}, over {kb(FIRST_SEARCH_BUDGET)}")
            figures[f"first search, “{query}”"] = (
                f"{kb(fetched['decoded'])} in {fetched['files']} files (page, style.css, search.js, index); "
                f"{kb(fetched['transferred'])} over the wire (gzip)", f"≤ {kb(FIRST_SEARCH_BUDGET)}")
            check.summary = (f"{shown}: “{state['status']}”, first result {state['links'][0] if state['links'] else '—'}; "
                             f"fetched {kb(fetched['decoded'])} ≤ {kb(FIRST_SEARCH_BUDGET)}")
        measure_overflow(f"{shown} (search results)", width, height)
        suffix = f"-{width}" + ("-dark" if scheme == "dark" else "")
        browser.screenshot(screenshots / f"search-results{suffix}.png", width)
        axe(label)


def company_searches(browser, search_page, check):
    """Each of COMPANY_SEARCHES opened with ?q= at the first viewport: the expected page comes first."""
    from browser import VIEWPORTS

    browser.viewport(*VIEWPORTS[0])
    for query, expected_first in COMPANY_SEARCHES:
        url = search_page + "?q=" + urllib.parse.quote_plus(query)
        browser.open(url)
        state = browser.search_results()
        if state is None or not state["links"]:
            check.problems.append(f"?q={query}: no result within {browser.SEARCH_WAIT} s")
        elif urllib.parse.urljoin(url, state["links"][0]) != search_page.removesuffix("tim-kiem/") + expected_first:
            check.problems.append(f"?q={query}: the first result is {state['links'][0]}, expected {expected_first}")
    if not any(query in problem for problem in check.problems for query, _ in COMPANY_SEARCHES):
        check.summary += f"; checking a company: {', '.join(f'“{query}” → /{first}' for query, first in COMPANY_SEARCHES)}"


# MARK: - Other servers

def other_servers(arguments):
    """(server class, its configuration) for each server named by --servers, in that order."""
    confs = {"apache": arguments.apache_conf, "caddy": arguments.caddyfile}
    names = [name.strip() for name in arguments.servers.split(",") if name.strip()]
    unknown = [name for name in names if name not in confs]
    if unknown:
        raise SystemExit(f"e2e: --servers: unknown server {', '.join(unknown)} (known: {', '.join(confs)})")
    return [(hosting.SERVERS[name], Path(confs[name]).resolve()) for name in names]


def check_other_server(name, base_url, site, kinds, arguments):
    """What nginx is checked for, short of the browser-heavy checks: the crawl with every address's
    type, the 404 page at any depth, the headers, and one search in the browser under the sub-path."""
    crawl = crawling.Crawl(base_url).run()
    checks = [check_links(crawl, site), check_not_found(base_url), check_hosting(base_url, crawl, site)]
    if not arguments.skip_browser and "search" in kinds:
        checks.append(check_one_search(base_url + kinds["search"], (arguments.search_query, arguments.search_first)))
    for check in checks:
        check.name = f"{name}-{check.name}"
    return checks


def check_one_search(search_page, search):
    """The search page opened with ?q= once, in a fresh browser: the status line and the first result."""
    from browser import VIEWPORTS, Browser

    query, expected_first = search
    check = Check("search")
    url = search_page + "?q=" + urllib.parse.quote_plus(query)
    shown_url = urllib.parse.urlsplit(url).path + "?q=" + urllib.parse.quote_plus(query)
    browser = Browser()
    try:
        browser.viewport(*VIEWPORTS[0])
        browser.open(url)
        state = browser.search_results()
    finally:
        browser.close()
    if state is None:
        check.problems.append(f"{shown_url}: no result or status line within {Browser.SEARCH_WAIT} s")
    elif f"“{query}”" not in state["status"] or not state["links"]:
        check.problems.append(f"{shown_url}: the status line says `{state['status']}` with {len(state['links'])} results")
    elif urllib.parse.urljoin(url, state["links"][0]) != search_page.removesuffix("tim-kiem/") + expected_first:
        check.problems.append(f"{shown_url}: the first result is {state['links'][0]}, expected {expected_first}")
    else:
        check.summary = f"{shown_url}: “{state['status']}”, first result {state['links'][0]}"
    return check


def shown(path):
    return path.relative_to(REPO) if path.is_relative_to(REPO) else path


# MARK: - Main

DEFAULT_SEARCH_QUERY, DEFAULT_SEARCH_FIRST = "nhat ban", "thi-truong/nhat-ban/"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nhipcau", required=True, help="the nhipcau executable")
    parser.add_argument("--content", required=True, help="the content folder to build")
    parser.add_argument("--date", help="build date YYYY-MM-DD (default: today)")
    parser.add_argument("--screenshots", default=str(REPO / ".e2e" / "screenshots"), help="folder for screenshots")
    parser.add_argument("--figures", default=str(REPO / ".e2e" / "figures.md"), help="where to write the figures table")
    parser.add_argument("--any-kinds", action="store_true",
                        help="check the page kinds the site has instead of requiring every kind (for small fixtures)")
    parser.add_argument("--search-query", default=DEFAULT_SEARCH_QUERY, help="the query the search check runs")
    parser.add_argument("--search-first", default=DEFAULT_SEARCH_FIRST,
                        help="the address (from the site root) the search check expects first")
    # For e2e/selftest.py, which proves that each check can fail:
    parser.add_argument("--nginx-conf", default=str(SHIPPED_NGINX_CONF), help="the server block to serve the site with")
    parser.add_argument("--apache-conf", default=str(SHIPPED_APACHE_CONF), help="the virtual host Apache serves the site with")
    parser.add_argument("--caddyfile", default=str(SHIPPED_CADDYFILE), help="the Caddyfile Caddy serves the site with")
    parser.add_argument("--servers", default="apache,caddy",
                        help="servers that serve the site after nginx (crawl, 404, headers, one search): "
                             "a comma-separated list of apache, caddy; empty for nginx only")
    parser.add_argument("--stylesheet-budget", type=int, default=STYLESHEET_BUDGET, help="bytes")
    parser.add_argument("--home-budget", type=int, default=HOME_BUDGET, help="bytes of the home page's HTML and CSS")
    parser.add_argument("--script-budget", type=int, default=SCRIPT_BUDGET, help="bytes of each script")
    parser.add_argument("--skip-browser", action="store_true", help="leave out axe, overflow, screenshots and search")
    parser.add_argument("--skip-nu", action="store_true", help="leave out the Nu HTML Checker")
    parser.add_argument("--keep", action="store_true", help="keep the built site and the servers' files; print where")
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="nhipcau-e2e-"))
    work.chmod(0o755)  # nginx's and Apache's workers drop root: they must be able to read the site
    nginx_conf = Path(arguments.nginx_conf).resolve()
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
        print(f"e2e: built {arguments.content} → {site}; serving it with {shown(nginx_conf)} at {base_url}")
        print(f"e2e: page kinds: {', '.join(f'{kind}=/{relative}' for kind, relative in present.items())}"
              + (f" (absent: {', '.join(missing)})" if missing else ""))
        limits = {"stylesheet": arguments.stylesheet_budget, "home": arguments.home_budget, "script": arguments.script_budget}
        with hosting.Nginx(nginx_conf, site, port, work / "nginx"):
            crawl = crawling.Crawl(base_url).run()
            checks += [check_links(crawl, site), check_not_found(base_url), check_hosting(base_url, crawl, site),
                       check_without_javascript(crawl), check_budget(crawl, figures, limits), check_image_sizes(crawl),
                       check_structured_data(site)]
            if not arguments.skip_browser:
                kind_urls = {base_url + relative for relative in present.values()}
                other_pages = sorted(url for url in crawl.pages if url not in kind_urls)
                checks += check_in_browser(base_url, present, other_pages, Path(arguments.screenshots),
                                           (arguments.search_query, arguments.search_first), figures)
        # The same site on the same port through the other documented servers, one after the other.
        for server, conf in other_servers(arguments):
            print(f"e2e: serving it with {shown(conf)} at {base_url}")
            with server(conf, site, port, work / server.name):
                checks += check_other_server(server.name, base_url, site, present, arguments)
        if not arguments.skip_nu:
            file_count, errors = nu.check(site)
            checks.append(Check("nu-html", errors, f"{file_count} HTML files, 0 errors"))
        seconds = time.monotonic() - started
        figures["gate run time"] = (f"{seconds:.0f} s", "—")
        report(checks, figures, seconds, arguments)
        if arguments.keep:
            print(f"e2e: kept {work}")
        return 0 if all(check.passed for check in checks) else 1
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)


def figures_table(figures, arguments):
    """The README's table, to paste as it is: `make e2e` prints it and writes it to .e2e/figures.md."""
    lines = [f"Measured on `{arguments.content}` (build date {arguments.date or 'today'}) by `make e2e`:", "",
             "| figure | value | budget |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {budget} |" for name, (value, budget) in figures.items()]
    return "\n".join(lines) + "\n"


def report(checks, figures, seconds, arguments):
    for check in checks:
        if check.passed:
            print(f"PASS {check.name}: {check.summary}")
        else:
            print(f"FAIL {check.name}: {len(check.problems)} problem{'s' if len(check.problems) != 1 else ''}")
            for problem in check.problems:
                print(f"  {problem}")
    table = figures_table(figures, arguments)
    print("e2e: figures (Markdown, for the README's Quality gate section):")
    print(table, end="")
    if arguments.figures:
        Path(arguments.figures).parent.mkdir(parents=True, exist_ok=True)
        Path(arguments.figures).write_text(table, encoding="utf-8")
    passed = sum(check.passed for check in checks)
    print(f"e2e ({seconds:.0f} s): {passed} passed, {len(checks) - passed} failed")


if __name__ == "__main__":
    sys.exit(main())
