"""The benchmark's wait for a freshly launched browser's own start-up to end (quiet.py),
tried on a stand-in process: a busy Python named like a browser for a known time."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import quiet

# One stand-in at a time: `make test` runs each file whole on one worker (--dist loadfile).
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

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
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with subprocess.Popen([sys.executable, "-c", STAND_IN], stdout=subprocess.PIPE) as busy:
        assert busy.stdout.readline() == b"busy\n"
        time.sleep(0.5)
        during = quiet.browser_cpu_ms((NAME,))
        busy.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert before == {}
    assert list(during) == [busy.pid]
    # Half a second into its busy loop: some CPU, and no more than the kernel says the
    # stand-in used in all (how much depends on the machine's load; the tests run in
    # two workers beside a browser each).
    total_ms = 1000 * (after.ru_utime - children.ru_utime + after.ru_stime - children.ru_stime)
    assert 0 < quiet.used_since(before, during) <= total_ms + 20


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
