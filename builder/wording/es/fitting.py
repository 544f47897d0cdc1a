"""Fitting a reader's words to the Spanish drafts' sentence frames: confident or plain.

Each box of the Spanish form starts a sentence the reader completes ("Me gustaría que me
ayudaras a …", "Sabré que ha funcionado cuando …", "Te lo pido porque …", "Antes de cada
reunión, voy a …", "te contaré …"). A phrase that reads as that sentence's end, by signs
read with confidence (an infinitive, a verb after "me", "no" or another such word, a
common verb form, a question word), goes into the draft's matching sentence. Anything
else goes into the slot's plain frame, which holds any phrase after a colon. Text in
English (or another language) is quoted as typed. The reader's words are never changed,
except for the lead-ins a frame already says, a first capital on a verb (verbs are not
names) and closing punctuation, which the frame gives once.

The frames themselves, in two registers (tú for warm and casual tones, usted for
formal), are in `builder.wording.es.frames`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from builder.wording.fitting import Fit
from builder.wording.languages import ENGLISH, STOPWORDS, detect
from builder.wording.pieces import bare

BLANK_FOCUS = "[lo que quieres aprender]"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SPANISH = STOPWORDS["es"] | frozenset(
    """a de me te se le lo mi tu no si ni o u e les nos hasta desde entre hacia según
    durante mediante pues aunque cuál quién dónde cuándo cuánto sobre todo todos esto
    esta este eso esa ese mis tus""".split()
)
ENGLISH_ONLY = ENGLISH - SPANISH
# Words that end like an infinitive but are not one (or not at the start of a focus).
NOT_VERBS = frozenset(
    """lugar hogar mar bar par azúcar collar altar pilar nivel militar familiar similar
    popular particular regular titular auxiliar escolar polar solar lunar celular
    mujer poder placer taller deber alfiler cráter carácter líder máster póster
    cáncer chófer bachiller mercader ser""".split()
)  # "ser" alone is a verb, but "ser mejor líder" reads fine; kept out to stay plain
_CLITIC = r"(?:me|te|se|le|lo|la|nos|les|los|las)"
_INFINITIVE = re.compile(rf"[a-záéíóúñü]{{2,}}(?:ar|er|ir|ír)(?:{_CLITIC}){{0,2}}")
_FUTURE = re.compile(r"[a-záéíóúñü]{2,}(?:aré|eré|iré|dré|ré)")
_LISTED = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)])\s+")
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True, slots=True)
class LeadIn:
    pattern: re.Pattern[str]
    example: str


def _lead(pattern: str, example: str) -> LeadIn:
    return LeadIn(re.compile(rf"(?:{pattern})(?:\s*[:,\-–—]\s*|\s+|$)", re.IGNORECASE), example)


# What a reader types that the frame already says: dropped before fitting.
LEAD_INS: dict[str, tuple[LeadIn, ...]] = {
    "focus": (
        _lead(r"me gustar[íi]a(?: mucho)?(?: que me ayud(?:es|aras|ara|e|ases))?(?: a)?",
              "Me gustaría aprender a negociar"),
        _lead(r"(?:yo )?quiero|quisiera|necesito|busco|espero", "Quiero mejorar mis estimaciones"),
        _lead(r"(?:mi |el )?(?:objetivo|meta|tema|foco)(?: es)?", "Mi objetivo es liderar una retro"),
        _lead(r"ayuda (?:con|para|en)|ayudarme a", "Ayuda con mi búsqueda de empleo"),
        _lead(r"(?:que )?me ayud(?:es|aras|ara|e|ases)(?: (?:a|con|en))?",
              "que me ayudes con la transición a datos"),
    ),
    "outcome": (
        _lead(r"sabr[ée] que (?:ha|habr[áa]) funcionado(?: cuando)?",
              "Sabré que ha funcionado cuando tenga la oferta"),
        _lead(r"cuando", "cuando pueda presentar sin notas"),
    ),
    "connection": (
        _lead(r"te (?:lo )?(?:pido|escribo)(?: a ti)?(?: en particular)?",
              "Te lo pido porque sabes de precios"),
        _lead(r"porque|ya que|pues", "porque sabes de precios"),
    ),
    "preparation": (
        _lead(r"antes de (?:cada|la|las|nuestra|nuestras) "
              r"(?:reuni[óo]n|reuniones|llamada|llamadas|sesi[óo]n|sesiones)",
              "Antes de cada reunión, te enviaré mis notas"),
        _lead(r"para prepararme", "Para prepararme, leeré tus notas"),
        _lead(r"voy a(?= \w+(?:ar|er|ir)\b)", "voy a revisar mis notas"),
    ),
    "report_back": (
        _lead(r"en cada (?:reuni[óo]n|llamada|sesi[óo]n)(?: después de la primera)?",
              "En cada reunión después de la primera, te contaré qué apliqué"),
        _lead(r"te (?:contar[ée]|cuento|voy a contar)", "te contaré qué probé"),
    ),
}  # fmt: skip


def _words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text)]


def is_spanish_enough(text: str) -> bool:
    """Whether Spanish drafts can take the text as Spanish: not plainly English (English
    function words and no Spanish ones) nor another language `detect` names."""
    found = detect(text)
    if found is not None and found.code not in ("", "es"):
        # Another language named, unless Spanish function words are as many as its own
        # ("de" and "en" are Dutch too).
        words = _words(text)
        theirs = STOPWORDS.get(found.code, frozenset())
        return sum(word in SPANISH for word in words) >= sum(word in theirs for word in words)
    if found is not None:
        return True  # Spanish, or some language other than English
    words = _words(text)
    english = sum(word in ENGLISH_ONLY for word in words)
    spanish = sum(word in SPANISH for word in words)
    return not english or spanish >= english


def looks_spanish(text: str) -> bool:
    """Text in some other language than English that has Spanish function words and
    none of English's: a guess good enough to suggest Spanish drafts."""
    words = _words(text)
    return any(word in SPANISH for word in words) and not any(w in ENGLISH_ONLY for w in words)


def _one_line(text: str) -> str:
    """Lines as one: a list joined as a Spanish series ("a, b y c"), other lines as
    sentences one after another."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) <= 1:
        return " ".join(text.split())
    listed = all(_LISTED.match(line) for line in lines)
    goes_on = any(line[:1].islower() for line in lines[1:])  # a sentence on the next line
    sentences = any(line.rstrip(_CLOSERS)[-1:] in ".!?" for line in lines[:-1])
    if not listed and (goes_on or sentences):
        return " ".join(text.split())
    if listed or all(len(line) <= 80 for line in lines):
        items = [bare(_LISTED.sub("", " ".join(line.split()))) for line in lines]
        items = [item for item in items if item]
        return ", ".join(items[:-1]) + " y " + items[-1] if len(items) > 1 else "".join(items)
    return " ".join(" ".join(line.split()) for line in lines)


def _drop_lead_ins(
    field: str, text: str, lead_ins: Mapping[str, tuple[LeadIn, ...]] = LEAD_INS
) -> str:
    changed = True
    while changed and text:
        changed = False
        for lead in lead_ins.get(field, ()):
            match = lead.pattern.match(text)
            if match and match.end() > 0:
                text = text[match.end() :].lstrip(" ,:;-–—")
                changed = True
                break
    return text


# Verb forms a clause often starts with, or has among its first words: the common
# subjunctive (after "cuando") and indicative (after "porque") forms.
VERB_FORMS = frozenset(
    """haya hayas hayamos hayan pueda puedas podamos puedan tenga tengas tengamos tengan
    sepa sepas sepan sea seas seamos sean esté estés estemos estén consiga consigas
    consigamos consigan logre logremos logren entienda entiendan termine terminemos
    acabe acaben salga salgan llegue lleguen diga digan vea vean haga hagan dé den
    empiece empiecen deje dejen vuelva vuelvan sienta sientan note noten use usen
    he has ha hemos han es eres somos son está estás estamos están fui fuiste fue fuimos
    fueron era eras éramos eran tengo tienes tiene tenemos tienen sé sabes sabe sabemos
    puedo puedes puede podemos pueden hice hiciste hizo hicimos vi viste vio vimos leí
    leíste conozco conoces conoce conocimos trabajamos trabajé trabajaste trabajó llevas
    lleva llevo coincidimos estuvimos estuviste dijo dijeron dije recomendó recomendaron
    ayudaste ayudó admiro sigo sigues pasaste pasó diriges dirige sos
    proponga propongan mande manden cuadre cuadren corra corran saque saquen desvíe desvíen
    reciba reciban escriba escriban sirva sirvan funcione funcionen aprenda aprendan
    aplique apliquen apruebe aprueben cierre cierren contrate contraten llame llamen
    acepte acepten publique publiquen presente presenten hable hablen entregue entreguen
    gane ganen mejore mejoren suba suban baje bajen crezca crezcan respondan responda
    lean lea firme firmen elija elijan quede queden encuentre encuentren pase pasen
    hablamos participé hace hacen""".split()
)
CLITICS = frozenset("me te se le nos les no ya".split())  # not "lo", "la": articles too
QUESTION_WORDS = frozenset("qué cómo cuál cuáles cuánto cuántos cuánta cuántas si dónde".split())
PRONOUNS = frozenset("yo tú usted él ella nosotros nosotras ustedes ellos ellas".split())


def _is_infinitive(word: str) -> bool:
    return bool(_INFINITIVE.fullmatch(word)) and word not in NOT_VERBS


def _is_future(words: list[str]) -> bool:
    """ "enviaré …", "te mandaré …", "te mando …", "voy a …": the first person, from now
    on (a present after a pronoun: "te envío", "le paso")."""
    index = 0
    while index < len(words) - 1 and words[index] in CLITICS:
        index += 1
    if not words[index:]:
        return False
    verb = words[index]
    present = index > 0 and len(verb) > 2 and verb.endswith(("o", "ío")) and verb != "no"
    return bool(_FUTURE.fullmatch(verb)) or present or words[:2] == ["voy", "a"]


_PAST_OR_WE = re.compile(r"[a-záéíóúñ]{2,}(?:aste|iste|amos|imos|emos)")


def _is_clause(words: list[str]) -> bool:
    """A clause (it has a verb) rather than a noun phrase: a common verb form among its
    first words (or one that only a verb ends like: "dirigiste", "compartimos"), a word
    after "me", "no" and the like, or a subject pronoun first."""
    head = words[:5]
    if any(word in VERB_FORMS or _PAST_OR_WE.fullmatch(word) for word in head):
        return True
    if head[:1] and head[0] in PRONOUNS:
        return True
    return any(a in CLITICS and not _is_infinitive(b) for a, b in itertools.pairwise(head))


def _kind(field: str, words: list[str], core: str) -> str:
    """The shape read with confidence, or "plain"."""
    if not words or re.search(r"[.!?¿¡;]", core):  # several sentences, or a question
        return "plain"
    first = words[0]
    if field == "focus":
        if _is_infinitive(first):
            return "verb"
        if first in ("cómo", "como") and len(words) > 1 and _is_infinitive(words[1]):
            return "howto"
        return "plain"
    if field == "outcome":
        if _is_infinitive(first) or first == "que":
            return "plain"
        return "when" if _is_clause(words) else "plain"
    if field == "connection":
        if _is_infinitive(first) or first == "que":
            return "plain"
        return "because" if _is_clause(words) else "plain"
    if field == "preparation":
        if _is_future(words):
            return "future"
        return "verb" if _is_infinitive(first) else "plain"
    if field in ("tried", "next"):  # the meeting log: what the reader set out to do
        return "verb" if _is_infinitive(first) else "plain"
    if field == "report_back":
        if _is_future(words):
            return "future"
        if first in QUESTION_WORDS or words[:2] in (["lo", "que"], ["la", "que"]):
            return "topic"
        if _is_infinitive(first) or _is_clause(words):
            return "plain"
        return "topic"  # a noun phrase: "los resultados de las entrevistas"
    return "plain"


def _lowered(word: str) -> bool:
    """A first word whose capital only starts a sentence: a function word or a verb."""
    return word in SPANISH or word in VERB_FORMS or word in PRONOUNS or word in QUESTION_WORDS


def fit(
    field: str,
    text: str,
    names: tuple[str, ...] = (),
    *,
    lead_ins: Mapping[str, tuple[LeadIn, ...]] = LEAD_INS,
    kind_of: Callable[[str, list[str], str], str] | None = None,
) -> Fit:
    """A field's text read for the Spanish frames (see the module's notes).

    Args:
        field: The field's name.
        text: What the reader typed.
        names: Names a phrase may start with ("Luis, …"), dropped.
        lead_ins: The lead-ins each field's frame already says (the request's by default;
            the mentors' reply has its own, `builder.wording.es.reply_fitting`).
        kind_of: Reads a phrase's shape from the field, its words and the phrase; the
            request's `_kind` by default.
    """
    line = _one_line(text.strip())
    if not WORD.search(line):
        if field == "focus":
            return Fit(field, "blank", BLANK_FOCUS, label=BLANK_FOCUS)
        return Fit(field, "", "")
    if not is_spanish_enough(line):
        lines = [" ".join(part.split()) for part in text.split("\n")]
        quoted = " / ".join(part for part in lines if part)
        return Fit(field, "foreign", quoted, label=f"«{quoted}»", language=detect(line))
    for name in names:
        if name and line.casefold().startswith(name.casefold() + ","):
            line = line[len(name) + 1 :].lstrip()
    core = bare(_drop_lead_ins(field, line, lead_ins)) or bare(line)
    kind = (kind_of or _kind)(field, _words(core), core)
    if kind == "plain":
        kept = _drop_lead_ins(field, line, lead_ins) or line  # the lead-ins the frame says, dropped
        core = kept.rstrip() if kept.rstrip().rstrip(_CLOSERS)[-1:] in ("?", "!") else bare(kept)
        if _lowered(_words(core)[0] if _words(core) else ""):
            core = core[:1].lower() + core[1:]  # after a colon, as Spanish writes it
    elif kind in ("verb", "future", "howto") or _lowered(_words(core)[0]):
        core = core[:1].lower() + core[1:]  # a capital that only started the sentence
    label = f"cuando {core}" if kind == "when" else core
    return Fit(field, kind, core, label=label)
