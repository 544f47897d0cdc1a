"""Turning whatever the browser sends into clean text, the same way everywhere.

The validator, the saved-state reader and the drafts all need text without control
characters, lone surrogates or mixed Unicode forms; doing it once keeps them agreeing.
"""

from __future__ import annotations

import math
import re
import unicodedata

# C0 and C1 controls (tab and newline are handled before this runs) and lone
# surrogates, which a JS string can carry but UTF-8 cannot encode.
_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_SINGLE_LINE = re.compile("[\n\t]")
_MAX_DIGITS = 18


def coerce(value: object) -> str | None:
    """Read a form value as a string.

    Returns:
        The text, "" for None, or None when the value is nothing a form field
        could hold (lists, dicts, booleans, infinities), so the caller can say so.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        # str() of a huge int raises on CPython's digit limit; no form sends one.
        return str(value) if abs(value) < 10**_MAX_DIGITS else None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else str(value)
    return None


def clean(text: str, *, multiline: bool) -> str:
    """Remove what should never reach a draft, keeping everything the user typed.

    Line breaks become "\\n" (or spaces in single-line fields), control characters
    and lone surrogates go, and the result is NFC so "é" is one character whether
    it was typed or pasted. Surrounding whitespace is kept: the form may still be
    mid-edit.
    """
    text = _LINE_BREAKS.sub("\n", text)
    if not multiline:
        text = _SINGLE_LINE.sub(" ", text)
    return unicodedata.normalize("NFC", _DROP.sub("", text))


def parse_whole_number(text: str) -> int | None:
    """A whole number typed in any script's digits, or None.

    Keeps to plain digits so "1e9", "3.5" and "1_000" are refused rather than
    guessed at, and caps the length so a pasted novel is not converted.
    """
    text = text.strip().removeprefix("+")
    if not text or len(text) > _MAX_DIGITS or not text.isdecimal():
        return None
    return int(text)


def shorten(text: str, limit: int) -> str:
    """Cut text to about `limit` characters at a word break, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    closing = "”" if text.startswith("“") and text.endswith("”") else ""  # a quote stays one
    return cut.rstrip(" ,;:.-—") + "…" + closing
