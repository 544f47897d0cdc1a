"""The guide's sample request, and the examples the builder drafts from it.

The tips overview and the builder page show a whole request and a thank-you note.
They are not typed into the guide: the builder itself drafts them at build time from
`SAMPLE_REQUEST`, so the examples always read exactly as the builder writes today,
and a reader whose browser cannot run the builder still has a model to copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from builder.wording.catalog import say, speaking, to_say

# Raw form values, as the builder's form holds them; each text answers its field's
# "finish the sentence" help. Fields left out keep the builder's defaults: the time
# box and format are the program's (`program`), so the sample is one a reader of this
# site could send.
SAMPLE_REQUEST: Mapping[str, str] = MappingProxyType(
    {
        "focus": "how to run my first customer interviews",
        "outcome": "I've run three interviews on my own and written up what I learned",
        "protege_name": "Amira Haddad",
        "mentor_name": "Jonas",
        "connection": "we worked on last year's launch together, and I saw how well you "
        "ran the customer calls",
        "preparation": "send you a short update and my questions two days ahead",
        "report_back": "what I tried from your last advice, and what happened",
        "channel": "email",
        "tone": "warm",
    }
)

# The same request as a Spanish-speaking reader would write it, for the Spanish pages
# (their drafts are Spanish: the drafts' language is the page's).
SAMPLE_REQUESTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": SAMPLE_REQUEST,
        "es": MappingProxyType(
            {
                "focus": "dirigir mis primeras entrevistas con clientes",
                "outcome": "haya hecho tres entrevistas por mi cuenta y haya escrito lo que "
                "aprendí",
                "protege_name": "Amira Haddad",
                "mentor_name": "Jonas",
                "connection": "trabajamos juntos en el lanzamiento del año pasado y vi lo bien "
                "que llevabas las llamadas con clientes",
                "preparation": "enviarte un breve resumen y mis preguntas dos días antes",
                "report_back": "qué probé de tu último consejo y qué pasó",
                "channel": "email",
                "tone": "warm",
            }
        ),
    }
)

# Which of the builder's drafts the guide shows, and the caption for each.
SHOWN: Mapping[str, str] = MappingProxyType(
    {
        "email": to_say("The request, sent as an email"),
        "thank_you": to_say("The thank-you note, after the last meeting"),
    }
)

# The answers listed under the examples, in the form's order.
ANSWERS = (
    "focus",
    "outcome",
    "connection",
    "meetings",
    "minutes",
    "weeks",
    "format",
    "preparation",
    "report_back",
)


def examples(language: str = "en") -> list[dict[str, str]]:
    """The sample drafts to show, as plain data for a template, for a page in `language`
    (its own sample where it has one, its drafts and captions in its words).

    Raises:
        ValueError: if the builder rejects the sample or fails on it, so a build
            never shows a broken model.
    """
    import builder

    with speaking(language):
        evaluation = builder.evaluate(dict(SAMPLE_REQUESTS.get(language, SAMPLE_REQUEST)))
        captions = {name: say(caption) for name, caption in SHOWN.items()}
    if evaluation.failed or not evaluation.ready:
        problems = [m.text for messages in evaluation.messages.values() for m in messages]
        raise ValueError(f"the builder does not accept the sample request: {problems}")
    return [
        {
            "name": name,
            "caption": captions[name],
            "subject": evaluation.drafts[name].subject,
            "text": evaluation.drafts[name].text,
        }
        for name in SHOWN
    ]


def answers(language: str = "en") -> list[dict[str, str]]:
    """The sample's answers with the form's own labels, to show what went in."""
    from builder.program import PROGRAM
    from builder.request.fields import make_fields

    fields = {field.name: field for field in make_fields(PROGRAM, language)}
    sample = SAMPLE_REQUESTS.get(language, SAMPLE_REQUEST)
    shown = []
    for name in ANSWERS:
        field = fields[name]
        value = sample.get(name, field.default)
        shown.append({"label": field.label, "value": field.choice_label(value) or value})
    return shown


# Messages that take the builder down every path a reader's page can: another
# language, words only the common-word list can judge, edits, a link, junk. The build
# runs them to find the standard-library modules the site must ship
# (sitebuild/python_bundle/find_stdlib.mjs), and the in-Pyodide tests run them against that
# cut library alone first, so a module imported lazily deep inside a call cannot be
# missed.
EXERCISES: tuple[Mapping[str, object], ...] = (
    {"type": "evaluate", "values": dict(SAMPLE_REQUEST), "touched": ["focus"]},
    {
        "type": "evaluate",
        "values": {
            "focus": "kubernetes operators",
            "outcome": "Shipped design doc",
            "connection": "Met you at the June meetup",
            "preparation": "sí, enviaré preguntas antes de cada llamada",
            "report_back": "日本語で報告します",
            "mentor_email": "not an email",
            "meetings": "3x",
        },
        "touched": [],
        "attempted": True,
        "edits": {"plan": {"text": "my own plan", "base": ""}},
    },
    {"type": "link", "values": {"focus": "how to plan", "weeks": "6"}},
    {"type": "open-link", "query": "v=1&f=x&m=lots&zz=1"},
    # After the ask: dates, each reply, the log, the kept requests and their files, and
    # the calendar file (which needs icalendar loaded first, as the worker does).
    *(
        {
            "type": "evaluate",
            "values": {**SAMPLE_REQUEST, "first_date": "2028-02-28", "meeting_time": "14:00"},
            "today": "2028-02-01",
            "after": {
                "sent_on": "2028-01-31",
                "reply": reply,
                "sent_values": {**SAMPLE_REQUEST, "meetings": "4"},
                "log": [
                    {
                        "date": "2028-02-28",
                        "advice": "Ask open questions",
                        "tried": "ask two",
                        "happened": "It went well",
                        "asked": "How do I close?",
                    },
                    {"date": "2028-02-30"},
                ],
                "next": "I'll run one interview a week",
            },
        }
        for reply in ("", "yes", "smaller", "not-now", "no")
    ),
    {
        "type": "open-store",
        "stored": "{broken",
        "today": "2028-02-01",
        "draft": '{"version": 1, "values": {"focus": "how to plan"}}',
    },
    {"type": "requests", "op": "add", "document": None, "today": "2028-02-01"},
    {"type": "requests", "op": "rename", "document": None, "request": "r-x", "name": "A name"},
    {"type": "requests", "op": "remove", "document": None, "request": "r-x"},
    {"type": "export", "document": None, "request": ""},
    {"type": "export-markdown", "document": None, "request": "", "today": "2028-02-01"},
    {"type": "import", "document": None, "text": '{"format": "shorthaul-requests"}'},
    {"type": "import", "document": None, "text": '{"version": 1, "values": {"focus": "x"}}'},
    {
        "type": "calendar",
        "zone": "Europe/Berlin",
        "now": "2028-02-01T10:00:00+00:00",
        "today": "2028-02-01",
        "request": "r-abc",
        "values": {**SAMPLE_REQUEST, "first_date": "2028-02-28", "meeting_time": "14:00"},
    },
    # The mentors' reply helper: each answer, from a protégé's link and summed up, with
    # a pasted message to read numbers from and words in another language.
    *(
        {
            "type": "reply",
            "values": {
                "response": response,
                "protege_name": "Amira",
                "mentor_name": "Jonas",
                "focus": "how to run my first customer interview",
                "pasted": "Could we do three 30-minute calls over four weeks?",
                "first_step": "send me your interview guide",
                "new_meetings": "1",
                "narrower": "just the opening questions",
                "later": "después de marzo",
                "reason": "I'm on leave until June",
                "referral_name": "Dana Ruiz",
                "referral_why": "runs our research guild",
                "tone": tone,
            },
            "request": request,
            "opened": bool(request),
            "touched": [],
        }
        for response, tone, request in (
            ("yes", "warm", "v=1&f=how%20to%20run%20an%20interview&p=Amira&n=Jonas&m=2"),
            ("smaller", "formal", ""),
            ("not-now", "casual", ""),
            ("no", "warm", ""),
            ("someone-else", "formal", ""),
            ("", "warm", "junk=1"),
        )
    ),
)
