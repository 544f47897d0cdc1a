"""One shared, throttled link between the browser and the benchmark's static host.

Every response goes through the same token bucket (the link's bandwidth, shared by all
connections, chunk by chunk in the order they ask for it), and each request waits one
round trip before its response starts. That is what a reader's connection does and
what DevTools' per-request throttling does not: there, each of Pyodide's parallel
downloads gets the full bandwidth.

The link also counts the bytes it carried (headers and bodies, as sent), so a visit's
transfer is measured where it happens, and notes each body it carried whole (its path),
so a visit that fetches again a file an earlier one received is seen.
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from host import StaticHostHandler

CHUNK = 16 * 1024


@dataclass(frozen=True)
class Profile:
    name: str
    mbit: float | None  # None: not throttled
    rtt_ms: float


PROFILES = (
    Profile("unthrottled", None, 0),
    Profile("50 Mbit/s, 20 ms", 50, 20),
    Profile("10 Mbit/s, 40 ms", 10, 40),
    Profile("1.6 Mbit/s, 150 ms", 1.6, 150),
)


class Link:
    """The bandwidth (a virtual clock: when the link is next free) and a byte count."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.rate = profile.mbit * 1e6 / 8 if profile.mbit else None
        self._lock = threading.Lock()
        self._free_at = 0.0
        self.sent = 0
        self._whole: list[str] = []  # paths of the bodies carried whole, in order

    def note_whole(self, path: str) -> None:
        with self._lock:
            self._whole.append(path)

    def take_whole(self) -> list[str]:
        """The paths whose bodies went through whole since the last call."""
        with self._lock:
            whole, self._whole = self._whole, []
        return whole

    def peek(self) -> int:
        with self._lock:
            return self.sent

    def reset_count(self) -> int:
        with self._lock:
            sent, self.sent = self.sent, 0
        return sent

    def send(self, write, data: bytes) -> None:
        for at in range(0, len(data), CHUNK) or [0]:
            chunk = data[at : at + CHUNK]
            with self._lock:
                self.sent += len(chunk)
                if self.rate is None:
                    done = 0.0
                else:
                    start = max(time.monotonic(), self._free_at)
                    done = self._free_at = start + len(chunk) / self.rate
            delay = done - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            write(chunk)

    def round_trip(self) -> None:
        if self.profile.rtt_ms:
            time.sleep(self.profile.rtt_ms / 1000)


class LinkedHandler(StaticHostHandler):
    """The static host, behind `link`: a round trip per request, bytes through the bucket."""

    link: Link

    def handle_one_request(self) -> None:
        # After the request line is read, before anything is answered: one round trip.
        self._waited = False
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the browser left (a visit cut short): quietly

    def send_response(self, code, message=None) -> None:
        if not self._waited:
            self._waited = True
            self.link.round_trip()
        super().send_response(code, message)

    def flush_headers(self) -> None:
        # Headers go through the link too (the base class buffers them until here).
        if hasattr(self, "_headers_buffer"):
            self.link.send(self.wfile.write, b"".join(self._headers_buffer))
            self._headers_buffer = []

    def copyfile(self, source, outputfile) -> None:
        self.link.send(outputfile.write, source.read())  # raises if the browser went away
        self.link.note_whole(urlsplit(self.path).path)


def serve(
    site: Path, profile: Profile, *, revalidate: bool, precompressed: tuple[str, ...] = ()
) -> tuple[ThreadingHTTPServer, Link]:
    """The site on 127.0.0.1 behind a link of this profile; revalidate: max-age=0;
    precompressed: the build's copies in these encodings (host.py), not gzip on the fly."""
    link = Link(profile)
    attributes = {"link": link, "revalidate": revalidate, "precompressed": precompressed}
    handler = type("Handler", (LinkedHandler,), attributes)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, link


def base_url(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"
