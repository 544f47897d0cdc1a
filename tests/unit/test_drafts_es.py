"""The Spanish drafts: the drafts' language as a choice, the Spanish fitting's rows and
shapes (builder/wording/es/fitting.py), and the wording checks that read them
(wording_checks_es.py) catching what they are there for."""

from __future__ import annotations

import pytest
from wording_checks_es import problems

import builder
from builder.request.drafts import draft_language
from builder.request.validate import validate
from builder.wording.catalog import speaking
from builder.wording.es.fitting import LEAD_INS, fit

AROUND = {"protege_name": "Ana", "mentor_name": "Luis", "focus": "negociar mi salario"}


@pytest.mark.parametrize(
    ("field", "lead"), [(field, lead) for field, rows in LEAD_INS.items() for lead in rows]
)
def test_each_lead_in_drops_from_its_own_example(field: str, lead) -> None:
    assert lead.pattern.match(lead.example), lead.example


@pytest.mark.parametrize(
    ("field", "text", "kind", "core"),
    [
        ("focus", "Negociar mi primer salario.", "verb", "negociar mi primer salario"),
        ("focus", "Me gustaría aprender a negociar", "verb", "aprender a negociar"),
        ("focus", "cómo dirigir una retro", "howto", "cómo dirigir una retro"),
        ("focus", "funciones de ventana en SQL", "plain", "funciones de ventana en SQL"),
        ("focus", "Liderazgo", "plain", "Liderazgo"),
        ("focus", "how to run a retro", "foreign", "how to run a retro"),
        ("outcome", "cuando tenga la oferta firmada", "when", "tenga la oferta firmada"),
        ("outcome", "Una oferta firmada", "plain", "una oferta firmada"),
        ("connection", "Te lo pido porque Somos colegas", "because", "somos colegas"),
        ("connection", "experiencia en licitaciones", "plain", "experiencia en licitaciones"),
        ("preparation", "Te enviaré mis notas", "future", "te enviaré mis notas"),
        ("preparation", "enviarte mis notas", "verb", "enviarte mis notas"),
        ("report_back", "qué probé y qué pasó", "topic", "qué probé y qué pasó"),
        ("report_back", "mandarte un resumen", "plain", "mandarte un resumen"),
    ],
)
def test_a_phrase_is_fitted_only_when_its_shape_is_sure(
    field: str, text: str, kind: str, core: str
) -> None:
    fitted = fit(field, text)
    assert (fitted.kind, fitted.core) == (kind, core)


def test_a_line_that_goes_on_is_one_sentence_and_a_list_is_a_series() -> None:
    assert fit("preparation", "mandarte un resumen\ny las dudas").core == (
        "mandarte un resumen y las dudas"
    )
    assert fit("report_back", "- qué probé\n- qué pasó\n- qué cambiaría").core == (
        "qué probé, qué pasó y qué cambiaría"
    )


def test_the_drafts_language_is_the_readers_choice_else_the_pages() -> None:
    request = validate({**AROUND})[0]
    assert draft_language(request) == "en"
    with speaking("es"):
        assert draft_language(request) == "es"
        assert draft_language(validate({**AROUND, "draft_language": "en"})[0]) == "en"
    assert draft_language(validate({**AROUND, "draft_language": "es"})[0]) == "es"


def test_spanish_drafts_say_tu_or_usted_by_tone() -> None:
    warm = builder.evaluate({**AROUND, "draft_language": "es"}).to_dict()["drafts"]
    formal = builder.evaluate({**AROUND, "draft_language": "es", "tone": "formal"}).to_dict()
    assert "Me gustaría que me ayudaras a negociar mi salario." in warm["email"]["text"]
    email = formal["drafts"]["email"]["text"]
    assert "Me gustaría que me ayudara a negociar mi salario." in email
    assert email.startswith("Buenos días, Luis:")
    assert problems(email, AROUND.values(), "usted") == []


def test_a_link_carries_the_drafts_language() -> None:
    answer = builder.evaluate({**AROUND, "draft_language": "es"}).to_dict()
    assert "lg=es" in answer["query"]
    from builder.keeping.state import from_query

    assert from_query(answer["query"])[0]["draft_language"] == "es"


@pytest.mark.parametrize(
    ("text", "register", "found"),
    [
        ("Hola, Luis:\nTe escribo porque porque sí.", "tu", "frame repeated"),
        ("Hola, Luis:\nGracias gracias por todo.", "tu", "doubled word"),
        ("Buenos días, Luis:\nSi te viene bien, dímelo.", "usted", "tú in a usted draft"),
        ("Hola, Luis:\nLe agradezco su tiempo.", "tu", "usted in a tu draft"),
        ("Hola:\nDespués del primer llamada, terminamos.", "tu", "agreement"),
        ("Hola:\nAntes de cada reunión, I'll send notes.", "tu", "English frame word"),
        ("Hola:\nCómo me prepararé: notas,.", "tu", "punctuation"),
    ],
)
def test_the_spanish_wording_checks_catch_what_they_are_for(
    text: str, register: str, found: str
) -> None:
    assert any(problem.startswith(found) for problem in problems(text, (), register))


def test_the_readers_own_words_are_theirs_to_write() -> None:
    text = "Buenos días, Luis:\nLe escribo a usted porque tu equipo es el mejor."
    assert problems(text, ["tu equipo es el mejor"], "usted") == []
