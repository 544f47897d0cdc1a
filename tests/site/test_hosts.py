"""The site behind real nginx and real Caddy, configured as hosting/ ships them.

Both servers run the configs sitebuild/hosting.py writes (the site's part byte for byte),
from Debian's packages (scripts/setup --tests installs them). Checked on each: the
headers per kind of file (the pages' policy with frame-ancestors, immutable digest-named
files, revalidated pages and sw.js, the 404 page, .wasm and .mjs types), the encoding
actually sent for what the client accepts, the builder's start from the snapshot with
the service worker registered, and the builder in a frame on another origin: refused by
nginx (frame-ancestors 'self', the default) and allowed by Caddy (configured with that
origin). A second build, with `SITE_URL` under a sub-path, is served under that path.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import hostkit
import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from sitekit import DESKTOP, ROOT, WATCH_CSP, PageProblems, built_once

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(hostkit.missing() is not None, reason=str(hostkit.missing())),
]

READY = "[data-sh-builder][data-sh-ready='true']"
SUB_PATH = "/short-haul/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def intranet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Another origin, whose page frames the builder: its origin and its folder."""
    folder = tmp_path_factory.mktemp("intranet")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", folder
    server.shutdown()
    server.server_close()


# nginx with the default setting; Caddy allowing the intranet's origin too.
SETUPS = {"nginx": (hostkit.nginx, False), "caddy": (hostkit.caddy, True)}


@pytest.fixture(scope="module", params=sorted(SETUPS))
def host(
    request: pytest.FixtureRequest,
    site_dir: Path,
    intranet: tuple[str, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[hostkit.Server, str]]:
    """A real server on the built site, and the frame-ancestors it was given."""
    start, allows_intranet = SETUPS[request.param]
    ancestors = f"'self' {intranet[0]}" if allows_intranet else "'self'"
    folder = tmp_path_factory.mktemp(request.param)
    with start(site_dir, folder, frame_ancestors=ancestors) as server:
        yield server, ancestors


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


def bundle(site: Path) -> str:
    return next((site / "pyodide").iterdir()).relative_to(site).as_posix()


def material_script(site: Path) -> str:
    return (
        next((site / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(site).as_posix()
    )


def test_headers_and_encodings_per_kind_of_file(
    host: tuple[hostkit.Server, str], site_dir: Path
) -> None:
    server, ancestors = host
    python = bundle(site_dir)
    # path, Cache-Control, Content-Type, precompressed copies sent
    cases = [
        ("", "no-cache", "text/html", True),
        ("builder/", "no-cache", "text/html", True),
        ("no-such-page/", "no-cache", "text/html", True),  # the 404 page
        ("no-such-file.js", "no-cache", "text/html", True),
        ("sw.js", "no-cache", "text/javascript", True),
        ("assets/javascripts/builder.js", "no-cache", "text/javascript", True),
        (material_script(site_dir), hostkit.hosting.IMMUTABLE, "text/javascript", True),
        (f"{python}/pyodide.asm.wasm", hostkit.hosting.IMMUTABLE, "application/wasm", True),
        (f"{python}/pyodide.mjs", hostkit.hosting.IMMUTABLE, "text/javascript", True),
        (f"{python}/bundle.json", hostkit.hosting.IMMUTABLE, "application/json", True),
        # A deflated zip has no copies (brotli would save 1.5%); its stored twin has.
        (f"{python}/python_stdlib.zip", hostkit.hosting.IMMUTABLE, "application/zip", False),
        (f"{python}/stored/python_stdlib.zip", hostkit.hosting.IMMUTABLE, "application/zip", True),
        # The xz snapshot as it is: never its neighbour builder.snapshot.gz.
        (
            f"{python}/builder.snapshot",
            hostkit.hosting.IMMUTABLE,
            "application/octet-stream",
            False,
        ),
    ]
    policy = hostkit.hosting.header_policy(ancestors)
    for path, cache, kind, compressed in cases:
        file = site_dir / path if "." in path.rpartition("/")[2] else None
        expected_status = 404 if path.startswith("no-such") else 200
        for accept, encoding in (("gzip, deflate, br", "br"), ("gzip", "gzip"), ("", None)):
            status, headers, body = hostkit.get(server.url + path, accept)
            where = f"{server.name} {path} ({accept or 'no encoding'})"
            assert status == expected_status, where
            assert headers["content-security-policy"] == policy, where
            assert headers["cache-control"] == cache, where
            assert headers["content-type"].split(";")[0] == kind, where
            assert headers.get("content-encoding") == (encoding if compressed else None), where
            if encoding and compressed:
                assert "Accept-Encoding" in headers.get("vary", ""), where
            if file is not None and expected_status == 200:
                suffix = {"br": ".br", "gzip": ".gz", None: ""}[headers.get("content-encoding")]
                assert body == file.with_name(file.name + suffix).read_bytes(), where
    # The builder's worker asks with HEAD whether the stored zips come compressed.
    stored = f"{python}/stored/python_stdlib.zip"
    status, headers, body = hostkit.get(server.url + stored, method="HEAD")
    assert (status, headers.get("content-encoding"), body) == (200, "br", b""), server.name


def watched(context: BrowserContext, origin: str) -> Page:
    return PageProblems(origin).watch(context.new_page())


def test_builder_starts_from_the_snapshot_with_the_service_worker(
    host: tuple[hostkit.Server, str], context: BrowserContext
) -> None:
    server, _ = host
    origin = server.url.split("/", 3)[:3]
    page = watched(context, "/".join(origin))
    encodings = {}

    def on_response(response) -> None:
        if response.url.endswith("/pyodide.asm.wasm"):
            asked = response.request.all_headers().get("accept-encoding", "")
            encodings[asked] = response.all_headers().get("content-encoding")

    page.on("response", on_response)
    page.goto(server.url + "builder/")
    page.wait_for_selector(READY, timeout=90_000)
    assert page.get_attribute("[data-sh-builder]", "data-sh-python-start") == "snapshot"
    scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
    assert scope == server.url
    # What Chromium asks for over plain http on 127.0.0.1, and what it got for it.
    [(asked, sent)] = encodings.items()
    assert sent == ("br" if "br" in asked else "gzip"), (asked, sent)
    assert page.evaluate("() => window.__csp") == []
    assert not any(page.problems.as_dict().values()), page.problems.as_dict()


def test_a_framed_builder_is_allowed_or_refused_as_configured(
    host: tuple[hostkit.Server, str], intranet: tuple[str, Path], context: BrowserContext
) -> None:
    server, ancestors = host
    origin, folder = intranet
    name = f"course-{server.name}.html"
    (folder / name).write_text(
        f"""<!doctype html><html lang="en"><head><title>Course</title>
        <link rel="icon" href="data:,"></head><body><h1>Week 1</h1>
        <iframe id="builder" src="{server.url}builder/?embed&m=2" title="Builder"
                width="640" height="900"></iframe></body></html>""",
        encoding="utf-8",
    )
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{origin}/{name}", wait_until="load")
    allowed = origin in ancestors
    frame = page.frame_locator("#builder")
    if allowed:
        frame.locator(READY).wait_for(timeout=90_000)
        assert frame.locator("[data-sh-builder]").count() == 1
    else:
        page.wait_for_timeout(1000)
        assert frame.locator("[data-sh-builder]").count() == 0
        assert any("frame-ancestors" in text for text in console), console


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once for https://example.org/short-haul/."""
    # English alone: a language's pages load only relative addresses (test_languages.py),
    # so the sub-path adds nothing for them, and the build is quicker.
    env = {**os.environ, "SHORTHAUL_LANGUAGES": "en"}
    env["SITE_URL"] = f"https://example.org{SUB_PATH}"

    def build(out: Path) -> None:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)

    return built_once(tmp_path_factory, "sub-path-site", build)


def test_a_sub_path_build_works_under_its_path_behind_nginx(
    sub_path_site: Path, tmp_path: Path, context: BrowserContext
) -> None:
    with hostkit.nginx(sub_path_site, tmp_path / "nginx", prefix=SUB_PATH) as server:
        assert server.url.endswith(SUB_PATH)
        origin = server.url.removesuffix(SUB_PATH)
        page = watched(context, origin)
        page.goto(server.url + "tips/personal-touch/", wait_until="networkidle")
        assert page.title().endswith("Short Haul")
        assert page.locator("link[rel=canonical]").get_attribute("href") == (
            f"https://example.org{SUB_PATH}tips/personal-touch/"
        )
        page.goto(server.url + "builder/")
        page.wait_for_selector(READY, timeout=90_000)
        assert page.get_attribute("[data-sh-builder]", "data-sh-python-start") == "snapshot"
        scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
        assert scope == server.url
        # Every request stayed under the sub-path.
        assert all(
            url.startswith(server.url) for url in page.problems.requested if url.startswith(origin)
        )
        assert not any(page.problems.as_dict().values()), page.problems.as_dict()
        # The 404 page finds its styles from any depth.
        missing = context.new_page()
        failed = []
        missing.on("requestfinished", lambda r: r.response().status >= 400 and failed.append(r.url))
        response = missing.goto(server.url + "no/such/page/", wait_until="networkidle")
        assert response.status == 404
        assert failed == [server.url + "no/such/page/"]
        assert missing.locator("link[rel=stylesheet]").count() > 0
