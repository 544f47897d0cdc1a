"""A mentor's words fitted to the Spanish reply's sentences: confident or plain.

The Spanish reply helper's form starts each detail with the words the reply puts before
it ("Para empezar, ¿podrías …", "Te propongo que nos centremos en …", "Podría volver a
verlo …", "Lo siento, pero no puedo asumirlo. …", "Te sugiero a [su nombre], que …",
"¿Qué tal …"). A phrase whose shape is read with confidence (an infinitive, a time, a
clause with a verb, a verb in the third person) ends that sentence in the reply; any other
phrase goes after a colon in the slot's plain frame. The reading is
`builder.wording.es.fitting.fit` with this module's lead-ins and shapes.

The protégé's focus is said back to them ("Gracias por pedirme ayuda para negociar tu
primer salario") only when it is an infinitive or a topic whose only words for a person
are "mi"/"mis" (said as "tu"/"su"); anything else gets general thanks.
"""

from __future__ import annotations

import re

from builder.wording.es import fitting
from builder.wording.es.fitting import LeadIn, _lead, _words
from builder.wording.fitting import Fit

REPLY_FIELDS = ("date_instead", "first_step", "narrower", "later", "reason", "referral_why")

LEAD_INS: dict[str, tuple[LeadIn, ...]] = {
    "focus": (
        *fitting.LEAD_INS["focus"],
        _lead(r"(?:le|les) gustar[íi]a(?: que (?:le|les) ayud(?:es|aras|ara|e|ases))?(?: a)?",
              "Le gustaría que le ayudaras a preparar su entrevista"),
        _lead(r"(?:que )?(?:le|les) ayud(?:es|aras|ara|e|ases)(?: (?:a|con|en))?",
              "que le ayudes con su CV"),
        _lead(r"quiere|necesita|busca", "quiere preparar su entrevista"),
    ),
    "date_instead": (
        _lead(r"esa (?:fecha|hora|d[íi]a) no me viene bien", "Esa fecha no me viene bien"),
        _lead(r"(?:lo siento|perd[óo]n|lamentablemente|mejor|en su lugar|si no)",
              "Mejor el viernes"),
        _lead(r"¿?\s*qu[ée] tal(?: si (?:lo )?(?:dejamos|hacemos|quedamos))?(?: para| el d[íi]a)?",
              "¿Qué tal el viernes 20?"),
        _lead(r"(?:me vendr[íi]a|me viene) (?:mejor|bien)", "Me vendría mejor el lunes"),
        _lead(r"(?:podr[íi]amos|podemos) (?:quedar|vernos|hablar|hacerlo)(?: el)?",
              "Podríamos quedar el jueves"),
    ),
    "first_step": (
        _lead(r"(?:para empezar|primero|lo primero|como primer paso|de entrada)",
              "Para empezar, mándame tu CV"),
        _lead(r"¿?\s*(?:podr[íi]as|podr[íi]a|puedes|puede)(?: por favor)?",
              "¿Podrías mandarme tu plan?"),
    ),
    "narrower": (
        _lead(r"(?:te|le) propongo(?: que nos centremos en| centrarnos en)?",
              "Te propongo que nos centremos en la parte de precios"),
        _lead(r"(?:centr[ée]monos|centrarnos|nos centramos|solo|s[óo]lamente|mejor) en",
              "Centrémonos en el guion"),
        _lead(r"en(?= \w)", "en el guion"),  # the frame's own last word
    ),
    "later": (
        _lead(r"podr[íi]a volver a (?:verlo|mirarlo|hablarlo)", "Podría volver a verlo en primavera"),
        _lead(r"(?:quiz[áa]s?|tal vez|seguramente|probablemente|mejor)",
              "Quizás después del verano"),
    ),
    "reason": (
        _lead(r"lo siento(?:,? pero)?(?: no puedo asumirlo)?|perd[óo]name|lamentablemente"
              r"|sinceramente|la verdad(?: es que)?|es que|porque|ya que",
              "Lo siento, pero estoy saturada"),
        _lead(r"(?:el|mi) motivo(?: es)?(?: que)?", "El motivo es que viajo mucho"),
    ),
    "referral_why": (
        _lead(r"(?:te|le) sugiero (?:a \w+|que hables con \w+)(?:,? que)?",
              "Te sugiero a Laura, que es experta"),
        _lead(r"porque|ya que|que|quien", "porque sabe de precios"),
    ),
}  # fmt: skip

# Words a time starts with, after "¿Qué tal …" or "Podría volver a verlo …".
_WEEKDAYS = "lunes martes miércoles jueves viernes sábado domingo finde".split()
TIME_STARTS = frozenset(
    """el la los las este esta estos estas ese esa mañana pasado pasada próximo próxima
    cualquier cualquiera alguna algún otro otra otros otras dentro después antes tras
    desde hacia a al en para luego cuando principios mediados finales comienzos más
    una un dos tres cuatro quince""".split()
    + _WEEKDAYS
)
# "Podría volver a verlo …" takes a time, but not every word a time starts with.
LATER_STARTS = TIME_STARTS - {"el", "la", "los", "las", "un", "una", "dos", "tres", "cuatro"}
# A verb in the third person, after "…, que": common forms, and the preterite's "-ó".
THIRD_PERSON = frozenset(
    """es está fue era ha han había sabe sabía tiene tenía lleva llevaba conoce conocía
    trabaja trabajaba dirige dirigía da daba hace hacía hizo organiza enseña revisa
    mantiene fija coordina lidera gestiona domina maneja vive acaba sigue investiga
    escribe publica asesora forma colabora ayuda explica entiende puede podría sabría
    compra vende define hace dio estuvo anda cuenta viene vino""".split()
)
# A mentor's reason in the first person often starts with one of these.
FIRST_PERSON = frozenset(
    """estoy tengo voy soy llevo puedo sé prefiero necesito creo acompaño doy sigo ando
    vivo viajo dirijo trabajo conozco quiero debo acabo empiezo estuve tuve hice dije
    cambié entré paso""".split()
)
_PRETERITE = re.compile(r"[a-záéíóúñ]{3,}(?:ó|ió)")
_SENTENCE = re.compile(r"[.!?¿¡;]")
DETERMINERS = frozenset("el la los las un una unos unas mi mis".split())
# Words for a person that "tu"/"su" cannot simply replace.
PERSON_WORDS = frozenset("me mí conmigo yo te ti tu tus contigo nos nosotros nuestro "
                         "nuestra nuestros nuestras".split())  # fmt: skip


def _is_time(words: list[str], starts: frozenset[str]) -> bool:
    return bool(words) and (words[0] in starts or words[0][:1].isdigit())


def _kind(field: str, words: list[str], core: str) -> str:
    """The shape of a mentor's detail, read with confidence, or "plain"."""
    if not words or _SENTENCE.search(core):
        return "plain"
    first = words[0]
    clause = fitting._is_clause(words)
    if field == "focus":
        if fitting._is_infinitive(first):
            return "verb"
        if first in ("cómo", "como") and len(words) > 1 and fitting._is_infinitive(words[1]):
            return "howto"
        if clause or first in fitting.QUESTION_WORDS or first in fitting.VERB_FORMS:
            return "plain"
        return "topic" if first in DETERMINERS or first not in fitting.SPANISH else "plain"
    if field == "date_instead":
        digits = core[:1].isdigit()
        return "time" if (digits or first in TIME_STARTS) and not clause else "plain"
    if field == "first_step":
        return "verb" if fitting._is_infinitive(first) else "plain"
    if field == "narrower":
        if clause and not fitting._is_infinitive(first):
            return "plain"
        return "thing" if first not in fitting.CLITICS else "plain"
    if field == "later":
        return "when" if first in LATER_STARTS else "plain"
    if field == "reason":
        return "clause" if clause or first in FIRST_PERSON else "plain"
    if field == "referral_why":
        verb = (
            words[1]
            if first in ("ya", "también", "siempre", "se", "le", "te") and words[1:]
            else first
        )
        third = verb in THIRD_PERSON or bool(_PRETERITE.fullmatch(verb))
        return "who" if third and not fitting._is_infinitive(verb) else "plain"
    return "plain"


def _said_back(core: str, register: str) -> str | None:
    """The protégé's phrase with "mi"/"mis" as the reply's "tu"/"su", or None when it has
    other words for a person (or an infinitive's "-me") that cannot be said back safely."""
    words = _words(core)
    own = {"tu": ("tu", "tus"), "usted": ("su", "sus")}[register]
    blocked = PERSON_WORDS | ({"su", "sus"} if register == "tu" else set())
    if any(word in blocked for word in words):
        return None
    if any(fitting._is_infinitive(word) and word.endswith(("me", "nos")) for word in words):
        return None
    return re.sub(r"\b([Mm]i)(s?)\b", lambda m: own[bool(m.group(2))], core)


def fit_reply(field: str, text: str, register: str, names: tuple[str, ...] = ()) -> Fit:
    """A field of the reply (or the protégé's focus, said back) read for the Spanish
    reply's frames, in a register ("tu" or "usted")."""
    fitted = fitting.fit(field, text, names, lead_ins=LEAD_INS, kind_of=_kind)
    if field == "focus" and fitted.kind not in ("verb", "howto", "topic"):
        return Fit(field, "general", fitted.core, label=fitted.label)
    if (
        fitted.kind == "plain"
        and _words(fitted.core)[:1]
        and _words(fitted.core)[0] in FIRST_PERSON
    ):
        # After a colon, a verb's capital only started the mentor's sentence.
        return Fit(field, "plain", fitted.core[:1].lower() + fitted.core[1:], label=fitted.label)
    if fitted.kind in ("", "foreign", "plain"):
        return fitted
    core = fitted.core
    words = _words(core)
    if words and (words[0] in TIME_STARTS or words[0] in fitting.SPANISH
                  or fitting._is_infinitive(words[0])):  # fmt: skip
        core = core[:1].lower() + core[1:]
    if field == "focus":
        said = _said_back(core, register)
        if said is None:
            return Fit(field, "general", fitted.core, label=fitted.label)
        core = said
    return Fit(field, fitted.kind, core, label=core)
