"""Waiting for a freshly launched browser to finish its own start-up.

Launched on an empty profile, Chromium spends about 0.9 s of CPU opening the context and
its first page and another 1.1 s over the next second (creating the profile's files,
starting its services), on a machine with two cores. A visit begun at once shares the
cores with that work: the page's own tasks (Material's start, the builder's) took up to
twice as long as on a browser that had started (measured with Long Animation Frames).
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


def browser_cpu_ms(names: tuple[str, ...] = _NAMES) -> float | None:
    """CPU time (user + system) of every Chromium process on the machine (by process
    name), in ms; None where /proc is not there to read (the wait is then skipped)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    ticks = 0
    for stat in proc.glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended while we looked
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        if name.startswith(names):
            fields = text[text.rindex(")") + 2 :].split()
            ticks += int(fields[11]) + int(fields[12])
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")


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
        if now - before < QUIET_MS:
            break
        before = now
    return time.monotonic() - started
