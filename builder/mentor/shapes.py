"""The shapes of what a mentor types, so each lands in a frame that suits it.

The same reading as the request's fields (`builder.wording.fitting`): a phrase that starts
with a verb, a clause with its own subject, a time ("after March"), a thing. Each
function returns one of the kinds `mentor.frames` has a frame for.
"""

from __future__ import annotations

import itertools
import re

from builder.wording.en import lexicon
from builder.wording.shapes import WORD, has_clause, subject_led, verb_led

# Words a time phrase starts with: "after the launch", "next quarter", "mid-March".
WHEN_STARTS = frozenset(
    """
after in from once when by next around later this early late at on towards toward before
until within mid sometime some soon tomorrow today tonight any either every shortly
""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday weekend".split())
PARTS = frozenset("end start beginning middle close turn".split())
# Third-person verb forms a reason for suggesting someone starts with: "knows pricing".
_THIRD = frozenset("has is was does knows leads runs ran led built wrote".split())
# After a verb, these make it read as an instruction: "book a slot", "grab me for…".
_OBJECTS = frozenset(
    "a an the me my your some us our this that half one two three four five ten fifteen twenty "
    "thirty forty".split()
)
# "things calm down", "the dust settles": a clause by its particle or its verb.
_PARTICLES = frozenset("down up off out over through".split())
# Words in -ing that are not a verb's: "the morning", "in spring".
_NOT_GERUNDS = frozenset("thing something nothing anything everything morning evening spring "
                         "string king ring ceiling wedding".split())  # fmt: skip


def _doing(word: str) -> bool:
    """A verb's -ing form, including verbs the lexicon does not list ("travelling")."""
    if lexicon.is_gerund(word):
        return True
    if not word.endswith("ing") or word in _NOT_GERUNDS or len(word) < 6:
        return False
    stem = word[:-3]
    forms = (stem, stem + "e", stem[:-1] if stem[-1:] * 2 == stem[-2:] else "")
    return any(form and lexicon.is_ordinary(form) for form in forms)


def _clause(words: list[str], core: str) -> bool:
    """A clause with its own subject: "I'm at capacity", "things calm down in May"."""
    if subject_led(words, core) or has_clause(words):
        return True
    if any(lexicon.is_finite(word) for word in words[1:6]):
        return True
    return len(words) > 2 and words[2] in _PARTICLES and not _doing(words[0])


def _verbal(words: list[str]) -> bool:
    """Starts with a verb and its object: "send me times", "book a slot"."""
    if verb_led(words) or (words and words[0] in lexicon.VERBS and len(words) > 1):
        return True
    return (
        len(words) > 1
        and words[1] in _OBJECTS
        and lexicon.is_ordinary(words[0])
        and not lexicon.is_gerund(words[0])
        and words[0] not in lexicon.DETERMINERS | lexicon.POSSESSIVES | lexicon.WH_WORDS
        and words[0] not in ("your", "their", "his", "her", "its")  # "your three best sellers"
        and words[0] not in lexicon.SUBJECT_PRONOUNS
    )


def first_step(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if subject_led(words, core):
        return "clause"
    if _verbal(words):
        return "action"
    if has_clause(words):
        return "clause"
    return "fragment"


def narrower(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if subject_led(words, core):
        return "clause"
    if words and words[0] in lexicon.POSSESSIVES | lexicon.DETERMINERS and has_clause(words):
        return "clause"
    if _verbal(words):
        return "action"
    return "thing"


def later(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if not words:
        return "thing"
    first = words[0]
    if first in DAYS or first.removesuffix("s") in DAYS:
        return "day"
    if first in PARTS and words[1:2] == ["of"]:
        return "part"  # "end of March": "at the end of March"
    if first in WHEN_STARTS or first.startswith("mid"):
        return "when"
    if _clause(words, core):
        return "clause"  # "the project ships", "things calm down"
    return "thing"


# Words a time that `later` reads as a thing starts with: "the 10th", "March 4",
# "mornings", "a week later" (times written in figures start with a digit).
TIME_STARTS = frozenset(
    """
the a an one two three morning mornings afternoon afternoons evening evenings lunchtime lunch
noon midday weekday weekdays week weeks fortnight january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun half same all whole first second last every early late
between
""".split()
)
_UNTIL = frozenset("once when until after before".split())
# After a time, these make it a sentence: "afternoons work better", "the 11th suits me".
_SAYS = frozenset("work works suit suits is are would could will might should does".split())
_CLOCK = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
# A mentor asking rather than telling: "how about the 10th", "would Thursday work".
_ASKS = frozenset("would could can does do is are shall will how what".split())


def _asks(words: list[str]) -> bool:
    if words and words[0] in _ASKS:
        return True
    pairs = itertools.pairwise(words)
    return any(first in ("how", "what") and second == "about" for first, second in pairs)


def date_instead(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    """What would suit the mentor instead of the first date: a time ("Thursday at 3",
    "any afternoon next week", "the 10th"), a question, a sentence of their own, or
    something to do; anything else is quoted after a label ("plain")."""
    if _CLOCK.search(core):
        words = [word for word in words if word not in ("am", "pm")]  # "9am" is no verb
    if not words:
        return "when" if core[:1].isdigit() else "plain"  # "14:00", "3/4"
    if _asks(words):
        return "question"
    _, _, tail = core.partition(",")
    tail_words = [word.casefold() for word in WORD.findall(tail)]
    if words[0] in _UNTIL and subject_led(words[1:], core.split(None, 1)[-1]):
        return "when"  # "once I'm back from Berlin": a time, though a clause follows
    timed = core[:1].isdigit() and any(lexicon.is_finite(word) for word in words[:5])
    says = any(word in _SAYS for word in words[1:4])
    if timed or says or _clause(words, core) or subject_led(tail_words, tail.strip()):
        # "I'm away that week", "Thursday works better", "3pm suits me", "Friday, I'm free"
        return "question" if ended == "?" else "clause"
    kind = later(words, core, ended, marks)
    if kind not in ("when", "day", "part") and (core[:1].isdigit() or words[0] in TIME_STARTS):
        kind = "when"
    if kind in ("when", "day", "part"):
        return "own" if "instead" in words else kind  # "the 11th instead": as they said it
    if _verbal(words):
        return "action"  # "send me a few other times"
    return "plain"


def reason(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if subject_led(words, core) or (words and words[0] in ("it's", "there's", "that's")):
        return "clause"
    if words and words[0] in lexicon.POSSESSIVES | lexicon.DETERMINERS and has_clause(words):
        return "clause"  # "my diary is full until June"
    if words and _doing(words[0]):
        return "doing"
    if _clause(words, core):
        return "clause"
    return "thing"


def referral_why(words: list[str], core: str, ended: str, marks: frozenset[str]) -> str:
    if not words:
        return "thing"
    first = words[0]
    if first in _THIRD or lexicon.is_past(first) or first in lexicon.FINITE_S:
        return "did"  # "ran our research for two years", "knows pricing"
    if subject_led(words, core):
        return "clause"
    if first in lexicon.POSSESSIVES | lexicon.DETERMINERS and has_clause(words):
        return "clause"
    if _doing(first):
        return "doing"
    if _verbal(words):
        return "can"  # "help you with pricing": "who can help you with pricing"
    return "thing"


SHAPES = {
    "date_instead": date_instead,
    "first_step": first_step,
    "narrower": narrower,
    "later": later,
    "reason": reason,
    "referral_why": referral_why,
}
