"""The benchmark's stand-in for a static host: compresses, caches and revalidates."""

from __future__ import annotations

import functools
import gzip
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from host import MAX_AGE_S, StaticHostHandler

PAGE = b"<!doctype html><title>x</title>" + b"<p>words words words</p>" * 200
WASM = b"\0asm\1\0\0\0" + bytes(50_000)
BLOB = bytes(range(256)) * 100
SITE: list[Path] = []


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("site")
    SITE[:] = [root]
    (root / "page").mkdir()
    (root / "page" / "index.html").write_bytes(PAGE)
    (root / "python.wasm").write_bytes(WASM)
    (root / "memory.bin").write_bytes(BLOB)
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StaticHostHandler, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def get(url: str, **headers: str):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers))


def test_text_and_webassembly_are_gzipped_when_accepted(host: str) -> None:
    for path, body, ctype in (
        ("page/", PAGE, "text/html"),
        ("python.wasm", WASM, "application/wasm"),
    ):
        with get(host + path, **{"Accept-Encoding": "gzip, br"}) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Content-Type"].startswith(ctype)
            sent = response.read()
        assert gzip.decompress(sent) == body
        assert len(sent) < len(body) / 5
        assert StaticHostHandler.sent_size(SITE[0], host + path) == len(sent)


def test_nothing_is_gzipped_unasked_or_for_other_types(host: str) -> None:
    with get(host + "page/") as response:
        assert response.headers["Content-Encoding"] is None
        assert response.read() == PAGE
    with get(host + "memory.bin", **{"Accept-Encoding": "gzip"}) as response:
        assert response.headers["Content-Encoding"] is None
        assert response.read() == BLOB


def test_files_may_be_reused_then_revalidated(host: str) -> None:
    with get(host + "python.wasm") as response:
        assert response.headers["Cache-Control"] == f"max-age={MAX_AGE_S}"
        etag = response.headers["ETag"]
    with pytest.raises(urllib.error.HTTPError) as answer:
        get(host + "python.wasm", **{"If-None-Match": etag})
    answer.value.close()
    assert answer.value.code == 304
    with get(host + "python.wasm", **{"If-None-Match": '"other"'}) as response:
        assert response.read() == WASM


def test_missing_files_and_folders_behave_as_before(host: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as answer:
        get(host + "nothing-here.js")
    answer.value.close()
    assert answer.value.code == 404
    with get(host + "page") as response:  # redirected to page/
        assert response.url.endswith("/page/")
        assert response.read() == PAGE


def test_precompressing_covers_what_is_served_compressed(host: str) -> None:
    assert StaticHostHandler.precompress(SITE[0]) == 2  # the page and the wasm, not the blob
    with get(host + "python.wasm", **{"Accept-Encoding": "gzip"}) as response:
        sent = response.read()
    assert StaticHostHandler.sent_size(SITE[0], host + "python.wasm") == len(sent)
