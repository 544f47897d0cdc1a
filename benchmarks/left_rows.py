"""The benchmark's rows for visits cut short (issue #26): the reader leaves the builder
the moment its first preview shows, or 5 s in, then comes back. Nothing received is
fetched twice."""

from __future__ import annotations

from stats import summary

# Targets at 1.6 Mbit/s: the second visit within 1.5 s, at most 0.3 MB over the network.
TARGET_LEFT_MS = {"1.6 Mbit/s, 150 ms": 1500}
TARGET_LEFT_BYTES = {"1.6 Mbit/s, 150 ms": 0.3e6}


def left_rows(short: str, name: str, runs: list[dict]) -> list[dict]:
    from report import median_ok, row  # the table's own row shape

    rows = []
    left = [r["left"] for r in runs if "left" in r]
    if left:
        ready, sent = [v["ready"] for v in left], [v["bytes"] for v in left]
        limit_ms, limit_bytes = TARGET_LEFT_MS.get(name), TARGET_LEFT_BYTES.get(name)
        rows += [
            row(f"{short}: back after leaving at the first preview", ready, "ms",
                f"<= {limit_ms} ms" if limit_ms else "",
                median_ok(ready, limit_ms) if limit_ms else None),
            row(f"{short}:   over the network", sent, "MB",
                f"<= {limit_bytes / 1e6:.1f} MB" if limit_bytes else "",
                summary(sent)["max"] <= limit_bytes if limit_bytes else None),
        ]  # fmt: skip
    left5 = [r["left5"] for r in runs if "left5" in r]
    if left5:
        again = [len(v["fetchedAgain"]) for v in left5]
        rows += [
            row(f"{short}: back after leaving 5 s in", [v["ready"] for v in left5], "ms"),
            row(f"{short}:   over the network", [v["bytes"] for v in left5], "MB"),
            row(f"{short}:   files received whole in the first 5 s",
                [v["receivedFirst"] for v in left5], ""),
            row(f"{short}:   of those, fetched again", again, "", "0", max(again) == 0),
        ]  # fmt: skip
    return rows
