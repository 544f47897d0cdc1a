"""The longest test files first, when pytest-xdist hands out whole files.

`make test` runs pytest with `-p tests.longest_first --no-loadscope-reorder`: xdist then
hands test files to its workers in collection order, which this plugin sorts longest
first (the order of LONGEST; every other file keeps its place after them). Left to
itself, xdist orders files by their number of tests, so a file of a few long tests (a
journey, or test_program.py's own site build) could come last and run alone while the
other workers had nothing left to do.
"""

from __future__ import annotations

import pytest

# Seconds of test time in a two-worker run (2026-12-07), longest first.
LONGEST = (
    "tests/site/test_keyboard.py",  # 590: every page, two widths, three colour schemes
    "tests/site/test_pages.py",  # 190
    "tests/site/test_builder.py",  # 186
    "tests/site/test_journey_after.py",  # 116
    "tests/site/test_builder_after.py",  # 93
    "tests/site/test_builder_keyboard.py",  # 82
    "tests/unit/test_blind_corpus.py",  # 81
    "tests/site/test_reply_helper.py",  # 79
    "tests/site/test_program.py",  # 53, most of it building its own site
    "tests/site/test_slow_link.py",  # ~40: first visits on a slow link, then come back
    "tests/site/test_announcements.py",  # 44
    "tests/unit/test_corpus.py",  # 43
    "tests/site/test_offline.py",  # 41
    "tests/site/test_journey_mentor.py",  # 40
    "tests/site/test_journey_protege.py",  # 40
    "tests/site/test_journey_coordinator.py",  # 33
    "tests/site/test_kept_as_arrived.py",  # 28
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: i for i, path in enumerate(LONGEST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(LONGEST)))
