"""Start-up on real connections: the floor and the builder, cold, repeat and offline.

For each link profile (link.py) and each run:

- floor: a fresh on-disk profile opens /bench/floor-worker.html, a bare `loadPyodide()`
  in a module worker from the npm package's own files;
- cold: another fresh profile opens /builder/ and types into the first field while
  Python starts (Event Timing, long tasks); first preview, which start path ran, bytes
  up to the first preview, then bytes until the service worker has kept the bundle;
- repeat: a second page in the same profile, the host revalidating every file
  (max-age=0 + ETag): first preview and bytes over the network;
- left, left5: visits cut short at the first preview and 5 s in, then the next visit
  (measure_left.py; issue #26: nothing received is fetched twice);
- encodings: floor and builder cold again, through hosts serving the build's brotli
  and gzip copies (measure_encodings.py);
- offline: the network off, the builder again (a draft typed, copied, downloaded),
  then a guide page the reader opened before.
"""

from __future__ import annotations

from pathlib import Path

from benchpages import FLOOR
from browser import (
    BUILDER,
    LOAD_TIMEOUT_MS,
    READY,
    Profiles,
    floor_visit,
    open_builder,
    page_timings,
    python_cached,
)
from link import PROFILES, Link, base_url, serve
from measure_encodings import encoding_visits, serve_encodings
from measure_left import left_after, left_at_first_preview
from playwright.sync_api import BrowserContext, Page

TYPED = "how to run my first user interview"
GUIDE = "tips/prepare/"


# Other languages' builders, each started cold as the English one is (issue #28: within
# 5% of it): the same Python bundle, the page and its catalog in the language's words.
OTHER_BUILDERS = {"es": ("es/" + BUILDER, "cómo dirigir mi primera entrevista")}


def cold_builder(
    page: Page, base: str, link: Link, path: str = BUILDER, typed: str = TYPED
) -> dict:
    """The first visit, typing while Python starts."""
    link.reset_count()
    page.goto(base + path)
    page.wait_for_selector(".sh-builder--enhanced", timeout=LOAD_TIMEOUT_MS)
    page.click("#sh-field-focus")
    typed_before_ready = 0
    for char in typed:
        if page.locator(READY).count():
            break
        page.keyboard.type(char)
        typed_before_ready += 1
        page.wait_for_timeout(90)
    page.wait_for_function(
        "() => window.__bench && window.__bench.marks.ready !== undefined", timeout=LOAD_TIMEOUT_MS
    )
    result = page_timings(page)
    result["bytesToPreview"] = link.peek()
    result["typedBeforeReady"] = typed_before_ready
    kept = python_cached(page)
    result["bytesWithBackground"] = link.reset_count()
    result["background"] = kept
    return result


def offline_visit(context: BrowserContext, base: str) -> dict:
    context.set_offline(True)
    try:
        page = context.new_page()
        timings = open_builder(page, base)
        page.fill("#sh-field-focus", "how to work offline")
        page.wait_for_function(
            """() => document.querySelector("[data-sh-draft=email] [data-sh-draft-text]")
                 .value.includes("how to work offline")""",
            timeout=30_000,
        )
        page.click("[data-sh-copy=email]")
        # The answer shows beside the pressed button.
        copied = page.wait_for_function(
            """() => document.querySelector("[data-sh-draft=email] [data-sh-said]").textContent""",
            timeout=10_000,
        ).json_value()
        page.locator(".sh-progress__link[data-sh-goto=review]").press("Enter")
        with page.expect_download(timeout=10_000) as download:
            page.click("[data-sh-download=text]")
        downloaded = download.value.suggested_filename
        guide = context.new_page()
        response = guide.goto(base + GUIDE)
        guide_ok = bool(response and response.ok and guide.title())
        guide.close()
        page.close()
        return {
            "ready": timings["ready"],
            "pythonStart": timings["pythonStart"],
            "copied": "Copied" in copied,
            "downloaded": downloaded,
            "guideOpens": guide_ok,
        }
    finally:
        context.set_offline(False)


def one_run(profiles: Profiles, server, link: Link, encodings: dict, site: Path) -> dict:
    base = base_url(server)
    out: dict = {}
    context, page, settled = profiles.fresh_page()
    try:
        link.reset_count()
        out["floor"] = floor_visit(page, base, FLOOR)
        out["floor"]["bytes"] = link.reset_count()
        out["floor"]["settledS"] = settled
    finally:
        profiles.close(context)
    context, page, settled = profiles.fresh_page()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        out["cold"] = cold_builder(page, base, link)
        out["cold"]["settledS"] = settled
        page.close()
        page = context.new_page()
        link.reset_count()
        out["repeat"] = open_builder(page, base)
        out["repeat"]["bytes"] = link.reset_count()
        page.goto(base + GUIDE)  # a guide page the reader has opened (kept by the worker)
        page.wait_for_load_state("networkidle")
        page.close()
        out["offline"] = offline_visit(context, base)
    finally:
        profiles.close(context)
    for code, (path, typed) in OTHER_BUILDERS.items():
        if (site / path / "index.html").is_file():
            context, page, settled = profiles.fresh_page()
            try:
                out[f"cold_{code}"] = cold_builder(page, base, link, path, typed)
            finally:
                profiles.close(context)
    out["left"] = left_at_first_preview(profiles, base, link)
    out["left5"] = left_after(profiles, base, link, 5)
    out["encodings"] = encoding_visits(profiles, encodings)
    return out


def measure_links(playwright, workdir, site, runs: int, log, names=None, settle=True) -> dict:
    profiles = Profiles(playwright, workdir, settle=settle)
    chosen = [p for p in PROFILES if not names or p.name.split()[0] in names]
    servers = {p.name: serve(site, p, revalidate=True) for p in chosen}
    precompressed = {p.name: serve_encodings(site, p) for p in chosen}
    out: dict[str, list] = {p.name: [] for p in chosen}
    try:
        for i in range(runs):
            for profile in chosen:
                server, link = servers[profile.name]
                result = one_run(profiles, server, link, precompressed[profile.name], site)
                out[profile.name].append(result)
                cold, rep, floor = result["cold"], result["repeat"], result["floor"]
                br, gz, left5 = (
                    result["encodings"]["brotli"],
                    result["encodings"]["gzip"],
                    result["left5"],
                )
                log(
                    f"  run {i + 1}/{runs}, {profile.name}: floor {floor['received']:.0f} ms, "
                    f"builder cold {cold['ready']:.0f} ms ({cold['pythonStart']}, "
                    f"{cold['bytesToPreview'] / 1e6:.2f} MB), repeat {rep['ready']:.0f} ms "
                    f"({rep['bytes'] / 1e3:.1f} kB), left at first preview then back "
                    f"{result['left']['ready']:.0f} ms ({result['left']['bytes'] / 1e6:.2f} MB), "
                    f"left 5 s in then back {left5['ready']:.0f} ms "
                    f"({left5['bytes'] / 1e6:.2f} MB, {len(left5['fetchedAgain'])} fetched again), "
                    f"brotli {br['ready']:.0f} ms ({br['bytes'] / 1e6:.2f} MB) vs floor "
                    f"{br['floor']:.0f} ms, gzip {gz['ready']:.0f} ms ({gz['bytes'] / 1e6:.2f} MB) "
                    f"vs floor {gz['floor']:.0f} ms, offline "
                    f"{'ok' if result['offline']['guideOpens'] else 'NO'}"
                    + "".join(
                        f", {code} builder cold {result[f'cold_{code}']['ready']:.0f} ms"
                        for code in OTHER_BUILDERS
                        if f"cold_{code}" in result
                    )
                )
    finally:
        hosts = [*servers.values()] + [h for p in precompressed.values() for h in p.values()]
        for server, _ in hosts:
            server.shutdown()
            server.server_close()
    return out
