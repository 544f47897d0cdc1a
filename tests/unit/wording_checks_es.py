"""Reading a Spanish draft the way a careful mentor would, for the slips fitting causes.

Each check takes a draft's text and the reader's own words (which are theirs to write:
they are taken out before the frame's own words are judged) and returns one line per
problem: a doubled word, a frame phrase the reader's words repeat ("porque porque"),
doubled or stranded punctuation, tú and usted in one draft, an article or adjective of
the frame that does not agree with the meeting word, and English frame words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_HINT = re.compile(r"\[[^\]]*\]")  # the drafts' own blanks: "[cuenta hasta dónde llegaste]"
DOUBLED = re.compile(r"(?i)(?<![\w-])([^\W\d_]+)[ \t]+\1(?![\w-])")
ECHOES = (
    re.compile(r"(?i)\bporque (?:porque|ya que|pues)\b"),
    re.compile(r"(?i)\bcuando (?:cuando|sabré)\b"),
    re.compile(r"(?i)\bvoy a (?:voy|ir a)\b"),
    re.compile(r"(?i)\bayudaras? a (?:ayudar|que me ayud)"),
    re.compile(r"(?i)\bantes de (?:cada|la) \w+, antes de\b"),
    re.compile(r"(?i)\b(?:te|le) contaré (?:te|le) (?:contaré|cuento)\b"),
    re.compile(r"(?i)\bme gustaría (?:pedirte|pedirle) ayuda con esto: me gustaría\b"),
)
PUNCTUATION = (
    re.compile(r"[,;:]\s*[.!?,;:]"),
    re.compile(r"(?<!\.)\.\.(?!\.)"),
    re.compile(r"[!?]\."),
    re.compile(r"\s[.,;:]"),
)
TU = re.compile(
    r"(?i)\b(?:te|ti|tu|tus|contigo|estés|dímelo|respondas|contestes|conoces|podrías|"
    r"tendrías|ayudarías|ayudaras|darías|tienes)\b"
)
USTED = re.compile(
    r"(?i)\b(?:usted|le|su|sus|dígamelo|encuentre|responda|conoce|podría darme|tendría|"
    r"ayudaría|ayudara|daría)\b"
)
# The meeting words are all feminine: an article or adjective of the frame agrees.
MASCULINE = re.compile(
    r"(?i)\b(?:el|los|un|unos|primer|primero|segundo|tercero|último|cada uno de los)\s+"
    r"(?:videollamadas?|llamadas?|reuni[óo]n(?:es)?|sesi[óo]n(?:es)?)\b"
)
ENGLISH_WORDS = re.compile(
    r"\b(?:the|and|with|you|your|I'll|I'd|I'm|for|of|to|would|meeting|call|thank)\b"
)


def _frame_text(text: str, inputs: Iterable[str]) -> str:
    """The draft without the reader's own words (each line they typed, as typed and
    with a lower first letter) and without the blanks left for them to fill in."""
    frame = _HINT.sub(" ", text)
    lines = [line.strip() for value in inputs for line in value.replace("\\n", "\n").split("\n")]
    # Each line as typed, and its tail after the lead-ins a frame drops (up to ten words).
    tails = {" ".join(line.split()[n:]) for line in lines for n in range(11)}
    pieces = sorted(
        {piece for tail in tails for piece in (tail.rstrip(".!?"), tail) if len(piece) > 3},
        key=len,
        reverse=True,
    )
    for piece in pieces:
        for form in {piece, piece[:1].lower() + piece[1:], piece[:1].upper() + piece[1:]}:
            frame = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", " ", frame)
    return frame


def problems(text: str, inputs: Iterable[str], register: str) -> list[str]:
    """What a careful reader would stop at in one Spanish draft (`register`: "tu" or
    "usted", the tone's)."""
    inputs = [value for value in inputs if value]
    typed = " ".join(inputs).casefold()
    found = []
    for match in DOUBLED.finditer(text):
        if match.group(0).casefold() not in typed:
            found.append(f"doubled word: {match.group(0)!r}")
    for pattern in ECHOES:
        for match in pattern.finditer(text):
            if match.group(0).casefold() not in typed:
                found.append(f"frame repeated: {match.group(0)!r}")
    frame = _frame_text(text, inputs)
    for pattern in PUNCTUATION:
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 12) : match.end() + 12]
            if match.group(0).casefold() not in typed:
                found.append(f"punctuation: {around!r}")
    other = USTED if register == "tu" else TU
    for match in other.finditer(frame):
        found.append(f"{'usted' if register == 'tu' else 'tú'} in a {register} draft: "
                     f"{match.group(0)!r}")  # fmt: skip
    for match in MASCULINE.finditer(frame):
        found.append(f"agreement: {match.group(0)!r}")
    for match in ENGLISH_WORDS.finditer(frame):
        found.append(f"English frame word: {match.group(0)!r}")
    return found
