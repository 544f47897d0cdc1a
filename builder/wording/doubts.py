"""When the shape of a phrase is not read with confidence: the signs, as a table.

`fitting` reads the shape of what a reader typed (`shapes`) and splices it into the
frame for that shape. A reading can be wrong, and a wrong one breaks the sentence:
"Practice system design interviews" read as a subject gives "I'd like to learn about
practice system design interviews". Each row here is a sign that the reading may be
wrong. When one is seen, the phrase goes into its slot's plain frame instead, which is
grammatical whatever the phrase ("What I'd like your help with: practice system design
interviews."), so a doubt costs a little polish and never a broken sentence.

Each row says which fields and which readings (kinds) it doubts, and carries a phrasing
it is there for; tests/unit/test_doubts.py checks every row against its own example.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from builder.wording.en import lexicon
from builder.wording.shapes import COMPOUND_HEADS, WORD, verb_led

# Readings that put the phrase where a noun belongs ("learn about …", "because of …").
NOUN_KINDS = frozenset({"subject", "activity", "own", "thing", "topic", "timed_topic"})
_OBJECTS = (
    lexicon.DETERMINERS
    | lexicon.POSSESSIVES
    | frozenset(
        "me you him her us them it your their his its one two three four five six seven "
        "eight nine ten both all more".split()
    )
)
# After a verb, these make a phrasal verb ("work through", "follow up", "sign off").
_PARTICLES = frozenset("through up out off down over back around together".split())
_PRONOUNS = frozenset("i me my mine myself we us our ours you your yours yourself".split())
_SUBJECT_FORMS = re.compile(r"^(?:i|you|we|they|he|she|it|there)(?:'(?:m|re|s|ve|d|ll))?$")
_PURPOSE = re.compile(
    r"\bso (?:that )?(?:i|we|they|he|she|my|our|the)\b|\bin order to\b|\bso as to\b", re.I
)
_FRAME_ECHO = re.compile(
    r"\b(?:know|tell|see)\b.{0,40}\b(?:work(?:ed|s)?|success(?:ful)?|succeeded)\b", re.I
)
_PREPOSITIONS = frozenset("of for with about at in on to by from into".split())
_AUX = frozenset(
    "am is are was were be been has have had do does did can could will would shall "
    "should may might must get gets got".split()
)


def _noun_verb_first(words: list[str], core: str) -> bool:
    """A word that is a verb as often as a noun, first, and nothing after it that says
    which: "review process" could be either; "progress report writing" too. An object
    after it says verb ("review my code"); a noun head says noun ("launch planning"),
    except after a word mostly meant as a verb ("practice system design interviews" is
    to practise them). Doubted wherever the reading is not the one the words say."""
    if not words or words[0] not in lexicon.NOUN_VERBS:
        return False
    if len(words) == 1:
        return True
    verb_kind = _reading(words) == "verb"
    if words[1] in _OBJECTS or words[1] in lexicon.WH_WORDS or words[1] in _PARTICLES:
        return not verb_kind  # "review my code", "share what I tried", "work through it"
    if words[1] == "of":
        return verb_kind
    if words[1] in COMPOUND_HEADS:
        return verb_kind != (words[0] in lexicon.MOSTLY_VERBS)
    return True


def _reading(words: list[str]) -> str:
    """How the shape reader took the first word (`shapes.verb_led`)."""
    return "verb" if verb_led(words) else "noun"


def _frame_word_first(words: list[str], core: str) -> bool:
    """The frame's own word, left first: "need help preparing…" ("I'd like your help to
    need help…"), "help the team through a reorg" ("your help to help the team")."""
    return bool(words) and words[0] in ("help", "need", "want")


def _purpose_clause(words: list[str], core: str) -> bool:
    """A clause of its own inside the phrase: "the basics of SQL so I can pull our
    numbers myself" in "I'm looking forward to learning about … with your help"."""
    return bool(_PURPOSE.search(core))


_FIRST_PART = re.compile(r"[^,;:–—(]*")
_JOINS = frozenset("and but or so then while".split())


def _clause_subject_later(words: list[str], core: str) -> bool:
    """A clause whose subject is not where it starts: "a full draft I'm happy with" (the
    only clause is inside a noun phrase), "menu costing sheet in use, and GP is back"
    (a note, then a clause), or with no verb of its own at all: the verb must come in
    the first part, before anything joins a second."""
    if not words or _SUBJECT_FORMS.match(words[0]) or lexicon.I_FORMS.match(words[0]):
        return False
    part = _FIRST_PART.match(core).group(0)
    first = [w.casefold().replace("’", "'") for w in WORD.findall(part)]
    for index, word in enumerate(first[1:12], start=1):
        if word in _JOINS or _SUBJECT_FORMS.match(word) or lexicon.I_FORMS.match(word):
            return True
        if word in _AUX or lexicon.is_finite(word):
            return False
        if lexicon.is_past(word) and index + 1 < len(first):
            return False  # "my manager approved the plan"
    return True


_FINITE_AUX = frozenset("is are was were has have had will would can could should must".split())


def _clause_as_noun(words: list[str], core: str) -> bool:
    """A whole clause where a noun phrase belongs: "the script you wrote is what we should
    look at" after "focus on". A clause starting with "how", "what"… is a noun."""
    if not words or words[0] in lexicon.WH_WORDS:
        return False
    return any(word in _FINITE_AUX or word.endswith(("'s", "'re", "'ve")) for word in words[1:])


def _frame_echo(words: list[str], core: str) -> bool:
    """The frame's own words, not dropped as a lead-in: "I'll definitely know it has
    worked when …" after "I'll know it has worked when"."""
    return bool(_FRAME_ECHO.search(core))


def _preposition_first(words: list[str], core: str) -> bool:
    """A phrase that starts where a preposition already is: "of your experience" after
    "because of", "for your help" after "because of"."""
    return bool(words) and words[0] in _PREPOSITIONS


def _pronouns(words: list[str], core: str) -> bool:
    """Notes in the mentor's voice ("start with the smallest module you own"): turned
    into the reader's sentence ("you suggested I …"), whose "you" would it be?"""
    return any(word.split("'")[0] in _PRONOUNS for word in words)


def _me_object(words: list[str], core: str) -> bool:
    """ "mentor me on test automation" in "What I'd like to ask about: how to …": whom
    would "me" mean?"""
    return any(word in ("me", "us") for word in words)


@dataclass(frozen=True, slots=True)
class Doubt:
    """A sign that a reading may be wrong: the phrase then takes the plain frame."""

    name: str
    fields: frozenset[str]
    kinds: frozenset[str]
    test: Callable[[list[str], str], bool]
    example: tuple[str, str]  # (field, phrasing) it is there for


def _doubt(name, fields, kinds, test, example) -> Doubt:
    return Doubt(name, frozenset(fields.split()), frozenset(kinds), test, example)


_ALL_BUT_QUOTED = NOUN_KINDS | {"howto", "learn_to", "action", "timed", "timed_action",
                                "clause", "fragment", "statement", "question", "i_did",
                                "you_do", "doing", "did", "can", "when", "day", "part"}  # fmt: skip

DOUBTS: tuple[Doubt, ...] = (
    _doubt("a noun-verb at the join", "focus asked report_back narrower",
           NOUN_KINDS | {"action", "timed_action"}, _noun_verb_first,
           ("focus", "Practice system design interviews")),
    _doubt("the frame's word left over", "focus asked", {"action"}, _frame_word_first,
           ("focus", "help the team through a reorg")),
    _doubt("a purpose clause inside the phrase", "focus asked", _ALL_BUT_QUOTED,
           _purpose_clause, ("focus", "the basics of SQL so I can pull our numbers myself")),
    _doubt("a clause that starts without its subject",
           "outcome connection happened advice preparation report_back tried next first_step "
           "narrower later reason referral_why",
           {"clause"}, _clause_subject_later,
           ("outcome", "A full draft of Specific Aims I'm happy with")),
    _doubt("a clause where a noun belongs",
           "focus asked connection narrower referral_why first_step report_back",
           NOUN_KINDS | {"fragment"}, _clause_as_noun,
           ("narrower", "the script you wrote is what we should look at")),
    _doubt("the frame's words repeated", "outcome", _ALL_BUT_QUOTED, _frame_echo,
           ("outcome", "I'll definitely know it has worked when the doc is approved")),
    _doubt("a preposition where the frame has one", "connection referral_why narrower",
           {"thing", "doing"}, _preposition_first,
           ("connection", "for your help with the migration last year")),
    _doubt("the mentor's own voice", "advice", {"action"}, _pronouns,
           ("advice", "Start with the smallest module you own")),
    _doubt("the writer as the object of a how-to", "asked", {"action"}, _me_object,
           ("asked", "Mentor me on test automation")),
)  # fmt: skip


def doubted(field: str, kind: str, words: list[str], core: str) -> str:
    """The first sign that this reading may be wrong ("" when there is none)."""
    for row in DOUBTS:
        if field in row.fields and kind in row.kinds and row.test(words, core):
            return row.name
    return ""
