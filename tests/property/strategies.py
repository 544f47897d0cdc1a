"""Hypothesis strategies for hostile and valid form input, shared by the property tests."""

from __future__ import annotations

import string
from datetime import date, time

from hypothesis import strategies as st

from builder import FIELDS
from builder.request.fields import Field
from builder.text import clean

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    "{{ 7*7 }}{% raw %}",
    "${alert(1)}",
    "&amp;&lt;&#39;",
    "\u202eevil\u202c",
    "مرحبا بالعالم",
    "שלום",
    "👩🏽‍💻🇺🇦",
    "e\u0301",
    "\x00\x1b[31m\x7f\x85",
    "\ud800\udfff",
    "\r\n\t\u2028\u2029",
    "%00%zz%E2%28",
    "a&b=c#d?e",
    "```",
    "career advice and everything; forever",
)

# A few big inputs, drawn rarely, so the suite stays fast.
BIG = st.sampled_from(["x" * 100_000, "<" * 20_000, "9" * 50_000, "é\n" * 30_000])

hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(PAYLOADS),
    st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=10)), max_size=5).map("".join),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x3000), max_size=40),
)

any_value = st.one_of(
    hostile_text,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(["3", "12", "0", "-1", "3x", "", " 4 ", "٣", "1e3"]),
)

field_names = st.sampled_from([field.name for field in FIELDS])

raw_values = st.dictionaries(st.one_of(field_names, st.text(max_size=5)), any_value, max_size=16)

form_text = st.dictionaries(field_names, hostile_text, max_size=16)


def _valid(field: Field) -> st.SearchStrategy[str]:
    if field.kind == "int":
        return st.integers(field.min_value, field.max_value).map(str)  # type: ignore[arg-type]
    if field.kind == "choice":
        return st.sampled_from([value for value, _ in field.choices])
    if field.kind == "date":
        return st.one_of(st.just(""), st.dates(date(2000, 1, 1), date(2199, 12, 31)).map(str))
    if field.kind == "time":
        return st.one_of(
            st.just(""), st.times(time(6), time(22)).map(lambda t: t.strftime("%H:%M"))
        )
    return (
        st.one_of(st.text(max_size=field.max_length), st.sampled_from(PAYLOADS))
        .map(lambda text: clean(text, multiline=field.multiline))
        .filter(lambda text: len(text) <= field.max_length)
    )


valid_values = st.fixed_dictionaries({field.name: _valid(field) for field in FIELDS})

query_pairs = st.lists(
    st.tuples(
        st.one_of(st.sampled_from([f.url_key for f in FIELDS] + ["v", "zz"]), st.text(max_size=3)),
        st.one_of(hostile_text, st.sampled_from(["1", "2", "99", "video", "chat"])),
    ),
    max_size=20,
)

junk_query = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=string.ascii_letters + string.digits + "&=%?#;+", max_size=200),
)
