"""Waiting for a freshly launched browser to finish its own start-up.

Launched on an empty profile, Chromium spends about 0.9 s of CPU opening the context and
its first page and another 1.1 s over the next second (creating the profile's files,
starting its services), on a machine with two cores. A visit begun at once shares the
cores with that work: on 5 cold builder visits each way, the page's longest task was
93-192 ms begun at once and 68-124 ms begun once the browser had gone quiet.
A reader's browser has usually been running for a while when they open a link, so each
fresh profile waits here, on its blank page, until the browser has gone quiet.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

WINDOW_S = 0.25
QUIET_MS = 20  # CPU time in one window, all browser processes together
LIMIT_S = 10.0
_NAMES = ("chromium", "chrome", "headless_shell")


def browser_cpu_ms(names: tuple[str, ...] = _NAMES) -> dict[int, float] | None:
    """CPU time (user + system, ms) of each Chromium process on the machine (by process
    name), by process id; None where /proc is not there to read (no wait then)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    found = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended while we looked
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        if name.startswith(names):
            fields = text[text.rindex(")") + 2 :].split()
            found[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) * tick_ms
    return found


def used_since(before: dict[int, float], now: dict[int, float]) -> float:
    """CPU used between two readings by the processes of the second (a process that has
    ended is not counted as a negative amount; one that started counts whole)."""
    return sum(ms - before.get(pid, 0.0) for pid, ms in now.items())


def wait_until_quiet(names: tuple[str, ...] = _NAMES) -> float:
    """Seconds waited until the browsers used under QUIET_MS of CPU in WINDOW_S (at most
    LIMIT_S)."""
    started = time.monotonic()
    before = browser_cpu_ms(names)
    if before is None:
        return 0.0
    while time.monotonic() - started < LIMIT_S:
        time.sleep(WINDOW_S)
        now = browser_cpu_ms(names)
        if used_since(before, now) < QUIET_MS:
            break
        before = now
    return time.monotonic() - started
