"""Share links and saved drafts: compact, stable, and tolerant of junk."""

import json

import pytest

from builder import FIELDS, from_json, from_query, to_json, to_query
from builder.keeping.state import MAX_PAIRS
from builder.request.fields import defaults
from builder.wording.catalog import PSEUDO, is_pseudo, speaking


def texts(notices: list) -> list[str]:
    return [notice.text for notice in notices]


def test_defaults_make_a_bare_versioned_query() -> None:
    assert to_query(defaults()) == "v=1"
    assert to_query({}) == "v=1"


def test_only_changed_values_are_written() -> None:
    values = defaults() | {"focus": "how to run an interview", "meetings": "2"}
    assert to_query(values) == "v=1&f=how+to+run+an+interview&m=2"


def test_query_round_trip(strong_values: dict[str, str]) -> None:
    values, notices = from_query(to_query(strong_values))
    assert values == strong_values
    assert notices == []


def test_json_round_trip(strong_values: dict[str, str]) -> None:
    values, notices = from_json(to_json(strong_values))
    assert values == strong_values
    assert notices == []


def test_json_shape(strong_values: dict[str, str]) -> None:
    data = json.loads(to_json(strong_values))
    assert data == {"version": 1, "values": strong_values}


def test_query_keeps_unicode_and_newlines() -> None:
    values = defaults() | {"focus": "wie ich Kundengespräche führe 👩🏽‍💻", "preparation": "a\nb"}
    assert from_query(to_query(values))[0] == values


@pytest.mark.parametrize(
    "prefix", ["?", "#", "https://example.org/builder/?", "https://example.org/builder/#"]
)
def test_query_may_come_with_a_prefix(prefix: str) -> None:
    values, notices = from_query(f"{prefix}v=1&m=2&f=hello+there+friend")
    assert values["meetings"] == "2"
    assert values["focus"] == "hello there friend"
    assert notices == []


def test_unknown_keys_are_ignored() -> None:
    values, notices = from_query("v=1&utm_source=x&zzz=&m=2")
    assert values == defaults() | {"meetings": "2"}
    assert notices == []


def test_first_of_repeated_keys_wins() -> None:
    assert from_query("m=2&m=5")[0]["meetings"] == "2"


def test_missing_version_is_read_as_current() -> None:
    values, notices = from_query("m=2")
    assert values["meetings"] == "2"
    assert notices == []


@pytest.mark.parametrize("version", ["2", "99", "abc", ""])
def test_other_version_is_read_best_effort(version: str) -> None:
    values, notices = from_query(f"v={version}&m=2")
    assert values["meetings"] == "2"
    assert texts(notices) == [
        "This link was made by a different version of the builder; everything that could be "
        "read was kept."
    ]


@pytest.mark.parametrize("bad", ["3x", "", "0", "13", "-1", "1.5", "9" * 50])
def test_bad_number_in_link_falls_back_to_default(bad: str) -> None:
    values, notices = from_query(f"v=1&m={bad}")
    assert values["meetings"] == "3"
    assert texts(notices) == [
        "Meetings in the link wasn't a whole number from 1 to 12, so it was set to 3."
    ]


def test_number_in_link_is_made_canonical() -> None:
    assert from_query("m=%2B04")[0]["meetings"] == "4"


def test_bad_choice_in_link_falls_back_to_default() -> None:
    values, notices = from_query("fm=pigeon&t=WARM")
    assert (values["format"], values["tone"]) == ("video", "warm")
    assert texts(notices) == [
        "Format in the link wasn't one of the choices, so it was set to Video call.",
        "Tone in the link wasn't one of the choices, so it was set to Warm.",
    ]


def test_long_text_is_cut_with_a_notice() -> None:
    values, notices = from_query("f=" + "a" * 500)
    assert values["focus"] == "a" * 200
    assert texts(notices) == ["Focus was cut to 200 characters."]


def test_control_characters_are_dropped_from_links() -> None:
    values, _ = from_query("n=Ma%00ria%0A&c=line1%0D%0Aline2")
    assert values["mentor_name"] == "Maria "
    assert values["connection"] == "line1\nline2"


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "&&&",
        "=",
        "%",
        "%zz",
        "v",
        "m=%FF%FE",
        "a=1;b=2",
        "?#?#",
        "\x00",
        "f=%E2%28%A1",
        "&".join(["m=2"] * 10_000),
        "x" * 100_000,
    ],
)
def test_junk_queries_do_not_raise(junk: str) -> None:
    values, notices = from_query(junk)
    assert set(values) == {f.name for f in FIELDS}
    assert all(isinstance(value, str) for value in values.values())
    assert all(notice.severity == "notice" for notice in notices)


@pytest.mark.parametrize("junk", [None, 5, ["v=1"], {"v": 1}, object()])
def test_non_string_query(junk: object) -> None:
    values, _ = from_query(junk)
    assert values == defaults()


def test_bytes_query() -> None:
    assert from_query(b"m=2")[0]["meetings"] == "2"


def test_only_the_first_pairs_are_read() -> None:
    query = "&".join(["zz=1"] * MAX_PAIRS) + "&m=2"
    assert from_query(query)[0]["meetings"] == "3"


def test_json_keeps_half_typed_input() -> None:
    values = defaults() | {"meetings": "3x", "weeks": "", "focus": "how to "}
    assert from_json(to_json(values)) == (values, [])


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "{",
        "null",
        "[]",
        "42",
        '"text"',
        '{"version": 1}',
        '{"values": []}',
        "[" * 100_000,
        '{"values": ' * 50_000,
        "\ud800",
        "x" * 2_000_000,
    ],
)
def test_invalid_json_starts_fresh(junk: str) -> None:
    values, notices = from_json(junk)
    assert values == defaults()
    assert texts(notices) == ["The saved draft couldn't be read, so the form starts fresh."]


@pytest.mark.parametrize("junk", [None, 5, b"\xff\xfe", ["x"]])
def test_non_string_json(junk: object) -> None:
    values, _ = from_json(junk)
    assert values == defaults()


def test_json_values_of_other_types() -> None:
    text = json.dumps(
        {
            "version": 1,
            "values": {
                "meetings": 4,
                "minutes": 45.0,
                "focus": None,
                "weeks": [1],
                "tone": {"a": 1},
                "x": "y",
            },
        }
    )
    values, notices = from_json(text)
    assert values["meetings"] == "4"
    assert values["minutes"] == "45"
    assert values["focus"] == ""
    assert values["weeks"] == "4"
    assert values["tone"] == "warm"
    assert texts(notices) == [
        "Weeks in the saved draft couldn't be read, so it was reset.",
        "Tone in the saved draft couldn't be read, so it was reset.",
    ]


def test_json_from_another_version() -> None:
    values, notices = from_json('{"version": 7, "values": {"focus": "how to pitch well"}}')
    assert values["focus"] == "how to pitch well"
    assert texts(notices) == [
        "This saved draft was made by a different version of the builder; everything that "
        "could be read was kept."
    ]


def test_json_cuts_long_text() -> None:
    values, notices = from_json(json.dumps({"version": 1, "values": {"outcome": "é" * 400}}))
    assert values["outcome"] == "é" * 300
    assert texts(notices) == ["Outcome was cut to 300 characters."]


def test_to_json_and_to_query_accept_junk() -> None:
    assert json.loads(to_json(None)) == {"version": 1, "values": defaults()}
    assert to_query(["x"]) == "v=1"
    assert to_query({"focus": ["x"], "meetings": object()}) == "v=1"


def test_to_json_drops_lone_surrogates() -> None:
    text = to_json({"focus": "a\ud800b"})
    text.encode("utf-8")
    assert from_json(text)[0]["focus"] == "ab"


def test_deep_nesting_is_refused_before_parsing() -> None:
    deep = json.dumps(
        {"version": 1, "values": {"focus": "x"}, "extra": [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]}
    )
    values, notices = from_json(deep)
    assert values == defaults()
    assert texts(notices) == ["The saved draft couldn't be read, so the form starts fresh."]


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    focus = '[[[[[[[[[[[[[[[[[[[[ {{{{{{{{{{{{{{{{{{{{ \\" ['
    values, notices = from_json(json.dumps({"version": 1, "values": {"focus": focus}}))
    assert values["focus"] == focus
    assert notices == []


def said_of_links(language: str) -> list[str]:
    """The notices a broken link and a broken saved draft bring, in `language`."""
    with speaking(language):
        notices = from_query("v=2&m=13&fm=pigeon&f=" + "a" * 500 + "&sd=2026-02-30")[1]
        notices += from_json('{"version": 7, "values": {"tone": 4, "meetings": [1]}}')[1]
        notices += from_query(5)[1] + from_json("{broken")[1]
    return texts(notices)


def test_links_and_saved_drafts_are_read_out_in_spanish() -> None:
    assert said_of_links("es") == [
        "Este enlace se creó con otra versión del redactor; se conservó todo lo que se pudo leer.",
        "«Reuniones» del enlace no era un número entero del 1 al 12, así que se cambió a 3.",
        "«Formato» del enlace no era una de las opciones, así que se cambió a «Videollamada».",
        "«Objetivo» se recortó a 200 caracteres.",
        "«Primera fecha» del enlace no se pudo leer, así que se dejó en blanco.",
        "Este borrador guardado se creó con otra versión del redactor; se conservó todo lo que "
        "se pudo leer.",
        "«Reuniones» del borrador guardado no se pudo leer, así que se dejó el valor "
        "predeterminado.",
        "No se pudo leer el enlace, así que el formulario empieza en blanco.",
        "No se pudo leer el borrador guardado, así que el formulario empieza en blanco.",
    ]


def test_every_notice_about_links_comes_from_the_catalog() -> None:
    shown = said_of_links(PSEUDO)
    assert len(shown) == 9
    assert [text for text in shown if not is_pseudo(text)] == []
