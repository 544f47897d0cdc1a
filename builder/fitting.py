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

from builder import lexicon
from builder.frames import LEAD_INS, SLOTS, LeadIn, Slot
from builder.languages import Language, detect
from builder.wording import bare as _bare
from builder.wording import sentence as _sentence

BLANK_FOCUS = "[what you want to learn]"

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_BULLET = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)])\s+")
# A sentence ends at . ! ? (and their CJK forms) before a space and a capital, digit
# or opening quote; "e.g." and "Dr." do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+(?=[\"“‘(\[]?[^\W_a-z])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.")
_CLOSERS = "\"'”’»)]"
_QUOTE_THEN_STOP = re.compile(r"([.!?…。！？])”\.")
_TIMING = re.compile(
    r"\b(?:before|ahead|advance|beforehand|prior|afterwards|after (?:each|every|our|the)"
    r"|(?:each|every) (?:meeting|call|session|chat|time)|at the (?:start|beginning|end)"
    r"|the (?:day|night|morning|week) before|days? (?:before|ahead))\b",
    re.IGNORECASE,
)
# Heads that make a noun-verb the first word of a compound noun ("design systems").
_COMPOUND_HEADS = frozenset(
    """
management methods method patterns pattern systems system automation improvement process
processes skills skill strategy strategies techniques technique design culture balance
planning practices principles documents docs reviews review ethic etiquette theory tools
deck decks flow flows plan plans work writing skills session sessions meetings meeting
""".split()
)
# Verbs whose doer, in a reason for asking, is the writer: "admire how you run…".
_MY_VERBS = frozenset(
    """
admire admired respect respected like liked love loved enjoy enjoyed appreciate
appreciated value valued trust trusted remember remembered follow followed read watched
heard saw met know knew worked attended joined studied used""".split()
)


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

    def __bool__(self) -> bool:
        return bool(self.core)


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


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


def _is_name_like(word: str) -> bool:
    """A capitalised word that is not an ordinary word: "Jonas", "SQL", "DevDay"."""
    if not word[:1].isupper():
        return False
    if not word[1:].islower():
        return True  # "SQL", "DevDay"
    return not lexicon.is_ordinary(word) or word.casefold() in lexicon.KEEP_CAPITAL


def _lower_first(text: str, *, verb: bool = False) -> str:
    """Lower a leading capital that only starts a sentence: "Public speaking", not
    "Jonas", "SQL", "I", "iPhone" or "DevOps" (a verb's capital always goes)."""
    match = _WORD.search(text)
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


# --- shapes -------------------------------------------------------------------


def _verb_led(words: list[str]) -> bool:
    """ "improve my reviews", "review pull requests", but not "code review" or
    "design systems": a noun-verb counts as a verb unless a compound noun follows."""
    if not words or words[0] not in lexicon.VERBS:
        return False
    if words[0] not in lexicon.NOUN_VERBS:
        return True
    if len(words) == 1:
        return False
    return words[1] not in _COMPOUND_HEADS


_CONTRACTION = re.compile(r"'(?:ll|re|ve|d|m|s)$")


def _subject_led(words: list[str], core: str) -> bool:
    """Starts with "I", "we", "you'll"… or a name and a verb ("Sam suggested"): a clause."""
    if not words:
        return False
    if _CONTRACTION.sub("", words[0]) in lexicon.SUBJECT_PRONOUNS or lexicon.I_FORMS.match(
        words[0]
    ):
        return True
    first = _WORD.match(core)
    if not (first and _is_name_like(first.group(0)) and len(words) > 1):
        return False
    return lexicon.is_finite(words[1]) or lexicon.is_past(words[1])


_OBJECT_AFTER_PAST = (
    lexicon.DETERMINERS | lexicon.POSSESSIVES | lexicon.WH_WORDS
    | frozenset("your their his her its off up out down me you us him them it that".split())
)  # fmt: skip


def _has_clause(words: list[str]) -> bool:
    """A finite verb after the first word, not inside a relative clause:
    "my manager signs off", "your talk changed how…"; not "the advice you gave me"
    nor "three calls booked" (an "-ed" form counts only with an object after it)."""
    for index, word in enumerate(words[1:12], start=1):
        if word in lexicon.SUBJECT_PRONOUNS or word in ("that", "which", "who", "to"):
            return False
        if word in lexicon.DETERMINERS or word in lexicon.POSSESSIVES:
            return False  # "a roadmap my team has agreed": a second noun phrase
        if lexicon.is_finite(word):
            return True
        plural_before = index >= 2 and words[index - 1].endswith("s")
        if plural_before and word in lexicon.VERBS and word not in lexicon.NOUN_VERBS:
            return True  # "my reviews get fewer questions", "our customers say…"
        following = words[index + 1] if index + 1 < len(words) else ""
        if lexicon.is_past(word) and following in _OBJECT_AFTER_PAST:
            return True
    return False


def _question(words: list[str], core: str, ended: str) -> bool:
    """ "How do I…", "Should I…": a question by its form, not only its "?" ("how to
    pitch?" is a how-to with a question mark)."""
    if len(words) < 2:
        return False
    if words[0] in lexicon.WH_WORDS and words[1] in lexicon.AUXILIARIES:
        return True
    return words[0] in lexicon.AUXILIARIES and words[1] in lexicon.SUBJECT_PRONOUNS


Shape = Callable[[list[str], str, str, frozenset[str]], bool]


def _focus_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if _question(words, core, ended):
        return "question"
    if words and words[0] in lexicon.WH_WORDS:
        return "howto"
    if words[:1] == ["to"] and len(words) > 1:
        return "learn_to"  # "learn to code": whatever follows "to" is what to learn
    if _subject_led(words, core):
        return "statement"
    if words and words[0] in lexicon.POSSESSIVES | lexicon.DETERMINERS and _has_clause(words):
        return "statement"  # "My team is moving to on-call next month"
    if _verb_led(words):
        return "action"
    if words and lexicon.is_gerund(words[0]):
        return "activity"
    if words and words[0] in lexicon.POSSESSIVES:
        return "own"
    return "subject"


def _outcome_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if _subject_led(words, core):
        return "clause"
    if _verb_led(words) or (words[:1] == ["be"]) or (words[:1] == ["have"]):
        return "action"
    if _has_clause(words):
        return "clause"
    return "fragment"


def _connection_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if _subject_led(words, core) or (not _starts_with_verb_form(words) and _has_clause(words)):
        return "clause"
    if words and lexicon.is_gerund(words[0]):
        return "doing"  # "working with you on the launch"
    if _starts_with_verb_form(words):
        mentions_you = any(w in ("you", "your", "yours", "you've", "you're") for w in words[1:])
        if mentions_you or words[0] in ("admire", "respect", "like", "love", "enjoy"):
            return "i_did"
        return "you_do"
    return "thing"


def _starts_with_verb_form(words: list[str]) -> bool:
    if not words:
        return False
    first = words[0]
    if first in _MY_VERBS:
        return True
    if lexicon.is_past(first) and not first.endswith("ing"):
        return True
    return _verb_led(words) and not lexicon.is_gerund(first)


def _preparation_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if _verb_led(words) or (words and words[0] in lexicon.VERBS and len(words) > 1):
        return "timed" if _TIMING.search(core) else "action"
    if _subject_led(words, core) or _has_clause(words):
        return "clause"
    return "fragment"


def _report_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    timed = bool(_TIMING.search(core))
    if words and (words[0] in lexicon.WH_WORDS or lexicon.is_gerund(words[0])):
        return "timed_topic" if timed else "topic"
    if _verb_led(words) or (words and words[0] in lexicon.VERBS and len(words) > 1):
        return "timed_action" if timed else "action"
    if _subject_led(words, core) or _has_clause(words):
        return "clause"
    return "timed_topic" if timed else "topic"


def _advice_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    """ "ask open questions first" (what they advised), "you said I should…" (a clause),
    "the two-question opener" (a thing)."""
    if _subject_led(words, core) or (not _verb_led(words) and _has_clause(words)):
        return "clause"
    if _verb_led(words):
        return "action"
    return "fragment"


SHAPES: dict[str, Callable[[list[str], str, str, frozenset[str]], str]] = {
    "focus": _focus_kind,
    "outcome": _outcome_kind,
    "connection": _connection_kind,
    "preparation": _preparation_kind,
    "report_back": _report_kind,
    # The meeting log and the closing note.
    "advice": _advice_kind,
    "tried": _preparation_kind,
    "happened": _outcome_kind,
    "asked": _focus_kind,
    "next": _preparation_kind,
}
VERB_KINDS = frozenset({"action", "learn_to", "i_did", "you_do", "timed", "timed_action"})


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
                core = core[match.end() :].lstrip(" ,:;-–—")
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
    line = _one_line(text.strip())
    if not _WORD.search(line):
        if field == "focus":
            return Fit(field, "blank", BLANK_FOCUS, label=BLANK_FOCUS)
        return Fit(field, "", "")
    language = detect(line)
    if language is not None:
        return _quoted(field, line, language)
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
    if not _WORD.search(core):
        return fit(field, rest, names, wording) if rest else fit(field, "", names, wording)
    language = detect(f"{core} {rest}")  # the lead-ins were English; is the rest?
    if language is not None:
        return _quoted(field, line, language)
    words = _words(core)
    kind = wording.shapes[field](words, core, ended, frozenset(marks))
    core = _lower_first(core, verb=kind in wording.verb_kinds)
    learned = _words(marks.get("learn", "learn"))[-1] if kind == "learn_to" else ""
    label = f"{learned} {core}" if kind == "learn_to" else core
    if rest:
        label += (end or ".") + " " + _bare(rest)
    elif kind == "question":
        label += "?"
    rest = _sentence(rest) if rest else ""
    return Fit(field, kind, core, rest, label, end, None, frozenset(marks), learned)


def _quoted(field: str, line: str, language: Language) -> Fit:
    """Text in another language, kept whole and as typed, to be quoted."""
    quoted = " ".join(line.split())
    return Fit(field, "foreign", quoted, label=f"“{quoted}”", language=language)


def say(slot: str, fitted: Fit, wording: Wording = REQUEST, **params: str) -> str:
    """The slot's sentence for the fitted text, with any further sentences after it."""
    if not fitted:
        return ""
    spec = wording.slots[slot]
    frame = spec.frames[fitted.kind]
    core = fitted.core
    sentence = frame.format(text=core, Text=core[:1].upper() + core[1:], **params)
    sentence = _QUOTE_THEN_STOP.sub(r"\1”", sentence)
    if spec.keep_rest and fitted.rest:
        sentence += " " + fitted.rest
    return sentence
