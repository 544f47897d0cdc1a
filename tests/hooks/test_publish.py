"""sitebuild/: the host files written from one policy, and the precompressed copies."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from sitebuild import hosting, precompress

ROOT = Path(__file__).resolve().parents[2]
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js makes brotli")


def test_checked_in_host_files_are_what_the_policy_writes() -> None:
    setting = hosting.frame_ancestors_setting()
    for path, text in hosting.checked_in(setting).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(ROOT)} is out of date: run .venv/bin/python sitebuild/hosting.py"
        )


def test_the_header_policy_is_the_pages_own_plus_frame_ancestors() -> None:
    meta = hosting.page_policy()
    assert "{%" not in meta
    assert "unsafe-inline" not in meta
    assert "frame-ancestors" not in meta  # a <meta> policy cannot carry it
    assert hosting.header_policy("'self' https://lms.example.org") == (
        f"{meta}; frame-ancestors 'self' https://lms.example.org"
    )
    for bad in ("", "'self'; script-src *", 'x" always; add_header X "y'):
        with pytest.raises(ValueError, match="CSP source list"):
            hosting.header_policy(bad)


@pytest.mark.parametrize(
    ("path", "cache", "kind"),
    [
        ("index.html", "no-cache", "text/html"),
        ("sw.js", "no-cache", "text/javascript"),
        ("404.html", "no-cache", "text/html"),
        ("assets/javascripts/builder.js", "no-cache", "text/javascript"),
        ("assets/javascripts/lunr/min/lunr.de.min.js", "no-cache", "text/javascript"),
        ("assets/javascripts/bundle.a5f9d56c.min.js", hosting.IMMUTABLE, "text/javascript"),
        ("assets/stylesheets/main.57a0d79d.min.css", hosting.IMMUTABLE, "text/css"),
        ("pyodide/4f208e5cae82/pyodide.asm.wasm", hosting.IMMUTABLE, "application/wasm"),
        ("pyodide/4f208e5cae82/pyodide.mjs", hosting.IMMUTABLE, "text/javascript"),
    ],
)
def test_headers_by_kind_of_file(path: str, cache: str, kind: str) -> None:
    headers = hosting.headers_for(path)
    assert headers["Cache-Control"] == cache
    assert headers["Content-Type"] == kind
    assert headers["Content-Security-Policy"].endswith("; frame-ancestors 'self'")


def test_netlify_headers_set_no_header_twice_for_one_path(tmp_path: Path) -> None:
    for name in ("bundle.a5f9d56c.min.js", "builder.js", "lunr/min/lunr.de.min.js"):
        (tmp_path / "assets" / "javascripts" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "assets" / "javascripts" / name).write_text("x")
    text = hosting.netlify_headers(tmp_path, "'none'")
    rules = re.findall(r"^(/\S*)\n((?:  .+\n?)+)", text, flags=re.MULTILINE)
    paths = [path for path, _ in rules]
    assert paths == ["/*", "/sw.js", "/pyodide/*", "/assets/javascripts/bundle.a5f9d56c.min.js"]
    # Cloudflare joins a header two matching rules set: only /* sets the policy.
    assert [p for p, body in rules if "Content-Security-Policy" in body] == ["/*"]
    assert [p for p, body in rules if "Cache-Control" in body] == paths[1:]
    assert "frame-ancestors 'none'" in text


@needs_node
def test_precompress_writes_smaller_copies_only_and_leaves_the_snapshot(tmp_path: Path) -> None:
    site = tmp_path / "site"
    text = ("<p>Short Haul, a guide to short-term mentoring.</p>\n" * 200).encode()
    files = {
        "index.html": text,
        "tiny.js": b"x=1",
        "random.json": os.urandom(4000),  # incompressible: no copy is smaller
        "pyodide/abc/builder.snapshot": text,
        "pyodide/abc/stored.zip": text,
        "pyodide/abc/packed.zip": zlib.compress(os.urandom(2000)),
        "image.png": text,
    }
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    report = precompress.precompress(site, cache=tmp_path / "cache")
    made = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.[bg][rz]"))
    assert made == [
        "index.html.br",
        "index.html.gz",
        "pyodide/abc/stored.zip.br",
        "pyodide/abc/stored.zip.gz",
    ]
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == text
    assert precompress.sizes(site / "index.html")[2] < precompress.sizes(site / "index.html")[1]
    assert report.written == 4
    # Again, from the cache; a file grown incompressible loses its stale copies.
    (site / "index.html").write_bytes(os.urandom(5000))
    precompress.precompress(site, cache=tmp_path / "cache")
    assert not (site / "index.html.gz").exists()
    assert not (site / "index.html.br").exists()


@needs_node
def test_files_compressed_early_are_waited_for_and_not_compressed_again(tmp_path: Path) -> None:
    runtime = tmp_path / "npm" / "runtime.wasm"
    runtime.parent.mkdir()
    data = b"\0asm" + b"the same bytes, over and over " * 4000
    runtime.write_bytes(data)
    cache = tmp_path / "cache"
    precompress.start_early([runtime, tmp_path / "npm" / "absent.mjs"], cache)
    assert len(precompress._early) == 1  # running in the background while the site builds
    site = tmp_path / "site"
    (site / "pyodide").mkdir(parents=True)
    shutil.copy2(runtime, site / "pyodide" / "runtime.wasm")
    report = precompress.precompress(site, cache=cache)
    assert precompress._early == []
    assert report.written == 2
    unbrotli = "const z = require('zlib'), fs = require('fs');"
    unbrotli += "process.stdout.write(z.brotliDecompressSync(fs.readFileSync(0)))"
    copy = (site / "pyodide" / "runtime.wasm.br").read_bytes()
    assert subprocess.run(["node", "-e", unbrotli], input=copy, capture_output=True).stdout == data
    assert gzip.decompress((site / "pyodide" / "runtime.wasm.gz").read_bytes()) == data
    # Cached now: starting early again starts nothing.
    precompress.start_early([runtime], cache)
    assert precompress._early == []
