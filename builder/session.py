"""The one call the browser makes on every edit: validate, coach, draft.

Keeping it to one call means one round trip through Pyodide per keystroke and one
JSON-ready answer for the page's thin JavaScript to show.

A first visit is calm: a field's messages show once the reader has typed in it or
left it (`touched`), or has a value of their own (a saved draft, a link), and a tip
none of whose fields has been touched is "pending" (not started) rather than
"needs work". Once the reader tries to send (`attempted`), everything shows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from builder.coach import Finding, TipCheck, checklist, coach
from builder.drafts import FITTED, Draft, fits, mailto_url, render_drafts
from builder.edits import Edit, effective, read_edits
from builder.fields import FIELD, defaults
from builder.rules import RULES
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
    missing: tuple[FieldMessage, ...] = ()
    edits: Mapping[str, Edit] = dataclasses.field(default_factory=dict)

    @property
    def sendable(self) -> dict[str, Draft]:
        """The drafts as they will be copied, mailed and downloaded: the reader's
        own version wherever they edited one."""
        return effective(self.drafts, self.edits)

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
            "edits": {name: edit.as_data(self.drafts[name]) for name, edit in self.edits.items()},
            "missing": [message.as_data() for message in self.missing],
            "mailto": self.mailto,
            "query": self.query,
        }


def _tip_fields(tip: int) -> frozenset[str]:
    """The fields a tip's rules look at ("" is a rule that reads every text field)."""
    fields = {rule.field for rule in RULES if rule.tip == tip}
    return frozenset((fields - {""}) | (set(FITTED) if "" in fields else set()))


# A tip is "not started" until one of its fields is touched.
TIP_FIELDS: dict[int, frozenset[str]] = {tip: _tip_fields(tip) for tip in range(1, 6)}


def _language_notices(request: Request) -> list[FieldMessage]:
    """A plain word next to each field written in another language."""
    notices = []
    for name, fitted in fits(request).items():
        if fitted.language is not None:
            notices.append(
                FieldMessage(
                    name,
                    "notice",
                    f"This looks like {fitted.language.name}. The drafts are in English, so "
                    "these words appear in quotation marks, just as you wrote them. For a "
                    f"smoother message, write your {FIELD[name].noun} in English.",
                )
            )
    return notices


def _shown(
    cleaned: Mapping[str, str], touched: Collection[str] | None, attempted: bool
) -> frozenset[str] | None:
    """The fields whose messages show: None for all of them."""
    if touched is None or attempted:
        return None
    own = {name for name, value in cleaned.items() if value.strip() != FIELD[name].default}
    return frozenset(touched) | own


def _pending(items: list[TipCheck], shown: frozenset[str] | None) -> tuple[TipCheck, ...]:
    if shown is None:
        return tuple(items)
    return tuple(
        item
        if TIP_FIELDS[item.tip.number] & shown
        else item._replace(status="pending", findings=())
        for item in items
    )


def _evaluate(
    values: object,
    touched: Collection[str] | None = None,
    attempted: bool = False,
    edits: object = None,
) -> Evaluation:
    cleaned, unreadable = read_values(values)
    request, problems = check(cleaned, unreadable)
    shown = _shown(cleaned, touched, attempted)
    messages: dict[str, tuple[FieldMessage, ...]] = {}
    for message in [*problems, *_language_notices(request)]:
        if shown is None or message.field in shown:
            messages[message.field] = (*messages.get(message.field, ()), message)
    findings = coach(request)
    drafts = render_drafts(request)
    kept = read_edits(edits, drafts)
    sendable = effective(drafts, kept)
    return Evaluation(
        values=cleaned,
        request=request,
        messages=messages,
        findings=tuple(findings),
        checklist=_pending(checklist(request, findings), shown),
        drafts=drafts,
        primary=request.channel,
        mailto=mailto_url(request, sendable["email"]),
        query=to_query(cleaned),
        ready=not problems,
        missing=tuple(problems),
        edits=kept,
    )


def evaluate(
    values: object,
    *,
    touched: Collection[str] | None = None,
    attempted: bool = False,
    edits: object = None,
) -> Evaluation:
    """Validate, coach and draft the form's values; never raises.

    Args:
        values: Field name to raw value, as the form holds them (usually strings).
        touched: The fields the reader has typed in or left; None (the default)
            shows every message, as for a finished request.
        attempted: Whether the reader has tried to send: everything shows.
        edits: The reader's own versions of drafts, by draft name (see `edits`).

    Returns:
        The evaluation. If the builder itself fails, a fallback with `failed`
        set and one general message, so the page can keep working.
    """
    try:
        return _evaluate(values, touched, attempted, edits)
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
