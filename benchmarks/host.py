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
  files without asking again (or, with `revalidate`, `max-age=0`: every use of a file
  asks the host first, as many static hosts do);
- `ETag`s and `Last-Modified`, so a later visit revalidates with `304 Not Modified`
  (HTTP/1.1 with keep-alive: Chromium ignores an ETag on an HTTP/1.0 response, the
  default of Python's server, and revalidates with `If-Modified-Since` alone, which a
  host must answer too; before this, every revalidation here got the whole file again).

With `precompressed` set (("br", "gzip")), it is instead a host that serves the build's
own copies (`x.js.br`, `x.js.gz`) as nginx's `brotli_static`/`gzip_static` and Caddy's
`precompressed` do: the first encoding the browser accepts that has a copy, else the
file as it is (never compressed on the fly), and never a copy for the snapshot, whose
`.gz` sibling is a file of its own (sitebuild/precompress.py `NEVER`).
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sitebuild.precompress import NEVER  # the repository's root is on the path now

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


def served_file(path: Path) -> Path | None:
    """The file served for `path`: a folder means its index.html; None if there is none."""
    if path.is_dir():
        path = path / "index.html"
    return path.resolve() if path.is_file() else None


def site_file(site: Path, url: str) -> Path | None:
    """The file a URL of the site (from our own browser) names in `site`."""
    return served_file(Path(site) / unquote(urlsplit(url).path).lstrip("/"))


class StaticHostHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, and the validators Chromium heeds
    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain dict
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
    }
    revalidate = False  # True: Cache-Control: max-age=0, so every use asks first
    precompressed: tuple[str, ...] = ()  # ("br", "gzip"): the build's copies, in this order
    _gzipped: dict[Path, tuple[float, bytes]] = {}  # noqa: RUF012 - shared on purpose
    _lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:
        pass

    @classmethod
    def _content_type(cls, path: Path) -> str:
        return cls.extensions_map.get(path.suffix) or mimetypes.guess_type(path.name)[0] or ""

    def guess_type(self, path) -> str:
        return self._content_type(Path(path)) or "application/octet-stream"

    @classmethod
    def _gzip(cls, path: Path) -> bytes | None:
        """The gzipped body for `path`, compressed once per version of the file, or None
        if its type is not one a host compresses."""
        if cls._content_type(path).split(";")[0] not in COMPRESSED_TYPES:
            return None
        mtime = path.stat().st_mtime
        with cls._lock:
            cached = cls._gzipped.get(path)
            if cached is None or cached[0] != mtime:
                cached = (mtime, gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
                cls._gzipped[path] = cached
        return cached[1]

    @classmethod
    def precompress(cls, site: Path) -> int:
        """Gzip every compressible file now, as a host or CDN that precompresses does, so
        that no measured request waits for the compression. Returns the number of files."""
        files = [path.resolve() for path in Path(site).rglob("*") if path.is_file()]
        return sum(cls._gzip(path) is not None for path in files)

    @classmethod
    def sent_size(cls, site: Path, url: str) -> int:
        """Bytes of the gzipped body this host sent for `url` (0 if it sent none)."""
        file = site_file(site, url)
        with cls._lock:
            cached = cls._gzipped.get(file) if file else None
        return len(cached[1]) if cached else 0

    def _cache_control(self) -> str:
        return "max-age=0" if self.revalidate else f"max-age={MAX_AGE_S}"

    def send_head(self):  # returns what copyfile reads, like the base class
        raw = urlsplit(self.path).path
        translated = Path(self.translate_path(raw))  # the base class's safe mapping
        path = served_file(translated)
        if path is None or (translated.is_dir() and not raw.endswith("/")):
            return super().send_head()  # 404s and directory redirects, as before
        ctype = self.guess_type(path)
        stat = path.stat()
        etag = '"' + hashlib.sha1(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest() + '"'  # noqa: S324
        if self._not_modified(etag, stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", self._cache_control())
            self.end_headers()
            return None
        encoding, body = self._body(path)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if encoding or self.precompressed:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Cache-Control", self._cache_control())
        self.end_headers()
        self.sent_body = len(body)
        return _Bytes(body)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        """Whether the browser's copy is current: its ETag, or else its date (RFC 9110)."""
        if "If-None-Match" in self.headers:
            return self.headers["If-None-Match"] == etag
        since = self.headers.get("If-Modified-Since")
        try:
            return (
                since is not None
                and int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
            )
        except (TypeError, ValueError):
            return False

    def _body(self, path: Path) -> tuple[str | None, bytes]:
        """The encoding ("br", "gzip" or None) and the body this host sends for `path`."""
        asked = self.headers.get("Accept-Encoding", "")
        accepted = {part.split(";")[0].strip() for part in asked.split(",")}
        if not self.precompressed:
            gzipped = self._gzip(path) if "gzip" in accepted else None
            return ("gzip", gzipped) if gzipped is not None else (None, path.read_bytes())
        suffix = {"br": ".br", "gzip": ".gz"}
        for encoding in self.precompressed:
            copy = path.with_name(path.name + suffix[encoding])
            if encoding in accepted and path.name not in NEVER and copy.is_file():
                return encoding, copy.read_bytes()
        return None, path.read_bytes()


class _Bytes:
    """What `send_head` returns: something `copyfile` can read, then closed."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = self._data, b""
        return data

    def close(self) -> None:
        self._data = b""
