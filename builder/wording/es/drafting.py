"""The small pieces of Spanish the drafts are made of: each tone's greeting, easy no,
thanks and sign-off (tú for warm and casual, usted for formal), the words for the
meetings, counts and order. Every meeting word is feminine ("llamada", "reunión",
"sesión"), so the numbers and ordinals here are feminine too.

No sentence here names the mentor's or the protégé's gender: "Buenos días" rather than
"Estimado", "si no tiene tiempo" rather than "si está ocupado".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tono:
    """What a tone changes. `register` is "tu" or "usted"; `hello` and `chat_hello` take
    the name: "Hola, {name}:"."""

    register: str
    hello: str
    chat_hello: str
    opener: str
    easy_no: str
    easy_no_short: str
    thanks: str
    grateful: str
    no_reply: str
    sign_off: str
    subject: str
    ask_moment: str
    said_no: str
    glad: str  # after a yes
    understood: str  # after a no
    once_more: str  # the one follow-up
    no_pressure: str  # and how it lets them off
    said_yes: str  # the written summary after a yes in person ({on}: " el martes 13 de enero")
    heard_out: str  # "let me think about it", said in person ({on} as above)


TONOS: dict[str, Tono] = {
    "warm": Tono(
        register="tu",
        hello="Hola, {name}:",
        chat_hello="¡Hola, {name}!",
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
    "formal": Tono(
        register="usted",
        hello="Buenos días, {name}:",
        chat_hello="Buenos días, {name}:",
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
    "casual": Tono(
        register="tu",
        hello="¡Hola, {name}!",
        chat_hello="¡Hola, {name}!",
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
    "mentor_name": "[su nombre]",
    "protege_name": "[tu nombre]",
    "count": "[cuántas]",
    "minutes": "[cuántos]",
}


def numero(value: int) -> str:
    """ "tres" for 3, "14" for 14 (feminine: "una llamada")."""
    return NUMEROS[value] if 0 <= value < len(NUMEROS) else str(value)


def ordinal(value: int) -> str:
    return ORDINALES[value] if 0 < value < len(ORDINALES) else f"{value}.ª"


def plazo(meetings: int | None, minutes: int | None, weeks: int | None, one: str, many: str) -> str:
    """ "tres videollamadas de 30 minutos en cuatro semanas", with blanks for what is
    missing."""
    count = numero(meetings) if meetings else BLANCOS["count"]
    nouns = one if meetings == 1 else many
    length = minutes if minutes else BLANCOS["minutes"]
    said = f"{count} {nouns} de {length} minutos"
    weeks_said = numero(weeks) if weeks else BLANCOS["count"]
    if meetings == 1:
        return said + (
            " en la próxima semana" if weeks == 1 else f" en las próximas {weeks_said} semanas"
        )
    return f"{said} en {weeks_said} {'semana' if weeks == 1 else 'semanas'}"
