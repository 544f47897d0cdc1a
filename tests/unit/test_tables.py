"""A language's drafts are tables (builder/wording/tables.py): a language with a catalog,
templates and a `Drafting` table drafts every message, with no module of its own.

Shown with Spanish's tables stripped of its own reading (`fit`, `fit_reply`): every
phrase then goes into the plain frames, and every draft, before and after the ask and
the mentor's reply, still reads well (the Spanish wording checks, over the golden cases
and the blind phrasings of set A). That is what a third language starts as, before it
has a confident reading of its own.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_blind_corpus_es import REGISTERS, blind
from test_blind_replies_es import ANSWERS, AROUND
from wording_checks_es import problems as wording_problems

import builder
from builder.after.drafts import render_after
from builder.after.progress import read_after
from builder.mentor.drafts import render_reply
from builder.request import context_tables
from builder.request.drafts import DRAFTED, render_drafts
from builder.request.fields import DRAFT_LANGUAGES
from builder.request.validate import validate
from builder.wording import tables
from builder.wording.es import drafting as es_drafting

GOLDEN = Path(__file__).parents[1] / "golden"
REQUEST_FIELDS = ("focus", "outcome", "connection", "preparation", "report_back")
REGISTER = {**REGISTERS, "casual": "tu"}


@pytest.fixture
def plain_spanish(monkeypatch: pytest.MonkeyPatch) -> Iterator[tables.Drafting]:
    """Spanish as a language with tables alone: no reading of its own."""
    plain = dataclasses.replace(es_drafting.DRAFTING, fit=None, fit_reply=None)
    monkeypatch.setattr(es_drafting, "DRAFTING", plain)
    tables.drafting.cache_clear()
    yield plain
    monkeypatch.undo()
    tables.drafting.cache_clear()


def test_the_languages_with_drafts_are_found_from_their_tables() -> None:
    assert DRAFTED == ("en", "es")
    assert DRAFT_LANGUAGES == (("en", "English"), ("es", "Español"))
    assert tables.drafting("es") is es_drafting.DRAFTING
    assert tables.drafting("en") is None  # English has its own modules
    assert tables.drafting("qps") is None  # the pseudo-language has no drafts
    assert tables.drafting("../x") is None


def test_every_table_has_what_the_shared_facts_ask_for() -> None:
    """The phrases and blanks the shared facts read, and a frame for every kind the plain
    reading gives, in both registers."""
    table = es_drafting.DRAFTING
    keys = ("quoted", "ordinal_figure", "last", "week", "weeks", "timebox.many",
            "timebox.one", "timebox.one_week", "dates.one", "dates.many", "dates.same_time",
            "spoken.ask", "spoken.one_date", "spoken.start", "thanks_subject",
            "request_subject", "mentor_event", "on_day", "sent_when", "sent_lately",
            "talked_subject", "ending.one", "ending.many", "our_program",
            "coordinator.named", "coordinator.unnamed")  # fmt: skip
    assert set(keys) <= set(table.phrases)
    assert {"focus", "mentor_name", "protege_name", "count", "minutes"} <= set(table.blanks)
    for slots in (table.slots, table.reply_slots):
        for slot, kinds in slots.items():
            assert {"plain", "foreign"} <= set(kinds) or slot == "focus.reply", slot
            for kind, frames in kinds.items():
                assert set(frames) == set(REGISTERS.values()), (slot, kind)


def test_the_plain_reading_holds_any_phrase() -> None:
    table = es_drafting.DRAFTING
    assert tables.plain_fit(table, "focus", "  ").kind == "blank"
    assert tables.plain_fit(table, "outcome", "").kind == ""
    english = tables.plain_fit(table, "focus", "how to price my work")
    assert (english.kind, english.label) == ("foreign", "«how to price my work»")
    fitted = tables.plain_fit(table, "connection", "porque sabes de precios.")
    assert (fitted.kind, fitted.core) == ("plain", "sabes de precios")  # the frame's lead-in
    assert tables.plain_fit(table, "focus", "¿cómo empiezo?").core == "¿cómo empiezo?"


def _request_drafts_problems(values: dict[str, str], tone: str) -> list[str]:
    request, _ = validate({**values, "tone": tone, "draft_language": "es"})
    typed = [str(values.get(name, "")) for name in (*REQUEST_FIELDS, "protege_name",
                                                    "mentor_name")]  # fmt: skip
    found = []
    for name, draft in render_drafts(request, date(2026, 3, 1)).items():
        if name != "request_html":
            text = f"{draft.subject}\n{draft.text}"
            found += [f"{name}: {p}" for p in wording_problems(text, typed, REGISTER[tone])]
    return found


def test_a_table_only_language_drafts_the_golden_requests_and_their_after(
    plain_spanish: tables.Drafting,
) -> None:
    cases = json.loads((GOLDEN / "requests.json").read_text(encoding="utf-8"))
    spanish = [case for case in cases if case["id"].startswith("es-")]
    assert len(spanish) >= 6
    for case in spanish:
        request, _ = validate(case["values"])
        fits = context_tables.fits(plain_spanish, request)
        assert {fit.kind for fit in fits.values()} <= {"plain", "foreign", "blank", ""}
        tone = case["values"].get("tone", "warm")
        assert _request_drafts_problems(case["values"], tone) == [], case["id"]
    for case in json.loads((GOLDEN / "after.json").read_text(encoding="utf-8")):
        if not case["id"].startswith("es-"):
            continue
        request, _ = validate(case["values"])
        today = date.fromisoformat(case["today"])
        subject = render_drafts(request, today)["email"].subject
        for raw in case["states"]:
            drafts = render_after(request, read_after(raw), today, subject)
            assert drafts, case["id"]
            register = REGISTER[case["values"].get("tone", "warm")]
            typed = [*case["values"].values(), raw.get("next", "")]
            typed += [str(v) for entry in raw.get("log", []) for v in entry.values()]
            for draft in drafts.values():
                found = wording_problems(draft.text, typed, register)
                assert found == [], (case["id"], draft.name, found)


@pytest.mark.corpus
@pytest.mark.parametrize("tone", REGISTERS)
def test_a_table_only_language_holds_every_blind_phrasing(
    plain_spanish: tables.Drafting, tone: str
) -> None:
    around = {"focus": "preparar mi primera entrevista", "protege_name": "Ana",
              "mentor_name": "Luis"}  # fmt: skip
    found = {}
    for field in REQUEST_FIELDS:
        for phrasing in blind("a", field):
            if problems := _request_drafts_problems({**around, field: phrasing}, tone):
                found[phrasing] = problems
    for field, answer in ANSWERS.items():
        for phrasing in blind("a", field):
            changes = {"response": answer, "tone": tone, field: phrasing}
            if field == "date_instead":
                changes["date_answer"] = "counter"
            reply = dataclasses.replace(AROUND, **changes)
            for draft in render_reply(reply).values():
                typed = [phrasing, reply.focus, "Ana", "Luis", "Laura"]
                if problems := wording_problems(draft.text, typed, REGISTERS[tone]):
                    found[phrasing] = problems
    assert found == {}


def test_the_builder_still_drafts_spanish_through_its_tables() -> None:
    result = builder.evaluate({"draft_language": "es", "focus": "negociar mi salario"})
    assert result.drafts["email"].text.startswith("Hola, [su nombre]:")
    assert "Me gustaría que me ayudaras a negociar mi salario." in result.drafts["email"].text
