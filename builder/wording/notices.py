"""The language notice: the plain word beside a field whose words the drafts quote as
typed because they are in another language than the drafts' (the request builder's
fields and the mentor's details alike)."""

from __future__ import annotations

from builder.wording.catalog import say
from builder.wording.es.fitting import looks_spanish
from builder.wording.fitting import Fit
from builder.wording.languages import NAMES


def written_in(fitted: Fit, text: str, drafts: str) -> str | None:
    """The code of the language a quoted field seems written in ("" when unsure which),
    or None when nothing needs saying: words the drafts take as theirs, or English drafts
    quoting English mixed with other words."""
    if fitted.kind != "foreign":
        return None
    code = fitted.language.code if fitted.language else ""
    if not code and looks_spanish(text):
        return "es"  # unsure which language, but Spanish's function words are there
    if fitted.language is None:
        return None if drafts == "en" else "en"
    return code


def language_notice(code: str, drafts: str, noun: str, switch: str = "") -> str:
    """What the notice says: the field looks like `code`'s language, the drafts are in
    `drafts`, so its words are quoted; `switch`, when given, suggests the other language
    (the caller's sentence: the form's own name for the choice)."""
    text = say(
        "This looks like {language}. The drafts are in {drafts}, so these words appear in "
        "quotation marks, just as you wrote them. For a smoother message, write your "
        "{noun} in {drafts}.",
        language=say(NAMES.get(code) or "another language"),
        drafts=say(NAMES[drafts]),
        noun=say(noun),
    )
    return f"{text} {switch}" if switch else text
