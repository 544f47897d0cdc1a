"""The pieces of a reply that change with its tone, as a table (like `builder.wording.pieces`).

Every sentence a reply can hold lives in the templates (`templates/reply-*.txt`);
what a tone changes is here, so the templates never branch on the tone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReplyTone:
    """What a tone changes in a reply: greetings, the answer's opening words, the
    sign-off."""

    hello: str
    chat_hello: str
    chat_mark: str
    thanks: str
    yes: str
    smaller: str
    smaller_same: str
    no_pressure: str
    not_suit: str  # a first date that does not suit: "doesn't suit me"
    afraid: str  # and the regret after it: ", I'm afraid"
    not_now: str
    ask_again: str
    sorry_not_now: str
    no: str
    mention_me: str
    good_luck: str
    sign_off: str
    subject: str


REPLY_TONES: dict[str, ReplyTone] = {
    "warm": ReplyTone(
        hello="Hi",
        chat_hello="Hi",
        chat_mark="!",
        thanks="Thank you for",
        yes="Yes, I'd be glad to.",
        smaller="I'd like to help, though I can't take on quite that much right now.",
        smaller_same="I'd like to help, with one change.",
        no_pressure="If that doesn't suit you, no hard feelings.",
        not_suit="doesn't suit me",
        afraid=", I'm afraid",
        not_now="I'd like to help, but I can't give it the time it deserves right now.",
        ask_again="If you'd still like my help then, please ask again.",
        sorry_not_now="I'm sorry not to be more help just now.",
        no="I'm sorry, but I can't take this on.",
        mention_me="You're welcome to say I suggested you get in touch.",
        good_luck="I hope it goes well.",
        sign_off="Warm regards,",
        subject="Re: your mentoring request",
    ),
    "formal": ReplyTone(
        hello="Dear",
        chat_hello="Hello",
        chat_mark=",",
        thanks="Thank you for",
        yes="I would be glad to help.",
        smaller="I would like to help, although I cannot commit to quite that much at present.",
        smaller_same="I would be glad to help, with one change.",
        no_pressure="If that would not suit you, please do say so.",
        not_suit="does not suit me",
        afraid=", I am afraid",
        not_now="I would like to help, but I cannot give it the time it deserves at present.",
        ask_again="If you would still like my help then, please do write again.",
        sorry_not_now="I am sorry not to be of more help at present.",
        no="I regret that I cannot take this on.",
        mention_me="You are welcome to mention that I suggested you contact them.",
        good_luck="I wish you every success with it.",
        sign_off="Kind regards,",
        subject="Re: your request for mentoring",
    ),
    "casual": ReplyTone(
        hello="Hey",
        chat_hello="Hey",
        chat_mark="!",
        thanks="Thanks for",
        yes="Yes, happy to!",
        smaller="I'd like to help, but that's a bit more than I can take on right now.",
        smaller_same="Happy to help, with one tweak.",
        no_pressure="If that doesn't work for you, no worries.",
        not_suit="doesn't suit me",
        afraid=", sorry",
        not_now="I'd love to help, but I can't give it proper time right now.",
        ask_again="If you still want a hand then, give me a shout.",
        sorry_not_now="Sorry I can't do more just now.",
        no="Sorry, but I can't take this on.",
        mention_me="Feel free to say I sent you.",
        good_luck="Good luck with it!",
        sign_off="Cheers,",
        subject="Re: your mentoring ask",
    ),
}
