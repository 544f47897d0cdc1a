"""Every coaching rule: when it fires, when it stays quiet, and which tip it cites."""

import dataclasses

import pytest

from builder import TIPS, Request, checklist, coach
from builder.request.rules import RULES


def codes(request: Request) -> set[str]:
    return {finding.code for finding in coach(request)}


def test_strong_request_passes_every_tip(strong: Request) -> None:
    findings = coach(strong)
    assert [f.code for f in findings] == [f"tip-{n}-ok" for n in range(1, 6)]
    assert all(f.severity == "ok" for f in findings)
    assert [item.status for item in checklist(strong)] == ["ok"] * 5


def test_rule_table_is_sound() -> None:
    assert len({rule.code for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.tip in {tip.number for tip in TIPS}
        assert rule.severity in {"advice", "warning"}
        assert rule.title
        assert rule.explanation
        assert rule.suggestion


@pytest.mark.parametrize(
    ("changes", "code", "tip"),
    [
        ({"preparation": ""}, "no-preparation", 1),
        ({"preparation": "read notes"}, "thin-preparation", 1),
        ({"meetings": None}, "no-timebox", 1),
        ({"minutes": None}, "no-timebox", 1),
        ({"focus": ""}, "no-focus", 2),
        ({"focus": "Will you be my mentor?"}, "vague-focus", 2),
        ({"focus": "I'd like some career advice"}, "vague-focus", 2),
        ({"focus": "learn everything about SQL"}, "vague-focus", 2),
        ({"focus": "help me grow as a designer"}, "vague-focus", 2),
        ({"focus": "pricing, packaging and pitching my consulting"}, "several-topics", 2),
        ({"focus": "how to price my offer; how to pitch it"}, "several-topics", 2),
        ({"focus": "how to price my offer and how to pitch it"}, "two-topics", 2),
        ({"focus": "public speaking"}, "short-focus", 2),
        ({"outcome": ""}, "no-outcome", 2),
        ({"meetings": 5}, "many-meetings", 2),
        ({"minutes": 90}, "long-meetings", 2),
        ({"connection": ""}, "no-connection", 3),
        ({"connection": "we met once"}, "thin-connection", 3),
        (
            {"connection": "You are clearly experienced in negotiation and I need a mentor"},
            "generic-connection",
            3,
        ),
        ({"report_back": ""}, "no-report-back", 4),
        ({"report_back": "progress"}, "thin-report-back", 4),
        ({"meetings": 3, "weeks": 1}, "crowded-meetings", 4),
        ({"weeks": None}, "no-end", 5),
        ({"outcome": "we keep meeting indefinitely"}, "open-ended", 5),
        ({"preparation": "we'd meet on an ongoing basis and I'd bring questions"}, "open-ended", 5),
        ({"focus": "how to give feedback, for as long as it takes"}, "open-ended", 5),
        ({"weeks": 9}, "long-span", 5),
    ],
)
def test_rule_fires(strong: Request, changes: dict[str, object], code: str, tip: int) -> None:
    findings = {f.code: f for f in coach(dataclasses.replace(strong, **changes))}
    assert code in findings
    finding = findings[code]
    assert finding.tip == tip
    assert finding.tip_url == TIPS[tip - 1].url("in-practice")
    assert f"tip-{tip}-ok" not in findings
    assert "{" not in finding.title + finding.explanation + finding.suggestion


@pytest.mark.parametrize(
    ("changes", "quiet"),
    [
        ({"meetings": 4}, "many-meetings"),
        ({"weeks": 8}, "long-span"),
        ({"minutes": 60}, "long-meetings"),
        ({"meetings": 2, "weeks": 1}, "crowded-meetings"),
        ({"focus": "how to run my first customer interview"}, "short-focus"),
        ({"focus": "how to write SQL window functions, step by step"}, "two-topics"),
        ({"focus": "how to prepare for an ongoing project review"}, "open-ended"),
        (
            {"connection": "you helped me more than anyone on the launch last year, thank you"},
            "generic-connection",
        ),
    ],
)
def test_rule_stays_quiet(strong: Request, changes: dict[str, object], quiet: str) -> None:
    assert quiet not in codes(dataclasses.replace(strong, **changes))


def test_vague_finding_quotes_the_phrase(strong: Request) -> None:
    request = dataclasses.replace(strong, focus="Could you give me some Career Advice please")
    finding = next(f for f in coach(request) if f.code == "vague-focus")
    assert "“career advice”" in finding.explanation
    assert finding.field == "focus"


def test_many_meetings_names_the_count(strong: Request) -> None:
    finding = next(
        f for f in coach(dataclasses.replace(strong, meetings=7)) if f.code == "many-meetings"
    )
    assert finding.title == "7 meetings is no longer micro"


def test_curly_apostrophes_are_understood(strong: Request) -> None:
    request = dataclasses.replace(strong, connection="you’re very successful, so I ask you now")
    assert "generic-connection" in codes(request)


@pytest.mark.parametrize(
    "focus",
    [
        "wie ich als neue Teamleiterin mein erstes Mitarbeitergespräch vorbereite und führe",
        "cómo preparar mi primera entrevista con clientes",
        "如何准备我的第一次客户访谈并整理访谈记录",
        "كيف أدير أول مقابلة مع عميل",
    ],
)
def test_other_languages_are_not_flagged_as_vague(strong: Request, focus: str) -> None:
    found = codes(dataclasses.replace(strong, focus=focus))
    assert not found & {"vague-focus", "several-topics", "two-topics", "short-focus"}


def test_length_rules_skip_other_languages(strong: Request) -> None:
    """Ten characters of Japanese can be a specific goal; the limits are English ones."""
    assert "short-focus" not in codes(dataclasses.replace(strong, focus="Excel lernen"))
    assert "short-focus" not in codes(dataclasses.replace(strong, focus="面接の練習"))
    assert "thin-preparation" not in codes(dataclasses.replace(strong, preparation="質問を送る"))
    assert "short-focus" in codes(dataclasses.replace(strong, focus="Learn Excel"))


def test_empty_request_warns_on_every_missing_part() -> None:
    found = codes(Request())
    assert {"no-focus", "no-outcome", "no-connection", "no-preparation", "no-report-back"} <= found
    assert "tip-5-ok" in found


def test_checklist_has_five_tips_with_their_worst_status(strong: Request) -> None:
    request = dataclasses.replace(strong, minutes=90, connection="")
    items = checklist(request)
    assert [item.tip.number for item in items] == [1, 2, 3, 4, 5]
    status = {item.tip.number: item.status for item in items}
    assert status == {1: "ok", 2: "advice", 3: "warning", 4: "ok", 5: "ok"}
    tip, state, findings = items[2]
    assert tip.slug == "personal-touch"
    assert state == "warning"
    assert [f.code for f in findings] == ["no-connection"]


def test_checklist_reuses_given_findings(strong: Request) -> None:
    findings = coach(strong)
    assert checklist(strong, findings) == checklist(strong)


def test_findings_are_deterministic(strong: Request) -> None:
    request = dataclasses.replace(strong, focus="career advice and everything", weeks=20)
    assert coach(request) == coach(request)


def test_as_data_shapes(strong: Request) -> None:
    item = checklist(dataclasses.replace(strong, weeks=None))[4]
    data = item.as_data()
    assert data["status"] == "warning"
    assert data["tip"]["url"] == "tips/keep-the-agreement/#in-practice"
    assert data["findings"][0]["code"] == "no-end"
    assert set(data["findings"][0]) == {
        "code",
        "tip",
        "severity",
        "title",
        "explanation",
        "suggestion",
        "tip_url",
        "field",
    }
