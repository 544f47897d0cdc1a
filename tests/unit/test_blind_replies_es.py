"""The Spanish blind phrasings of a mentor's details (tests/unit/corpus/es/blind/) through
the Spanish reply, tú (warm) and usted (formal).

Set A was read while the reply's frames were tuned (builder/wording/es/reply_fitting.py);
sets B and C were not, and measure them. Each detail goes into the reply of the answer it
belongs to, and the protégé's focus (the request's phrasings) is said back at its top;
both drafts, email and chat, must pass the Spanish wording checks
(tests/unit/wording_checks_es.py).

`python tests/unit/test_blind_replies_es.py` prints, per set, how often each detail was
fitted into its sentence (confident) rather than held by the plain frame.
"""

from __future__ import annotations

import pytest
from test_blind_corpus_es import REGISTERS, SETS, blind
from wording_checks_es import problems as wording_problems

from builder.mentor.drafts import render_reply
from builder.mentor.reply import Reply
from builder.wording.es.reply_fitting import fit_reply

pytestmark = pytest.mark.corpus

# Each detail, in a reply to the answer it belongs to.
ANSWERS = {
    "focus": "yes",
    "date_instead": "yes",
    "first_step": "yes",
    "narrower": "smaller",
    "later": "not-now",
    "reason": "no",
    "referral_why": "someone-else",
}
AROUND = Reply(
    protege_name="Ana", mentor_name="Luis", focus="preparar mi primera entrevista",
    meetings=3, minutes=30, weeks=4, format="video", draft_language="es",
    first_date="martes 10 de marzo a las 14:00", referral_name="Laura",
)  # fmt: skip


def reply_problems(field: str, phrasing: str, tone: str) -> list[str]:
    """What the Spanish wording checks find in both drafts of a reply with this detail."""
    answer = {"response": ANSWERS[field], "tone": tone, field: phrasing}
    if field == "date_instead":
        answer["date_answer"] = "counter"
    reply = _with(answer)
    said_back = fit_reply("focus", reply.focus, REGISTERS[tone]).core
    typed = [phrasing, said_back, reply.focus, "Ana", "Luis", "Laura"]
    found = []
    for name, draft in render_reply(reply).items():
        text = f"{draft.subject}\n{draft.text}"
        found += [f"{name}: {p}" for p in wording_problems(text, typed, REGISTERS[tone])]
    return found


def _with(changes: dict[str, str]) -> Reply:
    import dataclasses

    return dataclasses.replace(AROUND, **changes)


@pytest.mark.parametrize("which", SETS)
@pytest.mark.parametrize("field", ANSWERS)
@pytest.mark.parametrize("tone", REGISTERS)
def test_every_spanish_phrasing_reads_well_in_the_spanish_reply(
    which: str, field: str, tone: str
) -> None:
    phrasings = blind(which, field)
    assert len(phrasings) == 60
    found = {p: problems for p in phrasings if (problems := reply_problems(field, p, tone))}
    assert found == {}


def confident_share(which: str, field: str) -> float:
    """How many of a set's phrasings of a detail were fitted into their sentence."""
    phrasings = blind(which, field)
    fitted = [fit_reply(field, p, "tu", ("Ana",)) for p in phrasings]
    return sum(f.kind not in ("plain", "foreign", "general") for f in fitted) / len(phrasings)


if __name__ == "__main__":
    for which in SETS:
        shares = {f: f"{confident_share(which, f):.0%}" for f in ANSWERS}
        print(f"set {which}: fitted into their sentence: {shares}")
