"""Brotli against gzip (issue #26): the same link, a host that serves the build's
precompressed copies (host.py `precompressed`), once offering brotli and gzip (a browser
that accepts br gets the `.br` copies) and once gzip only (the `.gz` copies, level 9).

For each: the floor (bare loadPyodide, its npm files precompressed the same way) and the
builder's cold first preview in fresh profiles, with the bytes each took.
"""

from __future__ import annotations

from benchpages import FLOOR
from browser import Profiles, floor_visit, open_builder
from link import Profile, base_url, serve

HOSTS = {"brotli": ("br", "gzip"), "gzip": ("gzip",)}


def serve_encodings(site, profile: Profile) -> dict:
    """One precompressed host per encoding choice, behind a link of this profile each."""
    return {
        name: serve(site, profile, revalidate=True, precompressed=encodings)
        for name, encodings in HOSTS.items()
    }


def encoding_visits(profiles: Profiles, hosts: dict) -> dict:
    out = {}
    for name, (server, link) in hosts.items():
        base = base_url(server)
        context, page, _ = profiles.fresh_page()
        try:
            link.reset_count()
            floor = floor_visit(page, base, FLOOR)
            floor_bytes = link.reset_count()
        finally:
            profiles.close(context)
        context, page, _ = profiles.fresh_page()
        try:
            link.reset_count()
            cold = open_builder(page, base)
            cold_bytes = link.reset_count()
        finally:
            profiles.close(context)
        out[name] = {
            "floor": floor.get("received"),
            "floorBytes": floor_bytes,
            "ready": cold["ready"],
            "bytes": cold_bytes,
            "pythonStart": cold["pythonStart"],
        }
    return out
