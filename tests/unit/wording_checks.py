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
import itertools
import re
from collections.abc import Iterable

from builder.mentor.frames import SLOTS_ALL as SLOTS  # the request's and the reply's
from builder.wording.en import lexicon
from builder.wording.languages import ENGLISH, ENGLISH_TOO, STOPWORDS, detect

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTED = re.compile(r"“[^”]*”")
_COMPOUND = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_HINT = re.compile(r"\[[^\]]*\]")  # the drafts' own blanks: "[say how far you got]"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[^\W_a-z])")
_BULLET = re.compile(r"^\s*-\s+")

DOUBLED = re.compile(r"(?i)\b([a-z']+)[ \t]+\1\b")  # within a line: a title ends one
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
    """A draft's sentences: line by line, without list markers and the drafts' blanks. A
    quotation is part of the sentence it is in, whatever sentences it holds."""
    found = []
    for line in text.splitlines():
        line = _HINT.sub("", _BULLET.sub("", line)).strip()
        quotes = _QUOTED.findall(line)
        # Each quotation stands in as one mark; one that ends a sentence ends it here too.
        line = _QUOTED.sub(lambda m: "\x02." if m.group(0)[-2:-1] in ".!?" else "\x00", line)
        for part in _SENTENCE.split(line):
            while quotes and ("\x00" in part or "\x02." in part):
                at = min(i for i in (part.find("\x00"), part.find("\x02.")) if i >= 0)
                size = 2 if part.startswith("\x02.", at) else 1
                part = part[:at] + quotes.pop(0) + part[at + size :]
            if part.strip():
                found.append(part.strip())
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


# --- slips the blind corpora showed (issue #23) -----------------------------------------

# What a clause can start with: a subject ("I've run", "my manager signs").
_SUBJECTS = frozenset("i you we they he she it there this that these those".split())
_CONTRACTED = re.compile(r"^(?:i|you|we|they|he|she|it|there|that|what|who)'(?:m|re|s|ve|d|ll)$")
_AUX = frozenset(
    "am is are was were be been has have had do does did can could will would shall should "
    "may might must get gets got".split()
)
WHEN_SLOT = re.compile(r"(?i)\b(?:worked|succeeded|a success) when\s+(.+)$")
SAID_WHEN = re.compile(r"(?i)\bI said I'd know it had worked when\s+(\S+(?:\s+\S+)?)")
# In a past report ("I said I'd know it had worked when …"), a present or perfect verb.
_PRESENT = re.compile(
    r"(?i)^(?:i|we|you|they|it|my \w+|our \w+)(?:'(?:ve|m|re|s)| (?:have|has|am|are|is|can)\b)"
)
# Noun frames, and a word the reader may have meant as a verb at the join: "learn about
# practice system design interviews" (practise them), "mentor me on review my code".
JOIN_NOUN_FRAMES = re.compile(
    r"(?i)\b(?:learn about|mentor me on|mentor you on|help with|help me with|calls? on|"
    r"meetings? on|chats? on|sessions? on|ask about)\s+(\S+)\s+(\S+)"
)
_VERB_LIKE_NEXT = (
    lexicon.DETERMINERS | lexicon.POSSESSIVES
    | frozenset("me my your his her their them it us him this these those".split())
)  # fmt: skip
_PURPOSE = re.compile(r"(?i)\bso (?:that )?(?:i|we|they)\b|\bin order to\b")
PURPOSE_SLOTS = re.compile(
    r"(?i)\b(?:learning about|learning|working on|calls on|meetings on|chats on|sessions on)"
    r"\b[^.?!]*?\b(?:so (?:that )?(?:i|we)|in order to)\b[^.?!]*\b(?:with your help|\S)"
)
_THANKS = re.compile(r"(?i)^(?:and )?(?:thank you|thanks|many thanks|thank you so much)\b")
INFORMAL_GREETING = re.compile(r"^(?:Hi|Hey|Hiya)\s+([A-Z][\w'’-]+)\s+([A-Z][\w'’-]+)[,!]")
# The mentor's words turned into the reader's sentence with "you" left in: "you suggested
# I start with the smallest module you own" (the mentor's "you" is the reader).
TURNED_ADVICE = re.compile(r"(?i)\b(?:you suggested I|your advice to|you advised me to)\b([^.?!]*)")


_DEGREE = frozenset("more most less least very so too really fully well better".split())


def _not_a_clause(text: str) -> bool:
    """A noun phrase where a clause belongs: "a calmer, more organised me", "a draft I'm
    happy with" (a clause inside it is not one), "Doc approved" (no verb of its own)."""
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(_QUOTED.sub(" ", text))]
    if not words:
        return False
    if words[0] in _SUBJECTS or _CONTRACTED.match(words[0]) or lexicon.I_FORMS.match(words[0]):
        return False
    for index, word in enumerate(words[1:10], start=1):
        if word in _SUBJECTS or _CONTRACTED.match(word) or lexicon.I_FORMS.match(word):
            return True  # another clause's subject before any verb of this one
        last = index == len(words) - 1
        # "organised" in "a more organised me" describes: a past form is a verb only when
        # something follows it and it is not after a determiner or a degree word.
        describing = words[index - 1] in _DEGREE or words[index - 1] in lexicon.DETERMINERS
        past_verb = lexicon.is_past(word) and not last and not describing
        if word in _AUX or lexicon.is_finite(word) or past_verb:
            return False
    return True


def _issue_23(sentence: str) -> list[str]:
    found = []
    quoted, sentence = sentence, _QUOTED.sub("“”", sentence)  # the reader's quoted words: theirs
    if (match := WHEN_SLOT.search(sentence)) and _not_a_clause(match.group(1)):
        found.append(f"a noun phrase after 'when': {sentence!r}")
    if (match := SAID_WHEN.search(sentence)) and _PRESENT.match(match.group(1)):
        found.append(f"tense after 'I said I'd know': {sentence!r}")
    for match in JOIN_NOUN_FRAMES.finditer(sentence):
        word, following = (w.strip("“”\"'(),.?!;:").casefold() for w in match.groups())
        verb_like = word in lexicon.NOUN_VERBS and following in _VERB_LIKE_NEXT
        leading = word in NOUN_VERBS_LEADING and following not in lexicon.OBJECT_STARTS
        leading = leading and (word in VERBS_LEADING or following not in _COMPOUND_NOUNS)
        if verb_like or leading:
            found.append(f"a verb read as a noun: {match.group(0)!r} in {sentence!r}")
    if PURPOSE_SLOTS.search(sentence):
        found.append(f"a purpose clause inside a noun slot: {sentence!r}")
    if match := INFORMAL_GREETING.match(quoted):
        found.append(f"a full name in an informal greeting: {match.group(0)!r}")
    if (match := TURNED_ADVICE.search(sentence)) and re.search(r"(?i)\byour?\b", match.group(1)):
        found.append(f"the mentor's 'you' left in the reader's sentence: {sentence!r}")
    return found


# Noun-verbs a reader mostly means as a verb when they start a phrase ("practice system
# design interviews", "review process docs"): read as a noun after "about", a slip.
NOUN_VERBS_LEADING = frozenset(
    "practice practise review plan lead present report record project progress help need "
    "test check support update process draft change contact study design prepare".split()
)


# Of those, the ones a reader almost always means as a verb: "practice system design".
VERBS_LEADING = frozenset("practice practise prepare present help need check contact".split())
# Second words that make the first a noun, whatever it could be: "design systems".
_COMPOUND_NOUNS = frozenset(
    "systems system process processes skills skill management strategy strategies plan plans "
    "review reviews meetings meeting sessions session work writing methods tools culture "
    "techniques documents docs deck decks cycle cycles framework frameworks automation "
    "cases suite suites coverage improvement improvements design planning practices "
    "principles theory flow flows ethic etiquette balance models model".split()
)


_THANKING = re.compile(r"(?i)\b(?:thank you|thanks)\b")


def _two_thanks(draft_sentences: list[str]) -> list[str]:
    """Two sentences in a row that thank them: "… reading this far. Thank you for …"."""
    found = []
    for first, second in itertools.pairwise(draft_sentences):
        if _THANKING.search(first) and _THANKS.match(second):
            found.append(f"two thanks in a row: {first!r} {second!r}")
    return found


def _fixed_sentences() -> str:
    """The builder's own fixed lines (the tones' sentences), which hold no slot."""
    from dataclasses import astuple

    from builder.wording.pieces import TONES

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


def _empty_slots(text: str, inputs: Iterable[str] = ()) -> list[str]:
    """A frame's words with nothing after them: "because .", "learn about ?" (not the
    reader's own: "what I want to focus on, a few days before")."""
    problems = []
    for match in FRAME_TAILS.finditer(text):
        after = text[match.end() : match.end() + 2]
        if not after.strip() or after.lstrip()[:1] in ".,;:!?":
            own = match.group(0) + after.rstrip()
            if any(own.casefold() in typed.casefold() for typed in inputs):
                continue
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
        for word in _COMPOUND.findall(plain)  # "co-op", not "co" and Dutch "op"
        if word[:1].islower()
        and word not in ENGLISH
        and word not in ENGLISH_TOO
        and (any(word in stop for stop in STOPWORDS.values()) or not word.isascii())
        and not lexicon.is_ordinary(word)
    ]
    if foreign_script or foreign_words or detect(plain) is not None:
        return [f"languages mixed in one sentence: {sentence!r}"]
    return []


# ":)", ";-)": a face, not punctuation (the reader's, kept as typed, like an emoji).
EMOTICON = re.compile(r"(?<!\w)[:;]-?[()DPp](?!\w)")


def problems(text: str, inputs: Iterable[str] = ()) -> list[str]:
    """Every slip found in one draft."""
    inputs = list(inputs)
    text = EMOTICON.sub("🙂", text)
    allowed = _typed_capitals(inputs)
    found = []
    for match in DOUBLED.finditer(text):
        if not any(match.group(0).casefold() in typed.casefold() for typed in inputs):
            found.append(f"doubled word: {match.group(0)!r}")  # not the reader's own
    for pattern in PUNCTUATION:
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 30) : match.end() + 10]
            found.append(f"punctuation: {match.group(0)!r} in …{context!r}")
    found += _empty_slots(text, inputs)
    draft_sentences = sentences(text)
    found += _two_thanks(draft_sentences)
    echoed = tuple(p for p in ECHOES if any(p.search(typed) for typed in inputs))
    for sentence in draft_sentences:
        found += _sentence_problems(sentence, frozenset(allowed), echoed)
    return found


@functools.lru_cache(maxsize=8192)
def _sentence_problems(
    sentence: str, allowed: frozenset[str], echoed: tuple[re.Pattern[str], ...] = ()
) -> tuple[str, ...]:
    """The checks of one sentence; drafts repeat most sentences, so they are cached. A
    repetition the reader typed themselves (`echoed`) is theirs to keep."""
    found = [
        f"frame repeated: {sentence!r}"
        for pattern in ECHOES
        if pattern.search(sentence) and pattern not in echoed
    ]
    found += _mid_capitals(sentence, set(allowed))
    found += _shape(sentence)
    found += _issue_23(sentence)
    found += _mixed(sentence)
    return tuple(found)
