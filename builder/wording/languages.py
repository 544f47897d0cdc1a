"""Telling whether a field is written in a language other than English.

The drafts are English, so a field in another language cannot be spliced into an
English sentence. This is a small, conservative check (the script a text is written
in, and common function words), not a language identifier: it answers only when the
evidence is plain, and otherwise treats the text as English.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from builder.wording.catalog import to_say
from builder.wording.en.lexicon import is_ordinary

ENGLISH = frozenset(
    """
a about after all also am an and any are as at be because been before but by can could did
do does for from get had has have how i if in into is it its just like may me more my no not
now of on once one only or our out so some than that the their them then there these they
this those to too up us very was we were what when where which while who why will with would
you your i'll i'm i've i'd
""".split()
)

# Function words of each language that English does not share.
STOPWORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        """el la los las del al y que en un una unos unas es son por para con
        sin sobre pero como más mi mis tu su sus yo quiero aprender cómo qué cuando porque
        también muy ya sí está están ser hacer antes cada después nuestro nuestra""".split()
    ),
    "fr": frozenset(
        """le la les des du et est une un je tu il elle nous vous ils mon ma mes
        ton sa ses pour avec sans sur dans pas plus comme mais aussi très déjà oui être
        faire avant chaque après apprendre comment parce quand notre votre""".split()
    ),
    "de": frozenset(
        """der die das den dem des und ist ein eine einen ich du er sie wir ihr
        mein meine mit für ohne auf nicht auch sehr schon ja sein machen vor jedem jeder
        nach lernen wie weil wenn unser euer möchte""".split()
    ),
    "pt": frozenset(
        """o os as um uma uns umas é são do da dos das e em no na nos nas com
        sem sobre mas como mais meu minha eu você quero aprender porque quando também
        muito já sim está ser fazer antes cada depois nosso nossa""".split()
    ),
    "it": frozenset(
        """il lo gli le di del della dei e è un una uno io tu lui lei noi voi mio
        mia miei per con senza su ma come più anche molto già sì essere fare prima ogni
        dopo imparare perché quando nostro nostra voglio mie mio miei tuoi suoi nel nella""".split()
    ),
    "nl": frozenset(
        """de het een en is ik jij je hij zij wij mijn met voor zonder op niet
        ook zeer al ja zijn maken vóór elke na leren hoe omdat wanneer onze wil""".split()
    ),
}
NAMES = {
    "en": to_say("English"), "es": to_say("Spanish"), "fr": to_say("French"),
    "de": to_say("German"), "pt": to_say("Portuguese"), "it": to_say("Italian"),
    "nl": to_say("Dutch"), "ja": to_say("Japanese"), "zh": to_say("Chinese"),
    "ko": to_say("Korean"),
}  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Language:
    """Another language a field seems to be written in ("" code when unsure which)."""

    code: str

    @property
    def name(self) -> str:
        """ "Spanish", or "another language" when the code is not one we name."""
        return (NAMES.get(self.code) if self.code != "en" else None) or to_say("another language")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _by_script(letters: list[str]) -> Language | None:
    other = [script for c in letters if not c.isascii() and (script := _script(c)) != "LATIN"]
    if len(other) * 2 < len(letters):
        return None
    if any(s in ("HIRAGANA", "KATAKANA") for s in other):
        return Language("ja")
    if any(s == "HANGUL" for s in other):
        return Language("ko")
    if all(s == "CJK" for s in other):
        return Language("zh")
    return Language("")


@functools.lru_cache(maxsize=512)  # every keystroke re-reads the fields it did not change
def detect(text: str) -> Language | None:
    """The other language a text is written in, or None for English (or unsure).

    Examples:
        "sí, enviaré preguntas" -> Spanish; "日本語でプレゼン" -> Japanese;
        "SQL window functions", "Kubernetes", "café culture" -> None.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    if found := _by_script(letters):
        return found
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(text)]
    english = sum(w in ENGLISH for w in words)
    counts = sorted(
        ((sum(w in stop for w in words), code) for code, stop in STOPWORDS.items()), reverse=True
    )
    (best, code), (runner_up, _) = counts[0], counts[1]
    named = code if best >= 2 and best > runner_up else ""
    if best >= 2 and best > english:
        return Language(named)
    if english or len(words) < 2:
        return None
    # No English function words: look at the lower-case words (capitalised ones are
    # often names of people or tools, in any language). Mostly unknown to English,
    # with a foreign function word or accents on most of them, is another language.
    plain = [w for w in _WORD.findall(text) if w[:1].islower()]
    known = sum(is_ordinary(w) for w in plain)
    accented = sum(not w.isascii() for w in plain)
    if plain and known * 3 < len(plain) and (best or accented * 2 > len(plain)):
        return Language(named)
    return None


_COMPOUND = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# English words that are another language's function words: "a sim session", "a den".
ENGLISH_TOO = frozenset("sim sims den dens".split())


def mixed(text: str) -> bool:
    """Words of another language among English ones, which an English sentence cannot
    take in unquoted: a script English is not written in, or lower-case words that are
    another language's function words, or carry accents no English word has
    ("panadería"); capitalised words may be names ("José") and are left alone."""
    if any(c.isalpha() and ord(c) > 0x24F for c in text):
        return True
    for word in _COMPOUND.findall(text):  # "co-op" is one word, not "co" and Dutch "op"
        if not word[:1].islower() or word in ENGLISH or word in ENGLISH_TOO:
            continue
        foreign = any(word in stop for stop in STOPWORDS.values()) or not word.isascii()
        if foreign and not is_ordinary(word):
            return True
    return False
