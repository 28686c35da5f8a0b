"""Serves a built site with nginx exactly as docs/hosting/nginx.conf tells IT staff to, on 127.0.0.1.

The shipped server block is copied with three changes only (port, site folder, no IPv6 listen) and
wrapped in a minimal main configuration; nginx runs in the foreground as our child, with its pid,
logs and temporary files in a private folder. Nothing under /etc is written, no service is started.
"""
import os
import socket
import subprocess
import time
from pathlib import Path

SHIPPED_SITE_FOLDER = "/var/www/xkld/site/"
SUB_PATH = "/xkld/"

MAIN_CONFIG = """\
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {run}/access.log;
    client_body_temp_path {run}/client_body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    sendfile on;

{server}
}}
"""


class HostingError(Exception):
    pass


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def render_server_block(shipped_text, port, site_folder):
    """The shipped block with our port and folder; fails loudly if the file no longer has the lines we replace."""
    replacements = [
        ("    listen 80;\n", f"    listen 127.0.0.1:{port};\n"),
        ("    listen [::]:80;\n", ""),
        (f"alias {SHIPPED_SITE_FOLDER};", f"alias {site_folder.rstrip('/')}/;"),
    ]
    text = shipped_text
    for old, new in replacements:
        if text.count(old) != 1:
            raise HostingError(f"docs/hosting/nginx.conf: expected exactly one `{old.strip()}` to adapt for the test server")
        text = text.replace(old, new)
    return text


class Nginx:
    """`with Nginx(conf, site, port) as server:` serves `site` at http://127.0.0.1:port/xkld/."""

    def __init__(self, shipped_conf, site_folder, port, run_folder):
        self.shipped_conf = Path(shipped_conf)
        self.site_folder = Path(site_folder)
        self.port = port
        self.run_folder = Path(run_folder)
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}{SUB_PATH}"

    def __enter__(self):
        self.run_folder.mkdir(parents=True, exist_ok=True)
        server = render_server_block(self.shipped_conf.read_text(encoding="utf-8"), self.port, str(self.site_folder))
        config = self.run_folder / "nginx.conf"
        config.write_text(MAIN_CONFIG.format(run=self.run_folder, server=server), encoding="utf-8")
        check = subprocess.run(["nginx", "-t", "-q", "-p", str(self.run_folder), "-c", str(config), "-e", str(self.run_folder / "error.log")],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise HostingError("nginx rejects the configuration:\n" + check.stderr)
        self.process = subprocess.Popen(
            ["nginx", "-p", str(self.run_folder), "-c", str(config), "-e", str(self.run_folder / "error.log"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._wait_until_listening()
        return self

    def _wait_until_listening(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HostingError("nginx stopped at start:\n" + self.process.stderr.read() + self.error_log())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise HostingError(f"nginx did not listen on 127.0.0.1:{self.port} within {timeout:.0f} s")

    def error_log(self):
        log = self.run_folder / "error.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return False
