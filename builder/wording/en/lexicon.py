"""The English words the frame fitting needs to know, as tables.

Only what it takes to read the *shape* of a short phrase: whether it starts with a
verb ("improve my code reviews"), a subject ("SQL window functions"), a "how to", a
sentence of its own ("we worked together on…"); whether a capital letter is an
ordinary word's or a name's. Everything else about the reader's words is left alone.
"""

from __future__ import annotations

import functools
import re

from builder.wording.en.common_words import WORDS

# Verbs a learning goal, a plan or a reason commonly starts with, in their base form.
# Words that are as often nouns ("design", "review", "plan") are in NOUN_VERBS too:
# they count as a verb only when what follows reads like an object ("review my
# code"), not a noun ("code review").
VERBS = frozenset(
    """
accept adapt add address adjust advise agree align analyse analyze answer apply approach
argue arrange ask assess attend avoid balance become begin brainstorm break bring build
calculate call catch challenge change check choose clarify clean close coach collaborate
collect come communicate compare complete connect consider contact contribute convince cope create
critique cut deal debug decide define delegate deliver demonstrate describe design develop
discuss do document draft draw drive earn edit email encourage end engage estimate evaluate
examine explain explore facilitate figure file find finish fix focus follow frame gather get
give go grow guide hand handle have hear help hire host identify implement improve include
influence interview introduce investigate join judge keep kick know land launch lead learn
leave let list listen look make manage map master measure meet mentor message migrate model
motivate move navigate negotiate note observe onboard open organise organize outline own pair
pass pick pitch plan practice practise prepare present prioritise prioritize process produce
progress project propose prototype prove publish push put raise reach read rebuild record
recover reduce refactor
reflect rehearse remember reply report request research resolve respond restructure
rethink return review revise rewrite run say scale schedule scope see sell send set settle
shadow shape share ship show sign simplify sit sketch solve sort speak speed spend spot
stand start stay step stop streamline structure study submit summarise summarize support
switch take talk teach tell test think track train transition translate try turn understand
update upgrade use validate visit walk want watch welcome win work write
""".split()
)

NOUN_VERBS = frozenset(
    """
answer approach balance break call change check close coach contact cut deal design document draft
edit email estimate file finish focus frame host interview land launch lead list look map
model move need note outline pass pitch plan practice present process progress project
prototype push reach record
reply report request research return review rewrite run scale schedule scope sell shadow
shape share ship show sign sketch sort speed spot stand start step stop structure study
support switch talk test track train transition turn update upgrade visit walk watch work
""".split()
)

# Of those, the ones a phrase that starts with them almost always means as a verb:
# "practice system design interviews" is to practise them, whatever follows.
MOSTLY_VERBS = frozenset("practice practise prepare present help need check contact".split())

# Past tenses and participles that do not end in -ed.
IRREGULAR_PAST = frozenset(
    """
ate became began broke brought built bought came caught chose done drew drove fed felt
found flew forgot forgotten gave given got gotten grew had heard held hid kept knew known
laid led left lent let lost made meant met paid put quit ran read rode rose run said saw
seen sold sent set shown shut sat slept spoke spoken spent stood stole struck swam taken
taught told thought threw thrown took understood woke won wore worn wrote written
""".split()
)

# Words a following verb can take as its object or complement: after "review", "my"
# makes it a verb ("review my code"); a noun makes it a noun ("review process").
OBJECT_STARTS = frozenset(
    """
a an the my our your their his her its this that these those some any every each all
more less me you him them us it one two three four five six seven eight nine ten
up out down off over through with for to on in at by into about from back around
better faster together how what why when where which who whether
""".split()
)

SUBJECT_PRONOUNS = frozenset("i we you they he she it".split())
# The reader's own "I" with an auxiliary, as typed: "I've", "I'm", "I'll"…
I_FORMS = re.compile(r"(?i)^i(?:'(?:m|ve|ll|d)|’(?:m|ve|ll|d))?$")

# Past tenses that are never participles: "gave", unlike "given" or "booked".
PAST_ONLY = frozenset(
    """
ate became began came chose drew drove flew forgot gave grew knew ran rode rose sang saw
spoke stole swam threw took went woke wore wrote""".split()
)

# Words that make a clause a clause: an auxiliary or a common finite verb.
FINITE = frozenset(
    """
am is are was were be been being has have had do does did can could will would shall
should may might must won't can't don't doesn't didn't isn't aren't wasn't weren't
i'm i've i'll i'd we're we've we'll you're you've they're it's that's there's
""".split()
)

WH_WORDS = frozenset("how what why when where which who whether".split())
AUXILIARIES = frozenset(
    "do does did can could should would will is are am was were may might must shall".split()
)
POSSESSIVES = frozenset("my our".split())
DETERMINERS = frozenset("a an the this that these those some any every each".split())

# Capitalised and not used as a verb, these are usually the names of languages,
# tools or people ("Rust for embedded", "Mark suggested…"), not ordinary words.
KEEP_CAPITAL = frozenset(
    """
go rust swift ruby java python perl dart julia crystal elixir excel slack figma jira
confluence outlook will mark grace hope joy rose faith victoria june august may bill frank
drew amber iris jade dawn summer march wed sat sun mar
""".split()
)

# Verb forms in -s that are rarely plural nouns, so they mark a clause ("it works").
FINITE_S = frozenset(
    """
works knows says goes gets makes takes runs uses feels looks seems means needs wants helps
shows gives keeps leads ships passes approves agrees thinks sees comes becomes happens
starts ends sounds matters asks tells writes reads manages owns handles covers includes
explains teaches understands builds creates delivers signs adopts accepts approves
stops uses lands""".split()
)

_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"),
            ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("est", ""))  # fmt: skip


@functools.cache
def ordinary_words() -> frozenset[str]:
    """Common English words (base forms), from builder/wording/en/common_words.py."""
    return frozenset(WORDS.split())


def _stems(word: str) -> list[str]:
    """The word, and what it could be with a regular ending taken off."""
    found = [word]
    for ending, back in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2:
            found.append(stem + back)
            if back == "" and len(stem) >= 3 and stem[-1] == stem[-2]:
                found.append(stem[:-1])  # "shipped" -> "ship"
    return found


def is_ordinary(word: str) -> bool:
    """Whether a word, in lower case, is a common English word rather than a name.

    "Interviews", "shipped" and "Writing" are; "Jonas" and "Kubernetes" are not.
    Words in KEEP_CAPITAL ("Rust") are ordinary too: the caller decides whether a
    capital on one of them marks a name.
    """
    folded = word.casefold().replace("’", "'")
    words = ordinary_words()
    for stem in _stems(folded):
        if stem in words or stem in VERBS:
            return True
        if any(inner in words for inner in _stems(stem)[1:]):
            return True
    return False


def verb_base(word: str) -> str | None:
    """The base form if a word is one of VERBS (base, -s or -ing form), else None."""
    folded = word.casefold()
    if folded in VERBS:
        return folded
    for stem in _stems(folded)[1:]:
        if stem in VERBS:
            return stem
    return None


def is_gerund(word: str) -> bool:
    """ "writing", "getting", "running": a known verb's -ing form."""
    folded = word.casefold()
    if not folded.endswith("ing") or folded in VERBS:
        return False  # "bring", "sing"
    stem = folded[:-3]
    return any(
        form in VERBS
        for form in (stem, stem + "e", stem[:-1] if stem[-1:] * 2 == stem[-2:] else "")
    )


def is_past(word: str) -> bool:
    """A verb's past form: "met", "worked", "shipped", "attended"."""
    folded = word.casefold()
    if folded in IRREGULAR_PAST:
        return True
    if not folded.endswith("ed") or len(folded) < 5:
        return False
    words = ordinary_words()
    return any(stem in VERBS or stem in words for stem in _stems(folded)[1:])


def is_finite(word: str) -> bool:
    """Whether a word is a verb form only a clause has: "is", "works", "gave".

    "-ed" forms do not count: "three calls booked" is a note, not a clause (a
    subject in front, "I booked", is what makes one); nor do past forms that are
    also base forms ("run", "read", "set").
    """
    folded = word.casefold().replace("’", "'")
    return folded in FINITE or folded in FINITE_S or folded in PAST_ONLY
