"""The builder's words in the reader's language: one catalog per language.

Every visible string is written in English where it is used; that English text is its
key. Each other language has `builder/wording/<code>/catalog.py`: `MESSAGES`, a dict from
the English text to its translation (placeholders such as `{limit}` kept), and the
words for small numbers and for meeting lengths. `translator(code)` returns a function
that translates a text and fills in its values; a text a catalog lacks stays English,
and `tests/unit/test_catalog.py` finds any such text in a finished language.

What Python says while the reader works (a field's message, a coaching note) is said
with `say("…")` in the language `speaking(code)` has set for the call: `builder.web`
sets it from the page's language for each message, so the rules need no language
argument threaded through them. A table's text, said later by its variable, is marked
where it is written with `to_say("…")`.

`PSEUDO` is the pseudo-language of the tests: every text comes back accented and
lengthened (`⟦Ýôûŕ ƒôçûš·····⟧`), so a string shown without passing through a catalog
stands out as plain English.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, time
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
    weekdays: tuple[str, ...]  # Monday first, as a date names them in a sentence
    months: tuple[str, ...]
    day: str  # a day: "{weekday} {day} {month}"
    day_in_year: str  # a day in another year than today's: "{date} {year}"


ENGLISH_CATALOG = Catalog(
    {}, pieces.NUMBER_WORDS,
    {30: "half an hour", 60: "an hour", 90: "an hour and a half", 120: "two hours"},
    "{n} minutes",
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"),
    "{weekday} {day} {month}",
    "{date} {year}",
)  # fmt: skip


@cache
def catalog(language: str) -> Catalog:
    if language in (ENGLISH, PSEUDO):
        return ENGLISH_CATALOG
    if language not in CATALOGS:
        raise ValueError(f"no catalog for {language!r} (there are: {', '.join(CATALOGS)})")
    module = importlib.import_module(f"builder.wording.{language}.catalog")
    return Catalog(
        module.MESSAGES, module.NUMBER_WORDS, module.DURATIONS, module.MINUTES,
        module.WEEKDAYS, module.MONTHS, module.DAY, module.DAY_IN_YEAR,
    )  # fmt: skip


class Translator:
    """`t("Your name")`, `t("more than {n}", n=4)`, `t.number(3)`, `t.duration(30)`,
    `t.day(date(2026, 1, 13))`, `t.series(["a", "b", "c"])`."""

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

    def day(self, day: date, today: date | None = None) -> str:
        """ "Tuesday 13 January", "martes 13 de enero": with the year when it is not
        today's (the drafts have their own, in builder/request/dates.py)."""
        c = self._catalog
        said = c.day.format(weekday=c.weekdays[day.weekday()], day=day.day,
                            month=c.months[day.month - 1])  # fmt: skip
        if today is not None and day.year != today.year:
            said = c.day_in_year.format(date=said, year=day.year)
        return pseudo(said) if self.language == PSEUDO else said

    def when(self, day: date, at: time | None, today: date | None = None) -> str:
        """A day, and its time if one was picked: "Tuesday 13 January at 14:00"."""
        said = self.day(day, today)
        return self(to_say("{day} at {time}"), day=said, time=f"{at:%H:%M}") if at else said

    def series(self, items: Sequence[str]) -> str:
        """ "a, b and c"."""
        if len(items) <= 1:
            return "".join(items)
        return self(to_say("{items} and {last}"), items=", ".join(items[:-1]), last=items[-1])


@cache
def translator(language: str) -> Translator:
    return Translator(language)


def known(language: object) -> bool:
    return language in (ENGLISH, PSEUDO, *CATALOGS)


_SPEAKING: ContextVar[str] = ContextVar("speaking", default=ENGLISH)


@contextmanager
def speaking(language: object) -> Iterator[Translator]:
    """Within the block, `say` speaks `language` (English for one it has no catalog for)."""
    token = _SPEAKING.set(language if isinstance(language, str) and known(language) else ENGLISH)
    try:
        yield translator(_SPEAKING.get())
    finally:
        _SPEAKING.reset(token)


def spoken() -> Translator:
    """The translator of the language being spoken (see `speaking`)."""
    return translator(_SPEAKING.get())


def say(text: str, **values: object) -> str:
    """`text` (English, the catalog's key) in the language being spoken, values filled in."""
    return spoken()(text, **values)


def to_say(text: str) -> str:
    """Marks a table's text as one `say` is given later (gettext's `N_`): returned as is,
    and found by the tools that list what a catalog must translate."""
    return text


def merged(*tables: Mapping[str, str]) -> dict[str, str]:
    """One catalog from a language's per-part tables; a text given two translations is a
    mistake, stopped here rather than left to whichever table came last."""
    whole: dict[str, str] = {}
    for table in tables:
        for english, translated in table.items():
            if whole.setdefault(english, translated) != translated:
                raise ValueError(f"two translations of {english!r}")
    return whole


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
