"""A local stand-in for a typical static host, for the benchmark.

The site tests serve files as they are (no compression, no caching headers), which is
right for checking behaviour but not for measuring speed: every static host in common
use (GitHub Pages, Netlify, Cloudflare Pages, nginx with its usual settings) compresses
text and WebAssembly and tells browsers how long they may reuse a file. This handler
does what GitHub Pages does:

- `Content-Encoding: gzip` when the browser accepts it, for HTML, CSS, JavaScript,
  JSON, SVG, XML, text and WebAssembly (gzip level 6; the benchmark compresses every file
  before the first request, as a host or CDN with precompressed files would, so no
  measured request waits for it);
- `Cache-Control: max-age=600` on every response, so a visit within ten minutes reuses
  files without asking again;
- `ETag`s, so a later visit revalidates with `304 Not Modified`.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_AGE_S = 600
COMPRESSED_TYPES = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
    "text/plain",
    "text/xml",
}


class StaticHostHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain dict
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
    }
    _gzipped: dict[Path, tuple[float, bytes]] = {}  # noqa: RUF012 - shared on purpose
    _lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:
        pass

    @classmethod
    def precompress(cls, site: Path) -> int:
        """Gzip every compressible file now, as a host or CDN that precompresses does, so
        that no measured request waits for the compression. Returns the number of files."""
        count = 0
        for path in Path(site).rglob("*"):
            ctype = cls.extensions_map.get(path.suffix) or mimetypes.guess_type(path.name)[0]
            if path.is_file() and (ctype or "").split(";")[0] in COMPRESSED_TYPES:
                data = path.read_bytes()
                with cls._lock:
                    cls._gzipped[path.resolve()] = (
                        path.stat().st_mtime,
                        gzip.compress(data, compresslevel=6, mtime=0),
                    )
                count += 1
        return count

    @classmethod
    def sent_size(cls, site: Path, url: str) -> int:
        """Bytes of the gzipped body this host sent for `url` (0 if it sent none)."""
        file = Path(site) / urlsplit(url).path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        with cls._lock:
            cached = cls._gzipped.get(file.resolve())
        return len(cached[1]) if cached else 0

    def _file(self) -> Path | None:
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            path = path / "index.html"
        return path.resolve() if path.is_file() else None

    def _body(self, path: Path, ctype: str) -> tuple[bytes, bool]:
        data = path.read_bytes()
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or ctype.split(";")[0] not in COMPRESSED_TYPES:
            return data, False
        mtime = path.stat().st_mtime
        with self._lock:
            cached = self._gzipped.get(path)
            if cached is None or cached[0] != mtime:
                cached = (mtime, gzip.compress(data, compresslevel=6, mtime=0))
                self._gzipped[path] = cached
        return cached[1], True

    def send_head(self):  # returns what copyfile reads, like the base class
        path = self._file()
        raw = urlsplit(self.path).path
        if path is None or (Path(self.translate_path(raw)).is_dir() and not raw.endswith("/")):
            return super().send_head()  # 404s and directory redirects, as before
        ctype = self.guess_type(str(path))
        stat = path.stat()
        etag = '"' + hashlib.sha1(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest() + '"'  # noqa: S324
        if self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", f"max-age={MAX_AGE_S}")
            self.end_headers()
            return None
        body, compressed = self._body(path, ctype)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if compressed:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Cache-Control", f"max-age={MAX_AGE_S}")
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    """What `send_head` returns: something `copyfile` can read, then closed."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = self._data, b""
        return data

    def close(self) -> None:
        self._data = b""
