"""The frame and lead-in tables, row by row, and one phrasing of every shape."""

from __future__ import annotations

import pytest

from builder.wording.en.frames import KINDS, LEAD_INS, SLOTS
from builder.wording.fitting import fit, say

LEAD_IN_ROWS = [(field, lead) for field, rows in LEAD_INS.items() for lead in rows]


@pytest.mark.parametrize(
    ("field", "lead"), LEAD_IN_ROWS, ids=[lead.example for _, lead in LEAD_IN_ROWS]
)
def test_each_lead_in_matches_its_example_and_is_dropped(field, lead) -> None:
    match = lead.pattern.match(lead.example.replace("’", "'"))
    assert match, f"{lead.pattern.pattern} does not match {lead.example!r}"
    dropped = lead.example[match.end() :].strip()
    assert fit(field, lead.example).core.casefold().endswith(dropped.casefold()[-12:])
    assert (
        lead.example[: match.end()].strip(" ,:-").casefold()
        not in fit(field, lead.example).core.casefold()
    )


@pytest.mark.parametrize("name", sorted(SLOTS))
def test_every_slot_has_a_frame_for_every_shape_of_its_field(name: str) -> None:
    slot = SLOTS[name]
    assert set(slot.frames) == set(KINDS[slot.field])


# One phrasing of each shape, and what each of its slots says.
SHAPES = {
    ("focus", "howto"): (
        "How to run my first customer interview",
        {
            "focus.email": "I'd like to learn how to run my first customer interview.",
            "focus.chat": "Would you mentor me on how to run my first customer interview?",
            "focus.thanks": " on how to run my first customer interview",
        },
    ),
    ("focus", "learn_to"): (
        "Learn to run customer discovery interviews…",
        {
            "focus.email": "I'd like to learn to run customer discovery interviews.",
            "focus.chat": "Would you help me learn to run customer discovery interviews?",
            "focus.thanks": ", and for helping me learn to run customer discovery interviews",
        },
    ),
    ("focus", "action"): (
        "Shadow two of your customer calls and debrief",
        {
            "focus.email": "I'd like your help to shadow two of your customer calls and debrief.",
            "focus.chat": "Would you help me shadow two of your customer calls and debrief?",
            "focus.thanks": ", and for helping me shadow two of your customer calls and debrief",
        },
    ),
    ("focus", "activity"): (
        "Getting better at estimates",
        {"focus.email": "I'd like your help with getting better at estimates."},
    ),
    ("focus", "subject"): (
        "Public speaking",
        {
            "focus.email": "I'd like to learn about public speaking.",
            "focus.chat": "Would you mentor me on public speaking?",
        },
    ),
    ("focus", "own"): (
        "My first conference talk",
        {"focus.email": "I'd like your help with my first conference talk."},
    ),
    ("focus", "question"): (
        "How do I give feedback to a senior colleague?",
        {
            "focus.email": "I'd like your help with a question: how do I give feedback to a "
            "senior colleague?",
            "focus.thanks": ", and for your help with my question",
        },
    ),
    ("focus", "statement"): (
        "I have my first conference talk in six weeks.",
        {
            "focus.email": "Here is what I'd like your help with. I have my first conference "
            "talk in six weeks.",
            "focus.thanks": "",
        },
    ),
    ("focus", "foreign"): (
        "Quiero aprender a negociar mi salario",
        {
            "focus.email": "What I'd like to learn, in my own words: “Quiero aprender a "
            "negociar mi salario”.",
        },
    ),
    ("focus", "blank"): ("", {"focus.email": "I'd like to learn [what you want to learn]."}),
    ("outcome", "clause"): (
        "I'll know it worked when I've presented once",
        {
            "outcome.check": "I'll know it has worked when I've presented once.",
            "outcome.thanks": "I said I'd know it had worked when I could say this: “I've "
            "presented once.” Where I got to:",
        },
    ),
    ("outcome", "action"): (
        "run two interviews on my own",
        {
            "outcome.check": "By the end, I'd like to run two interviews on my own.",
            "outcome.thanks": "I hoped to run two interviews on my own by the end:",
        },
    ),
    ("outcome", "fragment"): (
        "Shipped design doc",
        {"outcome.check": "What I'm aiming for: shipped design doc."},
    ),
    ("outcome", "foreign"): (
        "Je peux présenter sans notes.",
        {
            "outcome.check": "How I'll know it has worked, in my own words: “Je peux présenter "
            "sans notes.”",
        },
    ),
    ("connection", "clause"): (
        "because because you ran the last three launches",
        {"connection.email": "I'm writing to you in particular because you ran the last three "
         "launches."},
    ),
    ("connection", "i_did"): (
        "Met you at the June meetup",
        {"connection.chat": "I'm asking you because I met you at the June meetup."},
    ),
    ("connection", "you_do"): (
        "Lead the platform team",
        {"connection.chat": "I'm asking you because you lead the platform team."},
    ),
    ("connection", "doing"): (
        "Working with you on the launch",
        {"connection.chat": "I'm asking you after working with you on the launch."},
    ),
    ("connection", "thing"): (
        "Your RustConf talk",
        {"connection.email": "I'm writing to you in particular because of your RustConf talk."},
    ),
    ("connection", "foreign"): (
        "nos conocimos en la conferencia de junio",
        {"connection.chat": "Why I'm asking you, in my own words: “nos conocimos en la "
         "conferencia de junio”."},
    ),
    ("preparation", "action"): (
        "Before each call, I'll send you my notes",
        {"preparation.plan": "Before each call, I'll send you my notes."},
    ),
    ("preparation", "timed"): (
        "read the account notes before each call",
        {"preparation.plan": "I'll read the account notes before each call."},
    ),
    ("preparation", "fragment"): (
        "A one-page brief",
        {"preparation.plan": "My preparation for each call: a one-page brief."},
    ),
    ("preparation", "clause"): (
        "My manager will review my slides first",
        {"preparation.plan": "To prepare for each call, my manager will review my slides first."},
    ),
    ("preparation", "foreign"): (
        "sí, enviaré preguntas",
        {"preparation.plan": "How I'll prepare, in my own words: “sí, enviaré preguntas”."},
    ),
    ("report_back", "topic"): (
        "I'll report back on what I tried",
        {
            "report_back.many": "From the second call on, I'll start by reporting back on what "
            "I tried.",
            "report_back.one": "Afterwards, I'll write to report back on what I tried.",
        },
    ),
    ("report_back", "timed_topic"): (
        "my progress, at the start of each call",
        {"report_back.many": "I'll report back on my progress, at the start of each call."},
    ),
    ("report_back", "action"): (
        "share what I tried",
        {
            "report_back.many": "At the start of each call after the first, I'll share what I "
            "tried.",
            "report_back.one": "Afterwards, I'll share what I tried.",
        },
    ),
    ("report_back", "timed_action"): (
        "send a one-page summary after each call",
        {"report_back.one": "I'll send a one-page summary after each call."},
    ),
    ("report_back", "clause"): (
        "My manager will join for the first five minutes",
        {"report_back.many": "To report back, my manager will join for the first five minutes."},
    ),
    ("report_back", "foreign"): (
        "Lo que probé y lo que pasó",
        {"report_back.one": "How I'll report back, in my own words: “Lo que probé y lo que "
         "pasó”."},
    ),
    # The meeting log and the closing note (drafts after the ask).
    ("advice", "action"): (
        "Ask open questions before closed ones",
        {
            "advice.report": "Last time, you suggested I ask open questions before closed ones.",
            "advice.thanks": "From our first call: your advice to ask open questions before "
            "closed ones.",
        },
    ),
    ("advice", "clause"): (
        "You said I should let the silence run",
        {"advice.report": "The advice I took away last time: you said I should let the "
         "silence run."},
    ),
    ("advice", "fragment"): (
        "The two-question opener",
        {"advice.thanks": "From our first call: the two-question opener."},
    ),
    ("advice", "foreign"): (
        "Hacer preguntas abiertas primero",
        {"advice.report": "The advice I took away last time, in my own words: “Hacer "
         "preguntas abiertas primero”."},
    ),
    ("tried", "action"): (
        "I'll try to ask two open questions in my next interview",
        {"tried.report": "I set out to ask two open questions in my next interview."},
    ),
    ("tried", "timed"): (
        "write up my notes the day before each interview",
        {"tried.report": "I set out to write up my notes the day before each interview."},
    ),
    ("tried", "fragment"): (
        "Two practice interviews with Sam",
        {"tried.report": "What I set out to try: two practice interviews with Sam."},
    ),
    ("tried", "clause"): (
        "My manager will sit in on one interview",
        {"tried.report": "What I set out to try: my manager will sit in on one interview."},
    ),
    ("tried", "foreign"): (
        "dos entrevistas de práctica",
        {"tried.report": "What I set out to try, in my own words: “dos entrevistas de "
         "práctica”."},
    ),
    ("happened", "clause"): (
        "It went better than I expected",
        {
            "happened.report": "What happened: it went better than I expected.",
            "happened.thanks": "When I tried it: it went better than I expected.",
        },
    ),
    ("happened", "action"): (
        "run both interviews on my own",
        {"happened.report": "What happened: run both interviews on my own."},
    ),
    ("happened", "fragment"): (
        "Two good interviews, one awkward silence",
        {"happened.thanks": "When I tried it: two good interviews, one awkward silence."},
    ),
    ("happened", "foreign"): (
        "Salió muy bien",
        {"happened.report": "What happened, in my own words: “Salió muy bien”."},
    ),
    ("asked", "howto"): (
        "How to end an interview without rushing",
        {"asked.report": "What I'd like to ask about this time: how to end an interview "
         "without rushing."},
    ),
    ("asked", "action"): (
        "handle a customer who only complains",
        {"asked.report": "What I'd like to ask about this time: how to handle a customer who "
         "only complains."},
    ),
    ("asked", "activity"): (
        "Writing up interview notes",
        {"asked.report": "What I'd like to ask about this time: writing up interview notes."},
    ),
    ("asked", "subject"): (
        "Note-taking",
        {"asked.report": "What I'd like to ask about this time: note-taking."},
    ),
    ("asked", "own"): (
        "My interview script",
        {"asked.report": "What I'd like to ask about this time: my interview script."},
    ),
    ("asked", "question"): (
        "Question: How do I end an interview politely?",
        {"asked.report": "What I'd like to ask this time: how do I end an interview politely?"},
    ),
    ("asked", "statement"): (
        "My next interview is with a difficult customer.",
        {"asked.report": "What I'd like to ask about this time: my next interview is with a "
         "difficult customer."},
    ),
    ("asked", "foreign"): (
        "¿Cómo termino una entrevista?",
        {"asked.report": "What I'd like to ask about this time, in my own words: “¿Cómo "
         "termino una entrevista?”"},
    ),
    ("next", "action"): (
        "Next, I'll run two interviews a month on my own",
        {"next.thanks": "Next, I'm going to run two interviews a month on my own."},
    ),
    ("next", "timed"): (
        "share my notes with the team after each interview",
        {"next.thanks": "Next, I'm going to share my notes with the team after each "
         "interview."},
    ),
    ("next", "fragment"): (
        "A monthly interview with a new customer",
        {"next.thanks": "What I'll do next: a monthly interview with a new customer."},
    ),
    ("next", "clause"): (
        "My team will take over the interview schedule",
        {"next.thanks": "What I'll do next: my team will take over the interview schedule."},
    ),
    ("next", "foreign"): (
        "seguir entrevistando cada mes",
        {"next.thanks": "What I'll do next, in my own words: “seguir entrevistando cada mes”."},
    ),
    # Read without confidence (`builder.wording.doubts`): the plain frame, whatever the phrase.
    ("focus", "plain"): (
        "Practice system design interviews",
        {
            "focus.email": "What I'd like your help with: practice system design interviews.",
            "focus.chat": "Would you mentor me? What I have in mind: practice system design "
            "interviews.",
            "focus.thanks": "",
            "focus.confirm": "I'm looking forward to working on this with your help.",
            "focus.elsewhere": "If you know of anyone else I could ask about this, I'd be glad of "
            "a name.",
        },
    ),
    ("outcome", "plain"): (
        "A full draft of Specific Aims I'm happy with",
        {
            "outcome.check": "How I'll know it has worked: a full draft of Specific Aims I'm "
            "happy with.",
            "outcome.thanks": "How I said I'd know it had worked: a full draft of Specific Aims "
            "I'm happy with. Where I got to:",
        },
    ),
    ("connection", "plain"): (
        "your talk at DevDay, which was great",
        {
            "connection.email": "Why I'm writing to you in particular: your talk at DevDay, which "
            "was great.",
            "connection.chat": "Why I'm asking you: your talk at DevDay, which was great.",
        },
    ),
    ("preparation", "plain"): (
        "notes and questions go to you two days before",
        {
            "preparation.plan": "How I'll prepare for each call: notes and questions go to you two "
            "days before.",
            "preparation.one": "How I'll prepare for our call: notes and questions go to you two "
            "days before.",
        },
    ),
    ("report_back", "plain"): (
        "progress report writing",
        {
            "report_back.many": "How I'll report back: progress report writing.",
            "report_back.one": "How I'll report back: progress report writing.",
        },
    ),
    ("advice", "plain"): (
        "Start with the smallest module you own",
        {
            "advice.report": "The advice I noted last time: “Start with the smallest module you "
            "own”.",
            "advice.thanks": "From our first call, the advice as I noted it: “Start with the "
            "smallest module you own”.",
        },
    ),
    ("tried", "plain"): (
        "notes and questions go to the team first",
        {
            "tried.report": "What I set out to try: notes and questions go to the team first.",
        },
    ),
    ("happened", "plain"): (
        "notes and feedback came back the next day",
        {
            "happened.report": "What happened: notes and feedback came back the next day.",
            "happened.thanks": "When I tried it: notes and feedback came back the next day.",
        },
    ),
    ("asked", "plain"): (
        "Mentor me on test automation",
        {
            "asked.report": "What I'd like to ask this time: mentor me on test automation.",
        },
    ),
    ("next", "plain"): (
        "notes and questions go into my weekly review",
        {
            "next.thanks": "What I'll do next: notes and questions go into my weekly review.",
        },
    ),
}  # fmt: skip


def test_every_shape_has_an_example() -> None:
    assert set(SHAPES) == {(field, kind) for field, kinds in KINDS.items() for kind in kinds}


@pytest.mark.parametrize(("field", "kind"), sorted(SHAPES))
def test_each_shape_reads_as_a_careful_sentence(field: str, kind: str) -> None:
    text, expected = SHAPES[field, kind]
    fitted = fit(field, text)
    assert fitted.kind == kind
    for slot, sentence in expected.items():
        assert say(slot, fitted, meeting="call", ordinal="first") == sentence


def test_further_sentences_follow_the_frame_but_not_a_title() -> None:
    fitted = fit("focus", "Run my first customer interview. I have one booked for Tuesday")
    assert say("focus.email", fitted) == (
        "I'd like your help to run my first customer interview. I have one booked for Tuesday."
    )
    assert say("focus.thanks", fitted) == ", and for helping me run my first customer interview"
    assert fitted.label == "run my first customer interview. I have one booked for Tuesday"


def test_a_list_becomes_a_series() -> None:
    fitted = fit("preparation", "- read the notes\n- Send questions\n- book the room")
    assert say("preparation.plan", fitted, meeting="call") == (
        "Before each call, I'll read the notes, send questions and book the room."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Public speaking", "public speaking"),
        ("SQL window functions", "SQL window functions"),
        ("Kubernetes operators", "Kubernetes operators"),
        ("Rust for embedded devices", "Rust for embedded devices"),
        ("DevOps basics", "DevOps basics"),
        ("🚀 Launch planning", "🚀 launch planning"),
        ("A PhD application", "a PhD application"),
    ],
)
def test_only_an_ordinary_word_loses_its_capital(text: str, expected: str) -> None:
    assert fit("focus", text).core == expected


def test_a_field_that_only_repeats_the_frame_counts_as_empty() -> None:
    assert not fit("connection", "because")
    assert not fit("preparation", "Before each call, I'll")
    assert fit("focus", "I want to learn").kind == "blank"


@pytest.mark.parametrize("text", ["… … I want to", "... … I want to", "…. I want to"])
def test_leading_dots_go_however_many_there_are(text: str) -> None:
    # Found by the property test: one "…" went, the next stayed, and fitting the label
    # again then read it as blank.
    fitted = fit("focus", text)
    assert fitted.kind == "blank"
    assert fit("focus", "… … write a business case").label == "write a business case"
