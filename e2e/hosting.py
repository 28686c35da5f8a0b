"""Serves a built site with nginx, Apache httpd or Caddy exactly as docs/hosting/ tells IT staff to, on 127.0.0.1.

Each shipped file is copied with only its address (port), its site folder and, for nginx, its IPv6
listen line changed, and wrapped in a minimal main configuration; the server runs in the foreground
as our child, with its pid, logs and temporary files in a private folder. Nothing under /etc is
written, no service is started.
"""
import os
import socket
import subprocess
import time
from pathlib import Path

SHIPPED_SITE_FOLDER = "/var/www/xkld/site/"
SUB_PATH = "/xkld/"
HOSTING_DOCS = Path(__file__).resolve().parent.parent / "docs" / "hosting"

NGINX_MAIN_CONFIG = """\
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

# What Debian's apache2.conf and its default modules give a virtual host, and nothing more.
APACHE_MODULES = ["mpm_event", "authz_core", "alias", "dir", "mime", "filter", "deflate", "headers"]
APACHE_MAIN_CONFIG = """\
ServerRoot {run}
DefaultRuntimeDir {run}
PidFile {run}/httpd.pid
Mutex file:{run} default
ErrorLog {run}/error.log
LogLevel warn
{modules}
{user}
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
TypesConfig /etc/mime.types
StartServers 1
<Directory />
    AllowOverride None
    Require all denied
</Directory>

{server}
"""

CADDY_GLOBAL_OPTIONS = """\
{{
	admin off
	auto_https off
	default_bind 127.0.0.1
	storage file_system {run}/data
}}

"""


class HostingError(Exception):
    pass


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def adapt(shipped_text, replacements, shown_name):
    """The shipped file with our port and folder; fails loudly if it no longer has the lines we replace."""
    text = shipped_text
    for old, new, count in replacements:
        if text.count(old) != count:
            raise HostingError(f"{shown_name}: expected `{old.strip()}` {count} time(s) to adapt for the test server, "
                               f"found it {text.count(old)} time(s)")
        text = text.replace(old, new)
    return text


def render_server_block(shipped_text, port, site_folder):
    """docs/hosting/nginx.conf's server block for the test server."""
    return adapt(shipped_text, [
        ("    listen 80;\n", f"    listen 127.0.0.1:{port};\n", 1),
        ("    listen [::]:80;\n", "", 1),
        (f"alias {SHIPPED_SITE_FOLDER};", f"alias {site_folder.rstrip('/')}/;", 1),
    ], "docs/hosting/nginx.conf")


def render_virtual_host(shipped_text, port, site_folder):
    """docs/hosting/apache.conf's virtual host for the test server."""
    return adapt(shipped_text, [
        ("<VirtualHost *:80>", f"<VirtualHost 127.0.0.1:{port}>", 1),
        (f"Alias {SUB_PATH} {SHIPPED_SITE_FOLDER}\n", f"Alias {SUB_PATH} {site_folder.rstrip('/')}/\n", 1),
        (f"<Directory {SHIPPED_SITE_FOLDER}>", f"<Directory {site_folder.rstrip('/')}/>", 1),
    ], "docs/hosting/apache.conf")


def render_caddyfile(shipped_text, port, site_folder, run_folder):
    """docs/hosting/Caddyfile for the test server: plain HTTP on our port, preceded by global options
    that keep Caddy off the network and out of /etc and $HOME (no admin endpoint, no certificates)."""
    site = adapt(shipped_text, [
        ("xkld.example.gov.vn {", f"http://127.0.0.1:{port} {{", 1),
        (f"root * {SHIPPED_SITE_FOLDER.rstrip('/')}\n", f"root * {site_folder.rstrip('/')}\n", 2),
    ], "docs/hosting/Caddyfile")
    return CADDY_GLOBAL_OPTIONS.format(run=run_folder) + site


class Server:
    """`with Nginx(conf, site, port, run) as server:` serves `site` at http://127.0.0.1:port/xkld/."""
    name = "server"
    shipped_name = ""

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
        shipped = self.shipped_conf.read_text(encoding="utf-8")
        check_command, run_command, environment = self.prepare(shipped)
        check = subprocess.run(check_command, capture_output=True, text=True, env=environment)
        if check.returncode != 0:
            raise HostingError(f"{self.name} rejects the configuration:\n" + check.stdout + check.stderr)
        self.process = subprocess.Popen(run_command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                        env=environment)
        self._wait_until_listening()
        return self

    def prepare(self, shipped):
        """Writes the configuration; returns the command that checks it, the one that runs the server, the environment."""
        raise NotImplementedError

    def _wait_until_listening(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HostingError(f"{self.name} stopped at start:\n" + self.process.stderr.read() + self.error_log())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise HostingError(f"{self.name} did not listen on 127.0.0.1:{self.port} within {timeout:.0f} s")

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


class Nginx(Server):
    name = "nginx"
    shipped_name = "nginx.conf"

    def prepare(self, shipped):
        server = render_server_block(shipped, self.port, str(self.site_folder))
        config = self.run_folder / "nginx.conf"
        config.write_text(NGINX_MAIN_CONFIG.format(run=self.run_folder, server=server), encoding="utf-8")
        common = ["nginx", "-p", str(self.run_folder), "-c", str(config), "-e", str(self.run_folder / "error.log")]
        return common[:1] + ["-t", "-q"] + common[1:], common + ["-g", "daemon off;"], None


class Apache(Server):
    name = "apache"
    shipped_name = "apache.conf"

    def prepare(self, shipped):
        server = render_virtual_host(shipped, self.port, str(self.site_folder))
        modules = "\n".join(f"LoadModule {module}_module /usr/lib/apache2/modules/mod_{module}.so" for module in APACHE_MODULES)
        # As root, httpd's children drop to www-data, as on a Debian server.
        user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
        config = self.run_folder / "httpd.conf"
        config.write_text(APACHE_MAIN_CONFIG.format(run=self.run_folder, modules=modules, user=user, port=self.port,
                                                    server=server), encoding="utf-8")
        binary = "apache2" if subprocess.run(["which", "apache2"], capture_output=True).returncode == 0 else "httpd"
        common = [binary, "-f", str(config)]
        # -DFOREGROUND: one parent process, our child, that stops on SIGTERM.
        return common + ["-t"], common + ["-DFOREGROUND"], None


class Caddy(Server):
    name = "caddy"
    shipped_name = "Caddyfile"

    def prepare(self, shipped):
        config = self.run_folder / "Caddyfile"
        config.write_text(render_caddyfile(shipped, self.port, str(self.site_folder), self.run_folder), encoding="utf-8")
        environment = dict(os.environ, HOME=str(self.run_folder), XDG_DATA_HOME=str(self.run_folder / "data"),
                           XDG_CONFIG_HOME=str(self.run_folder / "config"))
        common = ["--config", str(config), "--adapter", "caddyfile"]
        return ["caddy", "validate"] + common, ["caddy", "run"] + common, environment

    def error_log(self):
        return ""  # Caddy logs to standard error, read when it stops at start


SERVERS = {server.name: server for server in (Nginx, Apache, Caddy)}
