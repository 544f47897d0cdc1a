"""The builder's words in other languages (builder/wording/catalog.py).

- In the pseudo-language every text the form is rendered from comes back marked, so a
  visible string that skips the catalog shows up here as plain English.
- Spanish has a translation for every text the form uses, and the numbers in its help
  texts agree with their nouns.
- English is what the code writes, untouched.
"""

from __future__ import annotations

import sys

import pytest

from builder.mentor import reply_fields_as_data
from builder.request.fields import DRAFT_LANGUAGES, FIELDS, fields_as_data
from builder.wording import catalog
from builder.wording.catalog import PSEUDO, is_pseudo, pseudo, translator

# Keys whose values are names, addresses or settings, never shown as text.
NOT_TEXT = {
    "name",
    "url_key",
    "kind",
    "default",
    "autocomplete",
    "value",
    "slug",
    "url",
    "path",
    "id",
    "when",
    # An evaluation's codes and names.
    "field",
    "severity",
    "code",
    "status",
    "tip_url",
}


def texts(data: object, where: str = "") -> list[tuple[str, str]]:
    """Every string a reader may see in rendered form data, with where it sits."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                found += texts(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += texts(value, f"{where}[{index}]")
    elif isinstance(data, str) and data and not data.isdigit():
        found.append((where, data))
    return found


def test_every_text_of_the_form_comes_from_the_catalog() -> None:
    shown = texts(fields_as_data(PSEUDO)) + texts(reply_fields_as_data(language=PSEUDO))
    assert shown
    # The drafts' languages are named in their own words, in every language.
    own_names = {label for _, label in DRAFT_LANGUAGES}
    assert [
        (where, text) for where, text in shown if not is_pseudo(text) and text not in own_names
    ] == []


def test_the_pseudo_language_keeps_placeholders_and_marks_the_rest() -> None:
    assert pseudo("more than {limit} meetings") == "⟦ɱôŕé ŧĥàñ {limit} ɱééŧîñĝš········⟧"
    t = translator(PSEUDO)
    assert t("more than {limit}", limit=4) == "⟦ɱôŕé ŧĥàñ 4·····⟧"
    assert is_pseudo(t.number(3))


def used_texts(language: str) -> list[str]:
    """Every English text the request's and the reply helper's forms ask a language's
    catalog for."""
    fields_as_data(language)
    reply_fields_as_data(language=language)
    return sorted(translator(language).asked)


@pytest.mark.parametrize("language", catalog.CATALOGS)
def test_a_catalog_translates_every_text_the_form_uses(language: str) -> None:
    messages = catalog.catalog(language).messages
    assert [text for text in used_texts(language) if text not in messages] == []


def test_spanish_help_texts_name_the_programs_numbers_in_words() -> None:
    steps = {f["name"]: f for step in fields_as_data("es")["steps"] for f in step["fields"]}
    assert steps["meetings"]["help"] == (
        "Con tres basta para un objetivo pequeño; más de cuatro ya no es micro."
    )
    assert (
        steps["minutes"]["help"]
        == "Una reunión de media hora cabe fácilmente en una semana ocupada."
    )
    assert steps["focus"]["frame"] == "Me gustaría que me ayudaras a …"


def test_english_is_the_text_the_code_writes() -> None:
    english = {f["name"]: f for step in fields_as_data()["steps"] for f in step["fields"]}
    for field in FIELDS:
        if field.name not in english:  # the drafts' language, on a site in English alone
            continue
        assert english[field.name]["label"] == field.label
        assert english[field.name]["help"] == field.help
    assert (
        english["meetings"]["help"]
        == "Three is plenty for one small goal; more than four is no longer micro."
    )


def test_an_unknown_language_says_which_there_are() -> None:
    with pytest.raises(ValueError, match="no catalog for 'xx' \\(there are: es\\)"):
        catalog.catalog("xx")


@pytest.mark.skipif(sys.platform == "emscripten", reason="reads the builder's sources")
def test_every_text_said_at_run_time_has_its_spanish_with_the_same_placeholders() -> None:
    from builder.wording.es.catalog import MESSAGES
    from sitebuild.texts import placeholders, said_texts

    said = said_texts()
    assert len(said) > 50
    missing = {text: where for text, where in said.items() if text not in MESSAGES}
    assert missing == {}
    differ = {
        text: MESSAGES[text] for text in said if placeholders(text) != placeholders(MESSAGES[text])
    }
    assert differ == {}


def test_said_texts_follow_the_language_being_spoken() -> None:
    from builder.wording.catalog import say, speaking

    with speaking("es"):
        assert say("Your focus") == "Tu objetivo"
        with speaking(PSEUDO):
            assert is_pseudo(say("Your focus"))
        assert say("Your focus") == "Tu objetivo"
    assert say("Your focus") == "Your focus"
    with speaking("xx"):  # a language without a catalog speaks English
        assert say("Your focus") == "Your focus"


# Inputs that make the builder say many things: every golden request, and forms whose
# every field is wrong in some way (too short, out of range, unreadable, past).
BAD_FORMS = (
    {},
    {"focus": "x", "outcome": "y" * 5000, "meetings": "40", "minutes": "200", "weeks": "30",
     "first_date": "2020-02-30", "meeting_time": "03:00", "protege_email": "bad",
     "mentor_email": "a" * 300 + "@example.org", "format": "zeppelin", "channel": "?",
     "connection": "you are great", "preparation": "ok", "report_back": "ok"},
    {"meetings": "three", "minutes": "-5", "weeks": "0", "first_date": "2026-13-01",
     "meeting_time": "25:00", "focus": "leadership, public speaking, hiring and budgets",
     "connection": "and so on indefinitely", "channel": "email", "acquaintance": "not-yet"},
    {"first_date": "2026-02-29", "meeting_time": "incomplete", "weekday": "fri",
     "meetings": "6", "weeks": "1", "focus": "how to hire and how to fire"},
    {"first_date": "incomplete", "meeting_time": "9", "focus": "Cómo negociar mi primer "
     "salario con una oferta por escrito", "channel": "chat", "acquaintance": "well"},
)  # fmt: skip
# What the page shows from an evaluation besides the reader's own words and the drafts.
SAID = ("messages", "findings", "checklist", "missing")


def _golden_requests() -> list[dict]:
    from pathlib import Path

    golden = Path(__file__).resolve().parents[1] / "golden" / "requests.json"
    if not golden.exists():  # inside Pyodide: the tests' data files are not copied
        return []
    import json

    return [case["values"] for case in json.loads(golden.read_text(encoding="utf-8"))]


def test_every_text_the_builder_says_of_a_request_comes_from_the_catalog() -> None:
    from datetime import date

    from builder.session import evaluate
    from builder.wording.catalog import speaking

    shown = []
    with speaking(PSEUDO):
        for values in (*BAD_FORMS, *_golden_requests()):
            answer = evaluate(values, today=date(2026, 3, 2)).to_dict()
            shown += texts({key: answer[key] for key in SAID})
    assert len(shown) > 100
    assert [(where, text) for where, text in shown if not is_pseudo(text)] == []


def test_the_spanish_builder_says_its_messages_and_notes_in_spanish() -> None:
    from builder.session import evaluate
    from builder.wording.catalog import speaking

    with speaking("es"):
        answer = evaluate(BAD_FORMS[2]).to_dict()
    said = {m["text"] for found in answer["messages"].values() for m in found}
    assert "«Reuniones» debe ser un número entero, como 3." in said
    assert "Esa no es una hora del día: usa el formato de 24 horas, por ejemplo 14:00." in said
    titles = {finding["title"] for finding in answer["findings"]}
    assert {"Elige un solo tema", "Eso suena a algo sin final"} <= titles
    tips = [item["tip"]["title"] for item in answer["checklist"]]
    assert tips[0] == "Trátalo como una mentoría larga"
