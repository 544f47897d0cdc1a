"""The Spanish blind phrasings (tests/unit/corpus/es/blind/) through today's builder.

The drafts are English until Spanish has its frames and tables (issue #28), so for now
each phrasing of a request field goes through the builder with a plain request around
it, and must come out whole: no failure, and where the builder says the field looks
like another language, the email quotes it exactly as written (collapsed spaces aside).
`python tests/unit/test_blind_corpus_es.py` prints, per set, how often that notice is
shown.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import builder

pytestmark = pytest.mark.corpus

BLIND = Path(__file__).parent / "corpus" / "es" / "blind"
SETS = ("a", "b", "c")
REQUEST_FIELDS = ("focus", "outcome", "connection", "preparation", "report_back")
AROUND = {"focus": "preparar mi primera entrevista", "protege_name": "Ana", "mentor_name": "Luis"}


def blind(which: str, field: str) -> list[str]:
    text = (BLIND / which / f"{field}.txt").read_text(encoding="utf-8")
    return [line.replace("\\n", "\n") for line in text.splitlines() if line.strip()]


def through(field: str, phrasing: str) -> tuple[bool, list[str]]:
    """Whether the language notice was shown, and what went wrong."""
    result = builder.evaluate({**AROUND, field: phrasing}).to_dict()
    problems = ["failed"] if result["failed"] else []
    notice = any(
        m["severity"] == "notice" and "looks like" in m["text"]
        for m in result["messages"].get(field, [])
    )
    if notice:
        email = " ".join(result["drafts"]["email"]["text"].split())
        typed = " / ".join(" ".join(line.split()) for line in phrasing.split("\n") if line.strip())
        if typed.rstrip(".") not in email:
            problems.append("not quoted as written")
    return notice, problems


@pytest.mark.parametrize("which", SETS)
@pytest.mark.parametrize("field", REQUEST_FIELDS)
def test_every_spanish_phrasing_comes_through_whole(which: str, field: str) -> None:
    phrasings = blind(which, field)
    assert len(phrasings) == 60
    failed = {p: problems for p in phrasings if (problems := through(field, p)[1])}
    assert failed == {}


if __name__ == "__main__":
    for which in SETS:
        counts = [through(f, p)[0] for f in REQUEST_FIELDS for p in blind(which, f)]
        print(f"set {which}: language notice on {sum(counts)} of {len(counts)}", file=sys.stdout)
