"""The builder's words in Spanish (see builder/wording/catalog.py): the English text on
the left, as the code writes it, its Spanish on the right, one module per part of the
builder. The form speaks to the reader as tú; the words before each box are the start of
the sentence the reader completes."""

from __future__ import annotations

from builder.wording.catalog import merged
from builder.wording.es import (
    after,
    checks,
    coaching,
    form,
    keeping,
    mentor,
    pages,
    reply_form,
    scripts,
)

NUMBER_WORDS = ("cero", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
                "nueve", "diez", "once", "doce")  # fmt: skip
DURATIONS = {30: "media hora", 60: "una hora", 90: "una hora y media", 120: "dos horas"}
MINUTES = "{n} minutos"
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip
DAY = "{weekday} {day} de {month}"
DAY_IN_YEAR = "{date} de {year}"

MESSAGES: dict[str, str] = merged(
    form.MESSAGES,
    pages.MESSAGES,
    scripts.MESSAGES,
    reply_form.MESSAGES,
    checks.MESSAGES,
    coaching.MESSAGES,
    after.MESSAGES,
    keeping.MESSAGES,
    mentor.MESSAGES,
)
