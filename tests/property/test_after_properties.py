"""Properties after the ask: proposed dates always keep the rules, and nothing the page
or a file sends (the after-the-ask state, a stored document, an import) can break the
builder or get past the import's checks."""

from __future__ import annotations

import itertools
import json
from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import any_value, hostile_text, raw_values

from builder import evaluate
from builder.after.progress import REPLIES, read_after
from builder.keeping.request_list import export, import_file
from builder.keeping.store import MAX_REQUESTS, open_store, read_store
from builder.request.dates import WEEKDAY_NUMBER, WEEKDAYS, propose, span_end

QUICK = settings(max_examples=200, deadline=None)
SLOW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

starts = st.dates(date(2000, 1, 1), date(2199, 12, 31))
weekdays = st.sampled_from([key for key, _ in WEEKDAYS])
times = st.one_of(st.none(), st.times(time(6), time(22)))


@QUICK
@given(starts, st.integers(1, 12), st.integers(1, 52), weekdays, times)
def test_proposed_dates_keep_every_rule(start, meetings, weeks, weekday, at) -> None:
    proposed, notes = propose(start, meetings, weeks, weekday, at)
    days = [m.day for m in proposed]
    assert days == sorted(set(days))  # in order, never two on one day
    assert all(day.weekday() < 5 for day in days)  # working days
    assert all(start <= day <= span_end(start, weeks) for day in days)  # inside the span
    assert [m.number for m in proposed] == list(range(1, len(days) + 1))
    assert all(m.at == at for m in proposed)
    assert len(days) == meetings or notes  # fewer only with a reason
    if weekday and not notes:
        assert all(day.weekday() == WEEKDAY_NUMBER[weekday] for day in days)
    if days:  # the first working day, or the first of the chosen weekday
        assert days[0] < start + timedelta(days=7 if weekday else 3)
    if len(days) > 1 and not notes:  # evenly spaced: the same gap, in days or working days
        gaps = {(b - a).days for a, b in itertools.pairwise(days)}
        working = {
            sum(1 for n in range(1, (b - a).days + 1) if (a + timedelta(days=n)).weekday() < 5)
            for a, b in itertools.pairwise(days)
        }
        assert len(gaps) == 1 or len(working) == 1


log_entry = st.dictionaries(
    st.sampled_from(["date", "asked", "advice", "tried", "happened", "x"]),
    st.one_of(any_value, st.dates().map(date.isoformat)),
    max_size=6,
)
after_state = st.one_of(
    any_value,
    st.fixed_dictionaries(
        {},
        optional={
            "sent_on": st.one_of(any_value, st.dates().map(date.isoformat)),
            "reply": st.one_of(st.sampled_from([key for key, _ in REPLIES]), any_value),
            "reply_on": any_value,
            "followed_up_on": st.one_of(any_value, st.dates().map(date.isoformat)),
            "sent_values": st.one_of(raw_values, any_value),
            "log": st.one_of(st.lists(st.one_of(log_entry, any_value), max_size=30), any_value),
            "next": hostile_text,
        },
    ),
)


@QUICK
@given(after_state)
def test_reading_the_after_state_never_raises(raw: object) -> None:
    after = read_after(raw)
    assert after.stage in {"draft", "waiting", "followed-up", *dict(REPLIES)} - {""}
    assert len(after.log) <= 24


@SLOW
@given(raw_values, after_state, st.one_of(st.none(), starts))
def test_evaluate_with_any_after_state_never_fails(values, raw, today) -> None:
    result = evaluate(values, after=raw, today=today)
    assert not result.failed
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    for name in data["after"]["drafts"]:
        assert data["drafts"][name]["text"].strip()


json_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_text),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(
                    ["format", "version", "requests", "values", "__proto__", "id", "after", "log"]
                ),
            ),
            children,
            max_size=5,
        ),
    ),
    max_leaves=30,
)
documents = st.fixed_dictionaries(
    {
        "format": st.one_of(st.just("shorthaul-requests"), any_value),
        "version": st.one_of(st.just(2), st.integers(-1, 4), any_value),
        "requests": st.one_of(st.lists(json_like, max_size=4), json_like),
    },
    optional={"current": any_value},
)


@QUICK
@given(
    st.one_of(
        st.text(max_size=300),
        json_like.map(lambda d: json.dumps(d, default=repr)),
        documents.map(lambda d: json.dumps(d, default=repr)),
    )
)
def test_an_import_is_taken_whole_or_refused_with_a_reason(text: str) -> None:
    mine = open_store()["document"]
    before = json.dumps(mine)
    result = import_file(mine, text)
    assert json.dumps(mine) == before  # nothing changes until the page applies it
    if result["ok"]:
        assert 0 < len(result["document"]["requests"]) <= MAX_REQUESTS
        # What was imported is a document the builder reads back unchanged.
        again, problems = read_store(json.dumps(result["document"]))
        assert problems == []
        assert again["requests"] == result["document"]["requests"]
    else:
        assert result["message"].endswith((".", "again."))


@QUICK
@given(
    st.one_of(
        st.none(), st.text(max_size=200), json_like.map(lambda d: json.dumps(d, default=repr))
    ),
    st.one_of(
        st.none(), st.text(max_size=200), json_like.map(lambda d: json.dumps(d, default=repr))
    ),
)
def test_opening_any_stored_text_never_raises_and_leaves_a_request(stored, draft) -> None:
    result = open_store(stored, draft)
    assert 1 <= len(result["document"]["requests"]) <= MAX_REQUESTS
    ids = {record["id"] for record in result["document"]["requests"]}
    assert result["document"]["current"] in ids
    assert len(ids) == len(result["document"]["requests"])


@SLOW
@given(st.lists(raw_values, min_size=1, max_size=4))
def test_export_then_import_elsewhere_keeps_every_request(drafts: list[dict]) -> None:
    document = open_store()["document"]
    for values in drafts:
        saved = json.dumps({"version": 1, "values": values}, default=repr)
        document = open_store(json.dumps(document), saved)["document"]
    exported = export(document)["text"]
    result = import_file(open_store()["document"], exported)
    assert result["ok"], result
    mine = {r["id"]: r for r in document["requests"]}
    theirs = {r["id"]: r for r in result["document"]["requests"]}
    assert set(theirs) <= set(mine)
    for ident, record in theirs.items():
        assert record["values"] == mine[ident]["values"]
