"""The facts the Spanish reply templates draw on (builder/templates/es/reply-*.txt), as
`drafts.reply_context` gives the English ones: names or blanks, the time box agreed, how
it ends, the first date and whether it suits, the coordinator's line, and the mentor's
words (and the protégé's focus, said back) fitted by `builder.wording.es.reply_fitting`.
"""

from __future__ import annotations

from builder.mentor.reply import Reply
from builder.program import PROGRAM
from builder.settings import Program
from builder.wording.es import drafting
from builder.wording.es.fitting import WORD
from builder.wording.es.frames import say
from builder.wording.es.reply_fitting import REPLY_FIELDS, fit_reply
from builder.wording.es.reply_frames import REPLY_SLOTS
from builder.wording.es.replying import BLANCOS_RESPUESTA, TONOS_RESPUESTA, coordinador
from builder.wording.fitting import Fit
from builder.wording.greeting import informal_name

# A meeting of no stated format (feminine, as every meeting word).
REUNION = ("reunión", "reuniones", "reunión", "reuniones")


def _name(text: str, blank: str) -> str:
    return text.strip().rstrip(",;:").rstrip() or blank


def _fit(name: str, text: str, register: str, protege: str) -> Fit:
    """A detail read for its frames; a time in figures alone ("14:00") has no word to
    read, and is kept as typed in the plain frame."""
    fitted = fit_reply(name, text, register, (protege,))
    typed = " ".join(text.split())
    if fitted or not any(c.isdigit() for c in typed) or WORD.search(typed):
        return fitted
    return Fit(name, "plain", typed.rstrip(".!?"), label=typed)


def _ending(meetings: int | None, noun: str) -> str:
    if meetings == 1:
        return f"una {noun} y terminamos"
    last = drafting.ordinal(meetings) if meetings else "última"
    return f"después de la {last} {noun}, terminamos"


def reply_context(reply: Reply, program: Program = PROGRAM) -> dict[str, object]:
    """The facts every Spanish reply template draws on, with blanks for missing values."""
    tone = TONOS_RESPUESTA.get(reply.tone, TONOS_RESPUESTA["warm"])
    register = tone.register
    blank = BLANCOS_RESPUESTA
    protege = _name(reply.protege_name, blank["protege"])
    one, many, short_one, _ = drafting.FORMATOS.get(reply.format, REUNION)
    meetings, minutes, weeks = reply.agreed
    fits = {name: _fit(name, getattr(reply, name), register, protege) for name in REPLY_FIELDS}
    fits["focus"] = fit_reply("focus", reply.focus, register)
    person = _name(reply.referral_name, blank["person"])

    def say_slot(slot: str) -> str:
        return say(slot, fits[slot.split(".", 1)[0]], register, REPLY_SLOTS, person=person)

    greet = protege if reply.tone == "formal" else informal_name(protege)
    return {
        "tone": tone,
        "usted": register == "usted",
        "response": reply.response,
        "hello": tone.hello.format(name=greet),
        "chat_hello": tone.chat_hello.format(name=greet),
        "mentor": _name(reply.mentor_name, blank["mentor"]),
        "fits": fits,
        "say": say_slot,
        "offer": drafting.plazo(meetings, minutes, weeks, one, many),
        "changed": reply.agreed != reply.asked,
        "ending": _ending(meetings, short_one),
        "short_noun": short_one,
        "first_date": reply.first_date,
        "date_answer": reply.date_answer if reply.relevant("date_answer") else "",
        "person": reply.referral_name.strip() and person,
        "coordinator": coordinador(
            program.name, program.coordinator_email, program.coordinator, register
        ),
    }
