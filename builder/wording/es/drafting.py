"""Spanish drafts as tables (`builder.wording.tables.Drafting`): each tone's greeting,
easy no, thanks and sign-off (tú for warm and casual, usted for formal), the words for
the meetings, counts and order, the sentence pieces the drafts' facts are made of, and
the frames and readings of the reader's and the mentor's words (`frames`,
`reply_frames`, `fitting`, `reply_fitting`). Every meeting word is feminine ("llamada", "reunión",
"sesión"), so the numbers and ordinals here are feminine too.

No sentence here names the mentor's or the protégé's gender: "Buenos días" rather than
"Estimado", "si no tiene tiempo" rather than "si está ocupado".
"""

from __future__ import annotations

from builder.wording.tables import Drafting, Tone

TONOS: dict[str, Tone] = {
    "warm": Tone(
        register="tu",
        hello="Hola, {name}:",
        chat_hello="¡Hola, {name}!",
        spoken_hello="¡Hola, {name}!",
        opener="Espero que estés bien.",
        easy_no="Si ahora no es buen momento, no pasa nada: solo dímelo.",
        easy_no_short="Si ahora no es buen momento, no pasa nada.",
        thanks="Gracias por pensarlo.",
        grateful="Significó mucho para mí.",
        no_reply="Y no hace falta que respondas si no tienes tiempo.",
        sign_off="Un saludo,",
        subject="Una pequeña solicitud de mentoría",
        ask_moment="¿Tienes cinco minutos esta semana? Me gustaría pedirte algo pequeño.",
        said_no="Y si ahora no es buen momento, no pasa nada: dímelo con toda confianza.",
        glad="Muchísimas gracias por decir que sí. Me alegra mucho.",
        understood="Lo entiendo perfectamente, y te agradezco que te hayas tomado el tiempo de "
        "responder.",
        once_more="Sé que tienes mucho trabajo, así que es la única vez que vuelvo a preguntarte.",
        no_pressure="Si ahora no es el momento, no pasa nada, y no hace falta que me expliques "
        "nada. Si no tengo noticias tuyas, entenderé que ahora no te viene bien.",
        said_yes="Muchísimas gracias por decirme que sí cuando hablamos{on}. Aquí tienes lo que "
        "acordamos, para que lo tengamos por escrito.",
        heard_out="Gracias por escucharme{on}.",
    ),
    "formal": Tone(
        register="usted",
        hello="Buenos días, {name}:",
        chat_hello="Buenos días, {name}:",
        spoken_hello="Buenos días, {name}.",
        opener="Espero que se encuentre bien.",
        easy_no="Si ahora no es un buen momento, lo entiendo perfectamente: bastará con que "
        "me lo diga.",
        easy_no_short="Si ahora no es un buen momento, lo entiendo perfectamente.",
        thanks="Le agradezco que considere mi solicitud.",
        grateful="Le agradezco mucho su tiempo y sus consejos.",
        no_reply="No es necesario que responda si no tiene tiempo.",
        sign_off="Atentamente,",
        subject="Solicitud de una mentoría breve",
        ask_moment="¿Tendría cinco minutos esta semana? Me gustaría pedirle algo breve.",
        said_no="Si ahora no es un buen momento, lo entiendo perfectamente: dígamelo con toda "
        "confianza.",
        glad="Muchas gracias por aceptar.",
        understood="Lo entiendo perfectamente, y le agradezco que se haya tomado el tiempo de "
        "responder.",
        once_more="Sé que tiene muchas obligaciones, así que no volveré a escribirle sobre esto.",
        no_pressure="Si ahora no es el momento adecuado, lo entiendo perfectamente, y no es "
        "necesario que me dé explicaciones. Si no recibo respuesta, entenderé que ahora no le "
        "viene bien.",
        said_yes="Muchas gracias por aceptar cuando hablamos{on}. Le resumo lo que acordamos, "
        "para que lo tengamos por escrito.",
        heard_out="Gracias por dedicarme su tiempo{on}.",
    ),
    "casual": Tone(
        register="tu",
        hello="¡Hola, {name}!",
        chat_hello="¡Hola, {name}!",
        spoken_hello="¡Hola, {name}!",
        opener="¿Qué tal todo?",
        easy_no="Si ahora no te viene bien, sin problema: un no rápido está perfecto.",
        easy_no_short="Si ahora no te viene bien, sin problema.",
        thanks="¡Gracias por pensarlo!",
        grateful="Me ayudó muchísimo.",
        no_reply="No hace falta que contestes si no tienes tiempo.",
        sign_off="¡Saludos!",
        subject="Una pregunta rápida",
        ask_moment="¿Tienes cinco minutos esta semana? Tengo una pregunta pequeña.",
        said_no="Y si ahora no te viene bien, sin problema: dímelo.",
        glad="¡Mil gracias por decir que sí!",
        understood="Entendido, y gracias por contestarme.",
        once_more="Sé que tienes mil cosas, así que este es mi último recordatorio.",
        no_pressure="Si ahora no es el momento, sin problema, no hace falta que me expliques "
        "nada. Si no sé nada de ti, entenderé que ahora no te viene bien.",
        said_yes="¡Mil gracias por decirme que sí cuando hablamos{on}! Te paso lo que acordamos, "
        "para que lo tengamos por escrito.",
        heard_out="¡Gracias por escucharme{on}!",
    ),
}

# format value -> (singular, plural, short singular, short plural): all feminine.
FORMATOS: dict[str, tuple[str, str, str, str]] = {
    "video": ("videollamada", "videollamadas", "llamada", "llamadas"),
    "in-person": ("reunión en persona", "reuniones en persona", "reunión", "reuniones"),
    "phone": ("llamada telefónica", "llamadas telefónicas", "llamada", "llamadas"),
    "chat": ("sesión de chat", "sesiones de chat", "sesión", "sesiones"),
}

NUMEROS = ("cero", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
           "diez", "once", "doce")  # fmt: skip
ORDINALES = ("", "primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima",
             "octava", "novena", "décima", "undécima", "duodécima")  # fmt: skip
BLANCOS = {
    "focus": "[lo que quieres aprender]",
    "mentor_name": "[su nombre]",
    "protege_name": "[tu nombre]",
    "count": "[cuántas]",
    "minutes": "[cuántos]",
}


def _registers(tu: str, usted: str) -> dict[str, str]:
    return {"tu": tu, "usted": usted}


# The sentence pieces the facts are made of (builder/request/context_tables.py, and the
# drafts after the ask's and the reply's).
FRASES: dict[str, str | dict[str, str]] = {
    "quoted": "«{text}»",
    "ordinal_figure": "{n}.ª",
    "last": "última",
    "week": "semana",
    "weeks": "semanas",
    "timebox.many": "{count} {nouns} de {minutes} minutos en {weeks} {week_word}",
    "timebox.one": "{count} {nouns} de {minutes} minutos en las próximas {weeks} semanas",
    "timebox.one_week": "{count} {nouns} de {minutes} minutos en la próxima semana",
    "dates.one": _registers("Una fecha, si te viene bien: {when}.",
                            "Una fecha, si le viene bien: {when}."),
    "dates.many": _registers("Fechas, si te vienen bien: {days}",
                             "Fechas, si le vienen bien: {days}"),
    "dates.same_time": ", siempre a las {time}.",
    "spoken.ask": _registers("¿Tendrías tiempo para {timebox}? Es todo lo que pediría.",
                             "¿Tendría tiempo para {timebox}? Es todo lo que pediría."),
    "spoken.one_date": _registers("¿Te vendría bien el {when}?", "¿Le vendría bien el {when}?"),
    "spoken.start": "¿Podríamos empezar el {when}?",
    "thanks_subject": "Gracias",
    "request_subject": "Solicitud de mentoría",
    "mentor_event": "{Meeting} {number} de {total} con {protege}: {focus}",
    "on_day": " el {day}",
    "sent_when": "El {day}",
    "sent_lately": "Hace unos días",
    "talked_subject": "Sobre nuestra conversación – {focus}",
    "ending.one": "una {noun} y terminamos",
    "ending.many": "después de la {last} {noun}, terminamos",
    "our_program": "nuestro programa de mentoría",
    "coordinator.named": _registers(
        "{coordinator}, que coordina {runs}, quizá pueda sugerirte a alguien{at}.",
        "{coordinator}, que coordina {runs}, quizá pueda sugerirle a alguien{at}.",
    ),
    "coordinator.unnamed": _registers(
        "quien coordina {runs} quizá pueda sugerirte a alguien{at}.",
        "quien coordina {runs} quizá pueda sugerirle a alguien{at}.",
    ),
}  # fmt: skip

# The drafts after the ask: their subject lines, from their facts.
ASUNTOS: dict[str, str] = {
    "follow_up": "{reply_subject}",
    "summary": "{summary_subject}",
    "confirmation": "Confirmación de nuestras {short_nouns_many} – {focus_subject}",
    "revised": "{reply_subject}",
    "decline": "{reply_subject}",
    "thanks_log": "Gracias – {focus_subject}",
}


def _drafting() -> Drafting:
    from builder.wording.es import fitting, frames, reply_fitting, reply_frames, replying

    return Drafting(
        code="es",
        name="Español",
        tones=TONOS,
        reply_tones=replying.TONOS_RESPUESTA,
        formats=FORMATOS,
        plain_format=("reunión", "reuniones", "reunión", "reuniones"),
        numbers=NUMEROS,
        ordinals=ORDINALES,
        blanks=BLANCOS,
        reply_blanks=replying.BLANCOS_RESPUESTA,
        phrases=FRASES,
        slots=frames.SLOTS,
        reply_slots=reply_frames.REPLY_SLOTS,
        after_subjects=ASUNTOS,
        lead_ins={
            name: tuple(lead.pattern for lead in leads) for name, leads in fitting.LEAD_INS.items()
        },
        fit=fitting.fit,
        fit_reply=reply_fitting.fit_reply,
    )


DRAFTING = _drafting()
