"""The builder's words in other languages (builder/wording/catalog.py).

- In the pseudo-language every text the form is rendered from comes back marked, so a
  visible string that skips the catalog shows up here as plain English.
- Spanish has a translation for every text the form uses, and the numbers in its help
  texts agree with their nouns.
- English is what the code writes, untouched.
"""

from __future__ import annotations

import pytest

from builder.mentor import reply_fields_as_data
from builder.request.fields import FIELDS, fields_as_data
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
    assert [(where, text) for where, text in shown if not is_pseudo(text)] == []


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
        assert english[field.name]["label"] == field.label
        assert english[field.name]["help"] == field.help
    assert (
        english["meetings"]["help"]
        == "Three is plenty for one small goal; more than four is no longer micro."
    )


def test_an_unknown_language_says_which_there_are() -> None:
    with pytest.raises(ValueError, match="no catalog for 'xx' \\(there are: es\\)"):
        catalog.catalog("xx")
