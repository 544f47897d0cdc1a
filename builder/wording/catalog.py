"""The builder's words in the reader's language: one catalog per language.

Every visible string is written in English where it is used; that English text is its
key. Each other language has `builder/wording/<code>/catalog.py`: `MESSAGES`, a dict from
the English text to its translation (placeholders such as `{limit}` kept), and the
words for small numbers and for meeting lengths. `translator(code)` returns a function
that translates a text and fills in its values; a text a catalog lacks stays English,
and `tests/unit/test_catalog.py` finds any such text in a finished language.

`PSEUDO` is the pseudo-language of the tests: every text comes back accented and
lengthened (`⟦Ýôûŕ ƒôçûš·····⟧`), so a string shown without passing through a catalog
stands out as plain English.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from string import Formatter

from builder.wording import pieces

ENGLISH = "en"
PSEUDO = "qps"
# Languages with a catalog (builder/wording/<code>/catalog.py), besides English. Named
# here rather than looked for on disk: inside Pyodide the site's wheel ships bytecode
# (catalog.pyc), and a restored snapshot has no files for modules already imported.
CATALOGS = ("es",)


@dataclass(frozen=True)
class Catalog:
    messages: dict[str, str]
    number_words: tuple[str, ...]
    durations: dict[int, str]  # named meeting lengths: {30: "half an hour"}
    minutes: str  # the rest: "{n} minutes"


ENGLISH_CATALOG = Catalog(
    {}, pieces.NUMBER_WORDS,
    {30: "half an hour", 60: "an hour", 90: "an hour and a half", 120: "two hours"},
    "{n} minutes",
)  # fmt: skip


@cache
def catalog(language: str) -> Catalog:
    if language in (ENGLISH, PSEUDO):
        return ENGLISH_CATALOG
    if language not in CATALOGS:
        raise ValueError(f"no catalog for {language!r} (there are: {', '.join(CATALOGS)})")
    module = importlib.import_module(f"builder.wording.{language}.catalog")
    return Catalog(module.MESSAGES, module.NUMBER_WORDS, module.DURATIONS, module.MINUTES)


class Translator:
    """`t("Your name")`, `t("more than {n}", n=4)`, `t.number(3)`, `t.duration(30)`."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._catalog = catalog(language)
        self.asked: set[str] = set()  # every text it was asked for: the tests check these

    def __call__(self, text: str, **values: object) -> str:
        self.asked.add(text)
        found = self._catalog.messages.get(text, text)
        if self.language == PSEUDO:
            found = pseudo(text)
        return found.format(**values) if values else found

    def number(self, value: int, *, upper: bool = False) -> str:
        words = self._catalog.number_words
        said = words[value] if 0 <= value < len(words) else str(value)
        if self.language == PSEUDO:
            said = pseudo(said)
        return pieces.upper_first(said) if upper else said

    def duration(self, minutes: int, *, upper: bool = False) -> str:
        named = self._catalog.durations.get(minutes)
        said = named or self._catalog.minutes.format(n=self.number(minutes))
        if self.language == PSEUDO and named:
            said = pseudo(said)
        return pieces.upper_first(said) if upper else said


@cache
def translator(language: str) -> Translator:
    return Translator(language)


_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñôþǫŕšŧûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÔÞǪŔŠŦÛṼŴẊÝŽ",
)


def pseudo(text: str) -> str:
    """The pseudo-language: accented, a third longer, bracketed; placeholders kept."""
    parts = []
    for literal, field, spec, conversion in Formatter().parse(text):
        parts.append(literal.translate(_ACCENTED))
        if field is not None:
            parts.append("{" + field + (f"!{conversion}" if conversion else "") +
                         (f":{spec}" if spec else "") + "}")  # fmt: skip
    body = "".join(parts)
    return f"⟦{body}{'·' * (len(text) // 3)}⟧"


def is_pseudo(text: str) -> bool:
    return text.startswith("⟦") and text.endswith("⟧")
