"""Fitting a reader's words to the sentence frames in `frames`.

Only the joins change: a lead-in that repeats the frame is dropped, the frame that
suits the phrase's shape is picked, a leading capital on an ordinary word is lowered,
and the end of the phrase meets the frame's punctuation once. The reader's content
words are never changed, reordered or dropped. Text in another language is quoted
as typed rather than spliced into an English sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from builder.wording.doubts import doubted
from builder.wording.en import lexicon
from builder.wording.en.frames import LEAD_INS, SLOTS, LeadIn, Slot
from builder.wording.languages import Language, detect, mixed
from builder.wording.pieces import bare as _bare
from builder.wording.pieces import sentence as _sentence
from builder.wording.shapes import SHAPES, VERB_KINDS, WORD

BLANK_FOCUS = "[what you want to learn]"

_BULLET = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)])\s+")
# A sentence ends at . ! ? (and their CJK forms) before a space and a capital, digit
# or opening quote; "e.g." and "Dr." do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+(?=[\"“‘(\[]?[^\W_a-z])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.")
_CLOSERS = "\"'”’»)]"
_QUOTE_THEN_STOP = re.compile(r"([.!?…。！？])”\.")
_MARK_THEN_STOP = re.compile(r"([!?])\.")
_LEADING_DOTS = re.compile(r"^(?:(?:\.{2,}|…)[.\s]*)+")  # "... write a business case", "… …"


@dataclass(frozen=True, slots=True)
class Fit:
    """A field's text, read for its shape and ready to drop into a frame.

    `core` is the first sentence with lead-ins dropped, first letter fitted and no
    closing punctuation; `rest` is any further sentences, as typed; `label` is the
    phrase as it reads on its own (in a title or a list).
    """

    field: str
    kind: str
    core: str
    rest: str = ""
    label: str = ""
    end: str = ""
    language: Language | None = None
    marks: frozenset[str] = frozenset()
    learned: str = ""  # the reader's own "learn"/"learning", for the label of `learn_to`
    doubt: str = ""  # why the shape read was not trusted (`doubts`): kind is then "plain"

    def __bool__(self) -> bool:
        return bool(self.core)


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in WORD.findall(text)]


def _one_line(text: str) -> str:
    """Lines as one line: a list becomes a series ("a, b and c"), other lines sentences."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) <= 1:
        return " ".join(text.split())
    items = [_BULLET.sub("", line).strip() for line in lines]
    listed = any(_BULLET.match(line) for line in lines) or all(
        len(item) <= 80 and not re.search(r"[.!?]\s", item) for item in items
    )
    if not listed:
        return " ".join(_sentence(" ".join(item.split())) for item in items)
    items = [_bare(" ".join(item.split())) for item in items]
    items = [items[0]] + [_lower_first(item) for item in items[1:]]
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _split(text: str) -> tuple[str, str]:
    """The first sentence, and the rest."""
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()]
        if any(before.casefold().endswith(abbr) for abbr in _ABBREVIATIONS):
            continue
        return before, text[match.end() :]
    return text, ""


def _lower_first(text: str, *, verb: bool = False) -> str:
    """Lower a leading capital that only starts a sentence: "Public speaking", not
    "Jonas", "SQL", "I", "iPhone" or "DevOps" (a verb's capital always goes)."""
    match = WORD.search(text)
    if not match or any(c.isalnum() for c in text[: match.start()]):
        return text  # "🚀 Launch planning" lowers "Launch"; "3 Things" does not
    word = match.group(0)
    head = word.split("-")[0].split("'")[0].split("’")[0]
    titled = head[:1].isupper() and (len(head) == 1 or head[1:].islower())
    if not titled or lexicon.I_FORMS.match(word):
        return text
    if not verb and (not lexicon.is_ordinary(head) or head.casefold() in lexicon.KEEP_CAPITAL):
        return text
    at = match.start()
    return text[:at] + text[at].lower() + text[at + 1 :]


@dataclass(frozen=True, slots=True)
class Wording:
    """The tables fitting reads: lead-ins and shapes by field, frames by slot.

    The request's own (`REQUEST`) are the default; the mentors' reply helper passes
    its own (`builder.mentor.frames`), which add the mentor's fields and slots.
    """

    lead_ins: Mapping[str, tuple[LeadIn, ...]]
    shapes: Mapping[str, Callable[[list[str], str, str, frozenset[str]], str]]
    slots: Mapping[str, Slot]
    verb_kinds: frozenset[str] = VERB_KINDS


REQUEST = Wording(LEAD_INS, SHAPES, SLOTS)


# --- fitting ------------------------------------------------------------------


def _drop_lead_ins(
    field: str, core: str, names: tuple[str, ...] = (), wording: Wording = REQUEST
) -> tuple[str, dict[str, str]]:
    """Drop every lead-in that repeats the frame, as often as they stack up.

    A name the drafts already greet ("Andrea, you helped my sister…" after "Hi
    Andrea") is dropped too. What is left may be nothing ("because", "I want to
    learn"): the field then says nothing the frame does not, and counts as empty.

    Returns:
        What is left, and the marks of the lead-ins dropped, each with the words
        the reader typed for it.
    """
    marks: dict[str, str] = {}
    changed = True
    while changed and core:
        changed = False
        for name in names:
            if name and core.casefold().startswith(name.casefold() + ","):
                core = core[len(name) + 1 :].lstrip()
                changed = True
        for lead in wording.lead_ins.get(field, ()):
            match = lead.pattern.match(core.replace("’", "'"))
            if match and match.end() > 0:
                if lead.mark:
                    marks[lead.mark] = core[: match.end()].strip(" ,:;-–—")
                core = _LEADING_DOTS.sub("", core[match.end() :].lstrip(" ,:;-–—"))
                changed = True
                break
    return core, marks


def fit(field: str, text: str, names: tuple[str, ...] = (), wording: Wording = REQUEST) -> Fit:
    """Read a field's text for the frames.

    Args:
        field: A free-text field's name ("focus", "outcome", "connection",
            "preparation", "report_back").
        text: What the reader typed (already cleaned of control characters).
        names: Names the drafts already greet, dropped when the text starts by
            addressing one of them ("Andrea, you…").
        wording: The tables to read (the request's, or the reply helper's).

    Returns:
        The fitted text; an empty `Fit` (false) when there is nothing to fit,
        except for the focus, which then holds its placeholder.
    """
    line = _LEADING_DOTS.sub("", _one_line(text.strip()))
    if not WORD.search(line):
        if field == "focus":
            return Fit(field, "blank", BLANK_FOCUS, label=BLANK_FOCUS)
        return Fit(field, "", "")
    language = detect(line)
    if language is not None:
        return _quoted(field, text, language)
    first, rest = _split(line)
    ended = "?" if first.rstrip().rstrip(_CLOSERS).endswith("?") else ""
    end = first[len(_bare(first)) :].strip()
    core, marks = _drop_lead_ins(field, _bare(first), names, wording)
    while _words(core) == ["to"] or (
        _words(core)[:1] == ["to"] and "learn" not in marks and field != "connection"
    ):
        # "To improve my writing": the frame has its own "to" ("I'd like your help to").
        core, more = _drop_lead_ins(field, core[2:].lstrip(), names, wording)
        marks |= more
    # Dots left at the front once a lead-in has gone ("to … run a retro"): the frame
    # continues the sentence, so they go too, as they do at the start of the text.
    stripped = _LEADING_DOTS.sub("", core)
    if stripped != core:
        core, more = _drop_lead_ins(field, stripped, names, wording)
        marks |= more
    if not WORD.search(core):
        return fit(field, rest, names, wording) if rest else fit(field, "", names, wording)
    language = detect(f"{core} {rest}")  # the lead-ins were English; is the rest?
    if language is not None:
        return _quoted(field, text, language)
    if mixed(line):  # English with another language's words in it: quoted, as typed
        return _quoted(field, text, None)
    words = _words(core)
    kind = wording.shapes[field](words, core, ended, frozenset(marks))
    doubt = doubted(field, kind, words, core)
    if doubt:
        kind = "plain"  # grammatical whatever the phrase: see `doubts`
    core = _lower_first(core, verb=kind in wording.verb_kinds)
    learned = _words(marks.get("learn", "learn"))[-1] if kind == "learn_to" else ""
    label = f"{learned} {core}" if kind == "learn_to" else core
    if rest:
        label += (end or ".") + " " + _bare(rest)
    elif kind == "question":
        label += "?"
    rest = _sentence(rest) if rest else ""
    return Fit(field, kind, core, rest, label, end, None, frozenset(marks), learned, doubt)


def _quoted(field: str, text: str, language: Language | None) -> Fit:
    """Text in another language (or mixing one in: `language` None, and no notice that
    it is not English), kept whole and as typed, to be quoted: its lines joined by " / ",
    as a quotation marks line breaks (not as a list, which would add an English "and")."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    quoted = _LEADING_DOTS.sub("", " / ".join(line for line in lines if line))
    return Fit(field, "foreign", quoted, label=f"“{quoted}”", language=language)


def say(slot: str, fitted: Fit, wording: Wording = REQUEST, **params: str) -> str:
    """The slot's sentence for the fitted text, with any further sentences after it."""
    if not fitted:
        return ""
    spec = wording.slots[slot]
    frame = spec.frames[fitted.kind]
    core = fitted.core
    if fitted.kind == "plain" and fitted.end[:1] in ("?", "!") and not fitted.rest:
        core += fitted.end[:1]  # a question keeps its mark after a label
    sentence = frame.format(text=core, Text=core[:1].upper() + core[1:], **params)
    sentence = _QUOTE_THEN_STOP.sub(r"\1”", sentence)
    if fitted.kind == "plain":
        sentence = _MARK_THEN_STOP.sub(r"\1", sentence)
    if spec.keep_rest and fitted.rest:
        sentence += " " + fitted.rest
    return sentence
