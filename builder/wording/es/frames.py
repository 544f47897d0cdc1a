"""The Spanish drafts' sentence frames, by slot, the shape of the reader's phrase
(`builder.wording.es.fitting` reads it) and register: tú for warm and casual tones,
usted for formal. `{text}` is the reader's phrase as fitted; a plain frame holds any
phrase after a colon; text in another language is quoted as typed (`QUOTED`).
"""

from __future__ import annotations

QUOTED = "«{text}»"


def _both(text: str) -> dict[str, str]:
    return {"tu": text, "usted": text}


SLOTS: dict[str, dict[str, dict[str, str]]] = {
    "focus.email": {
        "verb": {"tu": "Me gustaría que me ayudaras a {text}.",
                 "usted": "Me gustaría que me ayudara a {text}."},
        "blank": {"tu": "Me gustaría que me ayudaras a {text}.",
                  "usted": "Me gustaría que me ayudara a {text}."},
        "howto": _both("Me gustaría aprender {text}."),
        "plain": {"tu": "Me gustaría pedirte ayuda con esto: {text}.",
                  "usted": "Me gustaría pedirle ayuda con esto: {text}."},
        "foreign": _both("Lo que me gustaría aprender, en mis propias palabras: " + QUOTED + "."),
    },
    "focus.chat": {
        "verb": {"tu": "¿Me ayudarías a {text}?", "usted": "¿Me ayudaría a {text}?"},
        "blank": {"tu": "¿Me ayudarías a {text}?", "usted": "¿Me ayudaría a {text}?"},
        "howto": {"tu": "¿Me ayudarías a aprender {text}?",
                  "usted": "¿Me ayudaría a aprender {text}?"},
        "plain": {"tu": "¿Me darías un poco de mentoría? Lo que tengo en mente: {text}.",
                  "usted": "¿Me daría un poco de mentoría? Lo que tengo en mente: {text}."},
        "foreign": {"tu": "¿Me darías un poco de mentoría? En mis propias palabras: "
                          + QUOTED + ".",
                    "usted": "¿Me daría un poco de mentoría? En mis propias palabras: "
                             + QUOTED + "."},
    },
    "focus.spoken": {
        "verb": {"tu": "Me encantaría que me ayudaras a {text}.",
                 "usted": "Me encantaría que me ayudara a {text}."},
        "blank": {"tu": "Me encantaría que me ayudaras a {text}.",
                  "usted": "Me encantaría que me ayudara a {text}."},
        "howto": _both("Me encantaría aprender {text}."),
        "plain": {"tu": "En esto me encantaría tu ayuda: {text}.",
                  "usted": "En esto me encantaría su ayuda: {text}."},
        "foreign": _both("Lo que me gustaría aprender, en mis propias palabras: " + QUOTED + "."),
    },
    # Follows "Gracias por nuestras tres llamadas"; the full stop is the template's.
    "focus.thanks": {
        "verb": _both(", y por ayudarme a {text}"),
        "howto": _both(", y por ayudarme a aprender {text}"),
        "blank": _both(""),
        "plain": _both(""),
        "foreign": _both(""),
    },
    "outcome.check": {
        "when": _both("Sabré que ha funcionado cuando {text}."),
        "plain": _both("Cómo sabré que ha funcionado: {text}."),
        "foreign": _both("Cómo sabré que ha funcionado, en mis propias palabras: " + QUOTED + "."),
    },
    # Followed by "[cuenta hasta dónde llegaste]."
    "outcome.thanks": {
        "when": _both("Sobre mi objetivo (sabré que ha funcionado cuando {text}):"),
        "plain": _both("Sobre cómo sabría que había funcionado ({text}):"),
        "foreign": _both("Sobre cómo sabría que había funcionado (" + QUOTED + "):"),
    },
    "connection.email": {
        "because": {"tu": "Te escribo a ti en particular porque {text}.",
                    "usted": "Le escribo a usted en particular porque {text}."},
        "plain": {"tu": "Por qué te escribo a ti en particular: {text}.",
                  "usted": "Por qué le escribo a usted en particular: {text}."},
        "foreign": {"tu": "Por qué te escribo a ti, en mis propias palabras: " + QUOTED + ".",
                    "usted": "Por qué le escribo a usted, en mis propias palabras: "
                             + QUOTED + "."},
    },
    "connection.chat": {
        "because": {"tu": "Te lo pido a ti porque {text}.",
                    "usted": "Se lo pido a usted porque {text}."},
        "plain": {"tu": "Por qué te lo pido a ti: {text}.",
                  "usted": "Por qué se lo pido a usted: {text}."},
        "foreign": {"tu": "Por qué te lo pido a ti, en mis propias palabras: " + QUOTED + ".",
                    "usted": "Por qué se lo pido a usted, en mis propias palabras: "
                             + QUOTED + "."},
    },
    "preparation.plan": {
        "verb": _both("Antes de cada {meeting}, voy a {text}."),
        "future": _both("Antes de cada {meeting}, {text}."),
        "plain": _both("Cómo me prepararé antes de cada {meeting}: {text}."),
        "foreign": _both("Cómo me prepararé, en mis propias palabras: " + QUOTED + "."),
    },
    "preparation.one": {
        "verb": _both("Antes de la {meeting}, voy a {text}."),
        "future": _both("Antes de la {meeting}, {text}."),
        "plain": _both("Cómo me prepararé antes de la {meeting}: {text}."),
        "foreign": _both("Cómo me prepararé, en mis propias palabras: " + QUOTED + "."),
    },
    "report_back.many": {
        "topic": {"tu": "A partir de la segunda {meeting}, te contaré {text}.",
                  "usted": "A partir de la segunda {meeting}, le contaré {text}."},
        "future": _both("A partir de la segunda {meeting}, {text}."),
        "plain": {"tu": "A partir de la segunda {meeting}, te contaré mis avances: {text}.",
                  "usted": "A partir de la segunda {meeting}, le contaré mis avances: {text}."},
        "foreign": {"tu": "Cómo te contaré mis avances, en mis propias palabras: "
                          + QUOTED + ".",
                    "usted": "Cómo le contaré mis avances, en mis propias palabras: "
                             + QUOTED + "."},
    },
    "report_back.one": {
        "topic": {"tu": "Después, te contaré {text}.", "usted": "Después, le contaré {text}."},
        "future": _both("Después, {text}."),
        "plain": {"tu": "Después, te contaré cómo me fue: {text}.",
                  "usted": "Después, le contaré cómo me fue: {text}."},
        "foreign": {"tu": "Cómo te contaré cómo me fue, en mis propias palabras: "
                          + QUOTED + ".",
                    "usted": "Cómo le contaré cómo me fue, en mis propias palabras: "
                             + QUOTED + "."},
    },
}  # fmt: skip


# The drafts after the ask: the focus again, and the meeting log's notes (said by the
# reader, so the same in tú and usted unless they address the mentor).
SLOTS |= {
    "focus.followup": {
        "verb": {"tu": "{when} te pregunté si podrías ayudarme a {text}.",
                 "usted": "{when} le pregunté si podría ayudarme a {text}."},
        "howto": {"tu": "{when} te pregunté si podrías ayudarme a aprender {text}.",
                  "usted": "{when} le pregunté si podría ayudarme a aprender {text}."},
        "blank": {"tu": "{when} te pregunté si podrías ayudarme a {text}.",
                  "usted": "{when} le pregunté si podría ayudarme a {text}."},
        "plain": {"tu": "{when} te pregunté si podrías darme un poco de mentoría con esto: {text}.",
                  "usted": "{when} le pregunté si podría darme un poco de mentoría con esto: "
                           "{text}."},
        "foreign": {"tu": "{when} te pregunté si podrías darme un poco de mentoría; en mis "
                          "propias palabras: " + QUOTED + ".",
                    "usted": "{when} le pregunté si podría darme un poco de mentoría; en mis "
                             "propias palabras: " + QUOTED + "."},
    },
    "focus.confirm": {
        kind: {"tu": "Tengo muchas ganas de empezar a trabajar en esto con tu ayuda.",
               "usted": "Tengo muchas ganas de empezar a trabajar en esto con su ayuda."}
        for kind in ("verb", "howto", "blank", "plain", "foreign")
    },
    "focus.elsewhere": {
        "verb": {"tu": "Si conoces a alguien más que pueda ayudarme a {text}, te agradecería un "
                       "nombre.",
                 "usted": "Si conoce a alguien más que pueda ayudarme a {text}, le agradecería "
                          "un nombre."},
        **{kind: {"tu": "Si conoces a alguien más a quien pueda pedírselo, te agradecería un "
                        "nombre.",
                  "usted": "Si conoce a alguien más a quien pueda pedírselo, le agradecería un "
                           "nombre."}
           for kind in ("howto", "blank", "plain", "foreign")},
    },
    "advice.report": {
        "plain": _both("El consejo que anoté la última vez: {text}."),
        "foreign": _both("El consejo que me llevé la última vez, en mis propias palabras: "
                         + QUOTED + "."),
    },
    "tried.report": {
        "verb": _both("Me propuse {text}."),
        "plain": _both("Lo que me propuse probar: {text}."),
        "foreign": _both("Lo que me propuse probar, en mis propias palabras: " + QUOTED + "."),
    },
    "happened.report": {
        "plain": _both("Qué pasó: {text}."),
        "foreign": _both("Qué pasó, en mis propias palabras: " + QUOTED + "."),
    },
    "asked.report": {
        "plain": _both("Lo que me gustaría preguntar esta vez: {text}."),
        "foreign": _both("Lo que me gustaría preguntar esta vez, en mis propias palabras: "
                         + QUOTED + "."),
    },
    "advice.thanks": {
        "plain": _both("De nuestra {ordinal} {meeting}, el consejo tal como lo anoté: {text}."),
        "foreign": _both("De nuestra {ordinal} {meeting}, en mis propias palabras: "
                         + QUOTED + "."),
    },
    "happened.thanks": {
        "plain": _both("Cuando lo probé: {text}."),
        "foreign": _both("Cuando lo probé, en mis propias palabras: " + QUOTED + "."),
    },
    "next.thanks": {
        "verb": _both("A continuación, voy a {text}."),
        "plain": _both("Lo que haré a continuación: {text}."),
        "foreign": _both("Lo que haré a continuación, en mis propias palabras: " + QUOTED + "."),
    },
}  # fmt: skip
