"""The request said aloud, for a reader who asks in person or on a call: a sentence a
line (the focus, why them, the time box, the easy no) and about how long it takes to
say; and which draft a way of asking puts first."""

from __future__ import annotations

from collections.abc import Mapping

from builder.request.validate import Request
from builder.wording import pieces as wording
from builder.wording.greeting import informal_name
from builder.wording.shapes import WORD


def primary_draft(channel: str) -> str:
    """The draft a way of asking sends: what to say in person, the email or the chat."""
    return {"in-person": "spoken", "chat": "chat"}.get(channel, "email")


SPEAKING_RATE = 2.5  # words a second, at an easy pace (150 a minute)


def spoken(request: Request, facts: Mapping[str, object]) -> dict[str, object]:
    """The request said aloud, a sentence a line (the focus, why them, the time box, the
    easy no), and about how long it takes to say."""
    tone = facts["tone"]
    say_slot = facts["say"]
    fitted = facts["fits"]
    # Said aloud, even a formal ask uses the name they go by.
    name = informal_name(request.mentor_name, request.mentor_call) or str(facts["greet"])
    lines = [f"{tone.chat_hello} {name}."]  # type: ignore[attr-defined]
    if fitted["connection"]:  # type: ignore[index]
        lines.append(say_slot("connection.chat"))  # type: ignore[operator]
    lines.append(say_slot("focus.spoken"))  # type: ignore[operator]
    lines.append(f"Would you have time for {facts['timebox']}? That's all I'd ask.")
    if facts["first_when"]:
        when = facts["first_when"]
        lines.append(f"Would {when} suit you?" if request.meetings == 1
                     else f"Could we start on {when}?")  # fmt: skip
    if fitted["outcome"]:  # type: ignore[index]
        lines.append(say_slot("outcome.check"))  # type: ignore[operator]
    lines.append(tone.said_no)  # type: ignore[attr-defined]
    words = sum(len(WORD.findall(line)) for line in lines)
    seconds = max(5, round(words / SPEAKING_RATE / 5) * 5)
    return {"lines": lines, "count": wording.number(len(lines)), "seconds": seconds}
