"""Every output: what it says, what it leaves out, and how it is encoded."""

import dataclasses
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from builder import Request, as_markdown, as_text, mailto_url, render_drafts
from builder.request.drafts import BLANK, context, html_environment, text_environment
from builder.wording.pieces import TONES

NAMES = ["email", "chat", "spoken", "plan", "report_back", "thank_you", "request_html"]


def meeting_blocks(plan: str) -> list[str]:
    """The plan split into one block per meeting heading."""
    return re.split(r"\n(?=(?:Call|Meeting|Chat) \d+)", plan)[1:]


def test_all_drafts_are_rendered_in_order(strong: Request) -> None:
    drafts = render_drafts(strong)
    assert list(drafts) == NAMES
    assert all(draft.text.strip() for draft in drafts.values())
    assert all(draft.name == name for name, draft in drafts.items())


def test_chat_channel_puts_chat_first(strong: Request) -> None:
    drafts = render_drafts(dataclasses.replace(strong, channel="chat"))
    assert list(drafts)[:2] == ["chat", "email"]
    assert "<h2>Chat message</h2>" in drafts["request_html"].text


def test_email_names_every_part_of_a_strong_request(strong: Request) -> None:
    email = render_drafts(strong)["email"]
    assert email.subject == "A small mentoring request – how to run my first customer interview"
    text = email.text
    assert text.startswith("Hi Maria,\n")
    assert "I'd like to learn how to run my first customer interview." in text
    assert "I'll know it has worked when I've run three interviews" in text
    assert "because your talk at DevDay" in text
    assert "Three 30-minute video calls over four weeks." in text
    assert "after the third call, within four weeks, we're done" in text
    assert "I'll send you a short update and my questions two days ahead." in text
    assert "reporting back on what I tried from your last advice" in text
    assert "If now isn't a good time, no problem at all" in text
    assert text.rstrip().endswith("Warm regards,\nAna Lima")


def test_email_is_short(strong: Request) -> None:
    assert len(render_drafts(strong)["email"].text.split()) < 250


@pytest.mark.parametrize("tone", ["warm", "formal", "casual"])
def test_tone_changes_greeting_and_sign_off(strong: Request, tone: str) -> None:
    drafts = render_drafts(dataclasses.replace(strong, tone=tone))
    words = TONES[tone]
    assert drafts["email"].text.startswith(f"{words.hello} Maria,")
    assert words.easy_no in drafts["email"].text
    assert words.sign_off in drafts["email"].text
    assert drafts["email"].subject.startswith(words.subject)
    assert drafts["chat"].text.startswith(f"{words.chat_hello} Maria{words.chat_mark}")
    assert words.easy_no_short in drafts["chat"].text
    assert words.sign_off in drafts["thank_you"].text


def test_every_tone_offers_an_easy_no() -> None:
    for words in TONES.values():
        for text in (words.easy_no, words.easy_no_short):
            assert text.startswith("If now")
            assert "good time" in text
            assert "no problem" in text or "entirely fine" in text or "no worries" in text


def test_unknown_tone_falls_back_to_warm(strong: Request) -> None:
    email = render_drafts(dataclasses.replace(strong, tone="shouty"))["email"]
    assert email.text.startswith("Hi Maria,")


@pytest.mark.parametrize(
    ("fmt", "phrase"),
    [
        ("video", "video calls"),
        ("in-person", "meetings in person"),
        ("phone", "phone calls"),
        ("chat", "chat sessions"),
    ],
)
def test_format_words(strong: Request, fmt: str, phrase: str) -> None:
    text = render_drafts(dataclasses.replace(strong, format=fmt))["email"].text
    assert f"Three 30-minute {phrase} over four weeks." in text


def test_chat_is_short_and_complete(strong: Request) -> None:
    chat = render_drafts(strong)["chat"].text
    assert len(chat) < 800
    assert "Would you mentor me on how to run my first customer interview?" in chat
    assert "three 30-minute video calls over four weeks, and then we're done" in chat
    assert chat.rstrip().endswith("Ana Lima")


def test_plan_has_one_block_per_meeting(strong: Request) -> None:
    plan = render_drafts(strong)["plan"].text
    blocks = meeting_blocks(plan)
    assert len(blocks) == 3
    assert blocks[0].startswith("Call 1 of 3 (week 1): set up")
    assert "Agree the goal and the dates of the other calls." in blocks[0]
    assert "Report-back" not in blocks[0]
    for number, block in enumerate(blocks[1:], start=2):
        assert f"Report-back on call {number - 1}: what I tried from your last advice" in block
    assert blocks[2].startswith("Call 3 of 3 (week 4): close")
    assert "Thank you, and what has helped most." in blocks[2]
    assert "longer-term support" in blocks[2]
    assert "last call we agreed" in blocks[2]
    assert "longer-term support" not in blocks[0] + blocks[1]


@pytest.mark.parametrize("meetings", [1, 2, 4, 12])
def test_plan_length_follows_the_meeting_count(strong: Request, meetings: int) -> None:
    plan = render_drafts(dataclasses.replace(strong, meetings=meetings))["plan"].text
    blocks = meeting_blocks(plan)
    assert len(blocks) == meetings
    assert "longer-term support" in blocks[-1]
    assert sum("Report-back on" in block for block in blocks) == meetings - 1


def test_single_meeting_plan_sets_up_and_closes(strong: Request) -> None:
    request = dataclasses.replace(strong, meetings=1)
    drafts = render_drafts(request)
    assert "Call 1 of 1 (week 1): set up and close" in drafts["plan"].text
    assert "Afterwards, I'll write to report back on what I tried" in drafts["email"].text
    assert "From the second" not in drafts["email"].text


@pytest.mark.parametrize(
    ("meetings", "weeks", "expected"),
    [(3, 4, [1, 3, 4]), (2, 6, [1, 6]), (4, 4, [1, 2, 3, 4]), (3, 1, [1, 1, 1]), (1, 5, [1])],
)
def test_meetings_spread_across_the_weeks(meetings: int, weeks: int, expected: list[int]) -> None:
    schedule = context(Request(meetings=meetings, weeks=weeks))["schedule"]
    assert [item["week"] for item in schedule] == expected  # type: ignore[index]


def test_missing_values_show_placeholders() -> None:
    drafts = render_drafts(Request(meetings=None, minutes=None, weeks=None))
    email = drafts["email"].text
    assert email.startswith(f"Hi {BLANK['mentor_name']},")
    assert f"I'd like to learn {BLANK['focus']}." in email
    assert "[how many] video calls of [how many] minutes over [how many] weeks" in email
    assert email.rstrip().endswith(BLANK["protege_name"])
    assert drafts["email"].subject.endswith(BLANK["focus"])
    assert "[what you want to learn]" in drafts["chat"].text
    assert len(meeting_blocks(drafts["plan"].text)) == 3  # the default, to show the shape
    assert "Call 1 (" not in drafts["plan"].text


def test_optional_parts_are_left_out_when_blank() -> None:
    email = render_drafts(Request(focus="how to run an interview"))["email"].text
    assert "because" not in email
    assert "know it has worked" not in email
    assert "Before each" not in email
    assert "reporting back" not in email
    assert "[" not in email.replace(BLANK["mentor_name"], "").replace(BLANK["protege_name"], "")


def test_user_punctuation_is_not_doubled(strong: Request) -> None:
    request = dataclasses.replace(strong, focus="How to pitch?", outcome="I have pitched.")
    email = render_drafts(request)["email"].text
    assert "I'd like to learn how to pitch." in email
    assert "worked when I have pitched.\n" in email
    assert ".." not in email


def test_report_back_template(strong: Request) -> None:
    text = render_drafts(strong)["report_back"].text
    assert text.startswith("Report back: How to run my first customer interview")
    for prompt in [
        "The advice I took away last time:",
        "What I did with it, and when:",
        "What happened, and what I learned:",
        "What I'd like to ask next:",
    ]:
        assert prompt in text
    assert "against the goal (I've run three interviews" in text


def test_thank_you_note(strong: Request) -> None:
    note = render_drafts(strong)["thank_you"]
    assert note.subject == "Thank you – how to run my first customer interview"
    assert note.text.startswith("Hi Maria,\n\nThank you for our three calls on how to run")
    assert "brings our arrangement to a close" in note.text
    assert "longer-term support" in note.text
    assert "no need to reply" in note.text


def test_request_html_is_a_document_with_the_message_and_plan(strong: Request) -> None:
    html = render_drafts(strong)["request_html"]
    assert html.media_type == "text/html"
    assert html.text.startswith("<!doctype html>")
    assert "<title>Mentoring request: How to run my first customer interview</title>" in html.text
    assert "<h2>Email</h2>" in html.text
    assert "<h2>Meeting plan</h2>" in html.text
    assert "I&#39;ve run three interviews" in html.text
    assert "<script" not in html.text


def test_request_html_escapes_user_text(strong: Request) -> None:
    payload = "</textarea><script>alert(1)</script><img src=x onerror=alert(1)>"
    request = dataclasses.replace(strong, focus=payload, mentor_name=payload, connection=payload)
    html = render_drafts(request)["request_html"].text
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_plain_text_is_not_escaped(strong: Request) -> None:
    request = dataclasses.replace(strong, focus="how to use <details> & <summary>")
    assert "how to use <details> & <summary>." in render_drafts(request)["email"].text


def test_environments() -> None:
    assert text_environment().autoescape is False
    assert html_environment().autoescape is True
    assert text_environment().keep_trailing_newline


def test_mailto_url(strong: Request) -> None:
    drafts = render_drafts(strong)
    url = mailto_url(strong, drafts["email"])
    assert url == mailto_url(strong)
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert parts.path == "maria@example.org"
    assert " " not in url
    assert "\n" not in url
    query = parse_qs(parts.query)
    assert query["subject"] == [drafts["email"].subject]
    assert query["body"] == [drafts["email"].text.replace("\n", "\r\n")]
    assert "%0D%0A" in url
    assert "%20" in url


def test_mailto_encodes_awkward_characters(strong: Request) -> None:
    request = dataclasses.replace(
        strong, focus="R&D budgets? 100% = #1 + more", mentor_email="o'neil+x@example.org"
    )
    url = mailto_url(request)
    assert url.startswith("mailto:o%27neil%2Bx@example.org?subject=")
    subject = url.split("subject=", 1)[1].split("&body=", 1)[0]
    assert unquote(subject).endswith("R&D budgets? 100% = #1 + more")
    assert url.count("&") == 1
    assert url.count("?") == 1


def test_mailto_without_address() -> None:
    assert mailto_url(Request()).startswith("mailto:?subject=")


def test_as_markdown(strong: Request) -> None:
    drafts = render_drafts(strong)
    markdown = as_markdown(drafts)
    assert markdown.startswith("# Your mentoring request\n")
    titles = ["Email", "Chat message", "What to say", "Meeting plan", "Report-back notes",
              "Thank-you note"]  # fmt: skip
    for title in titles:
        assert f"\n## {title}\n" in markdown
    assert "Printable request" not in markdown
    assert "<!doctype" not in markdown
    assert f"**Subject:** {drafts['email'].subject}" in markdown
    assert markdown.count("```text\n") == 6


def test_as_markdown_survives_backticks_in_user_text(strong: Request) -> None:
    request = dataclasses.replace(strong, focus="how to use ``` fences")
    markdown = as_markdown(render_drafts(request))
    assert "````text\n" in markdown


def test_as_text(strong: Request) -> None:
    drafts = render_drafts(strong)
    text = as_text(drafts)
    assert "\nEMAIL\n=====\n" in text
    assert "\nMEETING PLAN\n============\n" in text
    assert f"Subject: {drafts['email'].subject}" in text
    assert drafts["chat"].text.strip() in text
    assert "<html" not in text


def test_draft_as_data(strong: Request) -> None:
    data = render_drafts(strong)["email"].as_data()
    assert set(data) == {"title", "subject", "text", "media_type"}
