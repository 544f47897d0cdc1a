"""The protégé's words, as the mentor says them back: "run my first interview" becomes
"run your first interview", and "shadow two of your calls" "shadow two of my calls".

Only pronouns and the verbs that agree with them change ("I am" to "you are"); every
other word stays as typed. Where the change could be wrong (a quotation, "let's"),
`second_person` gives up and the reply thanks the protégé in general words instead:
a reply that says nothing about the focus is better than one that garbles it.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_GIVE_UP = re.compile(r"[\"“”‘«»]|\blet['’]s\b|\by['’]all\b|\bu\b|\bur\b", re.IGNORECASE)

# The protégé's own words for themselves (and their team), and for the mentor.
MINE = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "we're": "you're", "we've": "you've", "we'll": "you'll", "we'd": "you'd",
}  # fmt: skip
YOURS = {
    "your": "my", "yours": "mine", "yourself": "myself", "you're": "I'm", "you've": "I've",
    "you'll": "I'll", "you'd": "I'd",
}  # fmt: skip
# Before these, "you" is the subject ("how you run retros"); elsewhere, an object.
SUBJECT_AFTER = frozenset(
    "how what why when where whether if that and but so because as while once which who "
    "until before after".split()
)
# Verbs that agree with "I" or "you": "I am" -> "you are", "are you" -> "am I".
AGREES = {("i", "am"): "are", ("i", "was"): "were", ("you", "are"): "am", ("you", "were"): "was"}


def _case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() and word != "I" else word


def second_person(text: str) -> str | None:
    """The text with the speaker and the listener swapped, or None if unsure."""
    if _GIVE_UP.search(text):
        return None
    tokens = list(_TOKEN.finditer(text))
    folded = [t.group(0).casefold().replace("’", "'") for t in tokens]
    out: list[str] = []
    last = 0
    for index, token in enumerate(tokens):
        word, typed = folded[index], token.group(0)
        if typed.isupper() and len(typed) > 1:
            new = typed  # "US", "IT": not a pronoun
        elif word in MINE:
            # "I" is capital anywhere; "you" only where a sentence starts.
            capital = index == 0 or not (word == "i" or word.startswith("i'"))
            new = _case(MINE[word], typed if capital else typed.lower())
        elif word in YOURS:
            new = _case(YOURS[word], typed)
        elif word == "you":
            before = folded[index - 1] if index else ""
            subject = not before or before in SUBJECT_AFTER
            new = "I" if subject else _case("me", typed)
        else:
            new = typed
            before = folded[index - 1] if index else ""
            after = folded[index + 1] if index + 1 < len(folded) else ""
            if (before, word) in AGREES:
                new = _case(AGREES[(before, word)], typed)  # "I am" -> "you are"
            elif (after, word) in AGREES:
                new = _case(AGREES[(after, word)], typed)  # "am I" -> "are you"
        out.append(text[last : token.start()] + new)
        last = token.end()
    out.append(text[last:])
    return "".join(out)
