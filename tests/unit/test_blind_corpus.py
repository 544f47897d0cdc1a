"""The blind phrasings (tests/unit/corpus/blind/), through every draft they reach.

Written by people who never saw the fitting code (see the folder's README): sets A and
B are what the fitting was mended on, set C is only measured. Each phrasing of a request
field goes through every draft of the request and after the ask (and the calendar's
reminders), each note of the meeting log through the report-back and thank-you, each of
the mentor's details through every reply it belongs to, and the request's focus is said
back in the mentor's reply too, exactly as the project's own corpus does
(`test_corpus`, `test_corpus_after`, `test_reply_corpus`). `wording_checks` reads every
draft; a phrasing with any slip in any draft counts once. The rate for each set is what
maintainers/wording.md reports under "Blind phrasings" (`python
tests/unit/test_blind_corpus.py` prints it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import test_corpus
import test_corpus_after
import test_reply_corpus
from test_corpus import CORPUS

from builder.mentor.fields import SHOWN_FOR

pytestmark = pytest.mark.corpus

BLIND = CORPUS / "blind"
SETS = ("a", "b", "c")
REQUEST_FIELDS = ("focus", "outcome", "connection", "preparation", "report_back")
LOG_FIELDS = ("asked", "advice", "tried", "happened", "next")
REPLY_FIELDS = ("first_step", "narrower", "later", "reason", "referral_why", "date_instead")


def blind(which: str, field: str) -> list[str]:
    text = (BLIND / which / f"{field}.txt").read_text(encoding="utf-8")
    return [line.replace("\\n", "\n") for line in text.splitlines() if line.strip()]


def slips(field: str, phrasing: str) -> list[str]:
    """Every slip this phrasing causes in any draft it reaches."""
    if field in REQUEST_FIELDS:
        found = test_corpus.slips(field, phrasing)
        found += test_corpus_after.request_slips(field, phrasing, 0)
        if field == "focus":
            found += test_reply_corpus.slips({"focus": phrasing}, ("yes",), phrasing)
        return sorted(set(found))
    if field in LOG_FIELDS:
        return sorted(set(test_corpus_after.log_slips(field, phrasing, 0)))
    dated = test_reply_corpus.FIRST_DATE if field in test_reply_corpus.DATED else ""
    values = {field: phrasing, **test_reply_corpus.DATED.get(field, {})}
    return test_reply_corpus.slips(values, SHOWN_FOR[field], phrasing, dated)


def failures(which: str, field: str) -> dict[str, list[str]]:
    found = {}
    for phrasing in blind(which, field):
        seen = slips(field, phrasing)
        if seen:
            found[phrasing] = seen
    return found


FIELDS = (*REQUEST_FIELDS, *LOG_FIELDS, *REPLY_FIELDS)


@pytest.mark.parametrize("which", SETS)
@pytest.mark.parametrize("field", FIELDS)
def test_every_blind_phrasing_reads_cleanly(which: str, field: str) -> None:
    found = failures(which, field)
    assert not found, "\n".join(f"{p!r}:\n  " + "\n  ".join(f) for p, f in found.items())


def rates() -> None:
    """Prints each set's defect rate: phrasings with a slip in some draft, by field."""
    for which in SETS:
        total = broken = 0
        for field in FIELDS:
            count = len(blind(which, field))
            bad = len(failures(which, field))
            total, broken = total + count, broken + bad
            print(f"{which:8} {field:13} {bad:3} of {count:3}")
        print(f"{which:8} {'all':13} {broken:3} of {total:4} = {100 * broken / total:.1f}%\n")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    rates()
