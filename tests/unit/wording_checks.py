"""Reading a draft the way a careful mentor would, for the slips frame fitting causes.

Each check takes a draft's text (and the reader's own words, so their deliberate
capitals are not held against the builder) and returns what it found, one line per
problem: a doubled word, a frame phrase the reader's text repeats, an ordinary word
capitalised mid-sentence, a verb where the frame needs a noun or the reverse,
doubled or stranded punctuation, an empty slot, and English frame words mixed with
another language in one sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from builder import lexicon
from builder.languages import ENGLISH, STOPWORDS, detect
from builder.mentor.frames import SLOTS_ALL as SLOTS  # the request's and the reply's

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTED = re.compile(r"“[^”]*”")
_HINT = re.compile(r"\[[^\]]*\]")  # the drafts' own blanks: "[say how far you got]"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[^\W_a-z])")
_BULLET = re.compile(r"^\s*-\s+")

DOUBLED = re.compile(r"(?i)\b([a-z']+)\s+\1\b")
ECHOES = (
    re.compile(r"(?i)\blearn (?:to |about )?learn"),
    re.compile(r"(?i)\bI'll (?:I'll|I will|I)\b"),
    re.compile(r"(?i)\bbecause (?:because|since|of because)\b"),
    re.compile(r"(?i)\bwhen (?:when|if|I'll know)\b"),
    re.compile(r"(?i)\breport(?:ing)? back\b[^.]*\breport(?:ing)? back\b"),
    re.compile(
        r"(?i)\bbefore each \w+\b[^.]*\bbefore (?:each|every) (?:meeting|call|session|chat)\b"
    ),
    re.compile(r"(?i)\bhelp (?:to|with|me) (?:help|learn about)\b"),
    re.compile(r"(?i)\bworked when [^.]*\bworked when\b"),
    # The reply's frames.
    re.compile(r"(?i)\bcould you,? (?:could|can|would|please)\b"),
    re.compile(r"(?i)\bget started,? (?:to get started|to start|first|next step)\b"),
    re.compile(r"(?i)\bsuggest (?:we )?(?:i'd suggest|i suggest|let's|how about|maybe)\b"),
    re.compile(r"(?i)\bfocus on (?:focus|focusing|just focus)\b"),
    re.compile(r"(?i)\bagain (?:ask|try|look at this)(?: me)? again\b"),
    re.compile(r"(?i)\blook at this again,? (?:i could|maybe|look)\b"),
    re.compile(r"(?i)\bhonest reason: (?:the reason|because|honestly)\b"),
    re.compile(r"(?i)\bwho,? (?:who|because|since)\b"),
    re.compile(r"(?i)\bbecause of because\b"),
    re.compile(r"(?i)\bI'm (?:I'm|I am)\b"),
    # What would suit the mentor instead of the request's first date.
    re.compile(r"(?i)\binstead\b[^.?!]*\binstead\b"),
    re.compile(r"(?i)\bhow about,? (?:how|what) about\b"),
    re.compile(r"(?i)\bhow about,? (?:could|can|shall) we\b"),
    re.compile(r"(?i)\bcould you,? (?:how|what) about\b"),
)
PUNCTUATION = (
    re.compile(r"[,;:]\s*[.!?,;:]"),
    re.compile(r"(?<!\.)\.\.(?!\.)"),
    re.compile(r"[!?]\s*\."),
    re.compile(r"\.\s*[!?]"),
    re.compile(r"[^\s\[(]\s+[.,;:!?](?!\w)"),
    re.compile(r"“\s*”|\(\s*\)"),
    re.compile(r"[^\n] {2,}\S"),
)
# Frames that need a noun phrase next, and frames that need a verb next.
NOUN_FRAMES = re.compile(
    r"(?i)\b(?:learn about|learn(?! (?:to|about|how)\b)|mentor me on|help with|help me with|"
    r"because of|reporting back on|report back on|aiming for:|was this:|calls on|meetings on|"
    r"chats on|focus on|mentor you on|help you with)\s+(\S+)"
)
VERB_FRAMES = re.compile(
    r"(?i)\b(?:help to|help me(?! with)|would like to|I'd like to|I'll|learn to|hoped to|because I|"
    r"because you|could you|suggest we|who can|help you(?! with))\s+(\S+)"
)
NOT_A_VERB = (
    lexicon.DETERMINERS
    | lexicon.POSSESSIVES
    | lexicon.WH_WORDS
    | frozenset("your their his her its to of on in with about for at by from i we they".split())
)


def sentences(text: str) -> list[str]:
    """A draft's sentences: line by line, without list markers and the drafts' blanks."""
    found = []
    for line in text.splitlines():
        line = _HINT.sub("", _BULLET.sub("", line)).strip()
        if line:
            found += [part.strip() for part in _SENTENCE.split(line) if part.strip()]
    return found


def _typed_capitals(inputs: Iterable[str]) -> set[str]:
    """Words the reader capitalised themselves somewhere after their first word."""
    found = set()
    for text in inputs:
        for index, match in enumerate(_WORD.finditer(text)):
            if index and match.group(0)[:1].isupper():
                found.add(match.group(0))
    return found


def _mid_capitals(sentence: str, allowed: set[str]) -> list[str]:
    """Ordinary words with a capital that no sentence start or name explains."""
    problems = []
    plain = _QUOTED.sub(" “ ", sentence)
    for match in _WORD.finditer(plain):
        word = match.group(0)
        # Emoji and other symbols are see-through: "Subject: 🚀 Launch…" starts a title.
        before = re.sub(r"[^\w\s.,;:!?()“\"'—-]+\s*$", "", plain[: match.start()]).rstrip()
        if not before or before[-1] in ":(“\"'—" or before.endswith(("Hi", "Dear", "Hey")):
            continue
        if not (word[:1].isupper() and word[1:].islower()) or lexicon.I_FORMS.match(word):
            continue
        if word in allowed or not lexicon.is_ordinary(word):
            continue
        if word.casefold() in lexicon.KEEP_CAPITAL:
            continue
        problems.append(f"capitalised mid-sentence: {word!r} in {sentence!r}")
    return problems


def _shape(sentence: str) -> list[str]:
    problems = []
    for match in NOUN_FRAMES.finditer(sentence):
        typed = match.group(1).strip("“”\"'(),.")
        word = typed.casefold()
        if typed[:1].isupper() and word not in ("i", "we", "to"):
            continue  # a name: "learn Go", "help with Excel"
        if word in ("to", "i", "we") or (word in lexicon.VERBS and word not in lexicon.NOUN_VERBS):
            problems.append(f"a verb where a noun belongs: {match.group(0)!r} in {sentence!r}")
    for match in VERB_FRAMES.finditer(sentence):
        word = match.group(1).strip("“”\"'(),.").casefold()
        if word in NOT_A_VERB:
            problems.append(f"not a verb where a verb belongs: {match.group(0)!r} in {sentence!r}")
    return problems


def _fixed_sentences() -> str:
    """The builder's own fixed lines (the tones' sentences), which hold no slot."""
    from dataclasses import astuple

    from builder.wording import TONES

    return " ".join(
        str(part) for tone in TONES.values() for part in astuple(tone) if isinstance(part, str)
    )


def _frame_tails() -> re.Pattern[str]:
    """The last two words before each frame's slot: "learn about", "because of";
    three where the builder's fixed lines use the two ("write about this again.")."""
    fixed = _fixed_sentences()
    tails = set()
    for slot in SLOTS.values():
        for frame in slot.frames.values():
            lead = frame.split("{text}", 1)[0].split("{Text}", 1)[0].rstrip("“")
            if "{" in lead or len(lead.split()) < 2 or lead == frame:
                continue  # one word ("on") is too common to tell a slot by
            words = lead.split()
            tail = " ".join(words[-2:])
            if re.search(rf"\b{re.escape(tail)}\b", fixed) and len(words) > 2:
                tail = " ".join(words[-3:])
            tails.add(tail)
    tails_pattern = "|".join(re.escape(tail) for tail in sorted(tails, key=len, reverse=True))
    return re.compile(rf"\b(?:{tails_pattern})")  # "feedback on" is not "back on"


FRAME_TAILS = _frame_tails()


def _empty_slots(text: str) -> list[str]:
    """A frame's words with nothing after them: "because .", "learn about ?"."""
    problems = []
    for match in FRAME_TAILS.finditer(text):
        after = text[match.end() : match.end() + 2]
        if not after.strip() or after.lstrip()[:1] in ".,;:!?":
            problems.append(f"empty slot after {match.group(0)!r}")
    return problems


def _mixed(sentence: str) -> list[str]:
    """English frame words and another language in one sentence, outside a quotation."""
    plain = _QUOTED.sub(" ", sentence)
    foreign_script = [c for c in plain if c.isalpha() and ord(c) > 0x24F]
    # Lower-case words that are another language's function words, or carry accents
    # English words do not: capitalised ones may be names ("José").
    foreign_words = [
        word
        for word in _WORD.findall(plain)
        if word[:1].islower()
        and word not in ENGLISH
        and (any(word in stop for stop in STOPWORDS.values()) or not word.isascii())
        and not lexicon.is_ordinary(word)
    ]
    if foreign_script or foreign_words or detect(plain) is not None:
        return [f"languages mixed in one sentence: {sentence!r}"]
    return []


def problems(text: str, inputs: Iterable[str] = ()) -> list[str]:
    """Every slip found in one draft."""
    inputs = list(inputs)
    allowed = _typed_capitals(inputs)
    found = []
    for match in DOUBLED.finditer(text):
        found.append(f"doubled word: {match.group(0)!r}")
    for pattern in PUNCTUATION:
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 30) : match.end() + 10]
            found.append(f"punctuation: {match.group(0)!r} in …{context!r}")
    found += _empty_slots(text)
    for sentence in sentences(text):
        found += _sentence_problems(sentence, frozenset(allowed))
    return found


@functools.lru_cache(maxsize=8192)
def _sentence_problems(sentence: str, allowed: frozenset[str]) -> tuple[str, ...]:
    """The checks of one sentence; drafts repeat most sentences, so they are cached."""
    found = [f"frame repeated: {sentence!r}" for pattern in ECHOES if pattern.search(sentence)]
    found += _mid_capitals(sentence, set(allowed))
    found += _shape(sentence)
    found += _mixed(sentence)
    return tuple(found)
