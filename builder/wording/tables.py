"""A language's drafts as tables: everything but English is drafted from one of these.

A language with drafts has a `builder/wording/<code>/drafting.py` whose `DRAFTING` is a
`Drafting`: its tones (the request's and the reply's), its words for the meetings,
numbers and order, the blanks left for what is missing, the sentence pieces the drafts'
facts are made of (`phrases`), and its frames for the reader's words (`slots`, the
reply's `reply_slots`), with the lead-ins each frame already says. Its templates are
`builder/templates/<code>/`. The facts are computed once for every such language
(`builder.request.context_tables`, `builder.after.context_tables`,
`builder.mentor.context_tables`), so a new language's drafts are translation and tables.

How the reader's words are read is the table's `fit` and `fit_reply`: a language
without a reading of its own puts every phrase into the plain frames (`plain_fit`, which
holds any phrase after a colon and quotes text in another language as typed); Spanish
has a confident reading (`builder.wording.es.fitting`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from builder.wording.fitting import Fit
from builder.wording.languages import ENGLISH as ENGLISH_WORDS
from builder.wording.languages import STOPWORDS, detect
from builder.wording.pieces import bare

# Reads a field's text for its frames: field, text, names a phrase may start with.
Reader = Callable[..., Fit]
Phrase = str | Mapping[str, str]  # one text, or one per register ("tu", "usted")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH = "en"  # drafted by its own modules


@dataclass(frozen=True, slots=True)
class Tone:
    """What a tone changes in the request and the drafts after it. `register` names the
    form of address (Spanish: "tu" or "usted"); `hello`, `chat_hello` and `spoken_hello`
    take the name."""

    register: str
    hello: str
    chat_hello: str
    spoken_hello: str
    opener: str
    easy_no: str
    easy_no_short: str
    thanks: str
    grateful: str
    no_reply: str
    sign_off: str
    subject: str
    ask_moment: str
    said_no: str
    glad: str  # after a yes
    understood: str  # after a no
    once_more: str  # the one follow-up
    no_pressure: str  # and how it lets them off
    said_yes: str  # the written summary after a yes in person ({on}: " on Tuesday")
    heard_out: str  # "let me think about it", said in person ({on} as above)


@dataclass(frozen=True, slots=True)
class ReplyTone:
    """What a tone changes in a mentor's reply; `hello` and `chat_hello` take the name."""

    register: str
    hello: str
    chat_hello: str
    yes: str
    smaller: str
    smaller_same: str
    no_pressure: str
    afraid: str  # after a first date that does not suit
    not_now: str
    ask_again: str
    sorry_not_now: str
    no: str
    mention_me: str
    good_luck: str
    sign_off: str
    subject: str


@dataclass(frozen=True, eq=False, repr=False)  # hashed as itself: the caches key on it
class Drafting:
    """A language's drafts, as tables (see the module's notes)."""

    code: str
    name: str  # in the language itself: "Español"
    tones: Mapping[str, Tone]
    reply_tones: Mapping[str, ReplyTone]
    # format value -> (one, many, short one, short many): "video call", "call"…
    formats: Mapping[str, tuple[str, str, str, str]]
    plain_format: tuple[str, str, str, str]  # a meeting of no stated format
    numbers: tuple[str, ...]  # 0, 1, 2… as words; figures past the table's end
    ordinals: tuple[str, ...]  # "", first, second…
    blanks: Mapping[str, str]  # what is missing: mentor_name, protege_name, count…
    reply_blanks: Mapping[str, str]  # protege, mentor, person
    phrases: Mapping[str, Phrase]
    slots: Mapping[str, Mapping[str, Mapping[str, str]]]  # slot -> kind -> register -> frame
    reply_slots: Mapping[str, Mapping[str, Mapping[str, str]]]
    after_subjects: Mapping[str, str]  # the drafts after the ask: their subject lines
    lead_ins: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    fit: Reader | None = None  # the confident reading; plain frames without one
    fit_reply: Reader | None = None
    speaking_rate: float = 2.5  # words a second, said aloud

    def phrase(self, key: str, register: str = "", **values: object) -> str:
        """A sentence piece, in a register where it has one per register."""
        text = self.phrases[key]
        if not isinstance(text, str):
            text = text[register]
        return text.format(**values) if values else text

    def number(self, value: int) -> str:
        """ "three" for 3 (as the table says it), "14" for 14."""
        return self.numbers[value] if 0 <= value < len(self.numbers) else str(value)

    def ordinal(self, value: int) -> str:
        if 0 < value < len(self.ordinals):
            return self.ordinals[value]
        return self.phrase("ordinal_figure", n=value)

    def timebox(
        self, meetings: int | None, minutes: int | None, weeks: int | None, one: str, many: str
    ) -> str:
        """ "three video calls of 30 minutes over four weeks", with blanks for what is
        missing."""
        values = {
            "count": self.number(meetings) if meetings else self.blanks["count"],
            "nouns": one if meetings == 1 else many,
            "minutes": minutes if minutes else self.blanks["minutes"],
            "weeks": self.number(weeks) if weeks else self.blanks["count"],
            "week_word": self.phrase("week" if weeks == 1 else "weeks"),
        }
        if meetings == 1:
            return self.phrase("timebox.one_week" if weeks == 1 else "timebox.one", **values)
        return self.phrase("timebox.many", **values)

    def read(self, field_name: str, text: str, names: tuple[str, ...] = ()) -> Fit:
        """A field's text read for this language's frames."""
        if self.fit is not None:
            return self.fit(field_name, text, names)
        return plain_fit(self, field_name, text, names)

    def read_reply(
        self, field_name: str, text: str, register: str, names: tuple[str, ...] = ()
    ) -> Fit:
        """A mentor's detail (or the protégé's focus, to say back) read for the reply."""
        if self.fit_reply is not None:
            return self.fit_reply(field_name, text, register, names)
        fitted = plain_fit(self, field_name, text, names)
        if field_name == "focus":  # said back only by a reading that is sure of it
            return Fit("focus", "general", fitted.core, label=fitted.label)
        return fitted


def say(
    slot: str,
    fitted: Fit,
    register: str,
    slots: Mapping[str, Mapping[str, Mapping[str, str]]],
    **params: object,
) -> str:
    """The slot's sentence for the fitted text, in a register. `{text}` is the reader's
    phrase as fitted, `{Text}` the same with a capital."""
    if not fitted:
        return ""
    frame = slots[slot][fitted.kind][register]
    sentence = frame.format(
        text=fitted.core, Text=fitted.core[:1].upper() + fitted.core[1:], **params
    )
    # A question or exclamation the reader ended with keeps its mark, once.
    return re.sub(r"([?!])([»”]?)\.$", r"\1\2", sentence)


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def in_language(code: str, text: str) -> bool:
    """Whether a language's drafts can take the text as theirs: not another language
    `detect` names, nor plainly English (English function words, none of its own)."""
    own = STOPWORDS.get(code, frozenset())
    words = _words(text)
    found = detect(text)
    if found is not None and found.code not in ("", code):
        theirs = STOPWORDS.get(found.code, frozenset())
        return sum(word in own for word in words) >= sum(word in theirs for word in words)
    if found is not None:
        return True
    english = sum(word in ENGLISH_WORDS - own for word in words)
    return not english or sum(word in own for word in words) >= english


def plain_fit(table: Drafting, field_name: str, text: str, names: tuple[str, ...] = ()) -> Fit:
    """A field's text for the plain frames: the lead-ins the frame says dropped, lines
    joined, closing punctuation left to the frame; text in another language quoted as
    typed; nothing typed is blank (the focus keeps its blank to fill in)."""
    line = " ".join(text.split())
    if not _WORD.search(line):
        if field_name == "focus":
            blank = table.blanks["focus"]
            return Fit(field_name, "blank", blank, label=blank)
        return Fit(field_name, "", "")
    if not in_language(table.code, line):
        quoted = " / ".join(" ".join(part.split()) for part in text.split("\n") if part.strip())
        quote = table.phrase("quoted", text=quoted)
        return Fit(field_name, "foreign", quoted, label=quote, language=detect(line))
    for name in names:
        if name and line.casefold().startswith(name.casefold() + ","):
            line = line[len(name) + 1 :].lstrip()
    for pattern in table.lead_ins.get(field_name, ()):
        match = pattern.match(line)
        if match and match.end() > 0 and line[match.end() :].strip():
            line = line[match.end() :].lstrip(" ,:;-–—")
    core = line.rstrip() if line.rstrip()[-1:] in ("?", "!") else bare(line)
    return Fit(field_name, "plain", core, label=core)


@cache
def drafting(code: str) -> Drafting | None:
    """The tables of a language with drafts of its own (`builder/wording/<code>/drafting.py`),
    or None (English, drafted by its own modules, or a language without drafts)."""
    if code == ENGLISH or not re.fullmatch(r"[a-z]{2,3}", code):
        return None
    try:
        module = importlib.import_module(f"builder.wording.{code}.drafting")
    except ModuleNotFoundError:
        return None
    return getattr(module, "DRAFTING", None)


def drafted() -> tuple[tuple[str, str], ...]:
    """The languages the drafts can be written in, each named in its own words: English,
    and every language with a catalog and drafting tables."""
    from builder.wording.catalog import CATALOGS

    tabled = [table for code in CATALOGS if (table := drafting(code)) is not None]
    return ((ENGLISH, "English"), *((table.code, table.name) for table in tabled))
