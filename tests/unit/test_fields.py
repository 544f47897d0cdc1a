"""The field table: one source of truth, internally consistent."""

import dataclasses
import json

from builder import FIELDS, STEPS, Request, fields_as_data, validate
from builder.program import PROGRAM
from builder.request.fields import BY_URL_KEY, FIELD, defaults


def test_step_ids_are_the_public_contract() -> None:
    assert [step.id for step in STEPS] == [
        "focus", "mentor", "timebox", "commitments", "review", "after", "log",
    ]  # fmt: skip


def test_every_step_has_a_title_and_intro() -> None:
    for step in STEPS:
        assert step.title
        assert step.intro.endswith(".")


def test_field_names_and_url_keys_are_unique() -> None:
    assert len({f.name for f in FIELDS}) == len(FIELDS)
    assert len({f.url_key for f in FIELDS}) == len(FIELDS)
    assert "v" not in BY_URL_KEY  # reserved for the version


def test_every_field_belongs_to_a_step_with_inputs() -> None:
    steps = {step.id for step in STEPS}
    for field in FIELDS:
        assert field.step in steps - {"review", "after", "log"}, field.name


def test_required_minimum_fields_exist() -> None:
    expected = {
        "protege_name",
        "mentor_name",
        "mentor_email",
        "focus",
        "outcome",
        "connection",
        "meetings",
        "minutes",
        "weeks",
        "format",
        "preparation",
        "report_back",
        "channel",
        "tone",
    }
    assert expected <= set(FIELD)


def test_request_has_a_slot_for_every_field() -> None:
    assert [f.name for f in dataclasses.fields(Request)] == [f.name for f in FIELDS]


def test_request_defaults_match_the_field_defaults() -> None:
    request, _ = validate(defaults())
    for field in FIELDS:
        if field.kind in {"int", "choice"}:
            assert getattr(request, field.name) == getattr(Request(), field.name), field.name


def test_number_limits() -> None:
    assert (FIELD["meetings"].min_value, FIELD["meetings"].max_value) == (1, 12)
    assert (FIELD["minutes"].min_value, FIELD["minutes"].max_value) == (10, 180)
    assert (FIELD["weeks"].min_value, FIELD["weeks"].max_value) == (1, 52)
    assert (FIELD["meetings"].default, FIELD["minutes"].default, FIELD["weeks"].default) == (
        "3",
        "30",
        "4",
    )


def test_defaults_are_valid() -> None:
    for field in FIELDS:
        if field.kind == "int":
            assert field.in_range(int(field.default)), field.name
        if field.kind == "choice":
            assert field.choice_label(field.default), field.name


def test_choices() -> None:
    assert [v for v, _ in FIELD["format"].choices] == ["video", "in-person", "phone", "chat"]
    assert [v for v, _ in FIELD["channel"].choices] == ["in-person", "email", "chat"]
    assert [v for v, _ in FIELD["acquaintance"].choices] == ["", "well", "met", "not-yet"]
    assert [v for v, _ in FIELD["tone"].choices] == ["warm", "formal", "casual"]


def test_every_field_has_label_help_and_noun() -> None:
    for field in FIELDS:
        assert field.label, field.name
        assert field.help, field.name
        assert field.noun, field.name
        assert field.max_length > 0, field.name
        if field.required and field.kind not in {"choice"}:
            assert field.missing.endswith("."), field.name


def test_focus_limits() -> None:
    assert FIELD["focus"].required
    assert FIELD["focus"].min_length == 10
    assert FIELD["focus"].max_length == 200


def test_lead_noun_capitalises_only_the_first_letter() -> None:
    assert FIELD["focus"].lead_noun == "Focus"
    assert FIELD["report_back"].lead_noun == "Report-back plan"


def test_fields_as_data_is_json_and_grouped_by_step() -> None:
    data = fields_as_data()
    assert json.loads(json.dumps(data)) == data
    assert [step["id"] for step in data["steps"]] == [step.id for step in STEPS]
    names = [field["name"] for step in data["steps"] for field in step["fields"]]
    # The drafts' language is shown only where the site offers more than English.
    shown = [f.name for f in FIELDS if f.name != "draft_language" or len(PROGRAM.languages) > 1]
    assert sorted(names) == sorted(shown)
    review = data["steps"][-1]
    assert review["fields"] == []
    assert [tip["number"] for tip in data["tips"]] == [1, 2, 3, 4, 5]


def test_fields_as_data_field_shape() -> None:
    data = fields_as_data()
    meetings = next(f for s in data["steps"] for f in s["fields"] if f["name"] == "meetings")
    assert meetings["kind"] == "int"
    assert (meetings["min"], meetings["max"], meetings["default"]) == (1, 12, "3")
    assert meetings["url_key"] == "m"
    fmt = next(f for s in data["steps"] for f in s["fields"] if f["name"] == "format")
    assert fmt["choices"][0] == {"value": "video", "label": "Video call"}
