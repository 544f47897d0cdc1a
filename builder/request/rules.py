"""The coaching rules: what each of the five tips looks for in a request.

A table rather than code so a reader can check every rule against the tip it
cites. The word lists are English; text in another language simply does not match
them, and the length-based rules (calibrated on English) skip it too: ten characters
of Japanese can be a whole, specific sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from builder.program import PROGRAM
from builder.request.validate import Request
from builder.settings import Program
from builder.wording.catalog import say, spoken, to_say
from builder.wording.languages import detect

Status = Literal["ok", "advice", "warning"]
Check = Callable[[Request], Mapping[str, object] | None]

# Where a request stops being small comes from the program's settings (`Limits`):
# more meetings or weeks than these is no longer micro; longer meetings are a big ask.
MICRO_MEETINGS = PROGRAM.limits.meetings
MICRO_WEEKS = PROGRAM.limits.weeks
LONG_MINUTES = PROGRAM.limits.minutes
SHORT_FOCUS = 20  # characters; under this, a focus is rarely specific
THIN_CONNECTION = 40
THIN_PLAN = 20  # preparation and report-back


@dataclass(frozen=True, slots=True)
class Rule:
    """A check and what to say when it applies.

    `check` returns None when the rule does not apply, otherwise the values its
    texts are formatted with (often none).
    """

    code: str
    tip: int
    severity: Status
    field: str
    title: str
    explanation: str
    suggestion: str
    check: Check


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b(?:{pattern})\b" for pattern in patterns))


VAGUE_FOCUS = _phrases(
    "be my mentor", "mentor me", "career (?:advice|guidance|help|development)",
    "(?:general|life) advice", "everything", "anything", "help me grow",
    "grow (?:as a person|professionally|in my career)", "pick your brain", "learn from you",
    "(?:advance|boost|develop|grow) my career", "get ahead", "be (?:more )?successful",
    "(?:be|become) a better", "improve myself", "(?:personal|professional) development",
    "(?:leadership|soft) skills", "in general",
)  # fmt: skip
OPEN_ENDED = _phrases(
    r"ongoing(?: (?:basis|mentor\w*|support|relationship|meetings?|arrangement)"
    r"|(?=\s*[.,;!?)]|\s*$))",
    "indefinite(?:ly)?", "as long as (?:it takes|you|we|possible|needed)", "open[- ]ended",
    "forever", "no (?:fixed )?end", "for the foreseeable future",
    "long[- ]term mentor(?:ing|ship)?", "(?:keep|carry on) meeting",
)  # fmt: skip
GENERIC_CONNECTION = _phrases(
    "you(?:'re| are) (?:very |so |clearly )?(?:successful|experienced|an expert|senior|smart)",
    "you have (?:a lot of |lots of )?experience", "i need a mentor",
    "(?:i'm|i am) looking for a mentor", "came across your profile",
)  # fmt: skip
_JOINERS = re.compile(r"\band\b|&|\bplus\b|\bas well as\b")
_SEPARATORS = re.compile(r";|,|\band\b|&|\bplus\b|\bas well as\b")


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


def _match(pattern: re.Pattern[str], *texts: str) -> Mapping[str, object] | None:
    for text in texts:
        if found := pattern.search(_fold(text)):
            return {"match": found.group(0)}
    return None


def _topics(focus: str) -> int:
    """How many topics the focus seems to join: 3 means "several"."""
    folded = _fold(focus)
    if ";" in folded:
        return 3
    parts = [part for part in _SEPARATORS.split(folded) if part.strip(" .!?")]
    if len(parts) >= 3:
        return 3
    return 2 if len(parts) == 2 and _JOINERS.search(folded) else 1


def _texts(request: Request) -> tuple[str, ...]:
    return (
        request.focus,
        request.outcome,
        request.connection,
        request.preparation,
        request.report_back,
    )


def _when(condition: bool, **values: object) -> Mapping[str, object] | None:
    return values if condition else None


def _short(text: str, limit: int) -> bool:
    """Shorter than `limit` characters, for English text (other languages are exempt)."""
    return 0 < len(text) < limit and detect(text) is None


def _meetings(count: int) -> str:
    """ "one meeting", "four meetings", in the language being spoken."""
    said = spoken().number(count)
    return say("{n} meeting", n=said) if count == 1 else say("{n} meetings", n=said)


def _weeks(count: int) -> str:
    said = spoken().number(count)
    return say("{n} week", n=said) if count == 1 else say("{n} weeks", n=said)


def _usual_minutes(box_minutes: int, most: int) -> str:
    """The meeting length a program suggests: "30 to 45 minutes", or "45 minutes"."""
    if box_minutes < most:
        return say("{least} to {most} minutes", least=box_minutes, most=most)
    return say("{most} minutes", most=most)


def make_rules(program: Program) -> tuple[Rule, ...]:
    """The rules for a program's settings: its limits, and advice that names its numbers."""
    limits, box = program.limits, program.time_box
    return (
    # Tip 1: treat it like a long-term mentorship.
    Rule("no-preparation", 1, "warning", "preparation",
         to_say("Say how you'll prepare"),
         to_say("With only a few meetings, each one counts. Saying how you will prepare shows the "
         "mentor their time will be used well."),
         to_say("For example: “send you a short update and my questions two days before each "
                "meeting”."),
         lambda r: _when(not r.preparation)),
    Rule("thin-preparation", 1, "advice", "preparation",
         to_say("Say a little more about preparing"),
         to_say("A preparation plan this short is easy to forget once the meetings start."),
         to_say("Name what you'll send or do before each meeting, and when."),
         lambda r: _when(_short(r.preparation, THIN_PLAN))),
    Rule("no-timebox", 1, "warning", "meetings",
         to_say("Finish the time box"),
         to_say("A request is easiest to plan for, on both sides, when it says how many meetings "
         "and how long each one is."),
         to_say("Fill in the number of meetings and the minutes per meeting."),
         lambda r: _when(r.meetings is None or r.minutes is None)),
    # Tip 2: don't expect too much.
    Rule("no-focus", 2, "warning", "focus",
         to_say("Name one thing to learn"),
         to_say("A short arrangement works when the goal is small enough to reach in a few "
                "meetings."),
         to_say("Finish the sentence “I'd like your help to …” with one specific thing."),
         lambda r: _when(not r.focus)),
    Rule("vague-focus", 2, "warning", "focus",
         to_say("Narrow the focus"),
         to_say("“{match}” is the kind of goal that suits a long mentorship. A few meetings can't "
         "cover it, and neither of you could tell at the end whether they worked."),
         to_say("Pick one task you face soon, for example “how to run my first performance "
                "review”."),
         lambda r: _match(VAGUE_FOCUS, r.focus)),
    Rule("several-topics", 2, "warning", "focus",
         to_say("Pick one topic"),
         to_say("Your focus seems to list several topics. A few meetings can do one of them "
                "justice."),
         to_say("Choose the one that matters most right now and keep the others for later."),
         lambda r: _when(_topics(r.focus) >= 3)),
    Rule("two-topics", 2, "advice", "focus",
         to_say("One topic or two?"),
         to_say("Your focus joins two things. If they are really one task, fine; if not, they will "
         "compete for the little time you have."),
         to_say("If they are separate, keep the one that matters most now."),
         lambda r: _when(_topics(r.focus) == 2)),
    Rule("short-focus", 2, "advice", "focus",
         to_say("Be more specific"),
         to_say("A focus this short is usually a subject rather than something you can achieve."),
         to_say("Say what you want to be able to do, and in what situation."),
         lambda r: _when(_short(r.focus, SHORT_FOCUS))),
    Rule("no-outcome", 2, "warning", "outcome",
         to_say("Say how you'll know it worked"),
         to_say("An outcome you can point to keeps the goal small and tells you both when "
                "you're done."),
         to_say("Finish the sentence “I'll know it has worked when …”, for example “I've run two "
         "interviews on my own”."),
         lambda r: _when(not r.outcome)),
    Rule("many-meetings", 2, "warning", "meetings",
         to_say("{meetings} meetings is no longer micro"),
         to_say("Past {limit} meetings, this becomes a long commitment for the mentor and an "
                "easier "
         "one to turn down."),
         to_say("Narrow the focus until {limit_words} meetings or fewer can cover it. "
         "If it truly needs more, that is a case for a long-term mentorship."),
         lambda r: _when((r.meetings or 0) > limits.meetings, meetings=r.meetings,
                         limit=limits.meetings, limit_words=spoken().number(limits.meetings))),
    Rule("long-meetings", 2, "advice", "minutes",
         to_say("Shorter meetings are an easier yes"),
         to_say("{minutes} minutes is a big block in a busy diary."),
         to_say("{usual} is usually enough for one focused conversation."),
         lambda r: _when((r.minutes or 0) > limits.minutes, minutes=r.minutes,
                         usual=_usual_minutes(box.minutes, limits.minutes))),
    # Tip 3: keep the personal touch.
    Rule("no-connection", 3, "warning", "connection",
         to_say("Say why them"),
         to_say("The mentor is giving real time. Without a reason that is about them and you, the "
         "request reads like asking anyone for free coaching."),
         to_say("Say how you know each other and what they've done that makes you ask them."),
         lambda r: _when(not r.connection)),
    Rule("thin-connection", 3, "advice", "connection",
         to_say("Make the connection personal"),
         to_say("This is brief. A line or two on what connects you helps them see why you asked "
         "them in particular."),
         to_say("Mention a project, a talk or a piece of advice of theirs that stayed with you."),
         lambda r: _when(_short(r.connection, THIN_CONNECTION))),
    Rule("generic-connection", 3, "advice", "connection",
         to_say("Could this be sent to anyone?"),
         to_say("“{match}” would fit almost anyone. The strongest requests could only have been "
         "sent to this one person."),
         to_say("Point to something specific they did, said or made."),
         lambda r: _match(GENERIC_CONNECTION, r.connection)),
    # How to ask (tip 3's personal touch): in person, asking works far better than people
    # expect; a cold email is the hardest ask (Roghanizad & Bohns, 2017; /asking/).
    Rule("cold-email", 3, "advice", "channel",
         to_say("A cold message is the hardest ask"),
         to_say("In one study, strangers agreed to a small request about 34 times as often face to "
         "face as by email, while the people asking expected no difference: a message from "
         "someone unknown looks more doubtful than it feels to write."),
         to_say("If you can, ask someone you both know to introduce you, or ask for five "
                "minutes in "
         "person first (after a talk, at an event); then send this as the follow-up."),
         lambda r: _when(r.channel in ("email", "chat") and r.acquaintance == "not-yet")),
    Rule("ask-in-person", 3, "advice", "channel",
         to_say("You see them often: ask in person"),
         to_say("Asked face to face, people say yes far more often than the askers expect, and a "
         "colleague you see often is easy to ask for five minutes."),
         to_say("Choose “In person or on a call”: the builder drafts what to say, and this message "
         "becomes your written follow-up."),
         lambda r: _when(r.channel in ("email", "chat") and r.acquaintance == "well")),
    # Tip 4: over-achieve.
    Rule("no-report-back", 4, "warning", "report_back",
         to_say("Say how you'll report back"),
         to_say("Mentors stay keen when they see their advice being used. Promising a short report "
         "at each meeting tells them it will be."),
         to_say("For example: “what I tried from your last advice, and what happened”."),
         lambda r: _when(not r.report_back)),
    Rule("thin-report-back", 4, "advice", "report_back",
         to_say("Say a little more about reporting back"),
         to_say("A report-back plan this short is easy to skip when a meeting comes round."),
         to_say("Say what you'll report: what you tried, what happened, what you learned."),
         lambda r: _when(_short(r.report_back, THIN_PLAN))),
    Rule("crowded-meetings", 4, "advice", "weeks",
         to_say("Leave time to act between meetings"),
         to_say("{meetings} meetings in {weeks} weeks leaves little time to try the advice before "
         "the next one."),
         to_say("Spread the meetings out, or ask for fewer."),
         lambda r: _when(r.meetings is not None and r.weeks is not None
                         and r.meetings > 2 * r.weeks, meetings=r.meetings, weeks=r.weeks)),
    # Tip 5: keep to the agreement.
    Rule("no-end", 5, "warning", "weeks",
         to_say("Give it a clear end"),
         to_say("An end date is what makes a short arrangement easy to agree to, and easy to "
                "keep."),
         to_say("Say over how many weeks the meetings will run."),
         lambda r: _when(r.weeks is None)),
    Rule("open-ended", 5, "warning", "",
         to_say("That sounds open-ended"),
         to_say("“{match}” suggests no fixed end. A mentor who agrees to a short arrangement is "
         "trusting it to stay short."),
         to_say("Keep to the meetings and weeks in your time box; if they want more, they'll "
                "offer."),
         lambda r: _match(OPEN_ENDED, *_texts(r))),
    Rule("long-span", 5, "warning", "weeks",
         to_say("{weeks} weeks is a long haul"),
         to_say("Past {limit} weeks, the end is far enough away to be easy to forget, for both "
                "of you."),
         to_say("Bring the end closer: {usual_weeks} or so suits {usual_meetings}."),
         lambda r: _when((r.weeks or 0) > limits.weeks, weeks=r.weeks, limit=limits.weeks,
                         usual_weeks=_weeks(box.weeks), usual_meetings=_meetings(box.meetings))),
    )  # fmt: skip


RULES: tuple[Rule, ...] = make_rules(PROGRAM)

# What a tip's checklist line says when no rule for it applies.
SATISFIED: dict[int, tuple[str, str]] = {
    1: (to_say("Ready to make each meeting count"),
        to_say("Your time box is set and you've said how you will prepare.")),
    2: (to_say("A small, clear goal"),
        to_say("One specific focus and an outcome you can check: the right size for a few "
               "meetings.")),
    3: (to_say("Personal and specific"),
        to_say("You've said why you're asking this person in particular.")),
    4: (to_say("Ready to show your progress"),
        to_say("You've said how you will report back on what you did with the advice.")),
    5: (to_say("A clear end, and an easy no"),
        to_say("The time box has an end, and the message lets them decline without awkwardness.")),
}  # fmt: skip
