"""Visits cut short, then the next visit (issue #26: nothing received is fetched twice).

- left at the first preview: a fresh profile opens the builder and closes it the moment
  the first preview shows (nothing kept after that), then opens it again;
- left 5 s in: a fresh profile opens the builder and closes it 5 s after the navigation
  started, whatever had arrived by then, then opens it again.

Each returns the second visit's first preview, its bytes over the network, and the
files whose bodies reached the browser whole in the first visit (the link carried them
whole and the browser finished loading them) and whose bodies the link carried again
in the second (`fetchedAgain`).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from browser import BUILDER, LOAD_TIMEOUT_MS, Profiles, open_builder
from link import Link


def _watch_finished(context) -> list[str]:
    """The paths of the requests the browser finishes loading, from now on."""
    finished: list[str] = []
    context.on("requestfinished", lambda request: finished.append(urlsplit(request.url).path))
    return finished


def _back(context, base: str, link: Link, received: set[str]) -> dict:
    page = context.new_page()
    link.reset_count()
    result = open_builder(page, base)
    result["bytes"] = link.reset_count()
    result["fetchedAgain"] = sorted(set(link.take_whole()) & received)
    page.close()
    return result


def left_at_first_preview(profiles: Profiles, base: str, link: Link) -> dict:
    context, page, _ = profiles.fresh_page()
    try:
        link.take_whole()
        finished = _watch_finished(context)
        page.goto(base + BUILDER)
        page.wait_for_function(
            "() => window.__bench && window.__bench.marks.ready !== undefined",
            timeout=LOAD_TIMEOUT_MS,
        )
        page.close()
        return _back(context, base, link, set(link.take_whole()) & set(finished))
    finally:
        profiles.close(context)


def left_after(profiles: Profiles, base: str, link: Link, seconds: float = 5) -> dict:
    context, page, _ = profiles.fresh_page()
    try:
        link.take_whole()
        finished = _watch_finished(context)
        started = time.monotonic()
        page.goto(base + BUILDER, wait_until="commit")
        page.wait_for_timeout(max(0.0, seconds - (time.monotonic() - started)) * 1000)
        page.close()
        received = set(link.take_whole()) & set(finished)
        result = _back(context, base, link, received)
        result["receivedFirst"] = len(received)
        return result
    finally:
        profiles.close(context)
