"""The mentors' reply in another language, in Chromium, as a mentor walks it: a Spanish
protégé's link opens a Spanish reply on the English page (its summary in the page's
English), the mentor may answer in English instead and that choice survives a reload;
the Spanish page drafts in Spanish."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sitekit import other_languages

from builder.wording.catalog import translator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        "es" not in other_languages(), reason="the tested site does not offer Spanish"
    ),
]

READY = "[data-sh-reply][data-sh-ready='true']"
LINK = (
    "v=1&lg=es&f=negociar+mi+primer+salario&p=Luc%C3%ADa+G%C3%B3mez&n=Andrea&m=3&d=30&w=4"
    "&c=ayudaste+a+mi+hermana+con+lo+mismo"
)


def email(page: Page):
    return page.locator("[data-sh-draft=email] [data-sh-draft-text]")


def wait_idle(page: Page) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-sh-reply]').dataset.shBusy === 'false'"
    )


def test_a_spanish_link_opens_a_spanish_reply_the_mentor_may_answer_in_english(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    page.goto(f"{base_url}mentors/reply/#{LINK}")
    page.wait_for_selector(READY, timeout=90_000)
    summary = page.locator("[data-sh-linked]")
    expect(summary).to_contain_text("negociar mi primer salario")
    expect(summary).to_contain_text("Three 30-minute video calls over four weeks.")
    choice = page.locator("[data-sh-field=draft_language]")
    expect(choice.locator("legend")).to_have_text("Language of your reply")
    expect(choice.get_by_role("radio", name="Español")).to_be_checked()
    expect(choice.locator("span[lang=es]")).to_have_text("Español")

    page.get_by_label("Yes, as they propose").check()
    expect(email(page)).to_have_value(re.compile(r"^Hola, Lucía:"))
    expect(email(page)).to_have_value(
        re.compile("Gracias por pedirme ayuda para negociar tu primer salario.")
    )
    expect(email(page)).to_have_value(re.compile(r"Sí, me encantará ayudarte\."))
    subject = page.locator("[data-sh-draft=email] [data-sh-draft-subject]")
    expect(subject).to_have_value(re.compile("^Re: Una pequeña solicitud de mentoría – "))

    choice.get_by_role("radio", name="English").check()
    expect(email(page)).to_have_value(re.compile(r"^Hi Lucía,"))
    wait_idle(page)
    page.wait_for_timeout(500)  # the autosave waits for a pause
    page.reload()
    page.wait_for_selector(READY, timeout=90_000)
    expect(page.locator("[data-sh-field=draft_language]").get_by_role(
        "radio", name="English")).to_be_checked()  # fmt: skip
    expect(email(page)).to_have_value(re.compile(r"^Hi Lucía,"))


def test_the_spanish_reply_helper_drafts_in_spanish(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    t = translator("es")
    page.goto(f"{base_url}es/mentors/reply/", wait_until="load")
    page.wait_for_selector(READY, timeout=90_000)
    expect(email(page)).to_have_value(re.compile(r"^Hola, \[su nombre\]:"))
    choice = page.locator("[data-sh-field=draft_language]")
    expect(choice.locator("legend")).to_have_text(t("Language of your reply"))
    expect(choice.get_by_role("radio", name="Español")).to_be_checked()
    page.get_by_label(t("No"), exact=True).check()
    page.fill("#sh-field-protege_name", "Carmen")
    page.fill("#sh-field-reason", "tengo la agenda completa hasta septiembre")
    said = r"Lo siento, pero no puedo asumirlo\. Tengo la agenda completa hasta septiembre\."
    expect(email(page)).to_have_value(re.compile(said))
    expect(email(page)).to_have_value(re.compile(r"^Hola, Carmen:"))
    # Words in English: quoted as typed, and the notice beside the field says so.
    page.fill("#sh-field-reason", "my diary is full until June")
    expect(email(page)).to_have_value(
        re.compile("El motivo, en mis propias palabras: «my diary is full until June».")
    )
    notice = page.locator("[data-sh-message=reason]")
    expect(notice).to_contain_text(t("Or choose “{choice}” as the language of your reply.",
                                     choice="English"))  # fmt: skip
