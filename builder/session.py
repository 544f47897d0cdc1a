"""The one call the browser makes on every edit: validate, coach, draft.

Keeping it to one call means one round trip through Pyodide per keystroke and one
JSON-ready answer for the page's thin JavaScript to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from builder.coach import Finding, TipCheck, checklist, coach
from builder.drafts import Draft, mailto_url, render_drafts
from builder.fields import defaults
from builder.state import to_query
from builder.validate import FieldMessage, Request, check, read_values

FAILED = FieldMessage(
    "", "error", "Something went wrong while checking your request. Your text is safe in the form."
)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything the page shows for the current form values.

    `ready` means no field has an error; `failed` means the builder itself hit
    a bug and the rest is a safe fallback.
    """

    values: Mapping[str, str]
    request: Request
    messages: Mapping[str, tuple[FieldMessage, ...]]
    findings: tuple[Finding, ...]
    checklist: tuple[TipCheck, ...]
    drafts: Mapping[str, Draft]
    primary: str
    mailto: str
    query: str
    ready: bool
    failed: bool = False

    def to_dict(self) -> dict[str, object]:
        """JSON-serialisable form for the JavaScript side."""
        return {
            "ready": self.ready,
            "failed": self.failed,
            "primary": self.primary,
            "values": dict(self.values),
            "messages": {
                name: [message.as_data() for message in messages]
                for name, messages in self.messages.items()
            },
            "findings": [finding.as_data() for finding in self.findings],
            "checklist": [item.as_data() for item in self.checklist],
            "drafts": {name: draft.as_data() for name, draft in self.drafts.items()},
            "mailto": self.mailto,
            "query": self.query,
        }


def _evaluate(values: object) -> Evaluation:
    cleaned, unreadable = read_values(values)
    request, problems = check(cleaned, unreadable)
    messages: dict[str, tuple[FieldMessage, ...]] = {}
    for message in problems:
        messages[message.field] = (*messages.get(message.field, ()), message)
    findings = coach(request)
    drafts = render_drafts(request)
    return Evaluation(
        values=cleaned,
        request=request,
        messages=messages,
        findings=tuple(findings),
        checklist=tuple(checklist(request, findings)),
        drafts=drafts,
        primary=request.channel,
        mailto=mailto_url(request, drafts["email"]),
        query=to_query(cleaned),
        ready=not problems,
    )


def evaluate(values: object) -> Evaluation:
    """Validate, coach and draft the form's values; never raises.

    Args:
        values: Field name to raw value, as the form holds them (usually strings).

    Returns:
        The evaluation. If the builder itself fails, a fallback with `failed`
        set and one general message, so the page can keep working.
    """
    try:
        return _evaluate(values)
    except Exception:  # the page must keep working whatever happens here
        return _fallback(values)


def _fallback(values: object) -> Evaluation:
    """An evaluation that keeps the user's text and says something went wrong."""
    kept = defaults()
    try:
        if isinstance(values, Mapping):
            kept |= {k: v for k, v in values.items() if k in kept and isinstance(v, str)}
    except Exception:  # noqa: S110 - a hostile mapping only costs the kept text
        pass
    return Evaluation(
        values=kept,
        request=Request(),
        messages={"": (FAILED,)},
        findings=(),
        checklist=(),
        drafts={},
        primary="email",
        mailto="",
        query="",
        ready=False,
        failed=True,
    )
