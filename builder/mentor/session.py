"""The one call the reply helper makes on every edit: read, coach and draft the reply.

A protégé's share link (`#v=1&f=…`, the request builder's own format) arrives as
`request`: the request it describes is shown read-only and fills in the reply's
request fields, whatever the form holds. On the first call (`opened`) it also fills
in the mentor's name, the protégé's email, the tone and the channel the protégé chose,
where the mentor has not set their own. The dates the request proposes are shown with
it, and its first date is the one the mentor's yes accepts or counters.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from builder.keeping.edits import effective, read_edits
from builder.keeping.state import from_query
from builder.mentor.coach import coach_reply
from builder.mentor.drafts import render_reply, reply_language, reply_mailto
from builder.mentor.fields import FROM_REQUEST, REPLY_FIELDS
from builder.mentor.notices import language_notices
from builder.mentor.reply import given, read_reply
from builder.request import dates
from builder.request import drafts as request_drafts
from builder.request.downloads import as_markdown, as_text
from builder.request.fields import offered_draft_languages
from builder.request.validate import Request, validate
from builder.wording import pieces as wording
from builder.wording.catalog import ENGLISH, say, spoken, translator

# What the read-only view of a linked request shows, in order, with its English labels
# (said in the reader's language; builder/wording/es/mentor.py has their Spanish).
SUMMARY = (
    ("protege_name", "From"),
    ("focus", "Asks for help with"),
    ("outcome", "How they'll know it worked"),
    ("connection", "Why you"),
    ("timebox", "Time box"),
    ("dates", "Proposed dates"),
    ("preparation", "How they'll prepare"),
    ("report_back", "How they'll report back"),
)
# Filled in from the link only where the mentor has not set their own: their own name,
# the tone, channel and language, and how to greet and write to the protégé ("Amira" for "Amira
# Haddad", an address of their own).
SUGGESTED = ("protege_name", "protege_email", "mentor_name", "tone", "channel", "draft_language")


def _summary(
    request: Request, facts: Mapping[str, object], today: date | None
) -> list[dict[str, str]]:
    texts = {name: getattr(request, name, "") for name, _ in SUMMARY}
    texts["timebox"] = wording.upper_first(str(facts["timebox"])) + "."
    proposed = facts["proposed"]
    said = spoken()
    texts["dates"] = said.series([said.when(m.day, m.at, today) for m in proposed])  # type: ignore[attr-defined]
    texts["dates"] += "." if proposed else ""
    labels = dict(SUMMARY, dates="Proposed date" if len(proposed) == 1 else "Proposed dates")  # type: ignore[arg-type]
    return [{"label": say(labels[name]), "text": texts[name]} for name, _ in SUMMARY if texts[name]]


def _linked(
    query: str, values: dict[str, object], opened: bool, today: date | None
) -> tuple[dict[str, object], dates.Meeting | None]:
    """The request a link describes, and the reply's values with it filled in; and the
    first date it proposes, if any.

    Its dates are the ones the protégé's email proposes (`builder.request.drafts.proposals`),
    placed by the mentor's today where the link has no first day of its own. The summary
    is in the page's language; the reply's subject answers the protégé's email, in the
    language of their drafts."""
    link_values, notices = from_query(query)
    request, _ = validate(link_values)
    page = spoken().language
    facts = request_drafts.facts_in(request, page, today)
    theirs = request_drafts.draft_language(request)
    their_facts = facts if theirs == page else request_drafts.facts_in(request, theirs, today)
    own = given({k: v for k, v in values.items() if isinstance(v, str)})
    link_values["channel"] = "chat" if link_values.get("channel") == "chat" else "email"
    for name in FROM_REQUEST:
        if name == "draft_language" and not link_values.get(name):
            continue  # a link that did not choose leaves the page's
        if name not in SUGGESTED or (opened and name not in own):
            values[name] = link_values[name]
    proposed: tuple[dates.Meeting, ...] = facts["proposed"]  # type: ignore[assignment]
    linked = {
        "rows": _summary(request, facts, today),
        "notices": [notice.as_data() for notice in notices],
        "subject": request_drafts.email_subject(their_facts),
    }
    return linked, (proposed[0] if proposed else None)


def _first_date(meeting: dates.Meeting | None, language: str, today: date | None) -> str:
    """The request's first date as the reply names it ("Tuesday 2 March at 12:30",
    "martes 2 de marzo a las 12:30"), or ""."""
    if meeting is None:
        return ""
    if language == ENGLISH:
        return dates.when(meeting, today)
    return translator(language).when(meeting.day, meeting.at, today)


def _shown(
    cleaned: Mapping[str, str], touched: Collection[str] | None, attempted: bool
) -> frozenset[str] | None:
    if touched is None or attempted:
        return None
    return frozenset(touched) | given(cleaned)


def evaluate_reply(
    values: object,
    *,
    request: object = None,
    opened: bool = False,
    touched: Collection[str] | None = None,
    attempted: bool = False,
    edits: object = None,
    today: date | None = None,
) -> dict[str, object]:
    """Everything the reply helper shows for the form's values, JSON-ready.

    Args:
        values: The reply form's values, by field name.
        request: A protégé's link (its query or fragment), or None.
        opened: Whether this is the page's first call (see the module's docstring).
        touched: The fields the mentor has typed in or left; None shows every message.
        attempted: Whether the mentor has tried to send: everything shows.
        edits: The mentor's own versions of the drafts (see `builder.keeping.edits`).
        today: The mentor's date, from their browser: it places the request's dates
            as the protégé's email does (and says when one needs its year).
    """
    source = dict(values) if isinstance(values, Mapping) else {}
    linked, first = (
        _linked(request, source, opened, today)
        if isinstance(request, str) and request
        else (None, None)
    )
    language = reply_language(str(source.get("draft_language", "")))
    cleaned, reply, problems, notes = read_reply(source, _first_date(first, language, today))
    notes += language_notices(reply, offered_draft_languages())
    shown = _shown(cleaned, touched, attempted)
    messages: dict[str, list[dict[str, str]]] = {}
    for message in [*problems, *notes]:
        if shown is None or message.field in shown or message.severity == "notice":
            messages.setdefault(message.field, []).append(message.as_data())
    drafts = render_reply(reply, linked["subject"] if linked else "")
    kept = read_edits(edits, drafts)
    sendable = effective(drafts, kept)
    return {
        "ready": not problems,
        "failed": False,
        "primary": reply.channel,
        "values": cleaned,
        "messages": messages,
        "missing": [message.as_data() for message in problems],
        "findings": [finding.as_data() for finding in coach_reply(reply)],
        "drafts": {name: draft.as_data() for name, draft in drafts.items()},
        "edits": {name: edit.as_data(drafts[name]) for name, edit in kept.items()},
        "mailto": reply_mailto(reply, sendable["email"]),
        "downloads": {
            "text": as_text(sendable, "reply"),
            "markdown": as_markdown(sendable, "reply"),
        },
        "request": linked,
        "relevant": [f.name for f in REPLY_FIELDS if reply.relevant(f.name)],
    }


def blank_reply() -> dict[str, object]:
    """What the page shows before Python starts (rendered at build time)."""
    return evaluate_reply({})
