"""Real nginx and Caddy serving a built site on 127.0.0.1, for the host tests.

Each server runs in the foreground as a child of the test, on a free port, with its
config, pid file, logs and temp folders in a folder of its own: no system service, and
nothing outside that folder is written. The site's part of each config (the server
block, the site block) is exactly what sitebuild/hosting.py writes for hosting/.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from sitebuild import hosting

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CADDY = shutil.which("caddy") or "/usr/bin/caddy"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def missing() -> str | None:
    """Why the servers cannot run here (scripts/setup --tests installs them), or None."""
    absent = [p for p in (NGINX, CADDY, str(BROTLI_MODULE)) if not Path(p).exists()]
    if absent:
        return (
            f"not installed: {', '.join(absent)} (scripts/setup --tests installs Debian's "
            "nginx, libnginx-mod-http-brotli-static and caddy when run as root)"
        )
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    name: str
    url: str  # where the site's root is: http://127.0.0.1:PORT/prefix/
    log: Path


def _wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise RuntimeError(f"server did not listen on {port}: {log.read_text(errors='replace')}")


@contextlib.contextmanager
def _running(command: list[str], port: int, log: Path, env: dict | None = None):
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_for(port, process, log)
        yield
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _docroot(site: Path, prefix: str, folder: Path) -> Path:
    """A root holding the site at `prefix` (a link for a sub-path, as a reader copies it)."""
    if prefix == "/":
        return site
    root = folder / "root"
    target = root / prefix.strip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.symlink_to(site, target_is_directory=True)
    return root


@contextlib.contextmanager
def nginx(site: Path, folder: Path, *, prefix: str = "/", frame_ancestors: str = "'self'"):
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    root = _docroot(site, prefix, folder)
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    server = hosting.nginx_server(
        frame_ancestors, root=str(root), prefix=prefix, listen=f"127.0.0.1:{port}"
    )
    config = folder / "nginx.conf"
    config.write_text(
        "daemon off;\n"
        + ("user root;\n" if os.geteuid() == 0 else "")  # the test's files are root's own
        + "worker_processes 1;\n"
        + f"pid {folder / 'nginx.pid'};\n"
        + f"error_log {folder / 'error.log'};\n"
        + f"load_module {BROTLI_MODULE};\n"
        + "events { worker_connections 256; }\n"
        + "http {\n    access_log off;\n    sendfile on;\n"
        + temp
        + server
        + "}\n",
        encoding="utf-8",
    )
    log = folder / "nginx.out"
    command = [NGINX, "-c", str(config), "-p", str(folder), "-e", str(folder / "error.log")]
    with _running(command, port, log):
        yield Server("nginx", f"http://127.0.0.1:{port}{prefix}", folder / "error.log")


@contextlib.contextmanager
def caddy(site: Path, folder: Path, *, prefix: str = "/", frame_ancestors: str = "'self'"):
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    root = _docroot(site, prefix, folder)
    config = folder / "Caddyfile"
    config.write_text(
        hosting.caddyfile(
            frame_ancestors,
            root=str(root),
            prefix=prefix,
            address=f"http://127.0.0.1:{port}",
            global_options=(
                "\tadmin off\n\tauto_https off\n\tdefault_bind 127.0.0.1\n"
                f"\tstorage file_system {folder / 'data'}\n"
            ),
        ),
        encoding="utf-8",
    )
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    log = folder / "caddy.out"
    command = [CADDY, "run", "--config", str(config), "--adapter", "caddyfile"]
    with _running(command, port, log, env):
        yield Server("caddy", f"http://127.0.0.1:{port}{prefix}", log)


def get(
    url: str, accept_encoding: str = "gzip, deflate, br", method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body bytes as sent, not decoded."""
    import urllib.error
    import urllib.request

    headers = {"Accept-Encoding": accept_encoding}
    request = urllib.request.Request(url, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
