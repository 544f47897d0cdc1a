"""The facts a language's reply templates draw on (builder/templates/<code>/reply-*.txt),
from its tables, as `drafts.reply_context` gives the English ones: names or blanks, the
time box agreed, how it ends, the first date and whether it suits, the coordinator's
line, and the mentor's words (and the protégé's focus, said back) read for the frames.
"""

from __future__ import annotations

import re

from builder.mentor.reply import Reply
from builder.program import PROGRAM
from builder.settings import Program
from builder.wording.fitting import Fit
from builder.wording.greeting import informal_name
from builder.wording.tables import Drafting, say

# The mentor's details, as the reply's frames name them.
MENTOR_FIELDS = ("date_instead", "first_step", "narrower", "later", "reason", "referral_why")
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def _name(text: str, blank: str) -> str:
    return text.strip().rstrip(",;:").rstrip() or blank


def _fit(table: Drafting, name: str, text: str, register: str, protege: str) -> Fit:
    """A detail read for its frames; a time in figures alone ("14:00") has no word to
    read, and is kept as typed in the plain frame."""
    fitted = table.read_reply(name, text, register, (protege,))
    typed = " ".join(text.split())
    if fitted or not any(c.isdigit() for c in typed) or _WORD.search(typed):
        return fitted
    return Fit(name, "plain", typed.rstrip(".!?"), label=typed)


def _ending(table: Drafting, meetings: int | None, noun: str) -> str:
    if meetings == 1:
        return table.phrase("ending.one", noun=noun)
    last = table.ordinal(meetings) if meetings else table.phrase("last")
    return table.phrase("ending.many", last=last, noun=noun)


def coordinator_line(table: Drafting, program: Program, register: str) -> str:
    """Who else the protégé can ask, after "If it helps, …": the program's coordinator,
    if it names one ("" otherwise)."""
    runs = program.name or table.phrase("our_program")
    at = f": {program.coordinator_email}" if program.coordinator_email else ""
    if program.coordinator:
        return table.phrase("coordinator.named", register, coordinator=program.coordinator,
                            runs=runs, at=at)  # fmt: skip
    if program.coordinator_email:
        return table.phrase("coordinator.unnamed", register, runs=runs, at=at)
    return ""


def reply_context(table: Drafting, reply: Reply, program: Program = PROGRAM) -> dict[str, object]:
    """The facts every reply template of the language draws on, with blanks for missing
    values."""
    tone = table.reply_tones.get(reply.tone, table.reply_tones["warm"])
    register = tone.register
    blank = table.reply_blanks
    protege = _name(reply.protege_name, blank["protege"])
    one, many, short_one, _ = table.formats.get(reply.format, table.plain_format)
    meetings, minutes, weeks = reply.agreed
    fits = {
        name: _fit(table, name, getattr(reply, name), register, protege) for name in MENTOR_FIELDS
    }
    fits["focus"] = table.read_reply("focus", reply.focus, register)
    person = _name(reply.referral_name, blank["person"])

    def say_slot(slot: str) -> str:
        fitted = fits[slot.split(".", 1)[0]]
        return say(slot, fitted, register, table.reply_slots, person=person)

    greet = protege if reply.tone == "formal" else informal_name(protege)
    return {
        "tone": tone,
        "usted": register == "usted",
        "register": register,
        "response": reply.response,
        "hello": tone.hello.format(name=greet),
        "chat_hello": tone.chat_hello.format(name=greet),
        "mentor": _name(reply.mentor_name, blank["mentor"]),
        "fits": fits,
        "say": say_slot,
        "offer": table.timebox(meetings, minutes, weeks, one, many),
        "changed": reply.agreed != reply.asked,
        "ending": _ending(table, meetings, short_one),
        "short_noun": short_one,
        "first_date": reply.first_date,
        "date_answer": reply.date_answer if reply.relevant("date_answer") else "",
        "person": reply.referral_name.strip() and person,
        "coordinator": coordinator_line(table, program, register),
    }
