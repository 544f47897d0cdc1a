"""The name a greeting uses: as typed in a formal one, the name they go by in a warm or
casual one ("Hi Tom," not "Hi Tom Okafor,").

The reader can say what they call them (the request's "What do you call them?"); when
they have not, a name of two words or more gives its first ("Tom Okafor" → "Tom"),
unless it starts with a title ("Dr. Chen", "Prof Ana Ruiz": kept whole, as a title
needs its name) or holds a comma ("Okafor, Tom": which part is which is not ours to
guess). A single name is used as typed.
"""

from __future__ import annotations

import re

TITLES = frozenset(
    """dr doctor prof professor mr mrs ms mx miss sir dame lord lady rev reverend fr father
    sister brother judge justice captain capt dean rabbi imam pastor major colonel""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def informal_name(name: str, call: str = "") -> str:
    """What a warm or casual greeting calls someone: `call` if given, else the first
    word of a plain full name, else the name as typed."""
    call = " ".join(call.split()).strip(" ,;:")
    if call:
        return call
    name = " ".join(name.split()).strip(" ,;:")
    words = name.split(" ")
    if len(words) < 2 or "," in name:
        return name
    first = words[0]
    if first.rstrip(".").casefold() in TITLES or not _WORD.fullmatch(first):
        return name
    return first
