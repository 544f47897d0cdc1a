"""A mentor's reply, drafted from the Jinja templates `reply-email.txt` and `reply-chat.txt`.

Python works out the facts (names or blanks, the time box agreed, how it ends, the
first date the request proposes and whether it suits, the coordinator's line) and fits
the mentor's words and the protégé's focus to the sentence frames (`frames`); the
templates hold every sentence.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import quote

from builder.mentor import context_tables
from builder.mentor.frames import MENTOR_FIELDS, WORDING
from builder.mentor.reply import Reply
from builder.mentor.voice import second_person
from builder.mentor.wording import REPLY_TONES
from builder.program import PROGRAM
from builder.request.drafts import DRAFTED, Draft, render, timebox_phrase
from builder.settings import Program
from builder.wording import pieces as wording
from builder.wording.catalog import ENGLISH, spoken
from builder.wording.fitting import Fit, fit, say
from builder.wording.greeting import informal_name
from builder.wording.shapes import WORD
from builder.wording.tables import drafting

REPLY_BLANK = {"protege": "[their name]", "mentor": "[your name]", "person": "[their name]"}
# A meeting of no stated format.
PLAIN_WORDS = ("meeting", "meetings", "meeting", "meetings")

# name -> (title, template); the first two are the messages, ordered by channel.
REPLY_OUTPUTS: dict[str, tuple[str, str]] = {
    "email": ("Reply by email", "reply-email.txt"),
    "chat": ("Reply by chat", "reply-chat.txt"),
}


def _name(text: str, blank: str) -> str:
    return text.strip().rstrip(",;:").rstrip() or blank


def focus_fit(reply: Reply) -> Fit:
    """The protégé's focus, said back to them ("your first interview"); general thanks
    when it cannot be said back safely (see `voice`)."""
    fitted = fit("focus", reply.focus)
    if fitted.kind in ("blank", "foreign", "statement"):
        return fitted
    shifted = second_person(fitted.core)
    if shifted is None:
        return dataclasses.replace(fitted, kind="statement")
    return dataclasses.replace(fitted, core=shifted)


def coordinator_line(program: Program = PROGRAM) -> str:
    """Who else the protégé can ask: the program's coordinator, if it names one. It
    follows a lead-in ("If it helps, …"), so it may start in lower case."""
    if program.coordinator:
        runs = program.name or "our mentoring program"
        email = f": {program.coordinator_email}" if program.coordinator_email else ""
        return (
            f"{program.coordinator}, who coordinates {runs}, may be able to suggest someone{email}."
        )
    if program.coordinator_email:
        return (
            f"the coordinator of {program.name or 'our mentoring program'} may be able to "
            f"suggest someone: {program.coordinator_email}."
        )
    return ""


def _fit_mentor(name: str, text: str, protege: str) -> Fit:
    """A mentor's detail read for its frames. A time in figures ("14:00", "3/4", or
    "could we make it 13:00" once the lead-in is dropped) has no word left to read, yet
    it is what suits the mentor instead: it is kept as typed, figures alone as a time,
    with words as a quotation."""
    fitted = fit(name, text, (protege,), WORDING)
    typed = " ".join(text.split())
    if fitted or name != "date_instead" or not any(c.isdigit() for c in typed):
        return fitted
    if WORD.search(typed):
        return Fit(name, "plain", typed, label=typed)
    return Fit(name, "when", typed.rstrip(".!?"), label=typed)


def _ending(meetings: int | None, noun: str) -> str:
    if meetings == 1:
        return f"one {noun}, and we're done"
    last = wording.ordinal(meetings) if meetings else "last"
    return f"after the {last} {noun}, we're done"


def reply_context(reply: Reply, program: Program = PROGRAM) -> dict[str, object]:
    """The facts every reply template draws on, with blanks for missing values."""
    tone = REPLY_TONES.get(reply.tone, REPLY_TONES["warm"])
    protege = _name(reply.protege_name, REPLY_BLANK["protege"])
    one, many, short_one, _ = wording.FORMAT_WORDS.get(reply.format, PLAIN_WORDS)
    meetings, minutes, weeks = reply.agreed
    fits = {name: _fit_mentor(name, getattr(reply, name), protege) for name in MENTOR_FIELDS}
    fits["focus"] = focus_fit(reply)
    person = _name(reply.referral_name, REPLY_BLANK["person"])
    params = {"thanks": tone.thanks, "meeting": short_one, "person": person}

    def say_slot(slot: str) -> str:
        return say(slot, fits[slot.split(".", 1)[0]], WORDING, **params)

    return {
        "tone": tone,
        "response": reply.response,
        "protege": protege,
        "greet": protege if reply.tone == "formal" else informal_name(protege),
        "mentor": _name(reply.mentor_name, REPLY_BLANK["mentor"]),
        "fits": fits,
        "say": say_slot,
        "offer": timebox_phrase(meetings, minutes, weeks, one, many),
        "changed": reply.agreed != reply.asked,
        "ending": _ending(meetings, short_one),
        "short_noun": short_one,
        # The request's first date, accepted or countered ("" when it proposes none).
        "first_date": reply.first_date,
        "date_answer": reply.date_answer if reply.relevant("date_answer") else "",
        "person": reply.referral_name.strip() and person,
        "coordinator": coordinator_line(program),
    }


def render_reply(reply: Reply, subject: str = "") -> dict[str, Draft]:
    """The reply by email and by chat, the chosen channel's first.

    Args:
        reply: The reply, with the details of other answers cleared.
        subject: The request's own subject line, when known (from the protégé's
            link); the reply's is "Re:" it.
    """
    table = drafting(reply_language(reply.draft_language))
    if table is not None:
        facts, folder = context_tables.reply_context(table, reply), f"{table.code}/"
    else:
        facts, folder = reply_context(reply), ""
    tone = facts["tone"]
    names = ["chat", "email"] if reply.channel == "chat" else ["email", "chat"]
    drafts = {}
    for name in names:
        title, template = REPLY_OUTPUTS[name]
        line = (f"Re: {subject}" if subject else tone.subject) if name == "email" else ""  # type: ignore[attr-defined]
        drafts[name] = Draft(name, title, render(folder + template, facts), line)
    return drafts


def reply_language(choice: str) -> str:
    """The language the reply is drafted in: the mentor's choice (or the protégé's, from
    their link), or else the page's, or else English."""
    if choice in DRAFTED:
        return choice
    page = spoken().language
    return page if page in DRAFTED else ENGLISH


def reply_mailto(reply: Reply, email: Draft) -> str:
    """A mailto: link for the reply, to the protégé's address if the mentor gave one."""
    address = quote(reply.protege_email, safe="@", errors="replace")
    subject = quote(email.subject, safe="", errors="replace")
    body = quote(email.text.replace("\n", "\r\n"), safe="", errors="replace")
    return f"mailto:{address}?subject={subject}&body={body}"
