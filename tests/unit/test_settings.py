"""Program settings: checked, defaulted, and followed by the tables and rules.

The suite runs on the guide's defaults (no settings in the environment); other
settings are tried through the table makers, which take them as an argument.
"""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from builder import program as program_module
from builder.mentor.fields import make_reply_fields
from builder.mentor.rules import make_reply_rules
from builder.request.fields import FIELD, FORMATS, make_fields
from builder.request.rules import make_rules
from builder.request.validate import Request
from builder.settings import FORMATS as FORMAT_NAMES
from builder.settings import Limits, Program, SettingsError, TimeBox, read
from builder.wording.catalog import say

OTHER = {
    "name": "the Northwind Circle",
    "organisation": "Northwind Libraries",
    "coordinator": {"name": "Priya Shah", "email": "mentoring@northwind.example"},
    "time_box": {"meetings": 2, "minutes": 45, "weeks": 6},
    "limits": {"meetings": 3, "weeks": 6, "minutes": 50},
    "formats": ["in-person", "phone"],
    "note": "Book a quiet room through the front desk.",
}


def test_no_settings_are_the_guides_defaults() -> None:
    assert read({}) == Program()
    assert read(None) == Program()
    # The suite runs on the guide's own settings: the defaults, and the languages its
    # site offers (English alone by default; the site's bundle in Pyodide has more).
    assert Program(languages=program_module.PROGRAM.languages) == program_module.PROGRAM
    assert Program().languages == ("en",)
    assert Program().time_box == TimeBox(3, 30, 4)
    assert Program().limits == Limits(4, 8, 60)


def test_settings_are_read_and_round_trip() -> None:
    program = read(OTHER)
    assert program.name == "the Northwind Circle"
    assert program.contact == "Priya Shah (mentoring@northwind.example)"
    assert program.time_box == TimeBox(2, 45, 6)
    assert program.formats == ("in-person", "phone")
    assert read(program.as_data()) == program
    assert read(json.loads(json.dumps(program.as_data()))) == program


def test_text_settings_are_cleaned() -> None:
    program = read({"name": "  the\nNorthwind\tCircle ", "note": "Ask\x00 at the desk"})
    assert program.name == "the Northwind Circle"
    assert program.note == "Ask at the desk"


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"nmae": "x"}, "unknown setting 'nmae'"),
        ({"time_box": {"meetings": 0}}, "program.time_box.meetings should be a whole number"),
        ({"time_box": {"meetings": "3"}}, "program.time_box.meetings should be a whole number"),
        ({"time_box": {"meetings": True}}, "program.time_box.meetings should be a whole number"),
        ({"time_box": {"weeks": 10}}, "program.time_box.weeks (10) is over program.limits.weeks"),
        (
            {"time_box": {"meetings": 4, "weeks": 1}, "limits": {"meetings": 4}},
            "two meetings a week",
        ),
        ({"formats": ["video", "walk"]}, "program.formats: walk"),
        ({"formats": []}, "program.formats should be a list"),
        ({"formats": ["phone", "phone"]}, "names a format twice"),
        ({"coordinator": {"email": "not an address"}}, "does not look like an email"),
        ({"note": "x" * 301}, "program.note is 301 characters"),
        ({"name": 7}, "program.name should be text"),
        ("a name", "program should be a list of settings"),
    ],
)
def test_bad_settings_stop_with_a_message_naming_the_setting(settings, problem) -> None:
    with pytest.raises(SettingsError, match=re.escape(problem)):
        read(settings)


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(SettingsError) as caught:
        read({"nmae": "x", "formats": ["walk"], "limits": {"weeks": 99}})
    message = str(caught.value)
    assert "nmae" in message
    assert "walk" in message
    assert "program.limits.weeks" in message


def test_load_prefers_the_builds_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(program_module.ENVIRONMENT, json.dumps(OTHER))
    assert program_module.load() == read(OTHER)
    monkeypatch.delenv(program_module.ENVIRONMENT)
    # No packaged file in the work tree: the defaults (inside Pyodide, the site's own).
    assert dataclasses.replace(program_module.load(), languages=("en",)) == Program()


def test_the_field_table_names_every_format_a_program_may_offer() -> None:
    assert tuple(name for name, _ in FORMATS) == FORMAT_NAMES


def test_fields_follow_the_programs_time_box_and_formats() -> None:
    fields = {field.name: field for field in make_fields(read(OTHER))}
    assert (fields["meetings"].default, fields["minutes"].default, fields["weeks"].default) == (
        "2",
        "45",
        "6",
    )
    assert [value for value, _ in fields["format"].choices] == ["in-person", "phone"]
    assert fields["format"].default == "in-person"
    assert (
        fields["meetings"].help
        == "Two is plenty for one small goal; more than three is no longer micro."
    )
    assert fields["minutes"].help == "45 minutes is easy to fit into a busy week."
    assert "like 2" in fields["meetings"].missing
    reply = {field.name: field for field in make_reply_fields(read(OTHER))}
    assert [value for value, _ in reply["format"].choices] == ["in-person", "phone"]
    assert "Priya Shah" in reply["referral_name"].help


def test_the_default_tables_say_the_guides_numbers() -> None:
    assert (
        FIELD["meetings"].help
        == "Three is plenty for one small goal; more than four is no longer micro."
    )
    assert FIELD["minutes"].help == "Half an hour is easy to fit into a busy week."
    assert Request().meetings == 3
    assert Request().format == "video"


def _applies(rules, code: str, request: Request) -> bool:
    rule = next(rule for rule in rules if rule.code == code)
    return rule.check(request) is not None


def test_coaching_limits_follow_the_settings() -> None:
    guide, northwind = make_rules(Program()), make_rules(read(OTHER))
    four = Request(focus="x", meetings=4, weeks=4, minutes=55)
    assert not _applies(guide, "many-meetings", four)
    assert _applies(northwind, "many-meetings", four)
    assert not _applies(guide, "long-meetings", four)
    assert _applies(northwind, "long-meetings", four)
    seven = Request(focus="x", meetings=2, weeks=7)
    assert not _applies(guide, "long-span", seven)
    assert _applies(northwind, "long-span", seven)
    # What the notes say, as shown: the program's numbers are filled in when they apply.
    texts = " ".join(
        say(text, **values)
        for rule in northwind
        for request in (four, seven)
        if (values := rule.check(request)) is not None
        for text in (rule.title, rule.explanation, rule.suggestion)
    )
    assert "three meetings or fewer" in texts
    assert "six weeks or so suits two meetings" in texts
    assert "45 to 50 minutes" in texts
    assert "four" not in texts  # nothing of the guide's own limits


def test_reply_coaching_limits_follow_the_settings() -> None:
    from builder.mentor.reply import Reply

    three = Reply(response="yes", meetings=3, minutes=30, weeks=7)
    guide = {rule.code: rule for rule in make_reply_rules(Program())}
    northwind = {rule.code: rule for rule in make_reply_rules(read(OTHER))}
    assert guide["no-longer-micro"].check(three) is None
    assert northwind["no-longer-micro"].check(three) is not None
    anyone = Reply(response="someone-else")
    assert guide["no-referral"].check(anyone) is not None
    assert northwind["no-referral"].check(anyone) is None  # the coordinator is there
