"""Every output of the builder, rendered from the Jinja templates in `templates/`.

Python works out the facts (names or placeholders, counts, the meeting schedule)
and the templates hold every sentence. Plain-text outputs use an environment
without escaping; the printable HTML uses an autoescaping one, so user text in it
is always escaped.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

import jinja2

from builder.request import context_tables, dates
from builder.request.fields import FIELD
from builder.request.spoken import primary_draft, spoken
from builder.request.validate import Request
from builder.text import shorten
from builder.wording import catalog
from builder.wording import pieces as wording
from builder.wording.fitting import BLANK_FOCUS, Fit, fit, say
from builder.wording.greeting import informal_name
from builder.wording.tables import drafted, drafting

# Shown where a required value is missing, so the preview is never blank.
BLANK = {
    "focus": BLANK_FOCUS,
    "mentor_name": "[their name]",
    "protege_name": "[your name]",
    "count": "[how many]",
}
SUBJECT_FOCUS = 60  # characters of the focus that fit in a subject line
# The languages with drafts: English, and each with tables (builder/wording/tables.py).
DRAFTED = tuple(code for code, _ in drafted())

# name -> (title, template); the first two are the messages, ordered by channel.
OUTPUTS: dict[str, tuple[str, str]] = {
    "email": ("Email", "email.txt"),
    "chat": ("Chat message", "chat.txt"),
    "spoken": ("What to say", "spoken.txt"),
    "plan": ("Meeting plan", "plan.txt"),
    "report_back": ("Report-back notes", "report_back.txt"),
    "thank_you": ("Thank-you note", "thank_you.txt"),
}


@dataclass(frozen=True, slots=True)
class Draft:
    """One rendered output; `subject` is set for the ones sent as email."""

    name: str
    title: str
    text: str
    subject: str = ""
    media_type: str = "text/plain"

    def as_data(self) -> dict[str, str]:
        """JSON-ready form."""
        return {
            "title": self.title,
            "subject": self.subject,
            "text": self.text,
            "media_type": self.media_type,
        }


def _environment(*, html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("builder", "templates"),
        autoescape=html,  # noqa: S701 - plain-text outputs must not be HTML-escaped
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the package; no stat() per render
    )
    env.filters.update(
        bare=wording.bare,
        sentence=wording.sentence,
        upper_first=wording.upper_first,
        fence=wording.fence,
        number=wording.number,
    )
    return env


@functools.cache
def text_environment() -> jinja2.Environment:
    """Environment for .txt and .md templates: output is plain text, never escaped."""
    return _environment(html=False)


@functools.cache
def html_environment() -> jinja2.Environment:
    """Environment for .html templates: every value is escaped unless marked safe."""
    return _environment(html=True)


def _schedule(
    meetings: int, weeks: int | None, proposed: tuple[dates.Meeting, ...] = (), today=None
) -> list[dict[str, object]]:
    """Meetings spread evenly from week 1 to the last week, rounded half up; with
    proposed dates, each meeting's date instead of its week."""
    plan = []
    labels = [dates.when(meeting, today) for meeting in proposed]
    for index in range(meetings):
        week = None
        if weeks is not None:
            share = index * (weeks - 1) / (meetings - 1) if meetings > 1 else 0
            week = 1 + int(share + 0.5)
        plan.append(
            {
                "number": index + 1,
                "week": week,
                "when": labels[index] if index < len(labels) else "",
                "first": index == 0,
                "last": index == meetings - 1,
            }
        )
    return plan


def proposals(
    request: Request, today: date | None = None
) -> tuple[tuple[dates.Meeting, ...], list[str]]:
    """The proposed meeting dates for a request (none without a start, a weekday or a
    time), and notes on any choice that could not be kept."""
    wanted = bool(request.weekday or request.meeting_time)
    start = dates.first_day(request.first_date, today, wanted)
    if start is None or not request.meetings or not request.weeks:
        return (), []
    return dates.propose(
        start, request.meetings, request.weeks, request.weekday, request.meeting_time
    )


def _dates_line(proposed: tuple[dates.Meeting, ...], today: date | None) -> str:
    """ "Dates, if they suit you: Tuesday 13 January, … and …, each at 14:00." """
    if not proposed:
        return ""
    times = {meeting.at for meeting in proposed}
    same = len(times) == 1 and None not in times
    days = [dates.day_label(m.day, today) if same else dates.when(m, today) for m in proposed]
    if len(proposed) == 1:
        return f"A date, if it suits you: {dates.when(proposed[0], today)}."
    line = f"Dates, if they suit you: {dates.series(days)}"
    return line + (f", each at {proposed[0].at:%H:%M}." if same else ".")


FITTED = ("focus", "outcome", "connection", "preparation", "report_back")


@functools.lru_cache(maxsize=8)  # drafts, coaching and notices read the same request
def fits(request: Request) -> dict[str, Fit]:
    """Each free-text field read for its shape, ready for the sentence frames.

    Cached, so treat the result as read-only.
    """
    names = (request.mentor_name.strip().rstrip(",;:").rstrip(),)
    return {name: fit(name, getattr(request, name), names) for name in FITTED}


def _sayer(fitted: Mapping[str, Fit], meeting: str):
    def say_slot(slot: str, **params: str) -> str:
        """The sentence for a slot of `frames.SLOTS` ("focus.email"), fitted."""
        return say(slot, fitted[slot.split(".", 1)[0]], meeting=meeting, **params)

    return say_slot


def _name(text: str, blank: str) -> str:
    """A name as it goes after "Hi" or under a sign-off: without a trailing comma
    ("Maria," would make "Hi Maria,,"); a full stop may be part of it ("Jr.")."""
    return text.strip().rstrip(",;:").rstrip() or blank


def timebox_phrase(
    meetings: int | None, minutes: int | None, weeks: int | None, one: str, many: str
) -> str:
    """ "three 30-minute video calls over four weeks", with blanks for what is missing."""
    count = wording.number(meetings) if meetings else BLANK["count"]
    nouns = wording.plural(meetings, one, many)
    if minutes:
        timebox = f"{count} {minutes}-minute {nouns}"
    else:
        timebox = f"{count} {nouns} of {BLANK['count']} minutes"
    week_count = wording.number(weeks) if weeks else BLANK["count"]
    # One meeting happens "in the next two weeks" ("in the next week"); several are
    # spread "over" them ("over one week").
    if meetings == 1:
        return timebox + (" in the next week" if weeks == 1 else f" in the next {week_count} weeks")
    return f"{timebox} over {week_count} {'week' if weeks == 1 else 'weeks'}"


def context(request: Request, today: date | None = None) -> dict[str, object]:
    """The facts every template draws on, with placeholders for missing values.

    `today` (the reader's, from the browser) places dates that have no start day
    of their own and says when a date needs its year; without it, neither happens.
    """
    meetings, minutes, weeks = request.meetings, request.minutes, request.weeks
    proposed, _ = proposals(request, today)
    one, many, short_one, short_many = wording.FORMAT_WORDS.get(
        request.format, wording.FORMAT_WORDS["video"]
    )
    count = wording.number(meetings) if meetings else BLANK["count"]
    week_count = wording.number(weeks) if weeks else BLANK["count"]
    timebox = timebox_phrase(meetings, minutes, weeks, one, many)
    focus = request.focus or BLANK["focus"]
    fitted = fits(request)
    return {
        "tone": wording.TONES.get(request.tone, wording.TONES["warm"]),
        "protege": _name(request.protege_name, BLANK["protege_name"]),
        "mentor": _name(request.mentor_name, BLANK["mentor_name"]),
        # Greeted by the name they go by in a warm or casual note, as typed in a formal one.
        "greet": _name(
            request.mentor_name
            if request.tone == "formal"
            else informal_name(request.mentor_name, request.mentor_call),
            BLANK["mentor_name"],
        ),
        "fits": fitted,
        "say": _sayer(fitted, short_one),
        "focus": focus,
        "focus_short": wording.upper_first(shorten(fitted["focus"].label, SUBJECT_FOCUS)),
        # In a subject line, after a dash: as it reads mid-sentence ("… – how to run …").
        "focus_subject": shorten(fitted["focus"].label, SUBJECT_FOCUS),
        "outcome": request.outcome,
        "connection": request.connection,
        "preparation": request.preparation,
        "report_back": request.report_back,
        "format_label": FIELD["format"].choice_label(request.format) or request.format,
        "meetings": meetings,
        "minutes": minutes,
        "weeks": weeks,
        "count": count,
        "week_count": week_count,
        "last": wording.ordinal(meetings) if meetings else "last",
        "short_noun": short_one,
        "short_nouns": wording.plural(meetings, short_one, short_many),
        "short_nouns_many": short_many,
        "timebox": timebox,
        "schedule": _schedule(meetings or int(FIELD["meetings"].default), weeks, proposed, today),
        "proposed": proposed,
        "dates_line": _dates_line(proposed, today),
        "first_when": dates.when(proposed[0], today) if proposed else "",
    }


def render(name: str, facts: Mapping[str, object], *, html: bool = False) -> str:
    """One template of `templates/` with these facts (HTML templates escape them)."""
    return _render(name, facts, html=html)


def _render(name: str, facts: Mapping[str, object], *, html: bool = False) -> str:
    env = html_environment() if html else text_environment()
    return env.get_template(name).render(facts)


def draft_language(request: Request) -> str:
    """The language the drafts are written in: the reader's choice, or else the page's
    (the language being spoken), or else English."""
    if request.draft_language in DRAFTED:
        return request.draft_language
    page = catalog.spoken().language
    return page if page in DRAFTED else catalog.ENGLISH


def facts_in(request: Request, language: str, today: date | None = None) -> dict[str, object]:
    """The facts the drafts' templates draw on, in a language the drafts are written in
    (English for any other)."""
    table = drafting(language)
    if table is not None:
        return context_tables.context(table, request, proposals(request, today)[0], today)
    return context(request, today)


def email_subject(facts: Mapping[str, object]) -> str:
    """The email's subject line: the tone's, a dash, the focus. One colon at most in a
    subject line (a reply adds "Re:"), so a dash."""
    return f"{facts['tone'].subject} – {facts['focus_subject']}"  # type: ignore[attr-defined]


def render_drafts(request: Request, today: date | None = None) -> dict[str, Draft]:
    """Every output for a request, the way of asking's first, in `draft_language`.

    Returns:
        Drafts by name: "spoken", "email" and "chat" (the way of asking's first),
        "plan", "report_back", "thank_you" and "request_html".
    """
    language = draft_language(request)
    facts = facts_in(request, language, today)
    table = drafting(language)
    if table is not None:
        folder, thanks = f"{table.code}/", table.phrase("thanks_subject")
    else:
        facts["spoken"] = spoken(request, facts)
        folder, thanks = "", "Thank you"
    subjects = {
        "email": email_subject(facts),
        "thank_you": f"{thanks} – {facts['focus_subject']}",
    }
    names = [primary_draft(request.channel)]
    names += [name for name in OUTPUTS if name not in names]
    drafts = {}
    for name in names:
        title, template = OUTPUTS[name]
        text = _render(folder + template, facts)
        drafts[name] = Draft(name, title, text, subjects.get(name, ""))
    # The titles are the page's words (it translates them); the printable copy is all in
    # the drafts' language.
    t = catalog.translator(language)
    primary, plan = drafts[names[0]], drafts["plan"]
    shown = {
        "message": dataclasses.replace(primary, title=t(primary.title)),
        "plan": dataclasses.replace(plan, title=t(plan.title)),
    }
    page = _render(folder + "request.html", {**facts, **shown}, html=True)
    drafts["request_html"] = Draft(
        "request_html", "Printable request", page, media_type="text/html"
    )
    return drafts


def mailto_url(request: Request, email: Draft | None = None) -> str:
    """A mailto: link that opens the email draft in the reader's mail app.

    The address is left empty unless the request has a valid one; subject and
    body are percent-encoded, with CRLF line breaks as RFC 6068 asks.
    """
    if email is None:
        email = render_drafts(request)["email"]
    address = quote(request.mentor_email, safe="@", errors="replace")
    subject = quote(email.subject, safe="", errors="replace")
    body = quote(email.text.replace("\n", "\r\n"), safe="", errors="replace")
    return f"mailto:{address}?subject={subject}&body={body}"
