"""The benchmark's rows for brotli against gzip (issue #26): per link, a host serving the
build's precompressed copies, the builder's cold first preview against the bare
loadPyodide() served the same way, and the bytes each took to the first preview."""

from __future__ import annotations

from stats import ratio, summary

# Targets with brotli: first preview / floor at 10 and 1.6 Mbit/s, bytes at 1.6 Mbit/s.
TARGET_BROTLI_VS_FLOOR = {"10 Mbit/s, 40 ms": 0.75, "1.6 Mbit/s, 150 ms": 0.75}
TARGET_BROTLI_MB = {"1.6 Mbit/s, 150 ms": 5.0e6}


def encoding_rows(short: str, name: str, runs: list[dict]) -> list[dict]:
    from report import median_ok, row  # the table's own row shape

    visits = [r["encodings"] for r in runs if "encodings" in r]
    if not visits:
        return []
    rows = []
    for host in ("brotli", "gzip"):
        ready = [v[host]["ready"] for v in visits]
        floor = [v[host]["floor"] for v in visits]
        sent = [v[host]["bytes"] for v in visits]
        r = ratio(ready, floor)
        limit = TARGET_BROTLI_VS_FLOOR.get(name) if host == "brotli" else None
        limit_bytes = TARGET_BROTLI_MB.get(name) if host == "brotli" else None
        rows += [
            row(f"{short}, {host} copies: builder cold, first preview", ready, "ms"),
            row(f"{short}, {host} copies:   / floor served so", r, "x",
                f"<= {limit}" if limit else "", median_ok(r, limit) if limit else None),
            row(f"{short}, {host} copies:   transfer to first preview", sent, "MB",
                f"<= {limit_bytes / 1e6:.1f} MB" if limit_bytes else "",
                summary(sent)["max"] <= limit_bytes if limit_bytes else None),
            row(f"{short}, {host} copies:   floor's transfer",
                [v[host]["floorBytes"] for v in visits], "MB"),
        ]  # fmt: skip
    return rows
