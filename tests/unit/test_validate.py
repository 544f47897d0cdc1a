"""Every field rule: a specific, actionable message, and never an exception."""

import pytest

from builder import FIELDS, FieldMessage, validate
from builder.request.fields import FIELD


def errors(values: dict[str, object]) -> dict[str, str]:
    _, messages = validate(values)
    assert all(m.severity == "error" for m in messages)
    return {m.field: m.text for m in messages}


def test_strong_request_is_valid(strong_values: dict[str, str]) -> None:
    request, messages = validate(strong_values)
    assert messages == []
    assert request.meetings == 3
    assert request.minutes == 30
    assert request.weeks == 4
    assert request.focus == strong_values["focus"]


@pytest.mark.parametrize("name", [f.name for f in FIELDS if f.required and f.kind != "choice"])
def test_missing_required_field(strong_values: dict[str, str], name: str) -> None:
    strong_values[name] = "   "
    assert errors(strong_values) == {name: FIELD[name].missing}


@pytest.mark.parametrize(
    "name", ["outcome", "connection", "preparation", "report_back", "mentor_email"]
)
def test_optional_fields_may_be_blank(strong_values: dict[str, str], name: str) -> None:
    strong_values[name] = ""
    assert errors(strong_values) == {}


def test_missing_keys_take_defaults() -> None:
    request, messages = validate({})
    assert (request.meetings, request.minutes, request.weeks) == (3, 30, 4)
    assert {m.field for m in messages} == {"focus", "protege_name", "mentor_name"}


def test_focus_too_short(strong_values: dict[str, str]) -> None:
    strong_values["focus"] = "Excel"
    assert errors(strong_values) == {
        "focus": "Say a little more: focus needs at least 10 characters (it has 5)."
    }


@pytest.mark.parametrize("name", [f.name for f in FIELDS if f.kind in {"text", "textarea"}])
def test_too_long(strong_values: dict[str, str], name: str) -> None:
    limit = FIELD[name].max_length
    strong_values[name] = "x" * (limit + 1)
    assert errors(strong_values) == {
        name: f"{FIELD[name].lead_noun} is {limit + 1} characters; keep it to {limit} or fewer."
    }


def test_at_the_limit_is_fine(strong_values: dict[str, str]) -> None:
    strong_values["focus"] = "x" * 200
    assert errors(strong_values) == {}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("meetings", "0", "Pick between 1 and 12 meetings."),
        ("meetings", "13", "Pick between 1 and 12 meetings."),
        ("minutes", "5", "Pick between 10 and 180 minutes."),
        ("minutes", "181", "Pick between 10 and 180 minutes."),
        ("weeks", "0", "Pick between 1 and 52 weeks."),
        ("weeks", "53", "Pick between 1 and 52 weeks."),
    ],
)
def test_out_of_range(strong_values: dict[str, str], name: str, value: str, message: str) -> None:
    strong_values[name] = value
    assert errors(strong_values) == {name: message}
    request, _ = validate(strong_values)
    assert getattr(request, name) is None


@pytest.mark.parametrize("value", ["3x", "three", "3.5", "1e2", "-2", "1_0", "½", "3 4"])
def test_meetings_not_a_number(strong_values: dict[str, str], value: str) -> None:
    strong_values["meetings"] = value
    assert errors(strong_values) == {"meetings": "Meetings must be a whole number, like 3."}


def test_minutes_not_a_number_names_the_field(strong_values: dict[str, str]) -> None:
    strong_values["minutes"] = "half an hour"
    assert errors(strong_values) == {"minutes": "Meeting length must be a whole number, like 30."}


@pytest.mark.parametrize(
    ("value", "expected"), [(" 4 ", 4), ("+2", 2), ("٣", 3), ("３", 3), (5, 5), (6.0, 6)]
)
def test_numbers_in_other_forms(
    strong_values: dict[str, object], value: object, expected: int
) -> None:
    strong_values["meetings"] = value
    request, messages = validate(strong_values)
    assert messages == []
    assert request.meetings == expected


@pytest.mark.parametrize(
    "email",
    [
        "maria",
        "maria@",
        "@example.org",
        "maria@example",
        "a b@example.org",
        "maria@@example.org",
        "maria@example..org",
        "javascript:alert(1)",
    ],
)
def test_malformed_email(strong_values: dict[str, str], email: str) -> None:
    strong_values["mentor_email"] = email
    found = errors(strong_values)
    assert found == {
        "mentor_email": "That email address doesn't look complete: it should "
        "look like name@example.org."
    }
    request, _ = validate(strong_values)
    assert request.mentor_email == ""


@pytest.mark.parametrize(
    "email",
    [
        "maria@example.org",
        "m.o'neil+mentor@mail.example.co.uk",
        "josé@exämple.de",
        " maria@example.org ",
    ],
)
def test_valid_email(strong_values: dict[str, str], email: str) -> None:
    strong_values["mentor_email"] = email
    request, messages = validate(strong_values)
    assert messages == []
    assert request.mentor_email == email.strip()


def test_email_too_long(strong_values: dict[str, str]) -> None:
    strong_values["mentor_email"] = "a" * 250 + "@example.org"
    assert "too long" in errors(strong_values)["mentor_email"]


@pytest.mark.parametrize("name", ["format", "channel", "tone"])
def test_unknown_choice(strong_values: dict[str, str], name: str) -> None:
    strong_values[name] = "carrier pigeon"
    found = errors(strong_values)
    assert list(found) == [name]
    assert found[name].startswith("Pick one of: ")
    request, _ = validate(strong_values)
    assert getattr(request, name) == FIELD[name].default


def test_format_choice_message_lists_labels(strong_values: dict[str, str]) -> None:
    strong_values["format"] = "telepathy"
    assert errors(strong_values) == {"format": "Pick one of: Video call, In person, Phone, Chat."}


def test_whitespace_is_stripped(strong_values: dict[str, str]) -> None:
    strong_values["mentor_name"] = "  \t Maria \n "
    request, _ = validate(strong_values)
    assert request.mentor_name == "Maria"


def test_text_is_normalised_to_nfc(strong_values: dict[str, str]) -> None:
    strong_values["mentor_name"] = "Jose\u0301"
    request, _ = validate(strong_values)
    assert request.mentor_name == "Jos\u00e9"


def test_control_characters_are_dropped(strong_values: dict[str, str]) -> None:
    strong_values["mentor_name"] = "Ma\x00ri\x1b[31ma\x7f"
    request, _ = validate(strong_values)
    assert request.mentor_name == "Mari[31ma"


def test_textarea_keeps_newlines_and_tabs(strong_values: dict[str, str]) -> None:
    strong_values["preparation"] = "send notes\r\n\tand questions\rahead"
    request, _ = validate(strong_values)
    assert request.preparation == "send notes\n\tand questions\nahead"


def test_single_line_field_turns_newlines_into_spaces(strong_values: dict[str, str]) -> None:
    strong_values["mentor_name"] = "Maria\nSilva"
    request, _ = validate(strong_values)
    assert request.mentor_name == "Maria Silva"


def test_lone_surrogates_are_dropped(strong_values: dict[str, str]) -> None:
    strong_values["connection"] = "we met \ud800at PyCon and you helped me a great deal there"
    request, _ = validate(strong_values)
    assert request.connection == "we met at PyCon and you helped me a great deal there"


def test_text_is_kept_as_typed(strong_values: dict[str, str]) -> None:
    payload = "<b>how</b> to write & test \"SQL\" 'queries' </textarea>"
    strong_values["focus"] = payload
    request, messages = validate(strong_values)
    assert messages == []
    assert request.focus == payload


def test_emoji_and_right_to_left_text(strong_values: dict[str, str]) -> None:
    strong_values["mentor_name"] = "مريم 👩🏽‍💻"
    request, messages = validate(strong_values)
    assert messages == []
    assert request.mentor_name == "مريم 👩🏽‍💻"


@pytest.mark.parametrize("junk", [None, 42, "text", ["focus"], ("a", 1), {1, 2}, object(), b"x"])
def test_non_mapping_input_is_an_empty_form(junk: object) -> None:
    request, messages = validate(junk)
    assert {m.field for m in messages} == {"focus", "protege_name", "mentor_name"}
    assert request.meetings == 3


@pytest.mark.parametrize(
    "junk", [["a"], {"k": "v"}, True, float("nan"), float("inf"), 10**40, object(), b"bytes"]
)
def test_junk_values_are_reported_not_raised(
    strong_values: dict[str, object], junk: object
) -> None:
    strong_values["focus"] = junk
    strong_values["meetings"] = junk
    found = errors(strong_values)
    assert found["focus"] == "Focus couldn't be read; please type it again."
    assert found["meetings"] == "Meetings couldn't be read; please type it again."


def test_none_is_blank(strong_values: dict[str, object]) -> None:
    strong_values["outcome"] = None
    strong_values["focus"] = None
    assert errors(strong_values) == {"focus": FIELD["focus"].missing}


def test_huge_text_does_not_raise(strong_values: dict[str, str]) -> None:
    strong_values["focus"] = "a" * 100_000
    strong_values["meetings"] = "9" * 100_000
    found = errors(strong_values)
    assert set(found) == {"focus", "meetings"}


def test_non_string_keys_are_ignored(strong_values: dict[object, object]) -> None:
    strong_values[1] = "x"
    strong_values[None] = "y"
    assert errors(strong_values) == {}


def test_messages_are_frozen_and_serialisable() -> None:
    message = FieldMessage("focus", "error", "x")
    assert message.as_data() == {"field": "focus", "severity": "error", "text": "x"}
    with pytest.raises(AttributeError):
        message.text = "y"  # type: ignore[misc]
