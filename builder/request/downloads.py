"""The drafts as one file to download: Markdown or plain text, a section each."""

from __future__ import annotations

from collections.abc import Mapping

from builder.program import PROGRAM
from builder.request.drafts import Draft, render


def _downloadable(drafts: Mapping[str, Draft]) -> list[Draft]:
    return [draft for draft in drafts.values() if draft.media_type == "text/plain"]


# What a download is headed with, by what it holds.
DOWNLOAD_HEADINGS: dict[str, tuple[str, str]] = {
    "request": ("Your mentoring request", "request builder"),
    "reply": ("Your reply", "mentors' reply helper"),
}


def _download(template: str, drafts: Mapping[str, Draft], kind: str) -> str:
    heading, tool = DOWNLOAD_HEADINGS[kind]
    facts = {"heading": heading, "made_by": f"{PROGRAM.guide} {tool}"}
    return render(template, {**facts, "drafts": _downloadable(drafts)})


def as_markdown(drafts: Mapping[str, Draft], kind: str = "request") -> str:
    """All the text drafts in one Markdown file, a section each, for download."""
    return _download("download.md", drafts, kind)


def as_text(drafts: Mapping[str, Draft], kind: str = "request") -> str:
    """All the text drafts in one plain-text file, a headed section each."""
    return _download("download.txt", drafts, kind)
