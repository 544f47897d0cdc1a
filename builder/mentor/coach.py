"""Checks of a reply against the reply rules, each finding citing its advice.

Deterministic, like the request's coaching: the same reply always gets the same notes,
said in the language being spoken (`builder.wording.catalog.speaking`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from builder.mentor.reply import Reply
from builder.mentor.rules import CLEAR, REPLY_RULES, ReplyRule, Severity
from builder.wording.catalog import say


@dataclass(frozen=True, slots=True)
class ReplyFinding:
    """One coaching note on a reply."""

    code: str
    severity: Severity
    title: str
    explanation: str
    suggestion: str
    cite_title: str
    cite_url: str
    field: str = ""

    def as_data(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "cite_title": self.cite_title,
            "cite_url": self.cite_url,
            "field": self.field,
        }


def _finding(rule: ReplyRule, values: Mapping[str, object]) -> ReplyFinding:
    return ReplyFinding(
        code=rule.code,
        severity=rule.severity,
        title=say(rule.title, **values),
        explanation=say(rule.explanation, **values),
        suggestion=say(rule.suggestion, **values),
        cite_title=rule.cite.title,
        cite_url=rule.cite.url,
        field=str(values.get("field", rule.field)),
    )


def coach_reply(reply: Reply, rules: tuple[ReplyRule, ...] = REPLY_RULES) -> list[ReplyFinding]:
    """Every finding for a reply; one "ok" note when an answer is chosen and none applies,
    nothing before an answer is chosen."""
    if not reply.response:
        return []
    found = [_finding(rule, values) for rule in rules if (values := rule.check(reply)) is not None]
    if found:
        return found
    return [ReplyFinding(f"{reply.response}-ok", "ok", say("Clear and kind"),
                         say(CLEAR[reply.response]), "", "", "")]  # fmt: skip
