"""Hosts on a slow link, for the tests of how the builder's Python starts.

The builder's worker measures how fast the runtime's WebAssembly starts to arrive and
chooses its way from that (overrides/assets/javascripts/python/link.js). These hosts
serve the built site as it is, except that the WebAssembly's first bytes come slowly;
some also compress as real hosts do.
"""

from __future__ import annotations

import functools
import gzip
import io
import time
from pathlib import Path

from conftest import _QuietHandler


class SlowRuntimeHandler(_QuietHandler):
    """The site as it is, except that the runtime's WebAssembly starts at `rate` bytes
    per second for its first `slow_bytes`, as it would on a slower connection: what the
    builder's worker measures to choose its way."""

    slow_bytes = 256 * 1024
    rate = 200_000  # a 1.6 Mbit/s phone connection

    def copyfile(self, source, outputfile) -> None:
        if not self.path.endswith("/pyodide.asm.wasm"):
            return super().copyfile(source, outputfile)
        sent = 0
        while chunk := source.read(8192):
            if sent < self.slow_bytes:
                time.sleep(len(chunk) / self.rate)
            outputfile.write(chunk)
            sent += len(chunk)
        return None


class SlowGzippedRuntimeHandler(SlowRuntimeHandler):
    """The slow link again, with the WebAssembly gzipped by the host (most compress it),
    with its Content-Length or, as a host compressing on the fly, without: the worker
    reads ~2.7 times as many bytes as cross the link."""

    with_length = True

    def do_GET(self) -> None:
        if not self.path.endswith("/pyodide.asm.wasm"):
            return super().do_GET()
        body = _gzipped(Path(self.translate_path(self.path)))
        self.send_response(200)
        self.send_header("Content-Type", "application/wasm")
        self.send_header("Content-Encoding", "gzip")
        if self.with_length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.close_connection = True  # the end of the body is the end of the connection
        self.end_headers()
        self.copyfile(io.BytesIO(body), self.wfile)
        return None


@functools.cache
def _gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), 6)


class SlowGzippedRuntimeHandlerWithoutLength(SlowGzippedRuntimeHandler):
    with_length = False


class SlowBrotliHandler(SlowRuntimeHandler):
    """The slow link from a host that sends the build's brotli copies (`x.br` for `x`,
    to a browser that accepts br), as nginx's brotli_static and Caddy's precompressed
    do; GET and HEAD alike. The snapshot has none (sitebuild/precompress.py)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        copy = path.with_name(path.name + ".br")
        accepted = {
            part.split(";")[0].strip()
            for part in self.headers.get("Accept-Encoding", "").split(",")
        }
        if "br" not in accepted or not (path.is_file() and copy.is_file()):
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "br")
        self.send_header("Content-Length", str(copy.stat().st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return copy.open("rb")


class MidRuntimeHandler(SlowRuntimeHandler):
    """20 Mbit/s for the first 2 MB: fast enough for the snapshot, too slow for gzip's
    extra 1.5 MB to pay for its quicker decoding."""

    slow_bytes = 2 * 1024 * 1024
    rate = 2_500_000
