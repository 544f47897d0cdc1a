"""The browser's one call: complete, JSON-ready, and never raising."""

import json

import pytest

import builder.session
from builder import FIELDS, evaluate, from_query
from builder.session import Evaluation


def test_strong_request_is_ready(strong_values: dict[str, str]) -> None:
    result = evaluate(strong_values)
    assert isinstance(result, Evaluation)
    assert result.ready
    assert not result.failed
    assert result.messages == {}
    assert result.primary == "email"
    assert [item.status for item in result.checklist] == ["ok"] * 5
    assert result.mailto.startswith("mailto:maria@example.org?subject=")
    assert from_query(result.query)[0] == strong_values


def test_to_dict_is_json_with_the_documented_keys(strong_values: dict[str, str]) -> None:
    data = evaluate(strong_values).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {
        "ready",
        "failed",
        "primary",
        "values",
        "messages",
        "findings",
        "checklist",
        "drafts",
        "edits",
        "missing",
        "mailto",
        "query",
        "dates",
        "after",
        "name",
        "call_name",
    }
    assert list(data["drafts"]) == [
        "email",
        "chat",
        "spoken",
        "plan",
        "report_back",
        "thank_you",
        "request_html",
    ]
    assert data["drafts"]["email"]["subject"].startswith("A small mentoring request")
    assert [item["tip"]["number"] for item in data["checklist"]] == [1, 2, 3, 4, 5]


def test_errors_are_grouped_by_field(strong_values: dict[str, str]) -> None:
    strong_values |= {"meetings": "3x", "focus": "", "mentor_email": "nope"}
    result = evaluate(strong_values)
    assert not result.ready
    assert set(result.messages) == {"meetings", "focus", "mentor_email"}
    assert result.messages["meetings"][0].text == "Meetings must be a whole number, like 3."
    assert result.values["meetings"] == "3x"
    assert result.mailto.startswith("mailto:?subject=")
    assert result.drafts["email"].text


def test_chat_channel_is_primary(strong_values: dict[str, str]) -> None:
    strong_values["channel"] = "chat"
    result = evaluate(strong_values)
    assert result.primary == "chat"
    assert next(iter(result.drafts)) == "chat"


def test_values_are_cleaned_but_not_stripped(strong_values: dict[str, str]) -> None:
    strong_values["focus"] = "how to run an intervi\x00ew "
    result = evaluate(strong_values)
    assert result.values["focus"] == "how to run an interview "
    assert result.request.focus == "how to run an interview"


@pytest.mark.parametrize(
    "junk",
    [
        None,
        1,
        "text",
        [],
        {},
        {"focus": object()},
        {"meetings": float("nan")},
        {name.name: ["x"] for name in FIELDS},
        {name.name: "x" * 100_000 for name in FIELDS},
    ],
)
def test_junk_never_raises_nor_fails(junk: object) -> None:
    result = evaluate(junk)
    assert not result.failed
    assert not result.ready
    assert any(messages for messages in result.messages.values())
    json.dumps(result.to_dict())


def test_internal_failure_returns_a_fallback(
    monkeypatch: pytest.MonkeyPatch, strong_values: dict[str, str]
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(builder.session, "render_drafts", broken)
    result = evaluate(strong_values)
    assert result.failed
    assert not result.ready
    assert result.values == strong_values
    assert result.messages[""][0].text.startswith("Something went wrong")
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["drafts"] == {}


def test_a_first_visit_is_calm() -> None:
    """Nothing touched: no field messages, every tip "not started"; the errors are
    still known (for the send step), and everything shows once the reader tries."""
    result = evaluate({}, touched=[])
    assert result.messages == {}
    assert [item.status for item in result.checklist] == ["pending"] * 5
    assert all(item.findings == () for item in result.checklist)  # nothing to fix yet
    assert not result.ready
    assert {m.field for m in result.missing} == {"focus", "protege_name", "mentor_name"}
    tried = evaluate({}, touched=[], attempted=True)
    assert set(tried.messages) == {"focus", "protege_name", "mentor_name"}
    assert "pending" not in [item.status for item in tried.checklist]


def test_a_field_shows_its_messages_once_touched_or_filled_in() -> None:
    result = evaluate({"mentor_email": "nope"}, touched=["focus"])
    assert set(result.messages) == {"focus", "mentor_email"}  # typed in, or left
    statuses = {item.tip.number: item.status for item in result.checklist}
    assert statuses[2] == "warning"  # focus is tip 2's
    assert statuses[3] == "pending"  # nobody has touched "why them" yet


def test_a_field_in_another_language_gets_a_plain_word(strong_values) -> None:
    strong_values["preparation"] = "sí, enviaré preguntas antes de cada llamada"
    result = evaluate(strong_values)
    (notice,) = result.messages["preparation"]
    assert notice.severity == "notice"
    assert notice.text.startswith("This looks like Spanish. The drafts are in English")
    assert result.ready  # a notice, not an error
    assert "“sí, enviaré preguntas antes de cada llamada”" in result.drafts["email"].text


def test_the_readers_edit_is_what_is_sent(strong_values) -> None:
    fresh = evaluate(strong_values).drafts["email"]
    edits = {
        "email": {
            "text": fresh.text.replace("Warm regards", "All the best"),
            "subject": "Thirty minutes of your time?",
            "base": fresh.text,
            "base_subject": fresh.subject,
        }
    }
    result = evaluate(strong_values, edits=edits)
    assert result.drafts["email"] == fresh  # the builder's own draft is unchanged
    assert result.to_dict()["edits"]["email"]["stale"] is False
    assert result.sendable["email"].subject == "Thirty minutes of your time?"
    assert "All%20the%20best" in result.mailto
    assert "Thirty%20minutes" in result.mailto


def test_an_edit_is_kept_and_marked_stale_when_the_form_changes(strong_values) -> None:
    fresh = evaluate(strong_values).drafts["chat"]
    edits = {"chat": {"text": fresh.text + "\nP.S. Coffee on me.", "base": fresh.text}}
    strong_values["mentor_name"] = "Mariana"
    result = evaluate(strong_values, edits=edits)
    assert result.to_dict()["edits"]["chat"] == {
        "text": fresh.text + "\nP.S. Coffee on me.",
        "subject": "",
        "stale": True,
    }
    assert result.sendable["chat"].text.endswith("P.S. Coffee on me.")


@pytest.mark.parametrize(
    "edits",
    [None, [], "x", {"nope": {"text": "x"}}, {"email": "x"}, {"email": {"text": 3}},
     {"request_html": {"text": "<b>"}}],
)  # fmt: skip
def test_malformed_edits_are_ignored(strong_values, edits) -> None:
    result = evaluate(strong_values, edits=edits)
    assert result.edits == {}
    assert not result.failed


def test_a_link_carries_the_first_date_a_weekday_alone_placed(strong_values) -> None:
    from datetime import date

    from builder.keeping.state import from_query

    values = {**strong_values, "weekday": "tue", "meeting_time": "14:00"}
    result = evaluate(values, today=date(2026, 1, 5))
    linked, _ = from_query(result.query)
    assert linked["first_date"] == result.proposed[0].day.isoformat() == "2026-01-13"
    # Opened days later, the link still proposes the dates the email named.
    later = evaluate(linked, today=date(2026, 1, 9))
    assert [m.day for m in later.proposed] == [m.day for m in result.proposed]
    # A request that names its own first date, or proposes none, links as it is.
    assert "sd=" not in evaluate(strong_values, today=date(2026, 1, 5)).query
