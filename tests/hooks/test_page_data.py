"""sitebuild/page_data.py and texts.py: the builder's pages in the page's language.

In the pseudo-language (builder/wording/catalog.py) every label, help text, choice and
title the builder page, its "after you send" steps and the link maker are rendered
from comes back marked: one that skipped the catalog shows up as plain English.
"""

from __future__ import annotations

import pytest

from builder.wording.catalog import CATALOGS, PSEUDO, catalog, is_pseudo
from sitebuild import page_data, texts

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
    "when",
}
NOT_TEXT |= {"id", "keep_agreement", "script_data"}


def plain(data: object, where: str = "") -> list[tuple[str, str]]:
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                found += plain(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += plain(value, f"{where}[{index}]")
    elif isinstance(data, str) and data and not data.isdigit() and not is_pseudo(data):
        found.append((where, data))
    return found


def test_the_form_and_the_after_steps_are_in_the_pages_language() -> None:
    context = page_data.builder_context(PSEUDO)
    assert plain({"steps": context["steps"], "tips": context["tips"]}) == []
    assert plain([draft["title"] for draft in context["drafts"]]) == []
    assert plain(context["after"]) == []


def test_the_reply_helpers_form_is_in_the_pages_language() -> None:
    context = page_data.reply_context(PSEUDO)
    assert plain(context["steps"]) == []
    assert plain([draft["title"] for draft in context["drafts"]]) == []


def test_the_link_maker_is_in_the_pages_language() -> None:
    assert plain(page_data.link_maker_context(PSEUDO)["fields"]) == []


def test_english_pages_are_as_the_tables_write_them() -> None:
    steps = page_data.builder_context()["steps"]
    assert steps[0]["title"] == "Your focus"
    assert steps[0]["fields"][0]["label"] == "What would you like their help with?"


@pytest.mark.parametrize("language", CATALOGS)
def test_a_catalog_translates_every_text_of_the_templates_and_page_scripts(language: str) -> None:
    messages = catalog(language).messages
    assert [text for text in texts.template_texts() if text not in messages] == []
    assert [text for text in texts.script_texts_used() if text not in messages] == []


def test_the_texts_are_found_where_templates_and_scripts_show_them() -> None:
    assert "templates/partials/builder/form.html" not in texts.template_texts()
    assert "partials/builder/form.html" in texts.template_texts()["Step {n} of {total}:"]
    assert "Copied the link." in texts.script_texts_used()  # t("…"), link-maker.js
    assert "Starting the coach…" in texts.script_texts_used()  # mark("…"), the worker's
    assert "search.result.initializer" not in texts.template_texts()  # Material's lang.t


def test_a_page_in_another_language_carries_its_scripts_words_and_english_none() -> None:
    assert texts.script_texts("en") == {}
    pseudo_texts = texts.script_texts(PSEUDO)
    assert pseudo_texts
    assert all(is_pseudo(value) for value in pseudo_texts.values())
