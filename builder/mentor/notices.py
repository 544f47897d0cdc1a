"""A plain word next to each of the mentor's details written in another language than
the reply's: its words are quoted as typed, and the reply's language can follow them
(the request builder's language notice, `session._language_notices`, for the reply)."""

from __future__ import annotations

from builder.mentor.drafts import reply_language
from builder.mentor.fields import REPLY_FIELD
from builder.mentor.frames import MENTOR_FIELDS, WORDING
from builder.mentor.reply import Reply
from builder.request.fields import DRAFT_LANGUAGES
from builder.request.validate import FieldMessage
from builder.wording.catalog import say
from builder.wording.fitting import Fit, fit
from builder.wording.notices import language_notice, written_in
from builder.wording.tables import drafting


def _read(reply: Reply, language: str, name: str) -> Fit:
    text, protege = getattr(reply, name), reply.protege_name.strip()
    table = drafting(language)
    if table is None:
        return fit(name, text, (protege,), WORDING)
    register = table.reply_tones.get(reply.tone, table.reply_tones["warm"]).register
    return table.read_reply(name, text, register, (protege,))


def language_notices(reply: Reply, offered: list[str]) -> list[FieldMessage]:
    """A notice for each detail the reply quotes because it is in another language;
    `offered` are the reply languages the page offers, suggested where they match."""
    language = reply_language(reply.draft_language)
    labels = dict(DRAFT_LANGUAGES)
    notices = []
    for name in MENTOR_FIELDS:
        text = getattr(reply, name)
        if not text.strip() or not reply.relevant(name):
            continue
        code = written_in(_read(reply, language, name), text, language)
        if code is None:
            continue
        switch = ""
        if code in offered and code != language:
            switch = say("Or choose “{choice}” as the language of your reply.", choice=labels[code])
        text = language_notice(code, language, REPLY_FIELD[name].noun, switch)
        notices.append(FieldMessage(name, "notice", text))
    return notices
