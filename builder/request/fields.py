"""What a request is made of: the one table the form, validator, links and drafts read.

The web form is rendered from this table at build time, so a label, a limit or a
help text changes here and nowhere else. Step ids and URL keys are a public
contract: saved links and page anchors depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.program import PROGRAM
from builder.request.dates import WEEKDAYS
from builder.request.tips import TIPS
from builder.settings import RANGES, Program
from builder.wording.pieces import duration, number, upper_first

Kind = Literal["text", "textarea", "email", "int", "choice", "date", "time"]


@dataclass(frozen=True, slots=True)
class Step:
    """One page of the form."""

    id: str
    title: str
    intro: str


@dataclass(frozen=True, slots=True)
class Field:
    """One input, with everything needed to render, check and store it.

    `default` is the raw form value ("3", not 3): the form, the URL and saved
    drafts all hold strings. `noun` is how messages name the field ("Focus was
    cut to 200 characters"); `missing` is the message when a required field is blank.
    `frame` is the start of the sentence the reader's words complete in the drafts,
    shown before the input so most people type the right shape in the first place.
    `help_link` is an optional (label, site-relative path) shown as a link after the help.
    """

    name: str
    url_key: str
    step: str
    kind: Kind
    label: str
    noun: str
    help: str
    required: bool = False
    missing: str = ""
    min_length: int = 0
    max_length: int = 0
    min_value: int | None = None
    max_value: int | None = None
    increment: int | None = None
    unit: str = ""
    default: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    placeholder: str = ""
    autocomplete: str = "off"
    rows: int = 0
    frame: str = ""
    help_link: tuple[str, str] | None = None

    @property
    def multiline(self) -> bool:
        """Whether line breaks are part of the value."""
        return self.kind == "textarea"

    @property
    def lead_noun(self) -> str:
        """The noun with a capital first letter, for starting a message."""
        return self.noun[:1].upper() + self.noun[1:]

    def in_range(self, number: int) -> bool:
        """Whether a number is within the field's limits."""
        low, high = self.min_value, self.max_value
        return (low is None or number >= low) and (high is None or number <= high)

    def choice_label(self, value: str) -> str:
        """The label shown for a choice value, or "" if it is not one."""
        return dict(self.choices).get(value, "")

    def as_data(self) -> dict[str, object]:
        """JSON-ready form of the field for rendering the web form."""
        return {
            "name": self.name,
            "url_key": self.url_key,
            "kind": self.kind,
            "label": self.label,
            "help": self.help,
            "required": self.required,
            "min_length": self.min_length,
            "max_length": self.max_length,
            "min": self.min_value,
            "max": self.max_value,
            "increment": self.increment,
            "unit": self.unit,
            "default": self.default,
            "choices": [{"value": value, "label": label} for value, label in self.choices],
            "placeholder": self.placeholder,
            "autocomplete": self.autocomplete,
            "rows": self.rows,
            "frame": self.frame,
            "help_link": (
                {"label": self.help_link[0], "path": self.help_link[1]} if self.help_link else None
            ),
        }


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


def make_fields(program: Program) -> tuple[Field, ...]:
    """The field table for a program's settings: its default time box, its formats, and
    help texts that name its numbers (see `settings`)."""
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
        label="What would you like their help with?",
        noun="focus",
        help="One specific thing you could make progress on in a few meetings. Finish the "
        "sentence; a subject works too (“SQL window functions”, “how to run a retro”).",
        required=True,
        missing="Say what you'd like help with: one specific thing.",
        min_length=10, max_length=200, rows=2,
        placeholder="run my first customer interview",
        frame="I'd like your help to …",
    ),
    Field(
        "outcome", "o", "focus", "textarea",
        label="How will you know it worked?",
        noun="outcome",
        help="Something you could point to at the end.",
        max_length=300, rows=2,
        placeholder="I've run two interviews on my own and written up what I learned",
        frame="I'll know it has worked when …",
    ),
    Field(
        "protege_name", "p", "mentor", "text",
        label="Your name",
        noun="your name",
        help="How you will sign the message.",
        required=True,
        missing="Enter your name, so the message can be signed.",
        max_length=80, autocomplete="name",
    ),
    Field(
        "protege_email", "pe", "mentor", "email",
        label="Your email (optional)",
        noun="your email",
        help="Only for the calendar file: it names you as the organiser, so their calendar "
        "shows the meetings as an invitation from you.",
        max_length=254, autocomplete="email", placeholder="you@example.org",
    ),
    Field(
        "mentor_name", "n", "mentor", "text",
        label="Their name",
        noun="their name",
        help="As you would greet them: first name if you know them well, full name if not.",
        help_link=("Not sure whom to ask?", "finding-a-mentor/"),
        required=True,
        missing="Enter the name of the person you are asking.",
        max_length=80,
    ),
    Field(
        "mentor_call", "nc", "mentor", "text",
        label="What do you call them? (optional)",
        noun="what you call them",
        help="For a warm or casual greeting, usually their first name. Left blank, the "
        "first word of their name is used, unless it starts with a title such as Dr.",
        max_length=80,
    ),
    Field(
        "mentor_email", "e", "mentor", "email",
        label="Their email (optional)",
        noun="their email",
        help="Only used to fill in the To line when you open the message in your mail app.",
        max_length=254, placeholder="name@example.org",
    ),
    Field(
        "channel", "ch", "mentor", "choice",
        label="How will you ask?",
        noun="way of asking",
        help="In person, people say yes far more often than by email, and more than those "
        "asking expect. The builder drafts what to say, and the email as your written "
        "follow-up; every version stays there if you change your mind.",
        required=True,
        max_length=20, default="email", choices=CHANNELS,
    ),
    Field(
        "acquaintance", "kn", "mentor", "choice",
        label="How well do they know you? (optional)",
        noun="how well they know you",
        help="The coach's advice on how to ask depends on it.",
        max_length=20, default="", choices=ACQUAINTANCE,
    ),
    Field(
        "connection", "c", "mentor", "textarea",
        label="Why them?",
        noun="connection",
        help="How you know each other, and what they have done that makes you ask them.",
        max_length=600, rows=3,
        placeholder="we worked together on last year's launch, and I saw how you ran "
        "the customer calls",
        frame="I'm asking you because …",
    ),
    Field(
        "meetings", "m", "timebox", "int",
        label="How many meetings?",
        noun="meetings",
        help=f"{upper_first(number(box.meetings))} is plenty for one small goal; more than "
        f"{number(limits.meetings)} is no longer micro.",
        required=True,
        missing=f"Enter how many meetings you are asking for, like {box.meetings}.",
        max_length=18, min_value=RANGES["meetings"][0], max_value=RANGES["meetings"][1],
        increment=1, unit="meetings", default=str(box.meetings),
    ),
    Field(
        "minutes", "d", "timebox", "int",
        label="Minutes per meeting",
        noun="meeting length",
        help=f"{upper_first(duration(box.minutes))} is easy to fit into a busy week.",
        required=True,
        missing=f"Enter how long each meeting is, in minutes, like {box.minutes}.",
        max_length=18, min_value=RANGES["minutes"][0], max_value=RANGES["minutes"][1],
        increment=5, unit="minutes", default=str(box.minutes),
    ),
    Field(
        "weeks", "w", "timebox", "int",
        label="Over how many weeks?",
        noun="weeks",
        help="The end is part of the deal: pick a span you will keep to.",
        required=True,
        missing=f"Enter over how many weeks the meetings run, like {box.weeks}.",
        max_length=18, min_value=RANGES["weeks"][0], max_value=RANGES["weeks"][1],
        increment=1, unit="weeks", default=str(box.weeks),
    ),
    Field(
        "format", "fm", "timebox", "choice",
        label="How will you meet?",
        noun="format",
        help="Whatever is easiest for them.",
        required=True,
        max_length=20, default=formats[0][0], choices=formats,
    ),
    Field(
        "first_date", "sd", "timebox", "date",
        label="First meeting on or after (optional)",
        noun="first date",
        help="Leave this, the day of the week and the time open, and the request says "
        "nothing about dates. Pick a day and the builder proposes dates across the span, on "
        "working days, in your time zone; with only a day of the week or a time, the dates "
        "start a week from today.",
        max_length=20,
    ),
    Field(
        "weekday", "wd", "timebox", "choice",
        label="On which day of the week? (optional)",
        noun="day of the week",
        help="If one day usually suits you both.",
        max_length=20, default="", choices=WEEKDAYS,
    ),
    Field(
        "meeting_time", "at", "timebox", "time",
        label="At what time? (optional)",
        noun="time",
        help="Your local time, between 06:00 and 22:00.",
        max_length=20,
    ),
    Field(
        "preparation", "pr", "commitments", "textarea",
        label="How will you prepare?",
        noun="preparation plan",
        help="What you will send or do before each meeting, and when.",
        max_length=400, rows=2,
        placeholder="send you a short update and my questions two days ahead",
        frame="Before each meeting, I'll …",
    ),
    Field(
        "report_back", "r", "commitments", "textarea",
        label="How will you report back?",
        noun="report-back plan",
        help="So they can see their advice being used.",
        max_length=400, rows=2,
        placeholder="what I tried from your last advice, and what happened",
        frame="At each meeting after the first, I'll report back on …",
    ),
    Field(
        "tone", "t", "commitments", "choice",
        label="Tone",
        noun="tone",
        help="Changes the greeting and sign-off; the request itself stays the same.",
        required=True,
        max_length=20, default="warm", choices=TONES,
    ),
    )  # fmt: skip


FIELDS: tuple[Field, ...] = make_fields(PROGRAM)

FIELD: dict[str, Field] = {field.name: field for field in FIELDS}
BY_URL_KEY: dict[str, Field] = {field.url_key: field for field in FIELDS}


def defaults() -> dict[str, str]:
    """A fresh form: every field at its default."""
    return {field.name: field.default for field in FIELDS}


def fields_as_data() -> dict[str, object]:
    """The steps with their fields, and the tips, for rendering the web form."""
    return {
        "steps": [
            {
                "id": step.id,
                "title": step.title,
                "intro": step.intro,
                "fields": [field.as_data() for field in FIELDS if field.step == step.id],
            }
            for step in STEPS
        ],
        "tips": [tip.as_data() for tip in TIPS],
    }
