"""What a mentor's reply is made of: the one table the reply helper's form, checks and
drafts read, like the request builder's `builder.request.fields`.

The form has three parts: the request (filled in from the protégé's link, or summed
up by the mentor), the answer (which of five responses, in which tone), and the
details that make the reply the mentor's own. A detail belongs to some answers only
(`SHOWN_FOR`): the form hides the others, and the drafts and coaching ignore them.

The request's fields keep the request builder's names and link keys (`f`, `m`, `p`…),
so a protégé's share link opens straight into the reply helper.
"""

from __future__ import annotations

from builder.program import PROGRAM
from builder.request.fields import (
    DRAFT_LANGUAGES,
    FORMATS,
    TONES,
    Field,
    Step,
    as_shown,
    offered,
    translated_choices,
)
from builder.settings import RANGES, Program
from builder.wording.catalog import ENGLISH, Translator, translator

RESPONSES = (
    ("yes", "Yes, as they propose"),
    ("smaller", "Yes, but smaller or different"),
    ("not-now", "Not now"),
    ("no", "No"),
    ("someone-else", "Suggest someone else"),
)
SAYS_YES = frozenset({"yes", "smaller"})
# A reply is written: by email or chat (a protégé who asked in person gets it by email).
REPLY_CHANNELS = (("email", "Email"), ("chat", "Chat message"))

REPLY_STEPS: tuple[Step, ...] = (
    Step(
        "request",
        "Their request",
        "Sum it up in a few words, or paste their message: the time box in it fills in "
        "the numbers you leave blank.",
    ),
    Step("answer", "Your answer", "Pick your answer and a tone; the draft follows as you go."),
    Step(
        "details",
        "Make it yours",
        "A line or two in your own words makes the reply yours. Each is optional.",
    ),
)

# Which answers each detail belongs to; a field not listed belongs to every answer.
SHOWN_FOR: dict[str, tuple[str, ...]] = {
    "date_answer": ("yes", "smaller"),
    "date_instead": ("yes", "smaller"),
    "first_step": ("yes", "smaller"),
    "new_meetings": ("smaller",),
    "new_minutes": ("smaller",),
    "new_weeks": ("smaller",),
    "narrower": ("smaller",),
    "later": ("not-now",),
    "reason": ("no",),
    "referral_name": ("someone-else",),
    "referral_why": ("someone-else",),
}

# Details that also depend on the request, not only on the answer: Python decides
# whether they belong (`reply.Reply.relevant`), and the page shows them when it says so.
# The answer to the first proposed date belongs to a request that proposes dates, and
# what would suit the mentor instead to an answer that the date does not suit.
DECIDED_BY_REQUEST = ("date_answer", "date_instead")
DATE_ANSWERS = (("accept", "Yes, it suits me"), ("counter", "No, I'll suggest another time"))

# The fields a protégé's link fills in (the request builder's own names and keys).
FROM_REQUEST = (
    "protege_name", "protege_email", "focus", "meetings", "minutes", "weeks", "format",
    "mentor_name", "channel", "tone", "draft_language",
)  # fmt: skip


def _number(name: str, key: str, step: str, label: str, noun: str, help: str, example: int,
            t: Translator | None = None):  # fmt: skip
    low, high = RANGES[name.removeprefix("new_")]
    unit = (t or translator(ENGLISH))(name.removeprefix("new_"))
    return Field(
        name, key, step, "int", label=label, noun=noun, help=help,
        max_length=18, min_value=low, max_value=high, unit=unit, placeholder=str(example),
    )  # fmt: skip


def make_reply_fields(program: Program, language: str = ENGLISH) -> tuple[Field, ...]:
    """The reply helper's field table for a program's settings (its formats, its
    coordinator, its time box as the examples), in a language's words."""
    t = translator(language)
    box = program.time_box
    formats = translated_choices(tuple(c for c in FORMATS if c[0] in program.formats), t)
    referral_help = (
        t(
            "Leave it blank to point them to {coordinator}, who coordinates the program.",
            coordinator=program.coordinator,
        )
        if program.coordinator
        else t("Someone they could ask instead; leave it blank if no one comes to mind.")
    )
    return (
    Field(
        "focus", "f", "request", "textarea",
        label=t("What did they ask for help with?"), noun=t("their focus"),
        help=t("One line, in their words or yours."),
        max_length=200, rows=2, placeholder=t("how to run my first customer interview"),
        frame=t("They'd like your help to …"),
    ),
    _number("meetings", "m", "request", t("How many meetings did they ask for?"),
            t("meetings they asked for"), t("Leave it blank if they didn't say."), box.meetings,
            t=t),
    _number("minutes", "d", "request", t("Minutes per meeting they asked for"),
            t("meeting length"), t("Leave it blank if they didn't say."), box.minutes, t=t),
    _number("weeks", "w", "request", t("Over how many weeks did they ask for?"),
            t("weeks they asked for"), t("Leave it blank if they didn't say."), box.weeks, t=t),
    Field(
        "format", "fm", "request", "choice",
        label=t("How would you meet?"), noun=t("format"),
        help=t("As they proposed, or as suits you."),
        max_length=20, default=formats[0][0], choices=formats,
    ),
    Field(
        "pasted", "rx", "request", "textarea",
        label=t("Their message (optional)"), noun=t("their message"),
        help=t("Kept only in this browser, to read it beside your reply."),
        max_length=4000, rows=4,
    ),
    Field(
        "response", "ra", "answer", "choice",
        label=t("Your answer"), noun=t("answer"),
        help=t("Any of these is a good answer, given promptly and kindly."),
        required=True, missing=t("Pick your answer: yes, smaller, not now, no, or someone else."),
        max_length=20, choices=translated_choices(RESPONSES, t),
    ),
    Field(
        "protege_name", "p", "answer", "text",
        label=t("Their name"), noun=t("their name"),
        help=t("As you would greet them."),
        required=True, missing=t("Enter their name, so the reply can greet them."),
        max_length=80,
    ),
    Field(
        "mentor_name", "n", "answer", "text",
        label=t("Your name"), noun=t("your name"), help=t("How you will sign the reply."),
        required=True, missing=t("Enter your name, so the reply can be signed."),
        max_length=80, autocomplete="name",
    ),
    Field(
        "protege_email", "re", "answer", "email",
        label=t("Their email (optional)"), noun=t("their email"),
        help=t("Only used to fill in the To line when you open the reply in your mail app."),
        max_length=254, placeholder=t("name@example.org"),
    ),
    Field(
        "channel", "ch", "answer", "choice",
        label=t("Reply by"), noun=t("channel"), help=t("The other version is there too."),
        required=True, max_length=20, default="email",
        choices=translated_choices(REPLY_CHANNELS, t),
    ),
    Field(
        "tone", "t", "answer", "choice",
        label=t("Tone"), noun=t("tone"),
        help=t("Changes the greeting, the thanks and the sign-off."),
        required=True, max_length=20, default="warm", choices=translated_choices(TONES, t),
    ),
    # Blank: the page's language. Offered only where the site offers more than one; a
    # protégé's link sets it to their drafts' language.
    Field(
        "draft_language", "lg", "answer", "choice",
        label=t("Language of your reply"), noun=t("language of your reply"),
        help=t("The drafts are written in it: theirs, which may not be this page's."),
        max_length=8, default="", choices=(("", "The page's language"), *DRAFT_LANGUAGES),
    ),
    Field(
        "date_answer", "rt", "details", "choice",
        label=t("Does their first date suit you?"), noun=t("answer to their first date"),
        help=t("Their request proposes dates (shown with it above). Accept the first one, or "
        "say it doesn't suit and suggest another time."),
        max_length=20, default="accept", choices=translated_choices(DATE_ANSWERS, t),
    ),
    Field(
        "date_instead", "ri", "details", "textarea",
        label=t("What would suit you instead? (optional)"), noun=t("time that suits you"),
        help=t("A day, a time or a week, as you'd say it. Leave it blank to ask them for "
        "other times."),
        max_length=200, rows=2, placeholder=t("Thursday 4 March at 16:00"),
        frame=t("That date doesn't suit me. Instead, how about …"),
    ),
    Field(
        "first_step", "rf", "details", "textarea",
        label=t("How to get started"), noun=t("first step"),
        help=t("What you would like them to do next."),
        max_length=300, rows=2, placeholder=t("send me two or three times that suit you next week"),
        frame=t("To get started, could you …"),
    ),
    _number("new_meetings", "rm", "details", t("How many meetings can you offer?"),
            t("meetings you offer"), t("Leave it blank to keep what they asked for."),
            max(1, box.meetings - 1), t=t),
    _number("new_minutes", "rd", "details", t("Minutes per meeting you can offer"),
            t("meeting length you offer"), t("Leave it blank to keep what they asked for."),
            box.minutes, t=t),
    _number("new_weeks", "rw", "details", t("Over how many weeks can you offer?"),
            t("weeks you offer"), t("Leave it blank to keep what they asked for."), box.weeks, t=t),
    Field(
        "narrower", "rn", "details", "textarea",
        label=t("What to focus on instead"), noun=t("narrower focus"),
        help=t("A smaller or different piece of what they asked for."),
        max_length=300, rows=2,
        placeholder=t("your interview questions, before the first interview"),
        frame=t("I'd suggest we focus on …"),
    ),
    Field(
        "later", "rl", "details", "textarea",
        label=t("When might suit you?"), noun=t("later time"),
        help=t("A month or an event they can plan around."),
        max_length=200, rows=2, placeholder=t("after our launch in March"),
        frame=t("I could look at this again …"),
    ),
    Field(
        "reason", "rr", "details", "textarea",
        label=t("A reason, if you'd like to give one"), noun=t("reason"),
        help=t("One honest line is plenty; you don't owe a reason."),
        max_length=300, rows=2, placeholder=t("I'm already mentoring two people this term"),
        frame=t("I'm sorry, but I can't take this on. …"),
    ),
    Field(
        "referral_name", "rp", "details", "text",
        label=t("Who would be better placed?"), noun=t("their name"), help=referral_help,
        max_length=80,
    ),
    Field(
        "referral_why", "rc", "details", "textarea",
        label=t("Why them"), noun=t("why them"), help=t("What they know or have done."),
        max_length=300, rows=2, placeholder=t("ran our customer research for two years"),
        frame=t("I'd suggest [their name], who …"),
    ),
    )  # fmt: skip


REPLY_FIELDS: tuple[Field, ...] = make_reply_fields(PROGRAM)
REPLY_FIELD: dict[str, Field] = {field.name: field for field in REPLY_FIELDS}


def reply_fields_as_data(
    fields: tuple[Field, ...] | None = None, language: str = ENGLISH
) -> list[dict[str, object]]:
    """The steps with their fields, for rendering the form in a language; each field
    says which answers it belongs to (`when`, empty for all), and whether Python also
    decides from the request whether it belongs (`decided`)."""
    t = translator(language)
    if fields is None:
        fields = REPLY_FIELDS if language == ENGLISH else make_reply_fields(PROGRAM, language)
    return [
        {
            "id": step.id,
            "title": t(step.title),
            "intro": t(step.intro),
            "fields": [
                {
                    **as_shown(field, language),
                    "when": list(SHOWN_FOR.get(field.name, ())),
                    "decided": field.name in DECIDED_BY_REQUEST,
                }
                for field in fields
                if field.step == step.id and offered(field)
            ],
        }
        for step in REPLY_STEPS
    ]
