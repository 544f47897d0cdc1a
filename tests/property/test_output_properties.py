"""Outputs under hostile input: HTML stays escaped, links stay encoded, round trips hold."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from strategies import form_text, hostile_text, junk_query, valid_values

from builder import from_json, from_query, mailto_url, render_drafts, to_json, to_query, validate
from builder.wording.greeting import informal_name

HTML_FIELDS = ("protege_name", "mentor_name", "focus", "outcome", "connection", "preparation",
               "report_back")  # fmt: skip
CHECKS = settings(max_examples=60, deadline=None)
TRIPS = settings(max_examples=200, deadline=None)


class Tags(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(attrs)))


def tags(html: str) -> list[tuple[str, tuple[tuple[str, str | None], ...]]]:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


@CHECKS
@given(form_text)
def test_request_html_never_carries_user_markup(values: dict[str, str]) -> None:
    request, _ = validate(values)
    html = render_drafts(request)["request_html"].text
    # The same request with every piece of text replaced by a harmless word must give
    # exactly the same tags: user text adds characters, never elements or attributes.
    plain = dataclasses.replace(
        request, **{name: "x" for name in HTML_FIELDS if getattr(request, name)}
    )
    assert tags(html) == tags(render_drafts(plain)["request_html"].text)
    for tag, attrs in tags(html):
        assert tag != "script"
        for name, value in attrs:
            assert not name.startswith("on")
            assert "javascript:" not in (value or "")
    for name in HTML_FIELDS:
        text = getattr(request, name)
        if name.endswith("_name"):  # a name loses a trailing comma (the greeting's own)
            text = text.strip().rstrip(",;:").rstrip()
        if text:
            assert str(escape(text)) in html


@CHECKS
@given(form_text, st.sampled_from(["email", "chat"]))
def test_mailto_is_fully_encoded(values: dict[str, str], channel: str) -> None:
    request, _ = validate(values | {"channel": channel})
    email = render_drafts(request)["email"]
    url = mailto_url(request, email)
    assert url.isascii()
    assert not any(char in url for char in " \n\r\t<>\"'")
    query = parse_qs(urlsplit(url).query, keep_blank_values=True)
    assert query["subject"] == [email.subject]
    assert query["body"] == [email.text.replace("\n", "\r\n")]


@TRIPS
@given(valid_values)
def test_query_round_trip(values: dict[str, str]) -> None:
    assert from_query(to_query(values)) == (values, [])


@TRIPS
@given(valid_values)
def test_json_round_trip(values: dict[str, str]) -> None:
    assert from_json(to_json(values)) == (values, [])


@TRIPS
@given(junk_query)
def test_query_is_a_fixed_point_after_one_pass(query: str) -> None:
    once = to_query(from_query(query)[0])
    assert to_query(from_query(once)[0]) == once
    assert from_query(once)[1] == []


@TRIPS
@given(form_text)
def test_values_survive_a_save_and_a_link(values: dict[str, str]) -> None:
    saved, _ = from_json(to_json(values))
    assert from_json(to_json(saved)) == (saved, [])
    linked, _ = from_query(to_query(saved))
    assert from_query(to_query(linked)) == (linked, [])


@CHECKS
@given(hostile_text)
def test_plain_text_drafts_keep_user_text_verbatim(text: str) -> None:
    """A name is greeted as typed in a formal note, by the name they go by in a warm
    one (`greeting`): only a trailing comma (the greeting's own) goes."""
    request, _ = validate({"mentor_name": text, "tone": "formal"})
    name = request.mentor_name.strip().rstrip(",;:").rstrip()
    if name:
        assert f" {name}" in render_drafts(request)["email"].text
        warm = dataclasses.replace(request, tone="warm")
        called = informal_name(request.mentor_name).rstrip(",;:").rstrip()
        assert render_drafts(warm)["email"].text.startswith(f"Hi {called},")
        assert called in " ".join(name.split())
