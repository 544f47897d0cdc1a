"""The shapes of what a reader types, so each field lands in a frame that suits it.

A phrase that starts with a verb ("shadow two of your calls"), a subject ("SQL window
functions"), "how to …", a clause with its own subject, a question, a time. Each
field has a function that names the kind of its phrase (`SHAPES`); `frames` has a
sentence frame for every kind, and `fitting` picks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from builder.wording.en import lexicon

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_TIMING = re.compile(
    r"\b(?:before|ahead|advance|beforehand|prior|afterwards|after (?:each|every|our|the)"
    r"|(?:each|every) (?:meeting|call|session|chat|time)|at the (?:start|beginning|end)"
    r"|the (?:day|night|morning|week) before|days? (?:before|ahead))\b",
    re.IGNORECASE,
)
# Heads that make a noun-verb the first word of a compound noun ("design systems").
COMPOUND_HEADS = frozenset(
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


def is_name_like(word: str) -> bool:
    """A capitalised word that is not an ordinary word: "Jonas", "SQL", "DevDay"."""
    if not word[:1].isupper() or len(word) == 1:  # "A signed offer": an article
        return False
    if not word[1:].islower():
        return True  # "SQL", "DevDay"
    return not lexicon.is_ordinary(word) or word.casefold() in lexicon.KEEP_CAPITAL


def verb_led(words: list[str]) -> bool:
    """ "improve my reviews", "review pull requests", but not "code review" or
    "design systems": a noun-verb counts as a verb unless a compound noun follows."""
    if not words or words[0] not in lexicon.VERBS:
        return False
    if words[0] not in lexicon.NOUN_VERBS:
        return True
    if len(words) == 1:
        return False
    return words[1] not in COMPOUND_HEADS


_CONTRACTION = re.compile(r"'(?:ll|re|ve|d|m|s)$")


def subject_led(words: list[str], core: str) -> bool:
    """Starts with "I", "we", "you'll"… or a name and a verb ("Sam suggested"): a clause."""
    if not words:
        return False
    if _CONTRACTION.sub("", words[0]) in lexicon.SUBJECT_PRONOUNS or lexicon.I_FORMS.match(
        words[0]
    ):
        return True
    first = WORD.match(core)
    if not (first and is_name_like(first.group(0)) and len(words) > 1):
        return False
    return lexicon.is_finite(words[1]) or lexicon.is_past(words[1])


_OBJECT_AFTER_PAST = (
    lexicon.DETERMINERS | lexicon.POSSESSIVES | lexicon.WH_WORDS
    | frozenset("your their his her its off up out down me you us him them it that".split())
)  # fmt: skip


def has_clause(words: list[str]) -> bool:
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
    if subject_led(words, core):
        return "statement"
    if words and words[0] in lexicon.POSSESSIVES | lexicon.DETERMINERS and has_clause(words):
        return "statement"  # "My team is moving to on-call next month"
    if verb_led(words):
        return "action"
    if words and lexicon.is_gerund(words[0]):
        return "activity"
    if words and words[0] in lexicon.POSSESSIVES:
        return "own"
    return "subject"


def _outcome_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if subject_led(words, core):
        return "clause"
    if verb_led(words) or (words[:1] == ["be"]) or (words[:1] == ["have"]):
        return "action"
    if has_clause(words):
        return "clause"
    return "fragment"


def _connection_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if subject_led(words, core) or (not _starts_with_verb_form(words) and has_clause(words)):
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
    return verb_led(words) and not lexicon.is_gerund(first)


def _preparation_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if verb_led(words) or (words and words[0] in lexicon.VERBS and len(words) > 1):
        return "timed" if _TIMING.search(core) else "action"
    if subject_led(words, core) or has_clause(words):
        return "clause"
    return "fragment"


def _report_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    timed = bool(_TIMING.search(core))
    if words and (words[0] in lexicon.WH_WORDS or lexicon.is_gerund(words[0])):
        return "timed_topic" if timed else "topic"
    if verb_led(words) or (words and words[0] in lexicon.VERBS and len(words) > 1):
        return "timed_action" if timed else "action"
    if subject_led(words, core) or has_clause(words):
        return "clause"
    return "timed_topic" if timed else "topic"


def _advice_kind(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    """ "ask open questions first" (what they advised), "you said I should…" (a clause),
    "the two-question opener" (a thing)."""
    if subject_led(words, core) or (not verb_led(words) and has_clause(words)):
        return "clause"
    if verb_led(words):
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
