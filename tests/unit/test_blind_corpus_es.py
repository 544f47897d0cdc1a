"""The Spanish blind phrasings (tests/unit/corpus/es/blind/) through the builder.

Set A was read while the Spanish frames were tuned (builder/wording/es/fitting.py); sets
B and C were not, and measure them. Each phrasing of a request field goes into a request
around it and must come out whole:

- in English drafts: no failure, and where the builder says the field looks like another
  language, the email quotes it exactly as written (collapsed spaces aside);
- in Spanish drafts, tú (warm) and usted (formal): every draft passes the Spanish wording
  checks (tests/unit/wording_checks_es.py): no doubled word, repeated frame, stray
  punctuation, tú and usted mixed, article out of agreement or English frame word.

`python tests/unit/test_blind_corpus_es.py` prints, per set, how often the notice is
shown and how often each field's phrasing was fitted into its sentence (confident)
rather than held by the plain frame.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from wording_checks_es import problems as wording_problems

import builder
from builder.request import context_tables
from builder.request.validate import validate
from builder.wording.es.drafting import DRAFTING as SPANISH

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


AROUND_ES = {
    "draft_language": "es", "focus": "preparar mi primera entrevista",
    "outcome": "haya hecho una entrevista sin nervios", "protege_name": "Ana",
    "mentor_name": "Luis", "connection": "trabajamos juntos el año pasado",
    "preparation": "enviarte mis preguntas el lunes", "report_back": "qué probé y qué pasó",
    "first_date": "2026-03-10",
}  # fmt: skip
REGISTERS = {"warm": "tu", "formal": "usted"}
DRAFTS = ("email", "chat", "spoken", "plan", "report_back", "thank_you")


def in_spanish(field: str, phrasing: str, tone: str) -> list[str]:
    """What the Spanish wording checks find in every draft of a request with this phrasing."""
    values = {**AROUND_ES, field: phrasing, "tone": tone}
    result = builder.evaluate(values).to_dict()
    if result["failed"]:
        return ["failed"]
    found = []
    for name in DRAFTS:
        draft = result["drafts"][name]
        text = f"{draft['subject']}\n{draft['text']}"
        typed = [values[key] for key in (*REQUEST_FIELDS, "protege_name", "mentor_name")]
        found += [f"{name}: {p}" for p in wording_problems(text, typed, REGISTERS[tone])]
    return found


@pytest.mark.parametrize("which", SETS)
@pytest.mark.parametrize("field", REQUEST_FIELDS)
@pytest.mark.parametrize("tone", REGISTERS)
def test_every_spanish_phrasing_reads_well_in_spanish_drafts(
    which: str, field: str, tone: str
) -> None:
    found = {p: problems for p in blind(which, field) if (problems := in_spanish(field, p, tone))}
    assert found == {}


LOG_FIELDS = ("asked", "advice", "tried", "happened", "next")


def after_in_spanish(field: str, phrasing: str, tone: str) -> list[str]:
    """What the Spanish wording checks find in the drafts after a yes whose meeting log
    holds this phrasing: the report-back for the next meeting and the closing thanks."""
    from builder.after.drafts import render_after
    from builder.after.progress import read_after

    values = {**AROUND_ES, "tone": tone}
    request, _ = validate(values)
    entry = {"date": "2026-03-10", "advice": "dejar cinco minutos al final"}
    if field in ("advice", "tried", "happened"):
        entry[field] = phrasing
    log = [entry]
    if field == "asked":  # asked for the next meeting, noted before it
        log.append({"date": "2026-03-17", "asked": phrasing})
    state = {"sent_on": "2026-03-02", "reply": "yes", "log": log}
    found = []
    for raw in (state, {**state, "ended": True, "next": phrasing if field == "next" else ""}):
        drafts = render_after(request, read_after(raw), date(2026, 3, 12), "Asunto")
        typed = [phrasing, entry["advice"], *(values[key] for key in REQUEST_FIELDS)]
        for name, draft in drafts.items():
            text = f"{draft.subject}\n{draft.text}"
            found += [f"{name}: {p}" for p in wording_problems(text, typed, REGISTERS[tone])]
    return found


@pytest.mark.parametrize("which", SETS)
@pytest.mark.parametrize("field", LOG_FIELDS)
@pytest.mark.parametrize("tone", REGISTERS)
def test_every_spanish_log_note_reads_well_in_the_drafts_after_the_ask(
    which: str, field: str, tone: str
) -> None:
    phrasings = blind(which, field)
    assert len(phrasings) == 60
    found = {p: problems for p in phrasings if (problems := after_in_spanish(field, p, tone))}
    assert found == {}


def confident_share(which: str, field: str) -> float:
    """How many of a set's phrasings of a field were fitted into their sentence."""
    phrasings = blind(which, field)
    fitted = [
        context_tables.fits(SPANISH, validate({**AROUND_ES, field: p})[0])[field] for p in phrasings
    ]
    return sum(f.kind not in ("plain", "foreign") for f in fitted) / len(phrasings)


@pytest.mark.parametrize("which", SETS)
@pytest.mark.parametrize("field", REQUEST_FIELDS)
def test_every_spanish_phrasing_comes_through_whole(which: str, field: str) -> None:
    phrasings = blind(which, field)
    assert len(phrasings) == 60
    failed = {p: problems for p in phrasings if (problems := through(field, p)[1])}
    assert failed == {}


if __name__ == "__main__":
    for which in SETS:
        shares = {f: f"{confident_share(which, f):.0%}" for f in REQUEST_FIELDS}
        print(f"set {which}: fitted into their sentence: {shares}")
    for which in SETS:
        counts = [through(f, p)[0] for f in REQUEST_FIELDS for p in blind(which, f)]
        print(f"set {which}: language notice on {sum(counts)} of {len(counts)}", file=sys.stdout)
