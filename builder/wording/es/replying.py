"""What a tone changes in a Spanish reply (as `builder.mentor.wording` for English): the
greetings, the answer's opening words, the sign-off. Tú for warm and casual, usted for
formal; no word here names the mentor's or the protégé's gender ("me encantará",
"cuenta conmigo", never "encantado").
"""

from __future__ import annotations

from builder.wording.tables import ReplyTone

TONOS_RESPUESTA: dict[str, ReplyTone] = {
    "warm": ReplyTone(
        register="tu",
        hello="Hola, {name}:",
        chat_hello="¡Hola, {name}!",
        yes="Sí, me encantará ayudarte.",
        smaller="Me gustaría ayudarte, aunque ahora mismo no puedo comprometerme a tanto.",
        smaller_same="Me gustaría ayudarte, con un cambio.",
        no_pressure="Si no te viene bien, no pasa nada.",
        afraid=", lo siento",
        not_now="Me gustaría ayudarte, pero ahora mismo no puedo dedicarle el tiempo que merece.",
        ask_again="Si entonces todavía quieres mi ayuda, vuelve a escribirme.",
        sorry_not_now="Siento no poder ayudarte más ahora mismo.",
        no="Lo siento, pero no puedo asumirlo.",
        mention_me="Puedes decirle que vas de mi parte.",
        good_luck="Espero que te vaya muy bien.",
        sign_off="Un saludo,",
        subject="Re: tu solicitud de mentoría",
    ),
    "formal": ReplyTone(
        register="usted",
        hello="Buenos días, {name}:",
        chat_hello="Buenos días, {name}:",
        yes="Con mucho gusto le ayudaré.",
        smaller="Me gustaría ayudarle, aunque en este momento no puedo comprometerme a tanto.",
        smaller_same="Con mucho gusto le ayudaré, con un cambio.",
        no_pressure="Si no le viene bien, no dude en decírmelo.",
        afraid=", lamentablemente",
        not_now="Me gustaría ayudarle, pero en este momento no puedo dedicarle el tiempo que "
        "merece.",
        ask_again="Si entonces todavía desea mi ayuda, vuelva a escribirme, por favor.",
        sorry_not_now="Lamento no poder serle de más ayuda en este momento.",
        no="Lamento no poder asumirlo.",
        mention_me="Puede decirle que va de mi parte.",
        good_luck="Le deseo mucho éxito.",
        sign_off="Atentamente,",
        subject="Re: su solicitud de mentoría",
    ),
    "casual": ReplyTone(
        register="tu",
        hello="¡Hola, {name}!",
        chat_hello="¡Hola, {name}!",
        yes="¡Claro que sí, cuenta conmigo!",
        smaller="Me encantaría ayudarte, pero ahora mismo es un poco más de lo que puedo asumir.",
        smaller_same="¡Cuenta conmigo, con un pequeño cambio!",
        no_pressure="Si no te cuadra, sin problema.",
        afraid=", lo siento",
        not_now="Me encantaría ayudarte, pero ahora mismo no puedo dedicarle el tiempo que hace "
        "falta.",
        ask_again="Si entonces todavía te viene bien, escríbeme.",
        sorry_not_now="Siento no poder echarte una mano ahora.",
        no="Lo siento, pero no puedo asumirlo.",
        mention_me="Dile que vas de mi parte.",
        good_luck="¡Mucha suerte!",
        sign_off="¡Saludos!",
        subject="Re: tu consulta de mentoría",
    ),
}

BLANCOS_RESPUESTA = {"protege": "[su nombre]", "mentor": "[tu nombre]", "person": "[su nombre]"}
