"""Parsing never raises, whatever arrives: validate, links, saved drafts, evaluate."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import BIG, any_value, junk_query, query_pairs, raw_values

from builder import FIELDS, Request, coach, evaluate, from_json, from_query, validate
from builder.request.fields import FIELD

QUICK = settings(max_examples=200, deadline=None)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = {field.name for field in FIELDS}


def assert_form_values(values: dict[str, str]) -> None:
    assert set(values) == NAMES
    for name, value in values.items():
        assert isinstance(value, str)
        assert len(value) <= FIELD[name].max_length


@QUICK
@given(raw_values)
def test_validate_never_raises(values: dict) -> None:
    request, messages = validate(values)
    assert isinstance(request, Request)
    for message in messages:
        assert message.field in NAMES
        assert message.severity == "error"
        assert message.text


@QUICK
@given(any_value)
def test_validate_accepts_anything_as_the_whole_form(value: object) -> None:
    validate(value)
    evaluate(value)


@QUICK
@given(query_pairs)
def test_from_query_never_raises_on_encoded_pairs(pairs: list[tuple[str, str]]) -> None:
    query = urlencode([(key, value.encode("utf-8", "replace")) for key, value in pairs])
    values, notices = from_query(query)
    assert_form_values(values)
    assert all(notice.severity == "notice" for notice in notices)


@QUICK
@given(junk_query)
def test_from_query_never_raises_on_junk(query: str) -> None:
    values, _ = from_query(query)
    assert_form_values(values)
    for field in FIELDS:
        if field.kind == "int":
            assert field.in_range(int(values[field.name]))
        if field.kind == "choice":
            assert field.choice_label(values[field.name])


json_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text()),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@QUICK
@given(st.one_of(st.text(max_size=300), json_like.map(json.dumps)))
def test_from_json_never_raises(text: str) -> None:
    values, _ = from_json(text)
    assert_form_values(values)


@QUICK
@given(st.one_of(json_like, raw_values), st.one_of(st.integers(), st.text(max_size=3)))
def test_from_json_reads_any_values_object(values: object, version: object) -> None:
    text = json.dumps({"version": version, "values": values}, default=repr)
    result, _ = from_json(text)
    assert_form_values(result)


@settings(max_examples=8, deadline=None)
@given(BIG, st.sampled_from(sorted(NAMES)))
def test_huge_values_are_handled(big: str, name: str) -> None:
    values, _ = from_json(json.dumps({"version": 1, "values": {name: big}}))
    assert_form_values(values)
    linked, _ = from_query(urlencode({FIELD[name].url_key: big}))
    assert_form_values(linked)
    if FIELD[name].kind not in {"int", "choice", "date", "time"}:  # links take only valid ones
        assert linked[name] == values[name]
    result = evaluate({name: big})
    assert not result.failed


@SLOW
@given(raw_values)
def test_evaluate_is_ready_or_says_why(values: dict) -> None:
    result = evaluate(values)
    assert not result.failed
    errors = [m for messages in result.messages.values() for m in messages if m.severity == "error"]
    assert result.ready == (not errors)
    assert result.drafts
    assert all(draft.text.strip() for draft in result.drafts.values())
    assert result.mailto.startswith("mailto:")
    assert json.loads(json.dumps(result.to_dict())) == result.to_dict()


@QUICK
@given(
    st.builds(
        Request,
        focus=st.text(max_size=80),
        outcome=st.text(max_size=40),
        connection=st.text(max_size=40),
        preparation=st.text(max_size=30),
        report_back=st.text(max_size=30),
        meetings=st.one_of(st.none(), st.integers(-5, 100)),
        minutes=st.one_of(st.none(), st.integers(-5, 1000)),
        weeks=st.one_of(st.none(), st.integers(-5, 100)),
        format=st.text(max_size=8),
        tone=st.text(max_size=8),
    )
)
def test_coach_never_raises(request: Request) -> None:
    findings = coach(request)
    assert {finding.tip for finding in findings} == {1, 2, 3, 4, 5}
