"""Checks of a request against the five tips, for the coaching notes and checklist.

Deterministic on purpose: the same request always gets the same findings, so the
notes do not flicker as the reader types. The rules themselves live in `rules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from builder.request.rules import RULES, SATISFIED, Rule, Status
from builder.request.tips import TIP, TIPS, Tip
from builder.request.validate import Request
from builder.wording.catalog import say

_RANK: dict[Status, int] = {"ok": 0, "advice": 1, "warning": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One coaching note, tied to the tip it comes from."""

    code: str
    tip: int
    severity: Status
    title: str
    explanation: str
    suggestion: str
    tip_url: str
    field: str = ""

    def as_data(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "code": self.code,
            "tip": self.tip,
            "severity": self.severity,
            "title": self.title,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "tip_url": self.tip_url,
            "field": self.field,
        }


class TipCheck(NamedTuple):
    """How a request stands against one tip, for the page's five-tip checklist."""

    tip: Tip
    status: Status
    findings: tuple[Finding, ...]

    def as_data(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "tip": self.tip.as_data(),
            "status": self.status,
            "findings": [finding.as_data() for finding in self.findings],
        }


def _finding(rule: Rule, values: Mapping[str, object]) -> Finding:
    return Finding(
        code=rule.code,
        tip=rule.tip,
        severity=rule.severity,
        title=say(rule.title, **values),
        explanation=say(rule.explanation, **values),
        suggestion=say(rule.suggestion, **values),
        tip_url=TIP[rule.tip].url(),
        field=rule.field,
    )


def coach(request: Request) -> list[Finding]:
    """Every finding for a request, tip by tip, with an "ok" for each tip that passes."""
    findings: list[Finding] = []
    for tip in TIPS:
        found = []
        for rule in RULES:
            if rule.tip == tip.number and (values := rule.check(request)) is not None:
                found.append(_finding(rule, values))
        if not found:
            title, explanation = SATISFIED[tip.number]
            found.append(
                Finding(
                    f"tip-{tip.number}-ok",
                    tip.number,
                    "ok",
                    say(title),
                    say(explanation),
                    "",
                    tip.url(),
                )
            )
        findings.extend(found)
    return findings


def checklist(request: Request, findings: list[Finding] | None = None) -> list[TipCheck]:
    """The five tips with the worst status each reached and the findings behind it."""
    if findings is None:
        findings = coach(request)
    items = []
    for tip in TIPS:
        mine = tuple(finding for finding in findings if finding.tip == tip.number)
        status = max((finding.severity for finding in mine), key=_RANK.__getitem__, default="ok")
        items.append(TipCheck(tip, status, mine))
    return items
