"""The sentence frames the reader's words are fitted into, and the lead-ins they absorb.

Every free-text field lands in one or more sentence frames ("I'd like to learn …",
"Before each call, I'll …"). A reader's phrase comes in many shapes, so each slot
has a frame per shape (`kind`); `fitting` reads the shape, drops any lead-in that
would repeat the frame, and fills in the frame. Tables, like the coaching rules, so
a reader of the code can check each row: tests/unit/test_frames.py does, row by row.

In a frame, `{text}` is the reader's phrase as fitted (no closing punctuation of its
own), `{Text}` the same with a capital first letter, and `{meeting}` the word for
one meeting ("call", "meeting", "chat"). Text in another language is quoted as
typed (`QUOTED`); a full stop after the quote is dropped when the text inside
already ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- lead-ins: what a reader types that the frame already says ----------------------

_I_WILL = r"i(?:'ll| will| shall)"
_I_WOULD_LIKE = r"i(?:'d| would) (?:really |very much )?(?:like|love)"
_MEETING = r"(?:meeting|call|session|chat|conversation|catch-up|1:1|one-to-one|check-in)s?"
_EACH = r"(?:each|every|our|the|all(?: of)?(?: our| the)?)"
DASH = r"\s*[:\-–—]\s*"


@dataclass(frozen=True, slots=True)
class LeadIn:
    """A phrase at the start of a field that repeats its frame, dropped before fitting.

    `example` is a phrasing it is there for (tests check each row against its own).
    `mark` records that it was there, when the shape depends on it: "learn" dropped
    from "learn to run interviews" leaves "to run interviews", which is still about
    learning (kind `learn_to`), unlike a bare "to run interviews".
    """

    pattern: re.Pattern[str]
    example: str
    mark: str = ""


def lead(pattern: str, example: str, mark: str = "") -> LeadIn:
    """One row of a lead-in table (here and in `builder.mentor.frames`): `pattern` at the
    start of the text, then a comma, a dash or colon, a space, or the end."""
    return LeadIn(re.compile(rf"(?:{pattern})(?:\s*,|{DASH}|\s+|$)", re.IGNORECASE), example, mark)


_SPLIT = rf"(?={DASH}|\s)"  # the lead-in word ends here: "Goal: …", "Goal …"

LEAD_INS: dict[str, tuple[LeadIn, ...]] = {
    "focus": (
        lead(rf"{_I_WOULD_LIKE}(?: (?:your|some) help| help)?(?: (?:to|with|on|in|for))?",
              "I'd like your help with my promotion case"),
        lead(r"i (?:really )?(?:want|need|hope|wish|plan|aim|would like)(?: to)?",
              "I want to get better at estimates"),
        lead(r"i(?:'m| am) (?:hoping|looking|trying|keen|eager|aiming|planning)(?: to| for)?",
              "I'm hoping to present to the board"),
        lead(rf"(?:my |the )?(?:main )?(?:goal|aim|focus|topic|objective)(?: is)?(?: to)?{_SPLIT}",
              "My goal is to run a retro"),
        lead(r"(?:your |some )?(?:help|advice|guidance|mentoring|coaching) "
              r"(?:with|on|in|for|about)",
              "Help with my job search"),
        lead(r"help me(?: to)?", "Help me write better commit messages"),
        # "Help." or "help preparing for…": the frame says help already.
        lead(r"help(?:[.!:]|(?= \w+ing\b)|$)", "help preparing for my PhD defence"),
        lead(r"(?:with|on|about)(?= \w)", "with everything, but mainly time management"),
        lead(r"(?:(?:could|would|can) you )?(?:please )?mentor me (?:on|in|with|about)",
              "Mentor me on test automation"),
        lead(r"(?:to )?learn(?:ing)? (?:(?:a bit |a little )?more )?about",
              "Learn more about pricing strategy"),
        lead(r"(?:to )?learn(?:ing)?(?= (?:how|to|what|why|when|where|which|whether)\b)",
              "Learn to run customer discovery interviews", "learn"),
        lead(r"(?:to )?learn(?=\s|$)", "learn SQL window functions", "learn"),
    ),
    "outcome": (
        lead(r"i(?:'ll| will) know (?:that )?(?:it|this|i|we)(?:'s|'ve| has| have| had| is)? "
              r"(?:worked|succeeded|been (?:a )?success(?:ful)?|a success|done it)"
              r"(?: (?:when|if|once|because))?",
              "I'll know it worked when I've presented once"),
        lead(r"(?:it|this)(?:'s| has| will have)? (?:worked|succeeded)(?: (?:when|if|once))?",
              "It worked when the team adopts the format"),
        lead(rf"success(?: (?:is|means|looks like|would be|will be))?(?: (?:when|if))?{_SPLIT}",
              "Success: two interviews done"),
        lead(rf"(?:the |my )?(?:outcome|result|goal)(?: (?:is|would be|will be))?{_SPLIT}",
              "Outcome - a signed offer"),
        lead(r"by the end(?: of (?:it|this|the \w+|our \w+))?",
              "By the end, run two interviews on my own"),
        lead(r"i (?:know|knew|will know|would know|'d know) (?:that )?(?:it|this|i|we)"
              r"(?:'s|'ve| has| have| had| is)? (?:worked|works|work|succeeded"
              r"|been (?:a )?success(?:ful)?|a success|done it)(?: (?:when|if|once|because))?",
              "I know it worked when my review is signed off"),
        lead(r"i(?:'ll| will) know (?:when|once|if)", "I'll know when I get there"),
        lead(r"when|if|once", "when I can present without notes"),
        lead(rf"{_I_WILL}(?= (?!know\b)[a-z])", "I'll be able to read a balance sheet"),
        lead(rf"{_I_WOULD_LIKE} to|i (?:want|hope) to", "I'd like to ship the migration plan"),
    ),
    "connection": (
        lead(r"i(?:'m| am) (?:asking|writing to|contacting|messaging|reaching out to) you"
              r"(?: in particular)?(?: (?:because(?: of)?|since|as))?",
              "I'm asking you because you know pricing"),
        lead(r"because(?: of)?|since", "because you ran the last three launches"),
        lead(r"of(?= (?:your|you|all|the|how|what)\b)", "of your experience in procurement"),
        lead(rf"(?:the )?reason(?: is)?(?: that)?{_SPLIT}", "The reason is that Sam suggested it"),
        lead(rf"why (?:you|them)\??{_SPLIT}", "Why you: your RustConf talk"),
    ),
    "preparation": (
        lead(rf"(?:before|ahead of|prior to) {_EACH} {_MEETING}",
              "Before each call, I'll send you my notes"),
        lead(rf"to prepare(?: for {_EACH} {_MEETING})?", "To prepare, I'll read the notes"),
        lead(rf"(?:my )?prep(?:aration)?(?: plan)?(?={DASH})", "Prep: a one-page brief"),
        lead(rf"{_I_WILL}(?: (?:always|also|first))?"
              r"|i(?:'d| would|'m going to| am going to| can)",
              "I will write down my questions"),
        lead(r"i (?:plan|intend|promise|commit|aim|want|hope|need) to",
              "I plan to review my notes"),
        lead(rf"{_I_WOULD_LIKE} to", "I'd like to bring a draft"),
    ),
    "report_back": (
        lead(rf"(?:at|from) the (?:start|beginning) of {_EACH} {_MEETING}(?: after the first)?",
              "At the start of each call, I'll share what I tried"),
        lead(rf"(?:at|in|from) (?:each|every) {_MEETING}(?: after the first)?",
              "At each meeting after the first, I'll show you the draft"),
        lead(rf"from the second {_MEETING} on(?:wards)?",
              "From the second call on, I'll bring the numbers"),
        lead(rf"(?:{_I_WILL} )?(?:(?:start|begin)(?: (?:each|every) (?:one|{_MEETING}))? by )?"
              r"report(?:ing)? back(?: (?:on|about|with))?",
              "I'll report back on what I tried"),
        lead(r"report(?:ing)? (?:on|about)", "Reporting on my progress"),
        lead(r"on(?= (?:what|how|whether|which|my|the)\b)", "on what I did with your advice"),
        lead(rf"(?:a |my )?report[- ]back(?: on)?(?={DASH})", "Report-back: what changed"),
        lead(rf"(?:{_I_WILL} )?(?:tell|update|show) you(?: (?:on|about))?"
              r"(?= (?:what|how|where|which|whether)\b)",
              "I will tell you what happened"),
        lead(rf"(?:{_I_WILL} )?(?:tell|update) you (?:on|about)",
              "I'll update you on my progress"),
        lead(rf"{_I_WILL}(?: (?:always|also))?|i(?:'d| would|'m going to| am going to)",
              "I'll share what I tried"),
    ),
    # The meeting log: what the advice was, what I'll try, what happened, what I'll
    # ask, and (for the thank-you note) what I'll do next.
    "advice": (
        lead(rf"(?:the |your |my )?advice(?: was)?(?: to)?{_SPLIT}", "Advice: ask open questions"),
        lead(r"you (?:advised|suggested|recommended|told)(?: me)?(?: that)?(?: i)?(?: should)?"
              r"(?: to)?(?=\s)",
              "You suggested that I ask open questions first"),
    ),
    "tried": (
        lead(rf"{_I_WILL} try(?: to)?|i(?:'m| am) going to try(?: to)?|try(?: to)?(?=\s)",
              "I'll try to ask open questions"),
        lead(rf"{_I_WILL}(?: (?:also|first))?|i(?:'m| am) going to", "I will ask two questions"),
        lead(rf"(?:to )?try{_SPLIT}", "Try: two practice interviews"),
    ),
    "happened": (
        lead(rf"(?:what )?happened{_SPLIT}", "Happened: it went well"),
        lead(rf"(?:the )?result(?: was)?{_SPLIT}", "Result: two interviews done"),
    ),
    "asked": (
        lead(r"i (?:asked|want to ask|would like to ask|'d like to ask)(?: (?:about|you))?"
              r"(?=\s)|i'd like to ask(?: (?:about|you))?(?=\s)",
              "I asked about how to end an interview"),
        lead(rf"(?:my )?questions?{_SPLIT}", "Question: how do I end an interview"),
    ),
    "next": (
        lead(r"next,?(?= )", "Next, I'll run two interviews on my own"),
        lead(rf"{_I_WILL}(?: (?:also|now|keep))?|i(?:'m| am) going to|i (?:plan|intend|want) to",
              "I'll run two interviews on my own"),
    ),
}  # fmt: skip

# --- frames: one sentence per slot and kind -----------------------------------------

KINDS: dict[str, tuple[str, ...]] = {
    "focus": ("howto", "learn_to", "action", "activity", "subject", "own", "question",
              "statement", "foreign", "blank", "plain"),
    "outcome": ("clause", "action", "fragment", "foreign", "plain"),
    "connection": ("clause", "i_did", "you_do", "thing", "doing", "foreign", "plain"),
    "preparation": ("action", "timed", "fragment", "clause", "foreign", "plain"),
    "report_back": ("topic", "timed_topic", "action", "timed_action", "clause", "foreign", "plain"),
    "advice": ("action", "clause", "fragment", "foreign", "plain"),
    "tried": ("action", "timed", "fragment", "clause", "foreign", "plain"),
    "happened": ("clause", "action", "fragment", "foreign", "plain"),
    "asked": ("howto", "action", "activity", "subject", "own", "question", "statement",
              "foreign", "plain"),
    "next": ("action", "timed", "fragment", "clause", "foreign", "plain"),
}  # fmt: skip

QUOTED = "“{text}”"
AS_TYPED = "“{Text}”"  # the reader's note quoted with its own first capital


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a field's text lands: its frames by kind, and whether further sentences
    the reader wrote follow the frame (they do in the message, not in a title)."""

    field: str
    frames: dict[str, str]
    keep_rest: bool = True


SLOTS: dict[str, Slot] = {
    "focus.email": Slot("focus", {
        "plain": "What I'd like your help with: {text}.",
        "howto": "I'd like to learn {text}.",
        "learn_to": "I'd like to learn {text}.",
        "action": "I'd like your help to {text}.",
        "activity": "I'd like your help with {text}.",
        "subject": "I'd like to learn about {text}.",
        "own": "I'd like your help with {text}.",
        "question": "I'd like your help with a question: {text}?",
        "statement": "Here is what I'd like your help with. {Text}.",
        "foreign": "What I'd like to learn, in my own words: " + QUOTED + ".",
        "blank": "I'd like to learn {text}.",
    }),
    "focus.chat": Slot("focus", {
        "plain": "Would you mentor me? What I have in mind: {text}.",
        "howto": "Would you mentor me on {text}?",
        "learn_to": "Would you help me learn {text}?",
        "action": "Would you help me {text}?",
        "activity": "Would you mentor me on {text}?",
        "subject": "Would you mentor me on {text}?",
        "own": "Would you help me with {text}?",
        "question": "Would you help me with a question: {text}?",
        "statement": "Would you mentor me on this? {Text}.",
        "foreign": "Would you mentor me on this? In my own words: " + QUOTED + ".",
        "blank": "Would you mentor me on {text}?",
    }),
    # Said aloud, in person or on a call (the spoken version's line about the focus).
    "focus.spoken": Slot("focus", {
        "howto": "I'd really like to learn {text}.",
        "learn_to": "I'd really like to learn {text}.",
        "action": "I'd love your help to {text}.",
        "activity": "I'd love your help with {text}.",
        "subject": "I'd love to learn more about {text}.",
        "own": "I'd love your help with {text}.",
        "question": "There's one question I'd love your help with: {text}?",
        "statement": "Here's what I'd like your help with. {Text}.",
        "foreign": "What I'd like to learn, in my own words: " + QUOTED + ".",
        "blank": "I'd really like to learn {text}.",
        "plain": "What I'd love your help with: {text}.",
    }),
    # Follows "Thank you for our three calls"; the sentence's full stop is the template's.
    "focus.thanks": Slot("focus", {
        "plain": "",
        "howto": " on {text}",
        "learn_to": ", and for helping me learn {text}",
        "action": ", and for helping me {text}",
        "activity": " on {text}",
        "subject": " on {text}",
        "own": ", and for your help with {text}",
        "question": ", and for your help with my question",
        "statement": "",
        "foreign": "",
        "blank": " on {text}",
    }, keep_rest=False),
    "outcome.check": Slot("outcome", {
        "plain": "How I'll know it has worked: {text}.",
        "clause": "I'll know it has worked when {text}.",
        "action": "By the end, I'd like to {text}.",
        "fragment": "What I'm aiming for: {text}.",
        "foreign": "How I'll know it has worked, in my own words: " + QUOTED + ".",
    }),
    # Followed by the thank-you note's blank for how far the reader got.
    "outcome.thanks": Slot("outcome", {
        "plain": "How I said I'd know it had worked: {text}. Where I got to:",
        "clause": "I said I'd know it had worked when I could say this: “{Text}.” Where I got "
                  "to:",
        "action": "I hoped to {text} by the end:",
        "fragment": "What I was aiming for was this: {text}. Where I got to:",
        "foreign": "What I was aiming for, in my own words: " + QUOTED + ". Where I got to:",
    }, keep_rest=False),
    "connection.email": Slot("connection", {
        "plain": "Why I'm writing to you in particular: {text}.",
        "clause": "I'm writing to you in particular because {text}.",
        "i_did": "I'm writing to you in particular because I {text}.",
        "you_do": "I'm writing to you in particular because you {text}.",
        "thing": "I'm writing to you in particular because of {text}.",
        "doing": "I'm writing to you in particular after {text}.",
        "foreign": "Why I'm writing to you in particular, in my own words: " + QUOTED + ".",
    }),
    "connection.chat": Slot("connection", {
        "plain": "Why I'm asking you: {text}.",
        "clause": "I'm asking you because {text}.",
        "i_did": "I'm asking you because I {text}.",
        "you_do": "I'm asking you because you {text}.",
        "thing": "I'm asking you because of {text}.",
        "doing": "I'm asking you after {text}.",
        "foreign": "Why I'm asking you, in my own words: " + QUOTED + ".",
    }),
    # Several meetings ("each call") and one ("our call").
    "preparation.plan": Slot("preparation", {
        "plain": "How I'll prepare for each {meeting}: {text}.",
        "action": "Before each {meeting}, I'll {text}.",
        "timed": "I'll {text}.",
        "fragment": "My preparation for each {meeting}: {text}.",
        "clause": "To prepare for each {meeting}, {text}.",
        "foreign": "How I'll prepare, in my own words: " + QUOTED + ".",
    }),
    "preparation.one": Slot("preparation", {
        "plain": "How I'll prepare for our {meeting}: {text}.",
        "action": "Before our {meeting}, I'll {text}.",
        "timed": "I'll {text}.",
        "fragment": "My preparation for our {meeting}: {text}.",
        "clause": "To prepare for our {meeting}, {text}.",
        "foreign": "How I'll prepare, in my own words: " + QUOTED + ".",
    }),
    "report_back.many": Slot("report_back", {
        "plain": "How I'll report back: {text}.",
        "topic": "From the second {meeting} on, I'll start by reporting back on {text}.",
        "timed_topic": "I'll report back on {text}.",
        "action": "At the start of each {meeting} after the first, I'll {text}.",
        "timed_action": "I'll {text}.",
        "clause": "To report back, {text}.",
        "foreign": "How I'll report back, in my own words: " + QUOTED + ".",
    }),
    "report_back.one": Slot("report_back", {
        "plain": "How I'll report back: {text}.",
        "topic": "Afterwards, I'll write to report back on {text}.",
        "timed_topic": "I'll report back on {text}.",
        "action": "Afterwards, I'll {text}.",
        "timed_action": "I'll {text}.",
        "clause": "To report back, {text}.",
        "foreign": "How I'll report back, in my own words: " + QUOTED + ".",
    }),
    # --- after the ask ---------------------------------------------------------------
    # The follow-up, when there has been no reply: `{sent}` is the day the request went.
    "focus.followup": Slot("focus", {
        "plain": "On {sent}, I asked whether you might mentor me on this: {text}.",
        "howto": "On {sent}, I asked whether you might mentor me on {text}.",
        "learn_to": "On {sent}, I asked whether you might help me learn {text}.",
        "action": "On {sent}, I asked whether you might help me {text}.",
        "activity": "On {sent}, I asked whether you might mentor me on {text}.",
        "subject": "On {sent}, I asked whether you might mentor me on {text}.",
        "own": "On {sent}, I asked whether you might help me with {text}.",
        "question": "On {sent}, I asked whether you might help me with a question: {text}?",
        "statement": "On {sent}, I asked whether you might mentor me on this: {Text}.",
        "foreign": "On {sent}, I asked whether you might mentor me. In my own words: " + QUOTED
                   + ".",
        "blank": "On {sent}, I asked whether you might mentor me on {text}.",
    }, keep_rest=False),
    # The confirmation after a yes.
    "focus.confirm": Slot("focus", {
        "plain": "I'm looking forward to working on this with your help.",
        "howto": "I'm looking forward to learning {text} with your help.",
        "learn_to": "I'm looking forward to learning {text} with your help.",
        "action": "I'm looking forward to working out how to {text} with your help.",
        "activity": "I'm looking forward to working on {text} with your help.",
        "subject": "I'm looking forward to learning about {text} with your help.",
        "own": "I'm looking forward to working on {text} with your help.",
        "question": "I'm looking forward to working on my question with your help.",
        "statement": "I'm looking forward to working on this with your help.",
        "foreign": "I'm looking forward to working on this with your help.",
        "blank": "I'm looking forward to learning {text} with your help.",
    }, keep_rest=False),
    # A gracious reply to a no: asking, once, for a name.
    "focus.elsewhere": Slot("focus", {
        "plain": "If you know of anyone else I could ask about this, I'd be glad of a name.",
        "howto": "If you know of anyone else I could ask about {text}, I'd be glad of a name.",
        "learn_to": "If you know of anyone else who could help me learn {text}, I'd be glad "
                    "of a name.",
        "action": "If you know of anyone else who could help me {text}, I'd be glad of a name.",
        "activity": "If you know of anyone else I could ask about {text}, I'd be glad of a name.",
        "subject": "If you know of anyone else I could ask about {text}, I'd be glad of a name.",
        "own": "If you know of anyone else who could help me with {text}, I'd be glad of a name.",
        "question": "If you know of anyone else I could ask about my question, I'd be glad of a "
                    "name.",
        "statement": "If you know of anyone else I could ask about this, I'd be glad of a name.",
        "foreign": "If you know of anyone else I could ask about this, I'd be glad of a name.",
        "blank": "If you know of anyone else I could ask about {text}, I'd be glad of a name.",
    }, keep_rest=False),
    # The report-back for the next meeting, from the last meeting's log.
    "advice.report": Slot("advice", {
        "plain": "The advice I noted last time: " + AS_TYPED + ".",
        "action": "Last time, you suggested I {text}.",
        "clause": "The advice I took away last time: {text}.",
        "fragment": "The advice I took away last time: {text}.",
        "foreign": "The advice I took away last time, in my own words: " + QUOTED + ".",
    }),
    "tried.report": Slot("tried", {
        "plain": "What I set out to try: {text}.",
        "action": "I set out to {text}.",
        "timed": "I set out to {text}.",
        "fragment": "What I set out to try: {text}.",
        "clause": "What I set out to try: {text}.",
        "foreign": "What I set out to try, in my own words: " + QUOTED + ".",
    }),
    "happened.report": Slot("happened", {
        "plain": "What happened: {text}.",
        "clause": "What happened: {text}.",
        "action": "What happened: {text}.",
        "fragment": "What happened: {text}.",
        "foreign": "What happened, in my own words: " + QUOTED + ".",
    }),
    "asked.report": Slot("asked", {
        "plain": "What I'd like to ask this time: {text}.",
        "howto": "What I'd like to ask about this time: {text}.",
        "action": "What I'd like to ask about this time: how to {text}.",
        "activity": "What I'd like to ask about this time: {text}.",
        "subject": "What I'd like to ask about this time: {text}.",
        "own": "What I'd like to ask about this time: {text}.",
        "question": "What I'd like to ask this time: {text}?",
        "statement": "What I'd like to ask about this time: {text}.",
        "foreign": "What I'd like to ask about this time, in my own words: " + QUOTED + ".",
    }),
    # The thank-you note drawn from the whole log: one line per meeting.
    "advice.thanks": Slot("advice", {
        "plain": "From our {ordinal} {meeting}, the advice as I noted it: " + AS_TYPED + ".",
        "action": "From our {ordinal} {meeting}: your advice to {text}.",
        "clause": "From our {ordinal} {meeting}: {text}.",
        "fragment": "From our {ordinal} {meeting}: {text}.",
        "foreign": "From our {ordinal} {meeting}, in my own words: " + QUOTED + ".",
    }),
    "happened.thanks": Slot("happened", {
        "plain": "When I tried it: {text}.",
        "clause": "When I tried it: {text}.",
        "action": "When I tried it: {text}.",
        "fragment": "When I tried it: {text}.",
        "foreign": "When I tried it, in my own words: " + QUOTED + ".",
    }),
    "next.thanks": Slot("next", {
        "plain": "What I'll do next: {text}.",
        "action": "Next, I'm going to {text}.",
        "timed": "Next, I'm going to {text}.",
        "fragment": "What I'll do next: {text}.",
        "clause": "What I'll do next: {text}.",
        "foreign": "What I'll do next, in my own words: " + QUOTED + ".",
    }),
    # The reminder in the reader's own calendar, before each meeting.
    # The reminder in the reader's own calendar, before each meeting. The reader wrote
    # their plan to the mentor ("send you my questions"), so it is quoted, not retold.
    "preparation.alarm": Slot("preparation", {
        "plain": "Time to prepare for {meeting} {number} with {mentor}. What you promised: "
                 + QUOTED + ".",
        "action": "Time to prepare for {meeting} {number} with {mentor}. What you promised: "
                  + QUOTED + ".",
        "timed": "Time to prepare for {meeting} {number} with {mentor}. What you promised: "
                 + QUOTED + ".",
        "fragment": "Time to prepare for {meeting} {number} with {mentor}. What you promised: "
                    + QUOTED + ".",
        "clause": "Time to prepare for {meeting} {number} with {mentor}. What you promised: "
                  + QUOTED + ".",
        "foreign": "Time to prepare for {meeting} {number} with {mentor}. What you promised: "
                   + QUOTED + ".",
    }, keep_rest=False),
}  # fmt: skip
