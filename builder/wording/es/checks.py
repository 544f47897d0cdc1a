"""What the builder says of a field's value while the reader types (builder/request/
validate.py, dates.py): tú, short, and saying how to put it right. A field's name is
quoted («objetivo»), so no article has to agree with it."""

MESSAGES: dict[str, str] = {
    # builder/request/validate.py
    "Say a little more: {noun} needs at least {least} characters (it has {count}).": "Escribe un poco más: «{noun}» necesita al menos {least} caracteres (tiene {count}).",
    "{noun} is {count} characters; keep it to {most} or fewer.": "«{noun}» tiene {count} caracteres; déjalo en {most} o menos.",
    "That email address is too long ({count} characters).": "Esa dirección de correo es demasiado larga ({count} caracteres).",
    "That email address doesn't look complete: it should look like name@example.org.": "Esa dirección de correo parece incompleta: debería ser como nombre@ejemplo.org.",
    "{noun} must be a whole number, like {example}.": "«{noun}» debe ser un número entero, como {example}.",
    "Pick between {least} and {most} {unit}.": "Elige entre {least} y {most} {unit}.",
    "Pick one of: {labels}.": "Elige una de estas opciones: {labels}.",
    "{noun} couldn't be read; please type it again.": "No se pudo leer «{noun}»; vuelve a escribirlo.",
    "Choose a {noun}.": "Elige una opción en «{noun}».",
    # builder/request/dates.py
    "That date isn't complete: pick a day, or type the day, month and year.": "Esa fecha está incompleta: elige un día, o escribe el día, el mes y el año.",
    "Give the date as year, month and day, like 2026-01-13, or pick it.": "Escribe la fecha como año, mes y día, por ejemplo 2026-01-13, o elígela.",
    "Pick a date between {first} and {last}.": "Elige una fecha entre {first} y {last}.",
    "There are only twelve months: check the month.": "Solo hay doce meses: revisa el mes.",
    "There is no 29 February in {year}.": "En {year} no hay 29 de febrero.",
    "{month} has no day {day}.": "No hay día {day} en {month}.",
    "That time isn't complete: give the hours and the minutes.": "Esa hora está incompleta: indica las horas y los minutos.",
    "Give the time as hours and minutes, like 14:00.": "Escribe la hora como horas y minutos, por ejemplo 14:00.",
    "That isn't a time of day: use the 24-hour clock, like 14:00.": "Esa no es una hora del día: usa el formato de 24 horas, por ejemplo 14:00.",
    "Pick a time between {earliest} and {latest}: a meeting at night is a hard thing to ask for.": "Elige una hora entre las {earliest} y las {latest}: una reunión de noche es difícil de pedir.",
    "There is only one {day} in the span, so some dates fall on other working days.": "{day}: solo hay uno en el periodo, así que algunas fechas caen en otros días laborables.",
    "There are only {count} {day}s in the span, so some dates fall on other working days.": "{day}: solo hay {count} en el periodo, así que algunas fechas caen en otros días laborables.",
    "{meetings} meetings don't fit on different working days in {weeks} week: only the first {count} have dates.": "{meetings} reuniones no caben en días laborables distintos en {weeks} semana: solo las {count} primeras tienen fecha.",
    "{meetings} meetings don't fit on different working days in {weeks} weeks: only the first {count} have dates.": "{meetings} reuniones no caben en días laborables distintos en {weeks} semanas: solo las {count} primeras tienen fecha.",
    "January": "enero",
    "February": "febrero",
    "March": "marzo",
    "April": "abril",
    "May": "mayo",
    "June": "junio",
    "July": "julio",
    "August": "agosto",
    "September": "septiembre",
    "October": "octubre",
    "November": "noviembre",
    "December": "diciembre",
    # builder/session.py: the first date, in a request not yet sent.
    "That day has passed: pick today or a later day, or leave it open. Until then the request proposes no dates.": "Ese día ya pasó: elige hoy o un día posterior, o déjalo abierto. Mientras tanto, la solicitud no propone fechas.",
}
