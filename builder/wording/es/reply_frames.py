"""The Spanish reply's sentence frames, by slot, the shape of the mentor's phrase
(`builder.wording.es.reply_fitting` reads it) and register: tú for warm and casual
tones, usted for formal. Read by `builder.wording.tables.say`; `{person}` is whom the
mentor suggests.
"""

from __future__ import annotations

QUOTED = "«{text}»"


def _both(text: str) -> dict[str, str]:
    return {"tu": text, "usted": text}


def _registers(tu: str, usted: str) -> dict[str, str]:
    return {"tu": tu, "usted": usted}


_SUGGEST = _registers(
    "No soy la persona más indicada para esto, pero te sugiero que hables con {person}",
    "No soy la persona más indicada para esto, pero le sugiero que hable con {person}",
)

REPLY_SLOTS: dict[str, dict[str, dict[str, str]]] = {
    # The protégé's focus, said back to them ("mi" as "tu" or "su"), or general thanks.
    "focus.reply": {
        "verb": _both("Gracias por pedirme ayuda para {text}."),
        "howto": _both("Gracias por pedirme ayuda para aprender {text}."),
        "topic": _both("Gracias por pedirme ayuda con {text}."),
        "general": _registers("Gracias por tu mensaje y por pensar en mí.",
                              "Gracias por su mensaje y por pensar en mí."),
    },
    # After "El martes 2 de marzo no me viene bien para nuestra primera llamada, lo siento."
    "date_instead.reply": {
        "time": _both("¿Qué tal {text}?"),
        "plain": _both("Lo que me vendría bien: {text}."),
        "foreign": _both("Lo que me vendría bien, en mis propias palabras: " + QUOTED + "."),
    },
    "first_step.reply": {
        "verb": _registers("Para empezar, ¿podrías {text}?", "Para empezar, ¿podría {text}?"),
        "plain": _both("Para empezar: {text}."),
        "foreign": _both("Para empezar, en mis propias palabras: " + QUOTED + "."),
    },
    "narrower.reply": {
        "thing": _registers("Te propongo que nos centremos en {text}.",
                            "Le propongo que nos centremos en {text}."),
        "plain": _registers("Te propongo centrarnos en esto: {text}.",
                            "Le propongo centrarnos en esto: {text}."),
        "foreign": _registers("Lo que te propongo, en mis propias palabras: " + QUOTED + ".",
                              "Lo que le propongo, en mis propias palabras: " + QUOTED + "."),
    },
    "later.reply": {
        "when": _both("Podría volver a verlo {text}."),
        "plain": _both("Un momento que quizá me venga mejor: {text}."),
        "foreign": _both("Cuándo podría volver a verlo, en mis propias palabras: "
                         + QUOTED + "."),
    },
    # After "Lo siento, pero no puedo asumirlo."
    "reason.reply": {
        "clause": _both("{Text}."),
        "plain": _both("El motivo: {text}."),
        "foreign": _both("El motivo, en mis propias palabras: " + QUOTED + "."),
    },
    "referral_why.reply": {
        "who": {key: frame + ", que {text}." for key, frame in _SUGGEST.items()},
        "plain": {key: frame + ". Por qué: {text}." for key, frame in _SUGGEST.items()},
        "foreign": {key: frame + ". Por qué, en mis propias palabras: " + QUOTED + "."
                    for key, frame in _SUGGEST.items()},
    },
}  # fmt: skip
