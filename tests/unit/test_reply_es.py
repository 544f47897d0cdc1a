"""The mentors' reply in Spanish: its language as a choice (the page's at first, the
protégé's from their link), the Spanish templates and tones, and the mentor's words
fitted only when their shape is sure (builder/wording/es/reply_fitting.py)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from builder.mentor import evaluate_reply
from builder.mentor.drafts import render_reply, reply_language
from builder.mentor.reply import Reply
from builder.wording.catalog import PSEUDO, speaking
from builder.wording.es.reply_fitting import REPLY_FIELDS, _kind, fit_reply
from builder.wording.es.reply_frames import REPLY_SLOTS

LINK = (
    "v=1&lg=es&f=negociar+mi+primer+salario&p=Luc%C3%ADa+G%C3%B3mez&n=Andrea&m=3&d=30&w=4"
    "&sd=2027-03-02&wd=tue&at=12%3A30"
)
REPLY = Reply(protege_name="Lucía", mentor_name="Andrea", focus="negociar mi primer salario",
              meetings=3, minutes=30, weeks=4, format="video", draft_language="es")  # fmt: skip


def email(reply: Reply) -> str:
    return render_reply(reply)["email"].text


def test_the_reply_is_in_the_chosen_language_else_the_pages() -> None:
    assert reply_language("es") == "es"
    assert reply_language("") == "en"
    with speaking("es"):
        assert reply_language("") == "es"
        assert reply_language("en") == "en"
    with speaking(PSEUDO):
        assert reply_language("") == "en"  # no drafts in the pseudo-language


def test_a_spanish_link_opens_a_spanish_reply_on_an_english_page() -> None:
    result = evaluate_reply({"response": "yes"}, request=LINK, opened=True,
                            today=date(2026, 12, 6))  # fmt: skip
    assert result["values"]["draft_language"] == "es"
    text = result["drafts"]["email"]["text"]
    assert text.startswith("Hola, Lucía:")
    assert (
        "El martes 2 de marzo de 2027 a las 12:30 me viene bien para nuestra primera llamada."
        in text
    )
    # The subject answers the protégé's Spanish email; the summary is the page's English.
    assert result["drafts"]["email"]["subject"].startswith("Re: Una pequeña solicitud de mentoría")
    rows = {row["label"]: row["text"] for row in result["request"]["rows"]}
    assert rows["Time box"] == "Three 30-minute video calls over four weeks."


def test_the_mentors_own_language_is_kept_and_a_link_without_one_leaves_the_pages() -> None:
    mine = {"response": "yes", "draft_language": "en"}
    with speaking("es"):
        kept = evaluate_reply(mine, request=LINK, opened=True)
        assert kept["values"]["draft_language"] == "en"
        assert kept["drafts"]["email"]["text"].startswith("Hi Lucía,")
        page = {"response": "yes", "draft_language": "es"}
        unchosen = evaluate_reply(page, request=LINK.replace("lg=es&", ""), opened=True)
        assert unchosen["values"]["draft_language"] == "es"
        rows = {row["label"]: row["text"] for row in unchosen["request"]["rows"]}
        assert rows["Plazo"] == "Tres videollamadas de 30 minutos en cuatro semanas."
    # On the English page, the page's own "en" is not the mentor's choice: the link's wins.
    followed = evaluate_reply({"response": "yes", "draft_language": "en"}, request=LINK,
                              opened=True)  # fmt: skip
    assert followed["values"]["draft_language"] == "es"


@pytest.mark.parametrize(
    ("tone", "hello", "yes", "sign_off"),
    [
        ("warm", "Hola, Lucía:", "Sí, me encantará ayudarte.", "Un saludo,"),
        ("formal", "Buenos días, Lucía:", "Con mucho gusto le ayudaré.", "Atentamente,"),
        ("casual", "¡Hola, Lucía!", "¡Claro que sí, cuenta conmigo!", "¡Saludos!"),
    ],
)
def test_each_tone_has_its_greeting_answer_and_sign_off(
    tone: str, hello: str, yes: str, sign_off: str
) -> None:
    text = email(dataclasses.replace(REPLY, tone=tone, response="yes"))
    assert text.startswith(hello)
    assert yes in text
    assert f"{sign_off}\nAndrea" in text


def test_the_focus_is_said_back_in_the_replys_register_or_thanked_in_general() -> None:
    assert (
        fit_reply("focus", "negociar mi primer salario", "tu").core == "negociar tu primer salario"
    )
    assert fit_reply("focus", "negociar mis primeros contratos", "usted").core == (
        "negociar sus primeros contratos"
    )
    assert fit_reply("focus", "Quiero preparar mi entrevista", "tu").kind == "verb"
    for unsure in ("prepararme para la entrevista", "que me expliques SQL", "delegar. no sé",
                   "me cuesta delegar", "how to price my work", ""):  # fmt: skip
        assert fit_reply("focus", unsure, "tu").kind == "general", unsure
    # The mentor's own summary ("Le gustaría que le ayudaras a …") says "su": fine for usted.
    assert fit_reply("focus", "preparar su entrevista", "usted").kind == "verb"
    assert fit_reply("focus", "preparar su entrevista", "tu").kind == "general"
    text = email(dataclasses.replace(REPLY, focus="me cuesta delegar"))
    assert "Gracias por tu mensaje y por pensar en mí." in text


NOT_ME = "No soy la persona más indicada para esto, pero te sugiero que hables con Laura"
EXAMPLES = [
    ("date_instead", "¿Qué tal el jueves 4 a las 16:00?", "time",
     "¿Qué tal el jueves 4 a las 16:00?"),
    ("date_instead", "me viene mejor por la tarde", "plain",
     "Lo que me vendría bien: por la tarde."),
    ("first_step", "Para empezar, ¿podrías mandarme tu CV?", "verb",
     "Para empezar, ¿podrías mandarme tu CV?"),
    ("first_step", "mándame tu CV", "plain", "Para empezar: mándame tu CV."),
    ("narrower", "en el guion de la charla", "thing",
     "Te propongo que nos centremos en el guion de la charla."),
    ("later", "Podría volver a verlo en primavera", "when",
     "Podría volver a verlo en primavera."),
    ("later", "Q3", "plain", "Un momento que quizá me venga mejor: Q3."),
    ("reason", "porque estoy de viaje todo el trimestre", "clause",
     "Estoy de viaje todo el trimestre."),
    ("reason", "falta de tiempo", "plain", "El motivo: falta de tiempo."),
    ("referral_why", "llevó nuestro equipo de precios", "who",
     f"{NOT_ME}, que llevó nuestro equipo de precios."),
    ("referral_why", "experta en precios", "plain", f"{NOT_ME}. Por qué: experta en precios."),
]  # fmt: skip


@pytest.mark.parametrize(("field", "typed", "kind", "sentence"), EXAMPLES)
def test_a_detail_is_fitted_only_when_its_shape_is_sure(
    field: str, typed: str, kind: str, sentence: str
) -> None:
    from builder.wording.tables import say

    fitted = fit_reply(field, typed, "tu")
    assert fitted.kind == kind
    assert say(f"{field}.reply", fitted, "tu", REPLY_SLOTS, person="Laura") == sentence


def test_every_shape_has_a_frame_in_both_registers() -> None:
    kinds = {"time", "plain", "verb", "thing", "when", "clause", "who", "foreign"}
    for field in REPLY_FIELDS:
        slot = REPLY_SLOTS[f"{field}.reply"]
        assert {"plain", "foreign"} <= set(slot)
        for kind in slot:
            assert kind in kinds
            assert set(slot[kind]) == {"tu", "usted"}
    assert set(REPLY_SLOTS["focus.reply"]) == {"verb", "howto", "topic", "general"}
    assert _kind("reason", [], "") == "plain"


def test_a_time_in_figures_alone_is_kept_as_typed() -> None:
    reply = dataclasses.replace(REPLY, response="yes", first_date="martes 2 de marzo",
                                date_answer="counter", date_instead="14:00")  # fmt: skip
    assert (
        "no me viene bien para nuestra primera llamada, lo siento. Lo que me vendría bien: 14:00."
        in email(reply)
    )


def test_the_formal_reply_says_usted_and_the_coordinator_is_offered_in_spanish() -> None:
    from builder.mentor import context_tables
    from builder.settings import Program
    from builder.wording.es.drafting import DRAFTING

    program = Program(coordinator="Marta", coordinator_email="marta@example.org", name="Puentes")
    reply = dataclasses.replace(REPLY, tone="formal", response="no")
    facts = context_tables.reply_context(DRAFTING, reply, program)
    assert facts["coordinator"] == (
        "Marta, que coordina Puentes, quizá pueda sugerirle a alguien: marta@example.org."
    )
    assert "Lamento no poder asumirlo." in email(reply)


def test_a_detail_in_the_other_language_gets_a_notice_that_suggests_it() -> None:
    from builder.mentor.notices import language_notices

    english = dataclasses.replace(REPLY, response="no", reason="I'm already mentoring two people")
    (notice,) = language_notices(english, ["en", "es"])
    assert notice.field == "reason"
    assert notice.text.startswith("This looks like English. The drafts are in Spanish")
    assert notice.text.endswith("Or choose “English” as the language of your reply.")
    spanish = dataclasses.replace(english, draft_language="en", reason="ya acompaño a dos personas")
    (notice,) = language_notices(spanish, ["en", "es"])
    assert notice.text.startswith("This looks like Spanish. The drafts are in English")
    assert notice.text.endswith("Or choose “Español” as the language of your reply.")
    assert not language_notices(spanish, ["en"])[0].text.endswith("of your reply.")
    # Words in the reply's own language, and details of other answers, say nothing.
    assert (
        language_notices(dataclasses.replace(english, reason="estoy de viaje"), ["en", "es"]) == []
    )
    assert language_notices(dataclasses.replace(english, response="yes"), ["en", "es"]) == []
    with speaking("es"):
        (notice,) = language_notices(english, ["en", "es"])
    assert notice.text.endswith("O elige «English» como idioma de tu respuesta.")
