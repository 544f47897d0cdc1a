"""Text cleaning and the small wording helpers the templates use."""

import pytest

from builder.text import clean, coerce, parse_whole_number, shorten
from builder.wording import pieces as wording


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("x", "x"),
        (3, "3"),
        (3.0, "3"),
        (2.5, "2.5"),
        (True, None),
        ([], None),
        ({}, None),
        (float("nan"), None),
        (10**30, None),
        (b"x", None),
    ],
)
def test_coerce(value: object, expected: str | None) -> None:
    assert coerce(value) == expected


def test_clean_is_idempotent() -> None:
    text = "a\r\nb\rc\u2028d\x00e\u0301\ud800"
    once = clean(text, multiline=True)
    assert once == "a\nb\nc\nd\u00e9"
    assert clean(once, multiline=True) == once
    assert clean(text, multiline=False) == "a b c d\u00e9"


def test_clean_keeps_surrounding_space_while_typing() -> None:
    assert clean("how to ", multiline=False) == "how to "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        (" 12 ", 12),
        ("+4", 4),
        ("٣", 3),
        ("", None),
        ("3x", None),
        ("-1", None),
        ("1.0", None),
        ("1" * 19, None),
    ],
)
def test_parse_whole_number(text: str, expected: int | None) -> None:
    assert parse_whole_number(text) == expected


def test_shorten() -> None:
    assert shorten("short", 60) == "short"
    long = "how to run " + "very " * 20 + "long interviews"
    cut = shorten(long, 30)
    assert len(cut) <= 30
    assert cut.endswith("…")
    assert shorten("x" * 100, 10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("done", "done."),
        ("done.", "done."),
        ("done!", "done!"),
        ("done?", "done?"),
        ("done,", "done."),
        ('"done."', '"done."'),
        ("完成了。", "完成了。"),
        ("", ""),
        ("done  ", "done."),
    ],
)
def test_sentence(text: str, expected: str) -> None:
    assert wording.sentence(text) == expected


def test_bare() -> None:
    assert wording.bare("how to pitch. ") == "how to pitch"
    assert wording.bare("really?!") == "really"
    assert wording.bare("notes, slides etc.") == "notes, slides etc"
    assert wording.bare('"Crucial Conversations".') == '"Crucial Conversations"'


def test_sentence_keeps_an_abbreviation_s_full_stop() -> None:
    assert wording.sentence("notes, slides etc.") == "notes, slides etc."
    assert wording.sentence("notes, slides etc..") == "notes, slides etc."
    assert wording.sentence("and then...") == "and then..."


def test_fence_outgrows_backticks_in_the_text() -> None:
    assert wording.fence("plain") == "```text\nplain\n```"
    fenced = wording.fence("has ```` four")
    assert fenced.startswith("`````text\n")
    assert fenced.endswith("\n`````")


def test_numbers_and_ordinals() -> None:
    assert wording.number(3) == "three"
    assert wording.number(12) == "twelve"
    assert wording.number(26) == "26"
    assert [wording.ordinal(n) for n in (1, 3, 12, 13, 21, 22, 23, 111)] == [
        "first",
        "third",
        "twelfth",
        "13th",
        "21st",
        "22nd",
        "23rd",
        "111th",
    ]


def test_every_tone_and_format_is_complete() -> None:
    assert set(wording.TONES) == {"warm", "formal", "casual"}
    assert set(wording.FORMAT_WORDS) == {"video", "in-person", "phone", "chat"}
