"""Asking in person (issue #25): the way of asking, the coaching on it, the spoken
version, and the after-the-ask steps that know the request was made face to face."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from builder import Request, coach, evaluate, render_drafts, validate
from builder.after.drafts import render_after, shown_drafts
from builder.after.progress import advice_key, follow_up_due, let_go_on, read_after
from builder.request.spoken import primary_draft
from builder.wording.fitting import fit, say

TODAY = date(2026, 1, 12)


def spoken_lines(request: Request) -> list[str]:
    text = render_drafts(request, TODAY)["spoken"].text
    block = text.split("):\n", 1)[1].split("\n\n", 1)[0]
    return block.splitlines()


# --- the way of asking, and the coaching on it --------------------------------------


def test_the_way_of_asking_picks_the_draft_shown_first(strong: Request) -> None:
    assert [primary_draft(c) for c in ("in-person", "email", "chat")] == [
        "spoken",
        "email",
        "chat",
    ]
    in_person = dataclasses.replace(strong, channel="in-person")
    assert next(iter(render_drafts(in_person))) == "spoken"
    assert evaluate({"channel": "in-person"}).primary == "spoken"
    assert evaluate({"channel": "nonsense"}).primary == "email"  # the default, not a crash


@pytest.mark.parametrize(
    ("channel", "knows", "code"),
    [
        ("email", "not-yet", "cold-email"),
        ("chat", "not-yet", "cold-email"),
        ("email", "well", "ask-in-person"),
        ("chat", "well", "ask-in-person"),
    ],
)
def test_the_coach_says_what_the_research_says_where_it_matters(
    strong: Request, channel: str, knows: str, code: str
) -> None:
    found = {
        f.code: f for f in coach(dataclasses.replace(strong, channel=channel, acquaintance=knows))
    }
    assert code in found
    assert found[code].tip == 3
    assert found[code].field == "channel"
    assert found[code].severity == "advice"
    if code == "cold-email":
        assert "34 times" in found[code].explanation
        assert "introduce you" in found[code].suggestion


@pytest.mark.parametrize(
    ("channel", "knows"),
    [("in-person", "not-yet"), ("in-person", "well"), ("email", "met"), ("email", "")],
)
def test_no_advice_on_asking_when_it_fits(strong: Request, channel: str, knows: str) -> None:
    codes = {
        f.code for f in coach(dataclasses.replace(strong, channel=channel, acquaintance=knows))
    }
    assert not codes & {"cold-email", "ask-in-person"}


def test_how_well_they_know_you_travels_in_links_and_saves(strong_values) -> None:
    from builder.keeping.state import from_json, from_query, to_json, to_query

    values = {**strong_values, "channel": "in-person", "acquaintance": "not-yet"}
    assert "kn=not-yet" in to_query(values)
    assert "ch=in-person" in to_query(values)
    assert from_query(to_query(values))[0] == values
    assert from_json(to_json(values))[0] == values


# --- the spoken version --------------------------------------------------------------


SPOKEN = {
    "action": ("Shadow two of your customer calls and debrief",
               "I'd love your help to shadow two of your customer calls and debrief."),
    "activity": ("Getting better at estimates",
                 "I'd love your help with getting better at estimates."),
    "blank": ("", "I'd really like to learn [what you want to learn]."),
    "foreign": ("Quiero aprender a negociar mi salario",
                "What I'd like to learn, in my own words: "
                "“Quiero aprender a negociar mi salario”."),
    "howto": ("How to run my first customer interview",
              "I'd really like to learn how to run my first customer interview."),
    "learn_to": ("Learn to run customer discovery interviews…",
                 "I'd really like to learn to run customer discovery interviews."),
    "own": ("My first conference talk", "I'd love your help with my first conference talk."),
    "plain": ("Practice system design interviews",
              "What I'd love your help with: practice system design interviews."),
    "question": ("How do I give feedback to a senior colleague?",
                 "There's one question I'd love your help with: how do I give feedback to a "
                 "senior colleague?"),
    "statement": ("I have my first conference talk in six weeks.",
                  "Here's what I'd like your help with. I have my first conference talk in six "
                  "weeks."),
    "subject": ("Public speaking", "I'd love to learn more about public speaking."),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(SPOKEN))
def test_the_focus_said_aloud_reads_as_a_sentence_for_every_shape(kind: str) -> None:
    text, expected = SPOKEN[kind]
    fitted = fit("focus", text)
    assert fitted.kind == kind
    assert say("focus.spoken", fitted) == expected


def test_the_spoken_version_says_focus_why_them_time_box_and_the_easy_no(strong: Request) -> None:
    request = dataclasses.replace(strong, channel="in-person")
    text = render_drafts(request, TODAY)["spoken"].text
    assert text.startswith("To ask for a moment first:\n“Have you got five minutes this week?")
    lines = spoken_lines(request)
    assert lines[0] == "Hi Maria."
    assert lines[1].startswith("I'm asking you because your talk at DevDay")
    assert lines[2] == "I'd really like to learn how to run my first customer interview."
    assert lines[3] == (
        "Would you have time for three 30-minute video calls over four weeks? That's all I'd ask."
    )
    assert lines[-1] == "And if now's not a good time, that's completely fine: just say."
    count, seconds = re.search(r"What to say \((\w+) lines, about (\d+) seconds\)", text).groups()
    assert count == "six" == ["zero", "one", "two", "three", "four", "five", "six"][len(lines)]
    words = len(" ".join(lines).split())
    assert abs(int(seconds) - words / 2.5) <= 5  # 150 words a minute, to the nearest five
    assert 20 <= int(seconds) <= 40  # about thirty seconds, as the issue asks
    assert "Three things to agree on:\n- How much: three 30-minute video calls" in text
    assert "- The end: after the third call, within four weeks." in text


def test_the_spoken_version_keeps_its_tone_and_the_name_they_go_by(strong: Request) -> None:
    for tone, opener, no in [
        ("formal", "Might you have five minutes", "If now is not a good time, that is entirely"),
        ("casual", "Got five minutes this week?", "no worries at all"),
    ]:
        request = dataclasses.replace(strong, channel="in-person", tone=tone,
                                      mentor_name="Maria Lopez")  # fmt: skip
        text = render_drafts(request, TODAY)["spoken"].text
        assert opener in text
        assert no in spoken_lines(request)[-1]
        assert spoken_lines(request)[0].endswith(" Maria.")  # said aloud: the first name


def test_a_first_date_is_proposed_aloud(strong: Request) -> None:
    request, _ = validate({"focus": "how to run a retro", "protege_name": "Ana", "mentor_name":
                           "Sam", "channel": "in-person", "first_date": "2026-01-20",
                           "meeting_time": "12:30"})  # fmt: skip
    assert "Could we start on Tuesday 20 January at 12:30?" in spoken_lines(request)
    one = dataclasses.replace(request, meetings=1)
    assert "Would Tuesday 20 January at 12:30 suit you?" in spoken_lines(one)


def test_the_spoken_version_escapes_nothing_and_keeps_hostile_text_as_text() -> None:
    request, _ = validate({"focus": "<script>alert(1)</script> & how to say no",
                           "mentor_name": "<b>Sam</b>", "channel": "in-person"})  # fmt: skip
    text = render_drafts(request, TODAY)["spoken"].text
    assert "<script>alert(1)</script> & how to say no" in text  # plain text, set as text
    html = render_drafts(request, TODAY)["request_html"].text
    assert "<script>alert" not in html


# --- after the ask ----------------------------------------------------------------------


def after(raw: dict) -> object:
    return read_after(raw)


def test_no_follow_up_for_silence_after_asking_in_person() -> None:
    waiting = after({"sent_on": "2026-01-02"})
    assert follow_up_due(waiting) == date(2026, 1, 9)
    assert follow_up_due(waiting, in_person=True) is None
    assert advice_key(waiting, True, False, False) == "asked"
    assert advice_key(after({}), True, False, False) == "draft-in-person"


def test_let_me_think_gets_a_week_then_one_follow_up_then_let_go() -> None:
    thinking = after({"sent_on": "2026-01-02", "reply": "thinking", "reply_on": "2026-01-05"})
    assert follow_up_due(thinking, in_person=True) == date(2026, 1, 12)
    assert advice_key(thinking, True, False, False) == "thinking-in-person"
    assert advice_key(thinking, True, True, False) == "thinking-now"
    done = after({"sent_on": "2026-01-02", "reply": "thinking", "followed_up_on": "2026-01-12"})
    assert follow_up_due(done) is None
    assert let_go_on(done) == date(2026, 1, 19)
    assert advice_key(done, True, False, False) == "followed-up"


@pytest.mark.parametrize(
    ("raw", "in_person", "names"),
    [
        ({"sent_on": "2026-01-02"}, True, []),
        ({"sent_on": "2026-01-02"}, False, ["follow_up"]),
        ({"sent_on": "2026-01-09", "reply": "thinking"}, True, ["summary"]),
        ({"sent_on": "2026-01-02", "reply": "thinking"}, True, ["follow_up"]),
        ({"sent_on": "2026-01-02", "reply": "thinking", "followed_up_on": "2026-01-09"}, True, []),
        ({"sent_on": "2026-01-09", "reply": "yes"}, True, ["confirmation"]),
    ],
)
def test_each_stage_drafts_what_an_in_person_ask_needs(
    strong: Request, raw: dict, in_person: bool, names: list[str]
) -> None:
    request = dataclasses.replace(strong, channel="in-person" if in_person else "email")
    assert shown_drafts(request, after(raw), TODAY) == names


def test_after_a_yes_in_person_the_email_is_the_written_summary(strong: Request) -> None:
    request, _ = validate({"focus": "how to run a retro", "protege_name": "Ana",
                           "mentor_name": "Sam Lee", "channel": "in-person",
                           "first_date": "2026-01-20"})  # fmt: skip
    drafts = render_after(request, after({"sent_on": "2026-01-06", "reply": "yes"}), TODAY)
    text = drafts["confirmation"].text
    assert text.startswith(
        "Hi Sam,\n\nThank you so much for saying yes when we spoke on Tuesday 6 January. "
        "Here is what we agreed, so we both have it in writing.\n\nHere are the dates:\n"
    )
    assert "- Call 1: Tuesday 20 January" in text
    assert "calendar file" in text
    assert not drafts["confirmation"].subject.startswith("Re:")  # no thread to reply in


def test_after_let_me_think_the_summary_starts_the_thread_the_follow_up_keeps(
    strong: Request,
) -> None:
    request = dataclasses.replace(strong, channel="in-person")
    first = render_after(request, after({"sent_on": "2026-01-09", "reply": "thinking"}), TODAY)
    summary = first["summary"]
    assert summary.subject == (
        "Following our conversation – how to run my first customer interview"
    )
    assert "Thank you for hearing me out on Friday 9 January. So that you have it to hand" in (
        summary.text
    )
    assert "\n\n- I'd like to learn how to run my first customer interview.\n" in summary.text
    later = render_after(request, after({"sent_on": "2026-01-02", "reply": "thinking"}), TODAY)
    assert later["follow_up"].subject == f"Re: {summary.subject}"


def test_the_page_is_told_what_to_call_the_day_and_when_to_offer_a_follow_up(
    strong_values,
) -> None:
    values = {**strong_values, "channel": "in-person"}
    view = evaluate(values, today=TODAY, after={"sent_on": "2026-01-06"}).to_dict()["after"]
    assert (view["sent_label"], view["sent_help"]) == (
        "I asked them on",
        "Leave it empty until you have asked them.",
    )
    assert view["follow_up_field"] is False
    assert view["drafts"] == []
    assert view["advice"].startswith("When you have asked them, note what they said")
    emailed = evaluate(strong_values, today=TODAY, after={"sent_on": "2026-01-06"}).to_dict()
    assert emailed["after"]["sent_label"] == "I sent it on"
    assert emailed["after"]["follow_up_field"] is True
    thinking = evaluate(values, today=TODAY, after={"sent_on": "2026-01-09", "reply": "thinking"})
    view = thinking.to_dict()["after"]
    assert view["follow_up_field"] is True
    assert view["drafts"] == ["summary"]
    assert "by Friday 16 January" in view["advice"]


def test_a_mentor_link_from_an_in_person_ask_opens_a_written_reply_without_a_notice(
    strong_values,
) -> None:
    from builder.keeping.state import to_query
    from builder.mentor.session import evaluate_reply

    query = to_query({**strong_values, "channel": "in-person", "acquaintance": "well"})
    result = evaluate_reply({"response": "yes"}, request=query, opened=True)
    assert result["values"]["channel"] == "email"  # a reply is written
    assert result["request"]["notices"] == []
    assert result["drafts"]["email"]["text"].startswith("Hi Ana,")
