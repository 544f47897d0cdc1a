"""The benchmark's wait for a freshly launched browser's own start-up to end (quiet.py),
tried on a stand-in process: a busy Python named like a browser for a known time."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import quiet

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc"),
    # One stand-in at a time: the tests here must not see each other's (pytest-xdist).
    pytest.mark.xdist_group("quiet"),
]

NAME = "shq-stand-in"
BUSY_S = 1.2
# Names itself (the name /proc reports), then keeps one core busy for BUSY_S.
STAND_IN = f"""
import ctypes, time
ctypes.CDLL(None).prctl(15, {NAME.encode()!r}, 0, 0, 0)
print("busy", flush=True)
end = time.monotonic() + {BUSY_S}
while time.monotonic() < end:
    pass
"""


def test_it_counts_the_cpu_of_processes_by_name() -> None:
    before = quiet.browser_cpu_ms((NAME,))
    with subprocess.Popen([sys.executable, "-c", STAND_IN], stdout=subprocess.PIPE) as busy:
        assert busy.stdout.readline() == b"busy\n"
        time.sleep(0.5)
        during = quiet.browser_cpu_ms((NAME,))
        busy.wait()
    assert before == {}
    assert list(during) == [busy.pid]
    # Half a second of a busy core, give or take the machine's load.
    assert quiet.used_since(before, during) >= 200


def test_a_process_that_ends_is_not_counted_as_cpu_given_back() -> None:
    assert quiet.used_since({1: 500.0, 2: 100.0}, {2: 130.0, 3: 5.0}) == 35.0


def test_it_waits_while_a_browser_is_busy_and_no_longer() -> None:
    with subprocess.Popen([sys.executable, "-c", STAND_IN], stdout=subprocess.PIPE) as busy:
        assert busy.stdout.readline() == b"busy\n"
        started = time.monotonic()
        waited = quiet.wait_until_quiet((NAME,))
        ended = busy.poll() is not None
        busy.wait()
    assert ended, "it stopped waiting while the stand-in was still busy"
    assert BUSY_S - 0.3 <= waited < quiet.LIMIT_S
    assert time.monotonic() - started == pytest.approx(waited, abs=0.1)


def test_with_nothing_busy_it_waits_one_window() -> None:
    waited = quiet.wait_until_quiet((NAME,))
    assert quiet.WINDOW_S <= waited < 2 * quiet.WINDOW_S + 0.1
