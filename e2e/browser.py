"""Headless Chromium through Selenium: axe-core (WCAG 2.1 A/AA), screenshots and horizontal overflow."""
import base64
import json
import shutil
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = [(360, 740), (1280, 800)]

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


def find_executable(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise FileNotFoundError(f"none of {', '.join(names)} is installed (make e2e installs them)")


class Browser:
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

    def screenshot(self, path, width):
        height = self.driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
        shot = self.cdp("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                   "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        Path(path).write_bytes(base64.b64decode(shot["data"]))


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
