"""The browser bridge: JSON in, JSON out, never an exception."""

from __future__ import annotations

import json

import pytest

from builder import web

GOOD = {
    "focus": "how to run my first customer interview",
    "protege_name": "Amira",
    "mentor_name": "Jonas",
}


def ask(message: object) -> dict:
    return json.loads(web.handle(json.dumps(message)))


def test_evaluate_answers_with_drafts_downloads_and_the_same_id() -> None:
    answer = ask({"type": "evaluate", "id": 7, "values": GOOD})
    assert answer["type"] == "result"
    assert answer["id"] == 7
    result = answer["result"]
    assert result["ready"] is True
    assert "Hi Jonas" in result["drafts"]["email"]["text"]
    assert GOOD["focus"] in result["downloads"]["text"]
    assert GOOD["focus"] in result["downloads"]["markdown"]
    assert result["notices"] == []


def test_open_link_reads_the_query_and_reports_what_it_fixed() -> None:
    answer = ask({"type": "open-link", "id": 1, "query": "v=1&m=lots&f=" + "x" * 300})
    result = answer["result"]
    assert result["values"]["meetings"] == "3"
    assert len(result["values"]["focus"]) == 200
    texts = " ".join(notice["text"] for notice in result["notices"])
    assert "Meetings" in texts
    assert "cut to 200" in texts


@pytest.mark.parametrize(
    "message",
    ["", "not json", "[1, 2]", "null", '{"type": "nope", "id": 3}', '{"id": 4}'],
)
def test_unreadable_messages_get_an_error_answer_not_an_exception(message: str) -> None:
    answer = json.loads(web.handle(message))
    assert answer["type"] == "error"
    assert answer["reason"]


def test_hostile_values_are_answered_as_data() -> None:
    payload = "<img src=x onerror=alert(1)>"
    answer = ask({"type": "evaluate", "id": 2, "values": dict.fromkeys(GOOD, payload)})
    assert payload in answer["result"]["drafts"]["email"]["text"]
    assert payload not in answer["result"]["drafts"]["request_html"]["text"]


def test_link_maker_builds_a_query_from_the_fields_it_was_given() -> None:
    values = {"focus": "how to run a retro", "meetings": "2", "weeks": "3", "outcome": " "}
    result = ask({"type": "link", "id": 5, "values": values})["result"]
    assert result == {"query": "v=1&f=how+to+run+a+retro&m=2&w=3", "messages": {}}


def test_link_maker_gives_no_link_while_a_field_is_wrong() -> None:
    result = ask({"type": "link", "id": 6, "values": {"meetings": "40"}})["result"]
    assert result["query"] == ""
    assert "12" in result["messages"]["meetings"][0]["text"]


def test_evaluate_passes_touched_attempted_and_edits_through() -> None:
    calm = ask({"type": "evaluate", "id": 1, "values": {}, "touched": []})["result"]
    assert calm["messages"] == {}
    assert {item["status"] for item in calm["checklist"]} == {"pending"}
    tried = ask({"type": "evaluate", "id": 2, "values": {}, "touched": [], "attempted": True})
    assert set(tried["result"]["messages"]) == {"focus", "protege_name", "mentor_name"}
    fresh = ask({"type": "evaluate", "id": 3, "values": GOOD})["result"]["drafts"]["plan"]
    mine = fresh["text"] + "\nBring the notebook."
    edited = ask(
        {
            "type": "evaluate",
            "id": 4,
            "values": GOOD,
            "edits": {"plan": {"text": mine, "base": fresh["text"]}},
        }
    )["result"]
    assert edited["edits"]["plan"] == {"text": mine, "subject": "", "stale": False}
    assert "Bring the notebook." in edited["downloads"]["text"]
    assert "Bring the notebook." in edited["downloads"]["markdown"]


@pytest.mark.parametrize("touched", ["focus", 3, {"focus": 1}, [1, None]])
def test_odd_touched_lists_are_read_safely(touched: object) -> None:
    answer = ask({"type": "evaluate", "id": 1, "values": {}, "touched": touched})
    assert answer["type"] == "result"
