"""The small pieces of language the templates fit the user's words into.

Tone, format and number words are tables so the templates stay free of branching on
them; the reader's own words are fitted to the sentences by `fitting`, which uses
`bare` and `sentence` here to meet the frame's punctuation once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tone:
    """The wording a tone changes: greetings, the easy no, thanks and sign-off."""

    hello: str
    chat_hello: str
    chat_mark: str
    opener: str
    easy_no: str
    easy_no_short: str
    thanks: str
    grateful: str
    no_reply: str
    sign_off: str
    subject: str
    glad: str = ""  # after a yes
    understood: str = ""  # after a no
    once_more: str = ""  # the one follow-up
    no_pressure: str = ""  # and how it lets them off
    # Asking in person: a line to ask for the moment, the easy no said aloud, and the
    # written summary after a yes ({on}: " on Tuesday 13 January", or nothing).
    ask_moment: str = ""
    said_no: str = ""
    said_yes: str = ""
    heard_out: str = ""  # "let me think about it", said in person ({on} as above)


TONES: dict[str, Tone] = {
    "warm": Tone(
        hello="Hi",
        chat_hello="Hi",
        chat_mark="!",
        opener="I hope you're well.",
        easy_no="If now isn't a good time, no problem at all: just say so.",
        easy_no_short="If now isn't a good time, no problem at all.",
        thanks="Thank you for considering it.",
        grateful="It meant a lot to me.",
        no_reply="And there's no need to reply if you're busy.",
        sign_off="Warm regards,",
        subject="A small mentoring request",
        glad="Thank you so much for saying yes. I'm really glad.",
        understood="I completely understand, and I'm grateful you took the time to reply.",
        once_more="I know how busy you are, so this is the only time I'll ask again.",
        no_pressure="If now isn't the right time, that's completely fine, "
        "and there's no need to explain. "
        "If I don't hear back, I'll take it that it doesn't suit at the moment.",
        ask_moment="Have you got five minutes this week? I'd like to ask you something small.",
        said_no="And if now's not a good time, that's completely fine: just say.",
        said_yes="Thank you so much for saying yes when we spoke{on}. Here is what we agreed, "
        "so we both have it in writing.",
        heard_out="Thank you for hearing me out{on}.",
    ),
    "formal": Tone(
        hello="Dear",
        chat_hello="Hello",
        chat_mark=",",
        opener="I hope this message finds you well.",
        easy_no="If now is not a good time, that is entirely fine — a brief reply "
        "to say so is all I would need.",
        easy_no_short="If now is not a good time, that is entirely fine.",
        thanks="Thank you for considering my request.",
        grateful="I am very grateful for your time and advice.",
        no_reply="There is no need to reply if you are busy.",
        sign_off="Kind regards,",
        subject="Request for a short mentoring arrangement",
        glad="Thank you very much for agreeing to this.",
        understood="I quite understand, and I am grateful that you took the time to reply.",
        once_more="I appreciate how busy you are, so I will not write about this again.",
        no_pressure="If now is not the right time, that is entirely fine, "
        "and there is no need to explain. "
        "If I do not hear back, I will take it that it does not suit at the moment.",
        ask_moment="Might you have five minutes this week? I would like to ask you something "
        "brief.",
        said_no="If now is not a good time, that is entirely fine: please do say so.",
        said_yes="Thank you very much for agreeing to this when we spoke{on}. Here is what we "
        "agreed, so that we both have it in writing.",
        heard_out="Thank you for taking the time to hear me out{on}.",
    ),
    "casual": Tone(
        hello="Hey",
        chat_hello="Hey",
        chat_mark="!",
        opener="Hope all's good with you.",
        easy_no="If now's not a good time, no problem at all — a quick no is totally fine.",
        easy_no_short="If now's not a good time, no worries at all.",
        thanks="Thanks for thinking about it!",
        grateful="It really helped.",
        no_reply="No need to reply if you're swamped.",
        sign_off="Cheers,",
        subject="Quick ask",
        glad="Thanks so much for saying yes!",
        understood="Totally understood, and thanks for getting back to me.",
        once_more="I know you're busy, so this is the last nudge from me.",
        no_pressure="If now's not the right time, totally fine, no need to explain. "
        "If I don't hear back, I'll take it that it doesn't suit right now.",
        ask_moment="Got five minutes this week? I've got a small ask.",
        said_no="And if now's not a good time, no worries at all: just say.",
        said_yes="Thanks so much for saying yes when we talked{on}! Here's what we agreed, so "
        "we've both got it in writing.",
        heard_out="Thanks for hearing me out{on}.",
    ),
}

# format value -> (singular, plural, short singular, short plural)
FORMAT_WORDS: dict[str, tuple[str, str, str, str]] = {
    "video": ("video call", "video calls", "call", "calls"),
    "in-person": ("meeting in person", "meetings in person", "meeting", "meetings"),
    "phone": ("phone call", "phone calls", "call", "calls"),
    "chat": ("chat session", "chat sessions", "chat", "chats"),
}

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "eleven", "twelve")  # fmt: skip
ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth")  # fmt: skip

_ENDS = ".!?…。！？؟۔।"
_CLOSERS = "\"'”’»)]"
_SOFT_ENDS = ",;:-–—"


def number(value: int) -> str:
    """ "three" for 3, "14" for 14: words read better for the small counts a request uses."""
    return NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else str(value)


def duration(minutes: int) -> str:
    """ "half an hour" for 30, "an hour" for 60, "45 minutes" otherwise: for help texts."""
    named = {30: "half an hour", 60: "an hour", 90: "an hour and a half", 120: "two hours"}
    return named.get(minutes, f"{number(minutes)} minutes")


def ordinal(value: int) -> str:
    """ "third" for 3, "14th" for 14."""
    if 0 < value < len(ORDINALS):
        return ORDINALS[value]
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def plural(count: int | None, singular: str, many: str) -> str:
    """The right form for a count; plural when the count is unknown."""
    return singular if count == 1 else many


def bare(text: str) -> str:
    """Text without its closing punctuation, to sit inside a longer sentence.

    "how to pitch?!" -> "how to pitch"; "slides, notes etc." -> "slides, notes etc";
    closing quotes and brackets stay.
    """
    text = text.rstrip()
    while text and text[-1] in _ENDS + _SOFT_ENDS:
        text = text[:-1].rstrip()
    return text


def sentence(text: str) -> str:
    """Text ending as a sentence does, adding a full stop only if it has none.

    "send notes etc." stays as it is, rather than gaining a second full stop, and
    "etc.." loses one.
    """
    text = text.rstrip()
    while text and text[-1] in _SOFT_ENDS:
        text = text[:-1].rstrip()
    if text.endswith("..") and not text.endswith("..."):
        text = text[:-1]  # "etc.." is a slip, not an ellipsis
    if not text or text.rstrip(_CLOSERS)[-1:] in tuple(_ENDS):
        return text
    return text + "."


def upper_first(text: str) -> str:
    """Capitalise only the first letter (after any emoji or quote), leaving names and
    acronyms alone."""
    for index, char in enumerate(text):
        if char.isalnum():
            return text[:index] + char.upper() + text[index + 1 :]
        if not (char.isspace() or char in "“\"'‘«¿¡" or unicodedata.category(char) == "So"):
            return text  # "[how many]" is a blank to fill in, not a sentence
    return text


def fence(text: str) -> str:
    """A Markdown code fence around text that may itself contain backticks."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}text\n{text.rstrip(chr(10))}\n{marks}"
