"""The drafts as one file to download: Markdown or plain text, a section each."""

from __future__ import annotations

from collections.abc import Mapping

from builder.program import PROGRAM
from builder.request.drafts import Draft, render
from builder.wording.catalog import say, to_say


def _downloadable(drafts: Mapping[str, Draft]) -> list[Draft]:
    return [draft for draft in drafts.values() if draft.media_type == "text/plain"]


# What a download is headed with, by what it holds; in the reader's language (the
# drafts inside keep their own).
DOWNLOAD_HEADINGS: dict[str, tuple[str, str]] = {
    "request": (
        to_say("Your mentoring request"),
        to_say("Drafted with the {guide} request builder."),
    ),
    "reply": (to_say("Your reply"), to_say("Drafted with the {guide} mentors' reply helper.")),
}


def _download(template: str, drafts: Mapping[str, Draft], kind: str) -> str:
    heading, made = DOWNLOAD_HEADINGS[kind]
    facts = {
        "heading": say(heading),
        "made_by": say(made, guide=PROGRAM.guide),
        "ready": say("Each section below is ready to copy."),
        "subject": say("Subject:"),
        "drafts": [
            {"title": say(draft.title), "subject": draft.subject, "text": draft.text}
            for draft in _downloadable(drafts)
        ],
    }
    return render(template, facts)


def as_markdown(drafts: Mapping[str, Draft], kind: str = "request") -> str:
    """All the text drafts in one Markdown file, a section each, for download."""
    return _download("download.md", drafts, kind)


def as_text(drafts: Mapping[str, Draft], kind: str = "request") -> str:
    """All the text drafts in one plain-text file, a headed section each."""
    return _download("download.txt", drafts, kind)
