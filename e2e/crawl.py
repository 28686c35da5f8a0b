"""Walks the served site from its home page, as a browser would, and records what every address answers.

Every reference a page makes (links, images, stylesheets, feeds, canonical and sharing URLs, downloads)
is requested from nginx once, without following redirects: a link is good only if it answers 200.
Feeds and the sitemap are read too, so the absolute URLs they carry are checked like the rest.
"""
import http.client
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser

# What nginx must answer for each kind of file (one of the types), with the charset where the file is text.
# nginx's mime.types names .js application/javascript up to 1.22 (Debian 12), text/javascript after.
EXPECTED_TYPES = {
    ".html": ("text/html", True), "/": ("text/html", True), ".css": ("text/css", True),
    ".js": (("application/javascript", "text/javascript"), True),
    ".xml": ("text/xml", True), ".txt": ("text/plain", True), ".csv": ("text/csv", True),
    ".ics": ("text/calendar", True),
    ".json": ("application/json", True), ".svg": ("image/svg+xml", True), ".png": ("image/png", False),
    ".jpg": ("image/jpeg", False), ".jpeg": ("image/jpeg", False), ".webp": ("image/webp", False),
    ".gif": ("image/gif", False), ".pdf": ("application/pdf", False),
}
URL_ATTRIBUTES = {
    ("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("iframe", "src"), ("source", "src"),
    ("video", "src"), ("video", "poster"), ("audio", "src"), ("object", "data"), ("form", "action"),
}
SRCSET_TAGS = {"img", "source"}
HIDDEN_TEXT_TAGS = {"script", "style", "template"}
SHARING_PROPERTIES = {"og:url", "og:image"}


@dataclass
class Response:
    url: str
    status: int
    headers: dict
    body: bytes

    @property
    def content_type(self):
        return self.headers.get("content-type", "")

    @property
    def is_html(self):
        return self.content_type.startswith("text/html")


def fetch(url, accept_encoding="identity"):
    """One GET, no redirect followed, no proxy: the test server is on 127.0.0.1."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", target, headers={"Accept-Encoding": accept_encoding, "User-Agent": "nhipcau-e2e"})
        answer = connection.getresponse()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return Response(url=url, status=answer.status, headers=headers, body=answer.read())
    finally:
        connection.close()


@dataclass
class Reference:
    tag: str
    attribute: str
    value: str
    line: int

    def describe(self):
        return f'<{self.tag} {self.attribute}="{self.value}"> (line {self.line})'


@dataclass
class PageFacts:
    """What one HTML page holds, read from the raw HTML (what a browser without JavaScript shows)."""
    references: list = field(default_factory=list)
    ids: set = field(default_factory=set)
    main_count: int = 0
    main_h1: list = field(default_factory=list)
    main_text_length: int = 0
    scripts: int = 0  # <script> elements that run (JSON-LD data blocks not counted)
    stylesheets: list = field(default_factory=list)
    unsized_images: list = field(default_factory=list)  # (line, src) of each <img> without width or height


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._main_depth = 0
        self._h1_text = None
        self._hidden_depth = 0  # inside <script>, <style> or <template>: not shown as text

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        if "id" in attributes and attributes["id"] is not None:
            self.facts.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.facts.ids.add(attributes["name"])
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in URL_ATTRIBUTES:
                self.facts.references.append(Reference(tag, name, value.strip(), line))
            elif tag in SRCSET_TAGS and name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.facts.references.append(Reference(tag, name, candidate.strip().split()[0], line))
        if tag == "meta" and attributes.get("property") in SHARING_PROPERTIES and attributes.get("content"):
            self.facts.references.append(Reference("meta", f'property="{attributes["property"]}" content', attributes["content"], line))
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split() and attributes.get("href"):
            self.facts.stylesheets.append(attributes["href"])
        if tag == "img" and not (attributes.get("width") and attributes.get("height")):
            self.facts.unsized_images.append((line, attributes.get("src") or ""))
        # A JSON-LD block is data, not a program: only scripts that run count.
        if tag == "script" and (attributes.get("type") or "").lower() != "application/ld+json":
            self.facts.scripts += 1
        if tag in HIDDEN_TEXT_TAGS:
            self._hidden_depth += 1
        if tag == "main":
            self.facts.main_count += 1
            self._main_depth += 1
        elif tag == "h1" and self._main_depth:
            self._h1_text = ""

    def handle_endtag(self, tag):
        if tag in HIDDEN_TEXT_TAGS and self._hidden_depth:
            self._hidden_depth -= 1
        elif tag == "main" and self._main_depth:
            self._main_depth -= 1
        elif tag == "h1" and self._h1_text is not None:
            self.facts.main_h1.append(self._h1_text.strip())
            self._h1_text = None

    def handle_data(self, data):
        if self._hidden_depth:
            return
        if self._main_depth:
            self.facts.main_text_length += len(data.strip())
        if self._h1_text is not None:
            self._h1_text += data


def parse_page(body):
    parser = PageParser()
    parser.feed(body.decode("utf-8", errors="replace"))
    parser.close()
    return parser.facts


def xml_references(body):
    """Addresses in an Atom feed (link href, id is not fetched) or a sitemap (loc)."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        return None, str(error)
    found = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "link" and element.get("href"):
            found.append(Reference("link", "href", element.get("href"), 0))
        elif name == "loc" and element.text:
            found.append(Reference("loc", "text", element.text.strip(), 0))
    return found, None


def robots_references(body):
    lines = body.decode("utf-8", errors="replace").splitlines()
    return [Reference("Sitemap", "line", line.split(":", 1)[1].strip(), number)
            for number, line in enumerate(lines, 1) if line.lower().startswith("sitemap:")]


def expected_type(path):
    if path.endswith("/"):
        return EXPECTED_TYPES["/"]
    match = re.search(r"\.[A-Za-z0-9]+$", path)
    return EXPECTED_TYPES.get(match.group(0).lower()) if match else None


class Crawl:
    """Breadth-first from the home page; `problems` are readable lines naming the page and the fault."""

    def __init__(self, base_url):
        self.base_url = base_url
        parts = urllib.parse.urlsplit(base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.responses = {}        # url → Response
        self.pages = {}            # url of an HTML page → PageFacts
        self.referrers = {}        # url → [(page url, Reference)]
        self.fragments = []        # (page url, Reference, target url, fragment)
        self.external = set()
        self.problems = []

    def short(self, url):
        return url[len(self.origin):] if url.startswith(self.origin) else url

    def run(self):
        queue = deque([self.base_url, self.base_url + "robots.txt"])
        queued = set(queue)
        while queue:
            url = queue.popleft()
            response = fetch(url)
            self.responses[url] = response
            for reference in self.references_of(url, response):
                target = self.resolve(url, reference)
                if target and target not in queued:
                    queued.add(target)
                    queue.append(target)
        self.report_bad_answers()
        self.report_missing_fragments()
        return self

    def references_of(self, url, response):
        if response.status != 200:
            return []
        if response.is_html:
            facts = parse_page(response.body)
            self.pages[url] = facts
            return facts.references
        if url.endswith(".xml"):
            found, error = xml_references(response.body)
            if error:
                self.problems.append(f"{self.short(url)}: not well-formed XML: {error}")
                return []
            return found
        if url.endswith("robots.txt"):
            return robots_references(response.body)
        return []

    def resolve(self, page_url, reference):
        """The address to fetch for a reference, or None when it is not ours to fetch."""
        value = reference.value
        if not value:
            self.problems.append(f"{self.short(page_url)}: empty address in {reference.describe()}")
            return None
        absolute = urllib.parse.urljoin(page_url, value)
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme in ("mailto", "tel"):
            return None
        if parts.scheme not in ("http", "https"):
            self.problems.append(f"{self.short(page_url)}: unexpected address scheme in {reference.describe()}")
            return None
        target = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.external.add(target)
            return None
        if not target.startswith(self.base_url):
            self.problems.append(f"{self.short(page_url)}: {reference.describe()} leaves the site's folder: {self.short(target)}")
            return None
        self.referrers.setdefault(target, []).append((page_url, reference))
        if parts.fragment:
            self.fragments.append((page_url, reference, target, urllib.parse.unquote(parts.fragment)))
        return target

    def report_bad_answers(self):
        for url, response in self.responses.items():
            referred = self.referrers.get(url, [])
            where = self.referred_from(referred)
            if response.status != 200:
                location = f" → {response.headers['location']}" if "location" in response.headers else ""
                self.problems.append(f"broken link: {self.short(url)} answers {response.status}{location}; {where}")
                continue
            self.check_type(url, response, where)

    def referred_from(self, referred, limit=4):
        if not referred:
            return "the crawl's starting point"
        shown = [f"{self.short(page)} {reference.describe()}" for page, reference in referred[:limit]]
        more = f" and {len(referred) - limit} more" if len(referred) > limit else ""
        return "linked from " + "; ".join(shown) + more

    def check_type(self, url, response, where):
        expected = expected_type(urllib.parse.urlsplit(url).path)
        if not expected:
            return
        mimes, needs_charset = expected
        mimes = (mimes,) if isinstance(mimes, str) else mimes
        served = response.content_type.lower()
        if not served.startswith(mimes) or (needs_charset and "charset=utf-8" not in served):
            wanted = " or ".join(mime + ("; charset=utf-8" if needs_charset else "") for mime in mimes)
            self.problems.append(f"{self.short(url)}: served as `{response.content_type}`, expected `{wanted}`; {where}")

    def report_missing_fragments(self):
        for page_url, reference, target, fragment in self.fragments:
            facts = self.pages.get(target)
            if facts is not None and fragment not in facts.ids:
                self.problems.append(f"{self.short(page_url)}: {reference.describe()} points at #{fragment}, "
                                     f"which {self.short(target)} does not have")
