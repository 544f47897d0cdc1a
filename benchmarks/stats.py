"""Medians, percentiles and how the report writes numbers."""

from __future__ import annotations

import math
import statistics


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (p in 0..100)."""
    data = sorted(values)
    if not data:
        return math.nan
    k = (len(data) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def summary(values: list[float | None]) -> dict:
    data = [v for v in values if v is not None and not math.isnan(v)]
    if not data:
        return {"n": 0, "median": None, "min": None, "max": None, "values": []}
    return {
        "n": len(data),
        "median": statistics.median(data),
        "min": min(data),
        "max": max(data),
        "values": data,
    }


def ratio(a: list[float | None], b: list[float | None]) -> list[float]:
    """Run-by-run ratios a/b (runs where either is missing are left out)."""
    return [x / y for x, y in zip(a, b, strict=True) if x is not None and y]


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value / 1000:.2f} s"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value / 1e6:.2f} MB"
    if unit == "kB":
        return f"{value / 1e3:.1f} kB"
    if unit == "score":
        return f"{value:.0f}"
    return f"{value}"
