"""The reply helper's coaching: what each rule looks for in a mentor's reply.

A table, like the request's (`builder.request.rules`), and built from the program's settings
(its limits). Each rule cites the advice it rests on: one of the five tips (a yes
that leaves the time box vague or open-ended cites tip 5, "Keep to the agreement"),
or a section of the mentors' page.

The texts are English templates, the catalog's keys (builder/wording/es/mentor.py has
their Spanish): `coach` says them, with their values, in the language being spoken.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from builder.mentor.reply import Reply
from builder.program import PROGRAM
from builder.request.tips import TIP
from builder.settings import Program
from builder.wording.catalog import say

Severity = Literal["ok", "advice", "warning"]
MENTORS_PAGE = "mentors/"
# The mentors' page sections a rule may cite (tests check the page defines them).
ANCHORS = ("saying-yes", "reshaping", "not-now", "saying-no", "someone-else")


@dataclass(frozen=True, slots=True)
class Cite:
    """Where the advice behind a rule lives on the site: one of the five tips (`number`),
    or a section of the mentors' page (`section`, its title in English)."""

    url: str
    number: int = 0
    section: str = ""

    @property
    def title(self) -> str:
        """ "Tip 5: Keep to the agreement", in the language being spoken."""
        if self.number:
            return say("Tip {n}: {tip}", n=self.number, tip=say(TIP[self.number].title))
        return say("For mentors: {section}", section=say(self.section))


def tip(number: int) -> Cite:
    return Cite(TIP[number].url(), number=number)


def section(anchor: str, title: str) -> Cite:
    if anchor not in ANCHORS:
        raise ValueError(f"the mentors' page has no #{anchor}")
    return Cite(f"{MENTORS_PAGE}#{anchor}", section=title)


@dataclass(frozen=True, slots=True)
class ReplyRule:
    """A check and what to say when it applies; `check` returns None when it does not,
    otherwise the values the texts are formatted with (a "field" there overrides). The
    texts are English, said in the reader's language when the rule applies."""

    code: str
    severity: Severity
    field: str
    cite: Cite
    title: str
    explanation: str
    suggestion: str
    check: Callable[[Reply], Mapping[str, object] | None]


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b(?:{pattern})\b" for pattern in patterns))


OPEN_ENDED = _phrases(
    "as long as (?:you|it takes|we|needed|necessary|possible)", "for as long as",
    "(?:any ?time|whenever) (?:you|it suits|that suits|works)", "as often as (?:you|we|needed)",
    "no (?:time )?limit", "open[- ]ended", "no (?:fixed )?end", "indefinite(?:ly)?",
    r"ongoing(?: basis| mentor\w*| support| arrangement)?", "forever",
    "(?:keep|carry on) (?:meeting|going|in touch)", "regular(?:ly)? (?:calls|meetings|catch-ups)",
    "every (?:week|month|fortnight)(?! for)", "long[- ]term mentor(?:ing|ship)?",
)  # fmt: skip
VAGUE_WHEN = _phrases(
    "some ?time(?! (?:in|after|before|next|this))", "at some point", "one day",
    "in the future", "soon", "another time", "down the (?:line|road)", "later on",
    "when things (?:calm|quiet)en? down", "when i(?:'m| am) less busy",
)  # fmt: skip


def _open_ended(reply: Reply) -> Mapping[str, object] | None:
    if not reply.says_yes:
        return None
    for text in (reply.first_step, reply.narrower):
        if found := OPEN_ENDED.search(text.casefold().replace("’", "'")):
            return {"match": found.group(0)}
    return None


def _offer_field(reply: Reply) -> str:
    return "new_meetings" if reply.response == "smaller" else "meetings"


def make_reply_rules(program: Program) -> tuple[ReplyRule, ...]:
    """The rules for a program's settings (its coaching limits)."""
    limits = program.limits

    def too_big(r: Reply) -> Mapping[str, object] | None:
        meetings, _, weeks = r.agreed
        if r.says_yes and ((meetings or 0) > limits.meetings or (weeks or 0) > limits.weeks):
            return {
                "field": _offer_field(r),
                "most_meetings": limits.meetings,
                "most_weeks": limits.weeks,
            }
        return None

    return (
    ReplyRule("open-ended", "warning", "", tip(5),
              "That sounds open-ended",
              "“{match}” leaves the end open. A short arrangement is easy to keep, for you "
              "both, when its end is part of the yes.",
              "Name the meetings and the weeks they run over. If you'd like to go on "
              "afterwards, you can offer then.",
              _open_ended),
    ReplyRule("vague-timebox", "warning", "meetings", tip(5),
              "Say how many meetings, and until when",
              "A yes without a number of meetings and an end leaves the size of the "
              "arrangement open: the very thing that makes a short one easy to agree to.",
              "Fill in the meetings and weeks they proposed, or choose “Yes, but smaller "
              "or different” and set your own.",
              lambda r: {} if r.response == "yes" and None in (r.meetings, r.weeks) else None),
    ReplyRule("vague-offer", "warning", "new_meetings", tip(5),
              "Say what you can offer, and until when",
              "Their request doesn't say how many meetings or weeks, so your offer has to.",
              "Fill in how many meetings you can offer, and over how many weeks.",
              lambda r: {} if r.response == "smaller" and None in r.agreed[::2] else None),
    ReplyRule("no-longer-micro", "warning", "meetings", tip(2),
              "This is no longer a short arrangement",
              "Past {most_meetings} meetings or {most_weeks} weeks, it becomes a long "
              "commitment, for you and for them.",
              "To keep it small, choose “Yes, but smaller or different” and offer less; if "
              "you're glad to commit for longer, say so plainly.",
              too_big),
    ReplyRule("long-meetings", "advice", "minutes", tip(2),
              "Long meetings are a big ask of you both",
              "Meetings over {most_minutes} minutes are hard to keep to in a busy week.",
              "Offer shorter meetings; one focused conversation rarely needs more.",
              lambda r: ({"field": "new_minutes" if r.response == "smaller" else "minutes",
                          "most_minutes": limits.minutes}
                         if r.says_yes and (r.agreed[1] or 0) > limits.minutes else None)),
    ReplyRule("crowded", "advice", "weeks", tip(4),
              "Leave them time to act on your advice",
              "More than two meetings a week leaves little time to try anything between them.",
              "Spread the meetings over more weeks, or offer fewer.",
              lambda r: ({"field": "new_weeks" if r.response == "smaller" else "weeks"}
                         if r.says_yes and None not in r.agreed[::2]
                         and r.agreed[0] > 2 * r.agreed[2] else None)),
    ReplyRule("same-size", "advice", "new_meetings", section("reshaping", "reshaping a request"),
              "Say what changes",
              "You chose a smaller or different yes, but the offer is what they asked for.",
              "Offer fewer or shorter meetings, or say what you'd focus on instead.",
              lambda r: ({} if r.response == "smaller" and r.agreed == r.asked
                         and not r.narrower else None)),
    ReplyRule("no-when", "advice", "later", section("not-now", "not now"),
              "Say when, if you can",
              "“Not now” with a time they can plan around reads as a real maybe; without "
              "one, it can read as a polite no.",
              "Name a month or an event (“after our launch in March”), or say it's a no.",
              lambda r: {} if r.response == "not-now" and not r.later.strip() else None),
    ReplyRule("vague-when", "advice", "later", section("not-now", "not now"),
              "Make the time something they can plan around",
              "“{match}” is hard to plan around, and easy for you both to forget.",
              "Name a month or an event, such as “after our launch in March”.",
              lambda r: ({"match": m.group(0)} if r.response == "not-now"
                         and (m := VAGUE_WHEN.search(r.later.casefold().replace("’", "'")))
                         else None)),
    ReplyRule("no-referral", "warning", "referral_name",
              section("someone-else", "suggesting someone else"),
              "Name someone",
              "Suggesting someone else helps only when they know whom to ask.",
              "Give a name, or choose “No” and keep it short.",
              lambda r: ({} if r.response == "someone-else" and not r.referral_name.strip()
                         and not program.contact else None)),
    )  # fmt: skip


REPLY_RULES: tuple[ReplyRule, ...] = make_reply_rules(PROGRAM)

# What the coaching says when no rule applies, by answer (said by `coach`).
CLEAR: dict[str, str] = {
    "yes": "A plain yes, with the size and the end they proposed.",
    "smaller": "A yes to something smaller, with a clear size and end.",
    "not-now": "A clear “not now”, with a time they can plan around.",
    "no": "A clear, kind no: they can look elsewhere straight away.",
    "someone-else": "A clear answer, and somewhere to turn next.",
}
