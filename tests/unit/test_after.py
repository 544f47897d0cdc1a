"""After the ask: the stage, the follow-up date, the log, the agreement and each draft."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from builder import evaluate, validate
from builder.after import ics
from builder.after.agreement import agreement
from builder.after.drafts import render_after, shown_drafts
from builder.after.invites import invites, prepare_lead
from builder.after.notes import arrangement_markdown
from builder.after.progress import follow_up_due, let_go_on, next_steps, read_after
from builder.request.drafts import proposals, render_drafts
from builder.wording.catalog import PSEUDO, is_pseudo, speaking

TODAY = date(2026, 1, 12)
SUBJECT = "A small mentoring request – how to run my first customer interview"
LOGGED = [
    {
        "date": "2026-01-13",
        "asked": "How do I open an interview?",
        "advice": "Ask open questions before closed ones",
        "tried": "I'll try to ask two open questions in my next interview",
        "happened": "It went better than I expected",
    },
    {"date": "2026-01-27", "asked": "How do I end an interview politely?"},
]


@pytest.fixture
def dated(strong_values: dict[str, str]) -> dict[str, str]:
    return {**strong_values, "first_date": "2026-01-13", "weekday": "tue", "meeting_time": "14:00"}


def drafts(values: dict[str, str], raw: dict, today: date = TODAY) -> dict:
    request, _ = validate(values)
    return render_after(request, read_after(raw), today, SUBJECT)


def test_anything_unreadable_is_left_out_and_bad_dates_are_messages() -> None:
    after = read_after(
        {"sent_on": "2026-02-30", "reply": "maybe", "log": [{"date": "soon", "advice": 3}, "x"]}
    )
    assert after.sent_on is None
    assert after.reply == ""
    assert [m.field for m in after.messages] == ["sent_on", "log.0.date"]
    assert len(after.log) == 2
    assert after.log[0].advice == "3"
    assert read_after(None) == read_after({}) == read_after([1, 2])


@pytest.mark.parametrize(
    ("raw", "stage"),
    [
        ({}, "draft"),
        ({"sent_on": "2026-01-05"}, "waiting"),
        ({"sent_on": "2026-01-05", "followed_up_on": "2026-01-12"}, "followed-up"),
        ({"sent_on": "2026-01-05", "reply": "yes"}, "yes"),
        ({"sent_on": "2026-01-05", "reply": "smaller"}, "smaller"),
        ({"sent_on": "2026-01-05", "reply": "not-now"}, "not-now"),
        ({"reply": "no"}, "no"),
    ],
)
def test_the_stage_follows_what_happened(raw: dict, stage: str) -> None:
    assert read_after(raw).stage == stage


def test_one_follow_up_a_working_week_after_sending() -> None:
    assert follow_up_due(read_after({"sent_on": "2026-01-09"})) == date(2026, 1, 16)  # Fri
    assert follow_up_due(read_after({"sent_on": "2026-01-10"})) == date(2026, 1, 16)  # Sat
    followed = read_after({"sent_on": "2026-01-09", "followed_up_on": "2026-01-16"})
    assert follow_up_due(followed) is None  # one follow-up only
    assert let_go_on(followed) == date(2026, 1, 23)


HELD = [{**LOGGED[0], "date": "2026-01-06"}, {"date": "2026-01-08", "advice": "Listen"}]
CHANGED = {"meetings": "2"}  # the form, changed as the mentor suggested


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ({}, []),
        ({"sent_on": "2026-01-05"}, ["follow_up"]),
        ({"sent_on": "2026-01-05", "followed_up_on": "2026-01-12"}, []),
        ({"reply": "yes"}, ["confirmation"]),
        # Logged, but dated after today: none held yet, so no thank-you for them.
        ({"reply": "yes", "log": LOGGED}, ["confirmation", "report_next"]),
        ({"reply": "yes", "log": HELD}, ["confirmation", "report_next"]),
        # The last one is today: its report-back (before it) and the thank-you (after).
        (
            {"reply": "yes", "log": [*HELD, {"date": "2026-01-12"}]},
            ["confirmation", "report_next", "thanks_log"],
        ),
        (
            {"reply": "yes", "log": [*HELD, {"date": "2026-01-09", "advice": "Go"}]},
            ["confirmation", "thanks_log"],
        ),
        ({"reply": "yes", "log": HELD, "ended": True}, ["confirmation", "thanks_log"]),
        ({"reply": "smaller"}, ["revised"]),  # kept before what was sent was kept
        ({"reply": "smaller", "sent_values": "STRONG"}, []),  # nothing changed yet
        ({"reply": "smaller", "sent_values": CHANGED}, ["revised"]),
        ({"reply": "not-now"}, ["decline"]),
        ({"reply": "no"}, ["decline"]),
    ],
)
def test_each_stage_drafts_its_message(strong_values, raw: dict, names: list[str]) -> None:
    if raw.get("sent_values") == "STRONG":
        raw = {**raw, "sent_values": strong_values}
    elif raw.get("sent_values") is CHANGED:
        raw = {**raw, "sent_values": {**strong_values, "meetings": "3"}}
        strong_values = {**strong_values, **CHANGED}
    request, _ = validate(strong_values)
    assert shown_drafts(request, read_after(raw), TODAY) == names


def test_yes_but_smaller_says_what_to_change_until_something_has(strong_values) -> None:
    sent = {"reply": "smaller", "sent_values": strong_values}
    view = evaluate(strong_values, today=TODAY, after=sent).to_dict()["after"]
    assert view["advice"].startswith("Change the time box (step 3) or the focus (step 1)")
    assert view["drafts"] == []
    view = evaluate({**strong_values, "weeks": "2"}, today=TODAY, after=sent).to_dict()["after"]
    assert view["advice"].startswith("Here is your request, changed as they suggested")
    assert view["drafts"] == ["revised"]


def test_until_the_last_meeting_the_step_says_when_the_thank_you_comes(strong_values) -> None:
    future = [{"date": (TODAY + timedelta(days=7 * n)).isoformat()} for n in (1, 2, 3)]
    view = evaluate(strong_values, today=TODAY, after={"reply": "yes", "log": future})
    after = view.to_dict()["after"]
    assert after["agreement"]["done"] == 0
    assert "thanks_log" not in after["drafts"]
    assert after["thanks_later"] == (
        "Your thank-you note comes once the last of your three calls is held (zero so far). "
        "If the arrangement ends sooner, tick “Our meetings are over” and it comes now."
    )
    over = {"reply": "yes", "log": future}
    later = evaluate(strong_values, today=TODAY + timedelta(days=30), after=over)
    assert later.to_dict()["after"]["thanks_later"] == ""
    assert "Thank you for our three calls on how to run" in later.drafts["thanks_log"].text


def test_the_thank_you_counts_meetings_held_with_the_right_noun(strong_values) -> None:
    one = {**strong_values, "meetings": "1"}
    two = [{"date": "2026-01-05", "advice": "Ask why"}, {"date": "2026-01-08", "advice": "Wait"}]
    found = drafts(one, {"reply": "yes", "log": two})["thanks_log"]
    assert "Thank you for our two calls on how to run my first customer interview." in found.text
    held_one = drafts(strong_values, {"reply": "yes", "log": two[:1], "ended": True})
    assert "Thank you for our call on how to run" in held_one["thanks_log"].text


def test_the_follow_up_is_short_names_the_day_and_is_easy_to_decline(dated) -> None:
    found = drafts(dated, {"sent_on": "2026-01-05"})["follow_up"]
    assert found.subject == f"Re: {SUBJECT}"
    assert "On Monday 5 January, I asked whether you might mentor me on how to run my " in (
        found.text
    )
    assert "this is the only time I'll ask again" in found.text
    assert "that's completely fine" in found.text
    assert len(found.text.split()) < 110


def test_the_confirmation_lists_the_dates_and_the_calendar_file(dated) -> None:
    found = drafts(dated, {"sent_on": "2026-01-05", "reply": "yes"})["confirmation"]
    assert "- Call 1: Tuesday 13 January at 14:00" in found.text
    assert "- Call 3: Tuesday 27 January at 14:00" in found.text
    assert "I've attached a calendar file with them" in found.text
    assert found.subject == "Confirming our calls – how to run my first customer interview"


def test_a_confirmation_without_dates_asks_for_one(strong_values) -> None:
    found = drafts(strong_values, {"reply": "yes"})["confirmation"]
    assert "Could you suggest a day and time for our first call?" in found.text
    assert "calendar" not in found.text


def test_the_revised_request_says_what_changed_and_is_coached_again(dated, strong_values) -> None:
    sent = {**dated, "meetings": "4", "weeks": "6"}
    smaller = {**dated, "meetings": "2", "weeks": "3"}
    found = drafts(smaller, {"reply": "smaller", "sent_values": sent})["revised"]
    assert "- Two 30-minute video calls over three weeks (instead of the four 30-minute video " in (
        found.text
    )
    assert "I first asked for)." in found.text
    # The coaching runs on the revised request, like on any other.
    many = evaluate({**smaller, "meetings": "6"}, after={"reply": "smaller", "sent_values": sent})
    assert any(f.code == "many-meetings" for f in many.findings)
    assert "revised" in many.to_dict()["after"]["drafts"]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("no", "If you know of anyone else I could ask about how to run my first customer "),
        ("not-now", "If the timing is better in a few months, I may ask again then"),
    ],
)
def test_a_no_gets_a_gracious_reply(strong_values, reply: str, expected: str) -> None:
    found = drafts(strong_values, {"reply": reply})["decline"]
    assert "Thank you for letting me know." in found.text
    assert expected in found.text


def test_the_report_back_for_meeting_two_comes_from_meeting_ones_log(dated) -> None:
    found = drafts(dated, {"reply": "yes", "log": LOGGED})["report_next"]
    lines = found.text.splitlines()
    assert lines[1] == "For Maria, call 2 of 3, Tuesday 27 January"
    assert "Last time, you suggested I ask open questions before closed ones." in lines
    assert "I set out to ask two open questions in my next interview." in lines
    assert "What happened: it went better than I expected." in lines
    assert "What I'd like to ask this time: how do I end an interview politely?" in lines


def test_the_thank_you_draws_on_the_whole_log(dated) -> None:
    log = [
        LOGGED[0],
        {**LOGGED[1], "advice": "The two-question opener", "happened": "Both customers opened up"},
    ]
    raw = {"reply": "yes", "log": log, "next": "Next, I'll run two interviews a month on my own",
           "ended": True}  # fmt: skip
    found = drafts(dated, raw, today=date(2026, 1, 28))["thanks_log"]
    assert "Thank you for our two calls on how to run my first customer interview." in found.text
    assert (
        "- From our first call: your advice to ask open questions before closed ones. "
        "When I tried it: it went better than I expected."
    ) in found.text
    assert "- From our second call: the two-question opener. When I tried it: both " in found.text
    assert "Next, I'm going to run two interviews a month on my own." in found.text
    assert "longer-term support" in found.text


def test_the_agreement_counts_meetings_and_notes_going_past_it(dated) -> None:
    log = [{"date": (date(2026, 1, 13) + timedelta(days=7 * n)).isoformat()} for n in range(5)]
    view = evaluate(dated, today=date(2026, 1, 28), after={"reply": "yes", "log": log})
    agreement = view.to_dict()["after"]["agreement"]
    assert (agreement["agreed"], agreement["done"], agreement["left"]) == (3, 3, 0)
    assert agreement["end"] == "2026-02-09"
    assert "Your log has 5 meetings, and you agreed three." in agreement["notes"][0]
    assert (
        "Meeting 5 in your log falls after the agreed end, Monday 9 February."
        in (agreement["notes"][1])
    )
    assert agreement["tip_url"] == "tips/keep-the-agreement/#in-practice"


def test_within_the_agreement_there_is_no_note(dated) -> None:
    view = evaluate(dated, today=TODAY, after={"reply": "yes", "log": LOGGED})
    agreement = view.to_dict()["after"]["agreement"]
    assert agreement["notes"] == []
    assert agreement["done"] == 0
    assert agreement["left"] == 3


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("send you my questions two days ahead", timedelta(days=2)),
        ("read the notes the night before", timedelta(days=1)),
        ("share a summary 3 days before each call", timedelta(days=3)),
        ("a one-page brief a week in advance", timedelta(weeks=1)),
        ("bring my notes", timedelta(days=2)),
        ("send it 400 days ahead", timedelta(days=2)),
    ],
)
def test_the_reminder_to_prepare_comes_when_the_reader_said(text: str, lead: timedelta) -> None:
    assert prepare_lead(text) == lead


def test_the_page_gets_the_stage_due_date_next_steps_and_mail_links(dated) -> None:
    waiting = evaluate(dated, today=date(2026, 1, 12), after={"sent_on": "2026-01-05"})
    view = waiting.to_dict()["after"]
    assert view["stage"] == "waiting"
    assert view["follow_up_due"] == "2026-01-12"
    assert view["follow_up_now"] is True
    assert view["mailto"]["follow_up"].startswith("mailto:maria@example.org?subject=Re%3A")
    assert "follow_up" in waiting.to_dict()["drafts"]
    assert "follow_up" not in waiting.sendable  # not part of the request's download
    no = evaluate(dated, after={"reply": "no"}).to_dict()["after"]
    assert [step["id"] for step in no["next_steps"]] == ["another", "program", "know-first"]


def test_edits_of_a_reply_draft_are_kept_like_any_other(dated) -> None:
    raw = {"sent_on": "2026-01-05"}
    fresh = evaluate(dated, after=raw).drafts["follow_up"]
    mine = {"text": "My own words.", "subject": "Re: hello", "base": fresh.text}
    mine["base_subject"] = fresh.subject
    result = evaluate(dated, after=raw, edits={"follow_up": mine})
    assert result.edits["follow_up"].text == "My own words."
    assert "My%20own%20words." in result.to_dict()["after"]["mailto"]["follow_up"]


def said_after(values: dict[str, str], language: str) -> dict[str, object]:
    """What the after/ modules show the reader, said in `language`: where to go after a
    no, the agreement kept past its end, the reader's calendar and its note, and the
    arrangement's Markdown file."""
    request, _ = validate(values)
    proposed = proposals(request, TODAY)[0]
    log = [{"date": (date(2026, 1, 13) + timedelta(days=7 * n)).isoformat()} for n in range(6)]
    raw = {"sent_on": "2026-01-05", "reply": "yes", "log": log}
    after, today = read_after(raw), date(2026, 1, 28)
    plan = render_drafts(request, TODAY)["plan"]
    with speaking(language):
        kept = agreement(request, after, proposed, today)
        events = invites(request, proposed, plan, "r-x", mine=True)
        _, notes = ics.calendar(events, "", datetime(2026, 1, 1, tzinfo=UTC))
        return {
            "steps": next_steps(),
            "summary": kept.summary(today),
            "notes": list(kept.notes),
            "events": [(e.summary, [r.text for r in e.reminders]) for e in events],
            "calendar": notes,
            "markdown": arrangement_markdown({"values": values, "after": raw}, today),
        }


def test_what_comes_after_the_ask_is_said_in_spanish(dated) -> None:
    said = said_after(dated, "es")
    assert said["steps"][0]["title"] == "Pídeselo a otra persona"
    assert said["summary"].startswith("Reuniones celebradas: 3 de 3. Pendientes: 0. Fin acordado:")
    assert said["notes"][0].startswith("Tu registro tiene 6 reuniones, y acordaste tres.")
    assert said["notes"][1].startswith("Las reuniones 5 y 6 de tu registro caen después")
    title, reminders = said["events"][1]
    assert title == "Llamada 2 de 3 con Maria: How to run my first customer interview"
    assert reminders == [
        "Es hora de preparar la llamada 2 con Maria. Lo que prometiste: “send you a short "
        "update and my questions two days ahead”. Lleva tus avances desde la llamada 1.",
        "Ahora que lo tienes fresco: anota el consejo de la llamada 2 y lo que vas a probar "
        "antes de la llamada 3.",
    ]
    assert said["calendar"][0].startswith("Tu navegador no indicó en qué zona horaria estás")
    markdown = str(said["markdown"])
    for line in ("## La solicitud", "- **¿Cuántas reuniones?** 3", "## Registro de reuniones",
                 "- **Respuesta:** Sí", "## Borradores", "### Correo"):  # fmt: skip
        assert f"\n{line}\n" in markdown, line


def test_every_text_after_the_ask_comes_from_the_catalog(dated) -> None:
    said = said_after(dated, PSEUDO)
    shown = [text for step in said["steps"] for text in (step["title"], step["text"])]
    shown += [said["summary"], *said["notes"], *said["calendar"]]
    shown += [text for title, reminders in said["events"] for text in (title, *reminders)]
    # The file's headings and labels (its drafts are in their own language).
    lines = str(said["markdown"]).splitlines()
    shown += [line.split(" ", 1)[1] for line in lines if line.startswith(("## ", "### "))]
    shown += [line[2:].split("** ")[0].strip("*:") for line in lines if line.startswith("- **")]
    assert len(shown) > 40
    assert [text for text in shown if not is_pseudo(text)] == []
