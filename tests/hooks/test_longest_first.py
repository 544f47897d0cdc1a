"""tests/longest_first.py: the files it puts first are there, and go first."""

from __future__ import annotations

from pathlib import Path

from tests.longest_first import LONGEST

ROOT = Path(__file__).resolve().parents[2]


def test_every_file_it_names_is_a_test_file() -> None:
    missing = [path for path in LONGEST if not (ROOT / path).is_file()]
    assert missing == [], "renamed or gone: update tests/longest_first.py"
    assert len(set(LONGEST)) == len(LONGEST)


def test_the_test_command_uses_it_with_xdist_keeping_that_order() -> None:
    command = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "-p tests.longest_first --no-loadscope-reorder" in command
