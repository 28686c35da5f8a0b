"""Headless Chromium through Selenium: axe-core (WCAG 2.1 A/AA), screenshots, horizontal overflow, and
the search page's results and fetched bytes."""
import base64
import json
import shutil
import time
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Screenshots and axe at these sizes (the issue's); every page is also measured at 320 px, the
# narrowest phone the site promises to read well on.
VIEWPORTS = [(360, 740), (1280, 800)]
MEASURED_WIDTHS = [(320, 640)] + VIEWPORTS
# Every navigation link visible, or one tap away, at these phone sizes; the home page's first screen at the first.
NAV_VIEWPORTS = [(360, 640), (320, 640)]

# The widest elements sticking out past the viewport, to name the culprit when a page overflows.
OVERFLOW_SCRIPT = """
const limit = window.innerWidth;
const culprits = [];
for (const element of document.querySelectorAll('body *')) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= limit + 0.5) continue;
  let scrolledAway = false;
  for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
    const style = getComputedStyle(up);
    if (style.overflowX !== 'visible' && up.getBoundingClientRect().right <= limit + 0.5) { scrolledAway = true; break; }
  }
  if (scrolledAway) continue;
  let name = element.tagName.toLowerCase();
  if (element.id) name += '#' + element.id;
  if (element.classList.length) name += '.' + [...element.classList].join('.');
  culprits.push(name + ' (right edge at ' + Math.round(box.right) + ' px)');
  if (culprits.length === 5) break;
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: limit, culprits: culprits};
"""


# The search page once its script ran: the status line and the results' links (None while empty).
SEARCH_STATE_SCRIPT = """
const status = document.getElementById('search-status');
if (!status || !status.textContent.trim()) return null;
return {status: status.textContent.trim(),
        links: [...document.querySelectorAll('#search-results li > a')].map(a => a.getAttribute('href'))};
"""

# Everything the page fetched: its HTML and each resource, decoded (as stored) and encoded (over the wire).
FETCHED_SCRIPT = """
const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
return {files: entries.length, decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
        transferred: entries.reduce((sum, e) => sum + e.encodedBodySize, 0)};
"""

# Each link of the site's navigation: visible, or in a closed <details> whose <summary> is visible (one tap
# away). "Visible" means displayed, with its box inside the viewport's width (no sideways scrolling).
NAV_STATE_SCRIPT = """
const limit = window.innerWidth;
const shown = element => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.left >= -0.5 && box.right <= limit + 0.5
    && getComputedStyle(element).visibility !== 'hidden';
};
const links = {};
for (const link of document.querySelectorAll('nav.site-nav a[href]')) {
  const href = link.getAttribute('href');
  const entry = links[href] || (links[href] = {label: link.textContent.trim(), visible: false, summary: null});
  if (shown(link)) entry.visible = true;
  const details = link.closest('details');
  const summary = details && !details.open ? details.querySelector(':scope > summary') : null;
  if (summary && shown(summary)) entry.summary = summary.textContent.trim();
}
return links;
"""

# Opens every closed menu of the navigation, as one tap on its <summary> does.
NAV_OPEN_SCRIPT = """
for (const summary of document.querySelectorAll('nav.site-nav details:not([open]) > summary')) summary.click();
"""

# What the first screen of the home page holds: each item's box must lie inside the viewport.
FIRST_VIEW_SCRIPT = """
const height = window.innerHeight, width = window.innerWidth;
const inView = element => {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= height + 0.5 && box.right <= width + 0.5;
};
const title = document.querySelector('.site-title');
const tel = document.querySelector('main a[href^="tel:"]');
const tasks = [...document.querySelectorAll('main nav.tasks a')];
const search = [...document.querySelectorAll('main form')].find(form =>
  (form.getAttribute('method') || '').toLowerCase() === 'get' && /tim-kiem\/?$/.test(form.getAttribute('action') || '')
  && form.querySelector('input[name="q"]'));
const input = search ? search.querySelector('input[name="q"]') : null;
return {
  siteName: inView(title) ? title.textContent.trim() : null,
  hotline: inView(tel) ? tel.getAttribute('href') : null,
  tasks: tasks.length, tasksInView: tasks.filter(inView).map(a => a.textContent.trim()),
  search: inView(input) && inView(search.querySelector('button, input[type="submit"]')),
};
"""


def find_executable(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise FileNotFoundError(f"none of {', '.join(names)} is installed (make e2e installs them)")


class Browser:
    SEARCH_WAIT = 15

    def __init__(self):
        options = webdriver.ChromeOptions()
        options.binary_location = find_executable("chromium", "chromium-browser", "google-chrome")
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--force-color-profile=srgb", "--lang=vi", "--window-size=1280,800",
                         "--no-first-run", "--disable-extensions", "--disable-background-networking"]:
            options.add_argument(argument)
        service = Service(executable_path=find_executable("chromedriver"))
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        self.axe = Axe(self.driver)

    def close(self):
        self.driver.quit()

    def cdp(self, command, arguments=None):
        return self.driver.execute_cdp_cmd(command, arguments or {})

    def viewport(self, width, height):
        # mobile=False keeps the layout viewport exactly `width` wide, as on a phone with
        # width=device-width; Chrome's mobile mode would zoom out to hide an overflow instead.
        self.cdp("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def color_scheme(self, scheme):
        self.cdp("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def open(self, url):
        self.driver.get(url)

    def axe_violations(self):
        self.axe.inject()
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        return self.axe.run(options=json.dumps(options))["violations"]

    def overflow(self):
        return self.driver.execute_script(OVERFLOW_SCRIPT)

    def clear_cache(self):
        self.cdp("Network.clearBrowserCache")

    def search_results(self):
        """The status line and result links once the search script wrote them; None after SEARCH_WAIT seconds."""
        deadline = time.monotonic() + self.SEARCH_WAIT
        while time.monotonic() < deadline:
            state = self.driver.execute_script(SEARCH_STATE_SCRIPT)
            if state:  # the script writes the status line after the results
                return state
            time.sleep(0.1)
        return None

    def nav_state(self):
        return self.driver.execute_script(NAV_STATE_SCRIPT)

    def open_nav_menus(self):
        self.driver.execute_script(NAV_OPEN_SCRIPT)

    def first_view(self):
        return self.driver.execute_script(FIRST_VIEW_SCRIPT)

    def screenshot_viewport(self, path, width, height):
        shot = self.cdp("Page.captureScreenshot", {"format": "png",
                                                   "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        Path(path).write_bytes(base64.b64decode(shot["data"]))

    def fetched(self):
        return self.driver.execute_script(FETCHED_SCRIPT)

    def images(self):
        """Every <img> once loaded (lazy ones too): the file chosen from srcset, its width, the width shown."""
        return self.driver.execute_async_script(IMAGES_SCRIPT)

    def screenshot(self, path, width):
        height = self.driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
        shot = self.cdp("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                   "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        Path(path).write_bytes(base64.b64decode(shot["data"]))


IMAGES_SCRIPT = """
const done = arguments[arguments.length - 1];
const images = [...document.images];
images.forEach(image => { image.loading = "eager"; });
Promise.all(images.map(image => image.decode().catch(() => null))).then(() => done(images.map(image => ({
  src: image.currentSrc || image.src, natural: image.naturalWidth, shown: image.getBoundingClientRect().width }))));
"""


def describe_violations(violations, page_label):
    """One readable block per axe rule broken: rule, impact, what to do, and where."""
    lines = []
    for violation in violations:
        lines.append(f"{page_label}: {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}")
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}: {summary[:240]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
        lines.append(f"    see {violation.get('helpUrl', '')}")
    return lines
