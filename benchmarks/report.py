"""The benchmark's table: one row per figure, with its target where the issue sets one."""

from __future__ import annotations

import statistics

from browser import PYTHON_PAGES
from encoding_rows import encoding_rows
from left_rows import left_rows
from link import PROFILES
from measure_lighthouse import TARGET_LH
from stats import fmt, percentile, ratio, summary

# Targets (issue #14), per link profile: cold first preview / bare loadPyodide.
TARGET_COLD_VS_FLOOR = {"unthrottled": 0.5, "50 Mbit/s, 20 ms": 0.7}
TARGET_COLD_VS_FLOOR_ANY = 1.0
TARGET_COLD_MB = {"1.6 Mbit/s, 150 ms": 6e6}
TARGET_COLD_MB_ANY = 10e6
TARGET_REPEAT_MS = {"1.6 Mbit/s, 150 ms": 1500}
TARGET_REPEAT_BYTES = 10e3  # "at most a few kB"
TARGET_INP_P95_MS = 50
TARGET_LONGEST_TASK_MS = 200
TARGET_EDIT_P95_MS = 30.0
SHORT = {p.name: p.name.split(",")[0] for p in PROFILES}


def row(
    figure: str,
    values: list[float | None],
    unit: str,
    target: str = "",
    met: bool | None = None,
    median: float | None = None,
) -> dict:
    s = summary(values)
    if median is not None:
        s["median"] = median
    return {
        "figure": figure,
        "unit": unit,
        "median": s["median"],
        "min": s["min"],
        "max": s["max"],
        "n": s["n"],
        "target": target,
        "met": met,
    }


def print_table(rows: list[dict]) -> None:
    width = max(len(r["figure"]) for r in rows)
    head = f"{'figure':<{width}}  {'median':>10}  {'min-max':>21}  {'target':>10}  met?"
    print(head)
    print("-" * len(head))
    for r in rows:
        met = "" if r["met"] is None else ("yes" if r["met"] else "NO")
        span = (
            ""
            if r["min"] is None or r["n"] < 2
            else f"{fmt(r['min'], r['unit'])} - {fmt(r['max'], r['unit'])}"
        )
        print(
            f"{r['figure']:<{width}}  {fmt(r['median'], r['unit']):>10}  {span:>21}  "
            f"{r['target']:>10}  {met}"
        )


def median_ok(values: list[float], limit: float) -> bool:
    return bool(values) and statistics.median(values) <= limit


KEY_EVENTS = {"keydown", "keypress", "keyup"}


def interactions(run: dict) -> list[tuple[float, set[str]]]:
    """Each interaction before ready: its longest Event Timing duration and the event
    names it was made of (keydown/keypress/keyup for a key; pointer events and click
    for the click that focuses the first field)."""
    by_id: dict[int, tuple[float, set[str]]] = {}
    for start, duration, ident, name in run.get("events") or []:
        if start < run["ready"]:
            longest, names = by_id.get(ident, (0.0, set()))
            by_id[ident] = (max(longest, duration), names | {name})
    return list(by_id.values())


def key_delays(cold_runs: list[dict]) -> list[float]:
    """Input-to-next-paint per keystroke typed before ready; keystrokes with no Event
    Timing entry (under 16 ms) count as 16 ms."""
    delays = []
    for run in cold_runs:
        keys = [d for d, names in interactions(run) if names & KEY_EVENTS]
        delays += keys + [16.0] * max(0, run.get("typedBeforeReady", 0) - len(keys))
    return delays


def click_delays(cold_runs: list[dict]) -> list[float]:
    """Input-to-next-paint of the click that focuses the first field, per cold visit
    (16 ms when it has no entry)."""
    delays = []
    for run in cold_runs:
        delays += [d for d, names in interactions(run) if not names & KEY_EVENTS] or [16.0]
    return delays


def link_rows(links: dict) -> list[dict]:
    rows = []
    all_cold: list[dict] = []
    for name, runs in links.items():
        short = SHORT.get(name, name)
        floor = [r["floor"].get("received") for r in runs]
        cold = [r["cold"]["ready"] for r in runs]
        rows.append(row(f"{name}: bare loadPyodide() ready (floor)", floor, "ms"))
        rows.append(row(f"{short}: builder cold, first preview", cold, "ms"))
        r = ratio(cold, floor)
        limit = TARGET_COLD_VS_FLOOR.get(name, TARGET_COLD_VS_FLOOR_ANY)
        rows.append(
            row(f"{short}: cold preview / floor", r, "x", f"<= {limit}", median_ok(r, limit))
        )
        for code in sorted({key[5:] for r in runs for key in r if key.startswith("cold_")}):
            other = [r[f"cold_{code}"]["ready"] for r in runs if f"cold_{code}" in r]
            if len(other) == len(cold):  # issue #28: a language's builder within 5%
                mine = ratio(other, cold)
                rows.append(
                    row(f"{short}: {code} builder cold / English", mine, "x", "<= 1.05",
                        median_ok(mine, 1.05))
                )  # fmt: skip
        to_preview = [r["cold"]["bytesToPreview"] for r in runs]
        limit = TARGET_COLD_MB.get(name, TARGET_COLD_MB_ANY)
        rows.append(
            row(
                f"{short}: cold transfer to first preview",
                to_preview,
                "MB",
                f"<= {limit / 1e6:.0f} MB",
                max(to_preview) <= limit,
            )
        )
        rows.append(
            row(
                f"{short}:   + kept for next visit (after)",
                [r["cold"]["bytesWithBackground"] - r["cold"]["bytesToPreview"] for r in runs],
                "MB",
            )
        )
        rows.append(row(f"{short}:   floor's transfer", [r["floor"]["bytes"] for r in runs], "MB"))
        repeat = [r["repeat"]["ready"] for r in runs]
        limit = TARGET_REPEAT_MS.get(name)
        rows.append(
            row(
                f"{short}: repeat visit, first preview",
                repeat,
                "ms",
                f"<= {limit} ms" if limit else "",
                median_ok(repeat, limit) if limit else None,
            )
        )
        sent = [r["repeat"]["bytes"] for r in runs]
        rows.append(
            row(
                f"{short}: repeat visit, over the network",
                sent,
                "kB",
                f"<= {TARGET_REPEAT_BYTES / 1e3:.0f} kB",
                max(sent) <= TARGET_REPEAT_BYTES,
            )
        )
        rows += left_rows(short, name, runs)
        rows += encoding_rows(short, name, runs)
        offline = [r["offline"] for r in runs]
        works = sum(o["copied"] and o["downloaded"] and o["guideOpens"] for o in offline)
        rows.append(
            row(
                f"{short}: offline: builder drafts, copies, downloads; guide opens",
                [o["ready"] for o in offline],
                "ms",
                f"{len(offline)}/{len(offline)}",
                works == len(offline),
            )
        )
        all_cold += [r["cold"] for r in runs]
    if all_cold:
        delays = key_delays(all_cold)
        p95 = percentile(delays, 95)
        rows.append(
            {
                **row(
                    f"Typing while Python starts: key to next paint, p95 ({len(delays)} keys)",
                    delays,
                    "ms",
                    f"<= {TARGET_INP_P95_MS} ms",
                    bool(delays) and p95 <= TARGET_INP_P95_MS,
                ),
                "median": p95,
            }
        )
        clicks = click_delays(all_cold)
        rows.append(
            {
                **row(f"  the click into the first field, p95 ({len(clicks)})", clicks, "ms"),
                "median": percentile(clicks, 95),
            }
        )
        longest = [r["longestTask"] for r in all_cold]
        rows.append(
            {
                **row(
                    "Longest main-thread task until first preview (cold)",
                    longest,
                    "ms",
                    f"<= {TARGET_LONGEST_TASK_MS} ms",
                    max(longest) <= TARGET_LONGEST_TASK_MS,
                ),
                "median": max(longest),
            }
        )
    return rows


def make_rows(res: dict) -> list[dict]:
    rows = link_rows(res.get("links") or {})
    ed = res.get("edits")
    if ed:
        lat = ed["latency"]["values"]
        p95 = ed["latency"]["p95"]
        rows.append(row(f"Edit -> preview, median ({len(lat)} edits)", lat, "ms"))
        rows.append(
            {
                **row(
                    f"Edit -> preview, p95 ({len(lat)} edits)",
                    lat,
                    "ms",
                    f"<= {TARGET_EDIT_P95_MS:.0f} ms",
                    p95 <= TARGET_EDIT_P95_MS,
                ),
                "median": p95,
            }
        )
        if "firstKeys" in ed:
            first = ed["firstKeys"]["values"]
            rows.append(
                {
                    **row(f"  while typing the request: first {len(first)} keys, p95", first, "ms"),
                    "median": ed["firstKeys"]["p95"],
                }
            )
            typing = ed["typing"]["values"]
            rows.append(
                {
                    **row(f"  while typing the request: all {len(typing)} keys, p95", typing, "ms"),
                    "median": ed["typing"]["p95"],
                }
            )
    mem = res.get("memory")
    if mem:
        rows.append(
            row("Page JS heap when ready", [m["memory"]["pageJsHeapUsed"] for m in mem], "MB")
        )
        rows.append(
            row("Worker JS heap when ready", [m["memory"]["workerJsHeapUsed"] for m in mem], "MB")
        )
        rows.append(
            row("Worker wasm memory when ready", [m["memory"]["wasmMemory"] for m in mem], "MB")
        )
    by = res.get("bytes") or {}
    guides = {p: v for p, v in by.items() if p not in PYTHON_PAGES}
    if guides:
        leaked = sum(v["pyodideBytes"] for v in guides.values())
        rows.append(
            row(
                "Bytes: guide pages (min-max over pages)",
                [v["bytes"] for v in guides.values()],
                "kB",
            )
        )
        rows.append(row("Bytes from /pyodide/ on guide pages", [leaked], "kB", "0", leaked == 0))
    lh = res.get("lighthouse")
    if lh:
        for category, target in TARGET_LH.items():
            medians = {p: v["scores"][category]["median"] for p, v in lh.items()}
            known = [m for m in medians.values() if m is not None]
            worst = min(medians, key=lambda p: medians[p] if medians[p] is not None else -1)
            ok = len(known) == len(medians) and min(known) >= target
            rows.append(
                {
                    **row(
                        f"Lighthouse {category} (worst: /{worst})",
                        known,
                        "score",
                        f">= {target}" if target < 100 else "= 100",
                        ok,
                    ),
                    "median": medians[worst],
                }
            )
    return rows
