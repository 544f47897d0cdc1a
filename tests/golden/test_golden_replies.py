"""Golden replies: fixed replies, every answer and tone, as a protégé would read them;
three answer a request that proposes dates (its first date accepted, countered with the
mentor's words, countered without), on the mentor's `today`.

Each `replies/<id>.txt` beside this file is what the mentors' reply helper wrote for
that reply (both drafts, as the download holds them) when it was last reviewed by eye.
After a deliberate change, rewrite them and read the diff:

    SHORTHAUL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden

The same test runs inside Pyodide, from the site's own bundle.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from builder.mentor import evaluate_reply

HERE = Path(__file__).parent
REPLIES = json.loads((HERE / "replies.json").read_text(encoding="utf-8"))
UPDATE = os.environ.get("SHORTHAUL_UPDATE_GOLDEN") == "1"


def test_every_answer_and_tone_is_covered() -> None:
    answers = {item["values"]["response"] for item in REPLIES}
    assert answers == {"yes", "smaller", "not-now", "no", "someone-else"}
    assert {item["values"].get("tone", "warm") for item in REPLIES} == {"warm", "formal", "casual"}
    assert len({item["id"] for item in REPLIES}) == len(REPLIES)


@pytest.mark.parametrize("item", REPLIES, ids=[item["id"] for item in REPLIES])
def test_replies_match_the_reviewed_text(item: dict) -> None:
    golden = HERE / "replies" / f"{item['id']}.txt"
    today = date.fromisoformat(item["today"]) if "today" in item else None  # the mentor's
    result = evaluate_reply(item["values"], request=item.get("request"), opened=True, today=today)
    text = result["downloads"]["text"]
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
