"""Where a mentor's words land in the reply, and the lead-ins they absorb.

The reply helper's rows of the same tables the request's drafts use (`builder.wording.en.frames`):
lead-ins dropped before fitting, one frame per slot and shape (`shapes`). `WORDING`
is what `builder.wording.fitting.fit` and `say` read for a reply; it keeps the request's
tables too, since a reply also says back the protégé's focus ("focus.reply").

Frames take `{thanks}` ("Thank you for", "Thanks for"), `{meeting}` ("call") and
`{person}` (whom the mentor suggests) besides the fitted `{text}` and `{Text}`.
"""

from __future__ import annotations

from builder.mentor import shapes
from builder.wording.en.frames import DASH, KINDS, LEAD_INS, QUOTED, SLOTS, LeadIn, Slot, lead
from builder.wording.fitting import REQUEST, Wording

_MENTOR_LEAD_INS: dict[str, tuple[LeadIn, ...]] = {
    # After "… doesn't suit me for our first call, I'm afraid. Instead, how about …".
    "date_instead": (
        lead(r"(?:sorry|unfortunately|sadly|i'm afraid|i am afraid)(?: but| not)?",
              "Sorry, I'm away that week"),
        lead(r"(?:that|it|this|the \w+)(?:'s| is)? (?:doesn't|does not|won't|will not|isn't"
              r"|is not) (?:suit|work|good|possible|free)(?: for)?(?: me)?(?: then)?"
              r"(?:,? (?:i'm afraid|sorry))?(?:,? but)?",
              "That doesn't work for me, but Thursday does"),
        lead(r"instead(?: of that)?|alternatively|maybe|perhaps|possibly|otherwise",
              "Instead, Thursday at 3"),
        lead(r"(?:how|what) about(?: (?:we )?(?:meet(?:ing)?|do(?:ing)?|try(?:ing)?|make it"
              r"|making it|go(?:ing)? for))?(?: on)?",
              "How about meeting on Thursday"),
        lead(r"(?:could|can|shall) we (?:meet|do|try|make it|go for|move it to|switch to)"
              r"(?: on)?",
              "Could we do the 10th"),
        lead(r"let's (?:say|do|make it|go for|try|meet)(?: on)?", "Let's say Thursday at 4"),
        lead(r"i(?:'d| would) (?:prefer|rather)(?! we\b)|i(?:'d| would) (?:prefer|rather) we "
              r"(?:meet|met|do|did|make it|made it)(?: on)?",
              "I'd prefer the following week"),
        lead(r"(?:i(?:'m| am)|i'll be|i will be) (?:free|available|around)(?: on)?",
              "I'm free on Friday morning"),
        lead(r"(?:i|we) (?:could|can) (?:do|make|manage)(?: it)?(?: on)?",
              "I could do Wednesday afternoon"),
        lead(r"(?:what )?(?:would )?(?:suits?|works?) (?:me )?better(?: for me)?"
              r"(?: is| would be)?",
              "Works better for me: the 10th"),
    ),
    "first_step": (
        lead(r"(?:to (?:get|kick) (?:us )?(?:started|going|things off)|to start(?: with)?"
              r"|first(?: of all)?|as a first step|next(?: step)?|for a start)",
              "To get started, send me two times that suit you"),
        lead(r"(?:could|can|would|will) you(?: please)?|please", "Could you send me your notes"),
        lead(r"i(?:'d| would) (?:like|love) (?:it if )?you to|i(?:'d| would) ask you to",
              "I'd like you to send me your questions"),
        lead(rf"(?:the )?(?:first|next) step(?: is)?(?: to| for you to)?(?={DASH}|\s)",
              "Next step: a short list of questions"),
    ),
    "narrower": (
        lead(r"i(?:'d| would)? (?:suggest|propose|recommend)(?: that)?(?: we)?"
              r"(?: (?:focus|concentrate)(?:ing)?(?: just| only)? on)?",
              "I'd suggest we focus on your interview questions"),
        lead(r"(?:how|what) about(?: we)?(?: (?:focus|concentrate)(?:ing)? on)?|maybe|perhaps"
              r"|instead|rather",
              "How about focusing on your first two interviews"),
        lead(r"(?:let's|we could|could we|we can|shall we)(?: just| only)?"
              r"(?: (?:focus|concentrate) on)?",
              "Let's focus on the script"),
        lead(r"(?:just|only)(?: (?:focus|concentrate)(?:ing)? on)?", "Just the script"),
        lead(r"(?:focus|concentrate)(?:ing)?(?: just| only)? on", "Focus on the script"),
        lead(r"(?:narrow|keep) (?:it|this)(?: down)? to|stick to", "Narrow it down to the script"),
    ),
    "later": (
        lead(r"(?:i|we)(?: could| can| might| should| will|'ll|'d| would)"
              r"(?: (?:be able to|probably|maybe|definitely|happily|gladly))*"
              r"(?: (?:look at (?:this|it) again|do (?:this|it)|help|make (?:the )?time"
              r"|take (?:this|it) on|revisit (?:this|it)|have (?:more )?time"
              r"|be (?:free|available|around)))?",
              "I could look at this again after the launch"),
        lead(r"i(?:'m| am|'ll be| will be) (?:free|available|around)",
              "I'm free from mid-April"),
        lead(r"(?:please )?(?:ask|try|ping|contact|write to) me again|get back to me",
              "Ask me again in the new year"),
        lead(r"look at (?:this|it) again|again", "Look at this again in May"),
        lead(r"maybe|perhaps|possibly|probably|hopefully", "Maybe after the summer"),
    ),
    "reason": (
        lead(r"i'm sorry(?: but)?|sorry(?: but)?|i'm afraid(?: that)?|unfortunately|sadly"
              r"|honestly|to be honest|frankly",
              "Unfortunately, I'm at capacity"),
        lead(r"i can(?:'t|not) (?:take (?:this|it) on|do (?:this|it)|help)"
              r"(?: (?:because|as|since))?",
              "I can't take it on because I'm travelling"),
        lead(r"because|since", "because I'm already mentoring two people"),
        lead(r"(?:the )?(?:honest |simple |main )?reason(?: is)?(?: that)?",
              "The reason is that my diary is full"),
    ),
    "referral_why": (
        lead(r"because(?: of)?|since|as", "because she ran our research team"),
        lead(r"(?:the )?reason(?: is)?(?: that)?", "The reason: she knows pricing"),
        lead(r"who", "who ran our research team"),
    ),
}  # fmt: skip

_MENTOR_KINDS: dict[str, tuple[str, ...]] = {
    "date_instead": (
        "when",
        "day",
        "part",
        "own",
        "question",
        "clause",
        "action",
        "plain",
        "foreign",
    ),
    "first_step": ("action", "clause", "fragment", "foreign", "plain"),
    "narrower": ("action", "thing", "clause", "foreign", "plain"),
    "later": ("when", "day", "part", "clause", "thing", "foreign", "plain"),
    "reason": ("clause", "doing", "thing", "foreign", "plain"),
    "referral_why": ("did", "clause", "doing", "can", "thing", "foreign", "plain"),
}

_GENERAL_THANKS = "{thanks} your message, and for thinking of me."
_NOT_ME = "I'm not the best person for this, but I'd suggest {person}"

_MENTOR_SLOTS: dict[str, Slot] = {
    # The protégé's focus, said back to them (after `voice.second_person`).
    "focus.reply": Slot("focus", {
        "howto": "{thanks} asking me to mentor you on {text}.",
        "learn_to": "{thanks} asking me to help you learn {text}.",
        "action": "{thanks} asking me to help you {text}.",
        "activity": "{thanks} asking me to help you with {text}.",
        "subject": "{thanks} asking me to mentor you on {text}.",
        "own": "{thanks} asking me to help you with {text}.",
        "question": "{thanks} bringing me your question: {text}?",
        "statement": _GENERAL_THANKS,
        "foreign": _GENERAL_THANKS,
        "blank": _GENERAL_THANKS,
        "plain": _GENERAL_THANKS,
    }, keep_rest=False),
    # After "… doesn't suit me for our first call, I'm afraid.": what would suit the mentor.
    "date_instead.reply": Slot("date_instead", {
        "when": "Instead, how about {text}?",
        "day": "Instead, how about {text}?",
        "part": "Instead, how about the {text}?",
        "own": "How about {text}?",
        "question": "{Text}?",
        "clause": "{Text}.",
        "action": "Instead, could you {text}?",
        # Grammatical whatever was typed: the mentor's words quoted after a label.
        "plain": "What would suit me: “{Text}”.",
        "foreign": "What would suit me instead, in my own words: " + QUOTED + ".",
    }),
    "first_step.reply": Slot("first_step", {
        "action": "To get started, could you {text}?",
        "clause": "To get started, {text}.",
        "fragment": "To get started: {text}.",
        "foreign": "To get started, in my own words: " + QUOTED + ".",
        "plain": "To get started: {text}.",
    }),
    "narrower.reply": Slot("narrower", {
        "action": "I'd suggest we {text}.",
        "thing": "I'd suggest we focus on {text}.",
        "clause": "Here's what I'd suggest: {text}.",
        "foreign": "What I'd suggest, in my own words: " + QUOTED + ".",
        "plain": "What I'd suggest we focus on: {text}.",
    }),
    "later.reply": Slot("later", {
        "when": "I could look at this again {text}.",
        "day": "I could look at this again on {text}.",
        "part": "I could look at this again at the {text}.",
        "clause": "I could look at this again once {text}.",
        "thing": "I could look at this again in {text}.",
        "foreign": "When I could look at it again, in my own words: " + QUOTED + ".",
        "plain": "A time that might suit me better: {text}.",
    }),
    "reason.reply": Slot("reason", {
        "clause": "{Text}.",
        "doing": "I'm {text}.",
        "thing": "The honest reason: {text}.",
        "foreign": "The reason, in my own words: " + QUOTED + ".",
        "plain": "The honest reason: {text}.",
    }),
    "referral_why.reply": Slot("referral_why", {
        "did": _NOT_ME + ", who {text}.",
        "clause": _NOT_ME + ": {text}.",
        "doing": _NOT_ME + ", who has been {text}.",
        "can": _NOT_ME + ", who can {text}.",
        "thing": _NOT_ME + ", because of {text}.",
        "foreign": _NOT_ME + ". Why them, in my own words: " + QUOTED + ".",
        "plain": _NOT_ME + ". Why them: {text}.",
    }),
}  # fmt: skip

MENTOR_FIELDS = tuple(_MENTOR_LEAD_INS)
LEAD_INS_ALL = {**LEAD_INS, **_MENTOR_LEAD_INS}
KINDS_ALL = {**KINDS, **_MENTOR_KINDS}
SLOTS_ALL = {**SLOTS, **_MENTOR_SLOTS}
MENTOR_SLOTS = _MENTOR_SLOTS

WORDING = Wording(
    lead_ins=LEAD_INS_ALL,
    shapes={**REQUEST.shapes, **shapes.SHAPES},
    slots=SLOTS_ALL,
    verb_kinds=REQUEST.verb_kinds | {"can", "did"},
)
