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
from builder.request.fields import FORMATS, TONES, Field, Step
from builder.settings import RANGES, Program

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
    "mentor_name", "channel", "tone",
)  # fmt: skip


def _number(name: str, key: str, step: str, label: str, noun: str, help: str, example: int):
    low, high = RANGES[name.removeprefix("new_")]
    unit = name.removeprefix("new_")
    return Field(
        name, key, step, "int", label=label, noun=noun, help=help,
        max_length=18, min_value=low, max_value=high, unit=unit, placeholder=str(example),
    )  # fmt: skip


def make_reply_fields(program: Program) -> tuple[Field, ...]:
    """The reply helper's field table for a program's settings (its formats, its
    coordinator, its time box as the examples)."""
    box = program.time_box
    formats = tuple(choice for choice in FORMATS if choice[0] in program.formats)
    referral_help = (
        f"Leave it blank to point them to {program.coordinator}, who coordinates the program."
        if program.coordinator
        else "Someone they could ask instead; leave it blank if no one comes to mind."
    )
    return (
    Field(
        "focus", "f", "request", "textarea",
        label="What did they ask for help with?", noun="their focus",
        help="One line, in their words or yours.",
        max_length=200, rows=2, placeholder="how to run my first customer interview",
        frame="They'd like your help to …",
    ),
    _number("meetings", "m", "request", "How many meetings did they ask for?",
            "meetings they asked for", "Leave it blank if they didn't say.", box.meetings),
    _number("minutes", "d", "request", "Minutes per meeting they asked for", "meeting length",
            "Leave it blank if they didn't say.", box.minutes),
    _number("weeks", "w", "request", "Over how many weeks did they ask for?",
            "weeks they asked for",
            "Leave it blank if they didn't say.", box.weeks),
    Field(
        "format", "fm", "request", "choice",
        label="How would you meet?", noun="format", help="As they proposed, or as suits you.",
        max_length=20, default=formats[0][0], choices=formats,
    ),
    Field(
        "pasted", "rx", "request", "textarea",
        label="Their message (optional)", noun="their message",
        help="Kept only in this browser, to read it beside your reply.",
        max_length=4000, rows=4,
    ),
    Field(
        "response", "ra", "answer", "choice",
        label="Your answer", noun="answer",
        help="Any of these is a good answer, given promptly and kindly.",
        required=True, missing="Pick your answer: yes, smaller, not now, no, or someone else.",
        max_length=20, choices=RESPONSES,
    ),
    Field(
        "protege_name", "p", "answer", "text",
        label="Their name", noun="their name",
        help="As you would greet them.",
        required=True, missing="Enter their name, so the reply can greet them.",
        max_length=80,
    ),
    Field(
        "mentor_name", "n", "answer", "text",
        label="Your name", noun="your name", help="How you will sign the reply.",
        required=True, missing="Enter your name, so the reply can be signed.",
        max_length=80, autocomplete="name",
    ),
    Field(
        "protege_email", "re", "answer", "email",
        label="Their email (optional)", noun="their email",
        help="Only used to fill in the To line when you open the reply in your mail app.",
        max_length=254, placeholder="name@example.org",
    ),
    Field(
        "channel", "ch", "answer", "choice",
        label="Reply by", noun="channel", help="The other version is there too.",
        required=True, max_length=20, default="email", choices=REPLY_CHANNELS,
    ),
    Field(
        "tone", "t", "answer", "choice",
        label="Tone", noun="tone", help="Changes the greeting, the thanks and the sign-off.",
        required=True, max_length=20, default="warm", choices=TONES,
    ),
    Field(
        "date_answer", "rt", "details", "choice",
        label="Does their first date suit you?", noun="answer to their first date",
        help="Their request proposes dates (shown with it above). Accept the first one, or "
        "say it doesn't suit and suggest another time.",
        max_length=20, default="accept", choices=DATE_ANSWERS,
    ),
    Field(
        "date_instead", "ri", "details", "textarea",
        label="What would suit you instead? (optional)", noun="time that suits you",
        help="A day, a time or a week, as you'd say it. Leave it blank to ask them for "
        "other times.",
        max_length=200, rows=2, placeholder="Thursday 4 March at 16:00",
        frame="That date doesn't suit me. Instead, how about …",
    ),
    Field(
        "first_step", "rf", "details", "textarea",
        label="How to get started", noun="first step",
        help="What you would like them to do next.",
        max_length=300, rows=2, placeholder="send me two or three times that suit you next week",
        frame="To get started, could you …",
    ),
    _number("new_meetings", "rm", "details", "How many meetings can you offer?",
            "meetings you offer", "Leave it blank to keep what they asked for.",
            max(1, box.meetings - 1)),
    _number("new_minutes", "rd", "details", "Minutes per meeting you can offer",
            "meeting length you offer", "Leave it blank to keep what they asked for.",
            box.minutes),
    _number("new_weeks", "rw", "details", "Over how many weeks can you offer?", "weeks you offer",
            "Leave it blank to keep what they asked for.", box.weeks),
    Field(
        "narrower", "rn", "details", "textarea",
        label="What to focus on instead", noun="narrower focus",
        help="A smaller or different piece of what they asked for.",
        max_length=300, rows=2, placeholder="your interview questions, before the first interview",
        frame="I'd suggest we focus on …",
    ),
    Field(
        "later", "rl", "details", "textarea",
        label="When might suit you?", noun="later time",
        help="A month or an event they can plan around.",
        max_length=200, rows=2, placeholder="after our launch in March",
        frame="I could look at this again …",
    ),
    Field(
        "reason", "rr", "details", "textarea",
        label="A reason, if you'd like to give one", noun="reason",
        help="One honest line is plenty; you don't owe a reason.",
        max_length=300, rows=2, placeholder="I'm already mentoring two people this term",
        frame="I'm sorry, but I can't take this on. …",
    ),
    Field(
        "referral_name", "rp", "details", "text",
        label="Who would be better placed?", noun="their name", help=referral_help,
        max_length=80,
    ),
    Field(
        "referral_why", "rc", "details", "textarea",
        label="Why them", noun="why them", help="What they know or have done.",
        max_length=300, rows=2, placeholder="ran our customer research for two years",
        frame="I'd suggest [their name], who …",
    ),
    )  # fmt: skip


REPLY_FIELDS: tuple[Field, ...] = make_reply_fields(PROGRAM)
REPLY_FIELD: dict[str, Field] = {field.name: field for field in REPLY_FIELDS}


def reply_fields_as_data(fields: tuple[Field, ...] = REPLY_FIELDS) -> list[dict[str, object]]:
    """The steps with their fields, for rendering the form; each field says which
    answers it belongs to (`when`, empty for all), and whether Python also decides
    from the request whether it belongs (`decided`)."""
    return [
        {
            "id": step.id,
            "title": step.title,
            "intro": step.intro,
            "fields": [
                {
                    **field.as_data(),
                    "when": list(SHOWN_FOR.get(field.name, ())),
                    "decided": field.name in DECIDED_BY_REQUEST,
                }
                for field in fields
                if field.step == step.id
            ],
        }
        for step in REPLY_STEPS
    ]
