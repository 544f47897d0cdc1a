"""What a request is made of: the one table the form, validator, links and drafts read.

The web form is rendered from this table at build time, so a label, a limit or a
help text changes here and nowhere else. Step ids and URL keys are a public
contract: saved links and page anchors depend on them.
"""

from __future__ import annotations

from builder.program import PROGRAM
from builder.request.dates import WEEKDAYS
from builder.request.schema import Field, Step
from builder.request.tips import TIPS
from builder.settings import RANGES, Program
from builder.wording.catalog import ENGLISH, Translator, translator
from builder.wording.tables import drafted

STEPS: tuple[Step, ...] = (
    Step(
        "focus",
        "Your focus",
        "Pick one small thing you want to learn, and how you will know you have learned it.",
    ),
    Step(
        "mentor",
        "Your mentor",
        "Say who you are asking, and why this person rather than anyone else.",
    ),
    Step(
        "timebox",
        "The time box",
        "Keep it small: a few short meetings over a few weeks, with a clear end.",
    ),
    Step(
        "commitments",
        "Your side of the deal",
        "Say how you will prepare, how you will report back, and how you will send it.",
    ),
    Step(
        "review",
        "Review and send",
        "Read the coaching notes, then copy, send or save your request.",
    ),
    Step(
        "after",
        "After you send",
        "Note when you sent it and what they said: the builder drafts your next message.",
    ),
    Step(
        "log",
        "Meetings",
        "Keep a short log of each meeting: it becomes your report-back and your thank-you.",
    ),
)
# The steps whose answers make up the request; the others record what happened after.
REQUEST_STEPS = ("focus", "mentor", "timebox", "commitments", "review")

# Every format a program may offer (`settings.FORMATS`), with its label.
FORMATS = (
    ("video", "Video call"),
    ("in-person", "In person"),
    ("phone", "Phone"),
    ("chat", "Chat"),
)
CHANNELS = (("in-person", "In person or on a call"), ("email", "By email"),
            ("chat", "By chat message"))  # fmt: skip
# How well the mentor knows the reader: the advice on how to ask depends on it.
ACQUAINTANCE = (
    ("", "I'd rather not say"),
    ("well", "We talk often"),
    ("met", "We've met or worked together"),
    ("not-yet", "We haven't met yet"),
)
TONES = (("warm", "Warm"), ("formal", "Formal"), ("casual", "Casual"))
# The languages the drafts can be written in, each named in its own words.
DRAFT_LANGUAGES = drafted()


def translated_choices(
    choices: tuple[tuple[str, str], ...], t: Translator
) -> tuple[tuple[str, str], ...]:
    return tuple((value, t(label)) for value, label in choices)


def make_fields(program: Program, language: str = ENGLISH) -> tuple[Field, ...]:
    """The field table for a program's settings: its default time box, its formats, and
    help texts that name its numbers (see `settings`), in a language's words."""
    t = translator(language)
    box, limits = program.time_box, program.limits
    formats = tuple(
        sorted(
            (choice for choice in FORMATS if choice[0] in program.formats),
            key=lambda choice: program.formats.index(choice[0]),
        )
    )
    return (
    Field(
        "focus", "f", "focus", "textarea",
        label=t("What would you like their help with?"),
        noun=t("focus"),
        help=t("One specific thing you could make progress on in a few meetings. Finish the "
        "sentence; a subject works too (“SQL window functions”, “how to run a retro”)."),
        required=True,
        missing=t("Say what you'd like help with: one specific thing."),
        min_length=10, max_length=200, rows=2,
        placeholder=t("run my first customer interview"),
        frame=t("I'd like your help to …"),
    ),
    Field(
        "outcome", "o", "focus", "textarea",
        label=t("How will you know it worked?"),
        noun=t("outcome"),
        help=t("Something you could point to at the end."),
        max_length=300, rows=2,
        placeholder=t("I've run two interviews on my own and written up what I learned"),
        frame=t("I'll know it has worked when …"),
    ),
    Field(
        "protege_name", "p", "mentor", "text",
        label=t("Your name"),
        noun=t("your name"),
        help=t("How you will sign the message."),
        required=True,
        missing=t("Enter your name, so the message can be signed."),
        max_length=80, autocomplete="name",
    ),
    Field(
        "protege_email", "pe", "mentor", "email",
        label=t("Your email (optional)"),
        noun=t("your email"),
        help=t("Only for the calendar file: it names you as the organiser, so their calendar "
        "shows the meetings as an invitation from you."),
        max_length=254, autocomplete="email", placeholder=t("you@example.org"),
    ),
    Field(
        "mentor_name", "n", "mentor", "text",
        label=t("Their name"),
        noun=t("their name"),
        help=t("As you would greet them: first name if you know them well, full name if not."),
        help_link=(t("Not sure whom to ask?"), "finding-a-mentor/"),
        required=True,
        missing=t("Enter the name of the person you are asking."),
        max_length=80,
    ),
    Field(
        "mentor_call", "nc", "mentor", "text",
        label=t("What do you call them? (optional)"),
        noun=t("what you call them"),
        help=t("For a warm or casual greeting, usually their first name. Left blank, the "
        "first word of their name is used, unless it starts with a title such as Dr."),
        max_length=80,
    ),
    Field(
        "mentor_email", "e", "mentor", "email",
        label=t("Their email (optional)"),
        noun=t("their email"),
        help=t("Only used to fill in the To line when you open the message in your mail app."),
        max_length=254, placeholder=t("name@example.org"),
    ),
    Field(
        "channel", "ch", "mentor", "choice",
        label=t("How will you ask?"),
        noun=t("way of asking"),
        help=t("In person, people say yes far more often than by email, and more than those "
        "asking expect. The builder drafts what to say, and the email as your written "
        "follow-up; every version stays there if you change your mind."),
        required=True,
        max_length=20, default="email", choices=translated_choices(CHANNELS, t),
    ),
    Field(
        "acquaintance", "kn", "mentor", "choice",
        label=t("How well do they know you? (optional)"),
        noun=t("how well they know you"),
        help=t("The coach's advice on how to ask depends on it."),
        max_length=20, default="", choices=translated_choices(ACQUAINTANCE, t),
    ),
    Field(
        "connection", "c", "mentor", "textarea",
        label=t("Why them?"),
        noun=t("connection"),
        help=t("How you know each other, and what they have done that makes you ask them."),
        max_length=600, rows=3,
        placeholder=t("we worked together on last year's launch, and I saw how you ran "
        "the customer calls"),
        frame=t("I'm asking you because …"),
    ),
    Field(
        "meetings", "m", "timebox", "int",
        label=t("How many meetings?"),
        noun=t("meetings"),
        help=t("{plenty} is plenty for one small goal; more than {limit} is no longer micro.",
               plenty=t.number(box.meetings, upper=True), limit=t.number(limits.meetings),
               count=t.number(box.meetings)),
        required=True,
        missing=t("Enter how many meetings you are asking for, like {n}.", n=box.meetings),
        max_length=18, min_value=RANGES["meetings"][0], max_value=RANGES["meetings"][1],
        increment=1, unit=t("meetings"), default=str(box.meetings),
    ),
    Field(
        "minutes", "d", "timebox", "int",
        label=t("Minutes per meeting"),
        noun=t("meeting length"),
        help=t("{length} is easy to fit into a busy week.",
               length=t.duration(box.minutes, upper=True), said=t.duration(box.minutes)),
        required=True,
        missing=t("Enter how long each meeting is, in minutes, like {n}.", n=box.minutes),
        max_length=18, min_value=RANGES["minutes"][0], max_value=RANGES["minutes"][1],
        increment=5, unit=t("minutes"), default=str(box.minutes),
    ),
    Field(
        "weeks", "w", "timebox", "int",
        label=t("Over how many weeks?"),
        noun=t("weeks"),
        help=t("The end is part of the deal: pick a span you will keep to."),
        required=True,
        missing=t("Enter over how many weeks the meetings run, like {n}.", n=box.weeks),
        max_length=18, min_value=RANGES["weeks"][0], max_value=RANGES["weeks"][1],
        increment=1, unit=t("weeks"), default=str(box.weeks),
    ),
    Field(
        "format", "fm", "timebox", "choice",
        label=t("How will you meet?"),
        noun=t("format"),
        help=t("Whatever is easiest for them."),
        required=True,
        max_length=20, default=formats[0][0], choices=translated_choices(formats, t),
    ),
    Field(
        "first_date", "sd", "timebox", "date",
        label=t("First meeting on or after (optional)"),
        noun=t("first date"),
        help=t("Leave this, the day of the week and the time open, and the request says "
        "nothing about dates. Pick a day and the builder proposes dates across the span, on "
        "working days, in your time zone; with only a day of the week or a time, the dates "
        "start a week from today."),
        max_length=20,
    ),
    Field(
        "weekday", "wd", "timebox", "choice",
        label=t("On which day of the week? (optional)"),
        noun=t("day of the week"),
        help=t("If one day usually suits you both."),
        max_length=20, default="", choices=translated_choices(WEEKDAYS, t),
    ),
    Field(
        "meeting_time", "at", "timebox", "time",
        label=t("At what time? (optional)"),
        noun=t("time"),
        help=t("Your local time, between 06:00 and 22:00."),
        max_length=20,
    ),
    Field(
        "preparation", "pr", "commitments", "textarea",
        label=t("How will you prepare?"),
        noun=t("preparation plan"),
        help=t("What you will send or do before each meeting, and when."),
        max_length=400, rows=2,
        placeholder=t("send you a short update and my questions two days ahead"),
        frame=t("Before each meeting, I'll …"),
    ),
    Field(
        "report_back", "r", "commitments", "textarea",
        label=t("How will you report back?"),
        noun=t("report-back plan"),
        help=t("So they can see their advice being used."),
        max_length=400, rows=2,
        placeholder=t("what I tried from your last advice, and what happened"),
        frame=t("At each meeting after the first, I'll report back on …"),
    ),
    Field(
        "tone", "t", "commitments", "choice",
        label=t("Tone"),
        noun=t("tone"),
        help=t("Changes the greeting and sign-off; the request itself stays the same."),
        required=True,
        max_length=20, default="warm", choices=translated_choices(TONES, t),
    ),
    # Blank: the page's language. Offered only where the site offers more than one.
    Field(
        "draft_language", "lg", "commitments", "choice",
        label=t("Language of your messages"),
        noun=t("language of your messages"),
        help=t("The drafts are written in it: your mentor's language, which may not be "
        "this page's."),
        max_length=8, default="",
        choices=(("", "The page's language"), *DRAFT_LANGUAGES),
    ),
    )  # fmt: skip


FIELDS: tuple[Field, ...] = make_fields(PROGRAM)

FIELD: dict[str, Field] = {field.name: field for field in FIELDS}
BY_URL_KEY: dict[str, Field] = {field.url_key: field for field in FIELDS}


def defaults() -> dict[str, str]:
    """A fresh form: every field at its default."""
    return {field.name: field.default for field in FIELDS}


def fields_as_data(language: str = ENGLISH) -> dict[str, object]:
    """The steps with their fields, and the tips, for rendering the web form in a
    language (the page's)."""
    t = translator(language)
    fields = FIELDS if language == ENGLISH else make_fields(PROGRAM, language)
    return {
        "steps": [
            {
                "id": step.id,
                "title": t(step.title),
                "intro": t(step.intro),
                "fields": [
                    as_shown(field, language)
                    for field in fields
                    if field.step == step.id and offered(field)
                ],
            }
            for step in STEPS
        ],
        "tips": [{**tip.as_data(), "title": t(tip.title)} for tip in TIPS],
    }


def offered_draft_languages() -> list[str]:
    """The languages the form offers the drafts in: the site's own that have drafts (a
    link may still ask for any language the drafts are written in)."""
    return [code for code, _ in DRAFT_LANGUAGES if code in PROGRAM.languages]


def offered(field: Field) -> bool:
    """A field the form shows: the drafts' language only where there is a choice."""
    return field.name != "draft_language" or len(offered_draft_languages()) > 1


def as_shown(field: Field, language: str) -> dict[str, object]:
    """A field as the form shows it. The drafts' language is offered in the site's
    languages, the page's own chosen at first (blank, "the page's", is what a link or a
    saved request without one holds)."""
    data = field.as_data()
    if field.name == "draft_language":
        codes = offered_draft_languages()
        data["default"] = language if language in codes else ENGLISH
        data["choices"] = [choice for choice in data["choices"] if choice["value"] in codes]
    return data
