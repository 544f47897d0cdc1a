"""The benchmark's throttled link: one bandwidth shared by every connection, a round
trip per request, and a count of the bytes it carried."""

from __future__ import annotations

import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from link import Profile, base_url, serve

BLOB = bytes(range(256)) * 1200  # 300 kB, served as it is (not a compressed type)
RATE = 1e6  # bytes per second: an 8 Mbit/s link


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "blob.bin").write_bytes(BLOB)
    return tmp_path


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        return response.read()


def test_parallel_downloads_share_one_bandwidth_and_each_pays_a_round_trip(folder: Path) -> None:
    server, link = serve(folder, Profile("test", RATE * 8 / 1e6, 100), revalidate=True)
    try:
        url = base_url(server) + "blob.bin"
        started = time.monotonic()
        assert fetch(url) == BLOB
        alone = time.monotonic() - started
        # 0.3 s of bytes and a 0.1 s round trip.
        assert 0.38 <= alone < 1.0

        started = time.monotonic()
        threads = [threading.Thread(target=fetch, args=(url,)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        together = time.monotonic() - started
        # Three at once take three times the bytes' time, not the time of one.
        assert together >= 0.9
        assert link.reset_count() >= 4 * len(BLOB)
        assert link.peek() == 0
    finally:
        server.shutdown()
        server.server_close()


def test_an_unthrottled_link_only_counts(folder: Path) -> None:
    server, link = serve(folder, Profile("fast", None, 0), revalidate=False)
    try:
        started = time.monotonic()
        assert fetch(base_url(server) + "blob.bin") == BLOB
        assert time.monotonic() - started < 0.3
        assert len(BLOB) < link.peek() < len(BLOB) + 1000  # the body and its headers
    finally:
        server.shutdown()
        server.server_close()
