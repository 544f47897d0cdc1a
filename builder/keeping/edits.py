"""The reader's own edits to a draft: the reader has the last word.

A reader may change any draft in place before sending it. The builder never
overwrites that edit: when the form changes and the builder drafts something new,
the edit is kept and marked `stale`, and the page offers the reader the choice of
keeping theirs or taking the new one. What is copied, mailed and downloaded is the
reader's version wherever there is one.

An edit arrives from the page as `{"text": ..., "subject": ..., "base": ...,
"base_subject": ...}`: what the reader has now, and the builder's draft it started
from (so the builder can tell whether it has since drafted something new).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from builder.request.drafts import Draft
from builder.text import clean

MAX_EDIT = 20_000  # characters of one edited draft: far more than any message needs


@dataclass(frozen=True, slots=True)
class Edit:
    """The reader's version of one draft, and the builder's draft it was made from."""

    text: str
    subject: str = ""
    base: str = ""
    base_subject: str = ""

    def stale(self, draft: Draft) -> bool:
        """Whether the builder has drafted something new since the reader edited."""
        return draft.text != self.base or draft.subject != self.base_subject

    def as_data(self, draft: Draft) -> dict[str, object]:
        """JSON-ready form, with whether it is stale against the current draft."""
        return {"text": self.text, "subject": self.subject, "stale": self.stale(draft)}


def _text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return clean(value, multiline=True)[:MAX_EDIT]


def read_edits(raw: object, drafts: Mapping[str, Draft]) -> dict[str, Edit]:
    """The edits the page sent, for drafts that exist; anything malformed is ignored.

    An "edit" identical to the builder's current draft is no edit at all; an empty
    one is (the reader may clear a draft to write their own).
    """
    if not isinstance(raw, Mapping):
        return {}
    edits: dict[str, Edit] = {}
    for name, item in raw.items():
        draft = drafts.get(name) if isinstance(name, str) else None
        if draft is None or draft.media_type != "text/plain" or not isinstance(item, Mapping):
            continue
        if not isinstance(item.get("text"), str):
            continue
        edit = Edit(
            text=_text(item.get("text")),
            subject=" ".join(_text(item.get("subject")).split()) if draft.subject else "",
            base=_text(item.get("base")),
            base_subject=" ".join(_text(item.get("base_subject")).split()),
        )
        if (edit.text, edit.subject) != (draft.text, draft.subject):
            edits[name] = edit
    return edits


def effective(drafts: Mapping[str, Draft], edits: Mapping[str, Edit]) -> dict[str, Draft]:
    """The drafts as they will be sent: the reader's version wherever there is one."""
    return {
        name: dataclasses.replace(draft, text=edits[name].text, subject=edits[name].subject)
        if name in edits
        else draft
        for name, draft in drafts.items()
    }
