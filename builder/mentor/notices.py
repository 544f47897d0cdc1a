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
from builder.wording.es.fitting import looks_spanish
from builder.wording.fitting import Fit, fit
from builder.wording.languages import NAMES
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
        fitted = _read(reply, language, name)
        if fitted.kind != "foreign":
            continue
        code = fitted.language.code if fitted.language else ""
        if not code and looks_spanish(text):
            code = "es"  # unsure which language, but Spanish's function words are there
        elif fitted.language is None:
            if language == "en":
                continue  # an English reply quotes English mixed with other words, unannounced
            code = "en"
        said = say(
            "This looks like {language}. The drafts are in {drafts}, so these words appear in "
            "quotation marks, just as you wrote them. For a smoother message, write your "
            "{noun} in {drafts}.",
            language=say(NAMES.get(code) or "another language"),
            drafts=say(NAMES[language]),
            noun=say(REPLY_FIELD[name].noun),
        )
        if code in offered and code != language:
            said += " " + say(
                "Or choose “{choice}” as the language of your reply.", choice=labels[code]
            )
        notices.append(FieldMessage(name, "notice", said))
    return notices
