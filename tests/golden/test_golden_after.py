"""Golden drafts after the ask: arrangements each followed through its stages (the `es-`
ones with Spanish drafts).

Each `<id>.txt` beside this file holds every draft the builder wrote at each stage
(follow-up, confirmation, revised request, reply to a no, report-back and thank-you
from the log) and, where the case asks, the calendar's events and reminders as a
reader sees them in their calendar, as last reviewed by eye. Rewrite them after a
deliberate change and read the diff:

    SHORTHAUL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from builder import validate
from builder.after.drafts import render_after
from builder.after.invites import invites
from builder.after.progress import read_after
from builder.request.drafts import proposals, render_drafts

HERE = Path(__file__).parent
CASES = json.loads((HERE / "after.json").read_text(encoding="utf-8"))
UPDATE = os.environ.get("SHORTHAUL_UPDATE_GOLDEN") == "1"


def rendered(case: dict) -> str:
    today = date.fromisoformat(case["today"])
    request, _ = validate(case["values"])
    drafts = render_drafts(request, today)
    parts = []
    for number, raw in enumerate(case["states"], start=1):
        after = read_after(raw)
        parts.append(f"######## STATE {number}: {after.stage}")
        for draft in render_after(request, after, today, drafts["email"].subject).values():
            parts.append(f"==== {draft.title}")
            if draft.subject:
                parts.append(f"Subject: {draft.subject}\n")
            parts.append(draft.text.rstrip())
    if case.get("calendar"):
        parts.append("######## CALENDAR (the reader's copy)")
        proposed = proposals(request, today)[0]
        for invite in invites(request, proposed, drafts["plan"], "r-x", mine=True):
            parts.append(f"{invite.day.isoformat()} {invite.at or 'all day'}: {invite.summary}")
            parts += [f"  reminder ({r.offset}{' after' if r.after_end else ''}): {r.text}"
                      for r in invite.reminders]  # fmt: skip
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_after_drafts_match_the_reviewed_text(case: dict) -> None:
    golden = HERE / f"{case['id']}.txt"
    text = rendered(case)
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
