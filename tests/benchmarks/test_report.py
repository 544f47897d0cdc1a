"""The benchmark's typing figure: keys and the click into the first field apart."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from report import click_delays, key_delays

# One cold visit: the click (three entries, one interaction), two keys with entries,
# one key after ready (not counted); four keys typed before ready.
VISIT = {
    "ready": 1000.0,
    "typedBeforeReady": 4,
    "events": [
        [300.0, 72, 1, "pointerdown"],
        [300.0, 80, 1, "pointerup"],
        [301.0, 80, 1, "click"],
        [400.0, 40, 2, "keydown"],
        [400.0, 48, 2, "keypress"],
        [490.0, 24, 3, "keydown"],
        [1200.0, 96, 9, "keydown"],
    ],
}


def test_each_key_counts_once_at_its_longest_and_keys_without_an_entry_at_16_ms() -> None:
    assert sorted(key_delays([VISIT])) == [16.0, 16.0, 24, 48]


def test_the_click_is_its_own_figure() -> None:
    assert click_delays([VISIT]) == [80]


def test_a_click_too_quick_for_an_entry_counts_as_16_ms() -> None:
    quick = {**VISIT, "events": VISIT["events"][3:]}
    assert click_delays([quick]) == [16.0]
    assert sorted(key_delays([quick])) == [16.0, 16.0, 24, 48]
