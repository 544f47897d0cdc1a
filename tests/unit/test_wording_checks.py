"""The corpus checks must catch the slips the old drafts made (issue #10's examples),
and pass sentences a careful person would write: a check that cannot fail is no check."""

from __future__ import annotations

import pytest
from wording_checks import problems

CAUGHT = [
    ("I'd like to learn learn to run customer discovery interviews.", []),
    ("I'd like to learn Shadow two of your customer calls and debrief.", []),
    ("Would you mentor me on Shadow two of your customer calls?", []),
    ("I'd like to learn improve my code review comments.", []),
    ("Before each call, I'll read the account notes before each call.", []),
    ("Before each call, I'll Before each call, I'll send you my notes.", []),
    ("I'll know it has worked when I'll know it worked when I've presented once.", []),
    ("I'll know it has worked when Shipped design doc.", ["Shipped design doc"]),
    ("I'm writing to you in particular because because you ran the last three launches.", []),
    ("I'm writing to you in particular because Met you at the June meetup.", ["Met you"]),
    ("I'll start by reporting back on I'll report back on what I tried.", []),
    ("Before each call, I'll sí, enviaré preguntas.", []),
    ("I'd like to learn about etc..", []),
    ("I'd like to learn how to pitch?.", []),
    ("I'm writing to you in particular because .", []),
    ("I'd like your help to the launch plan.", []),
    ("I'd like to learn about Public speaking.", []),
    ("I'd like to learn 日本語でプレゼンの練習をしたい.", []),
    # The mentor's answer to a first date that does not suit them.
    ("Instead, how about the 11th instead?", []),
    ("Instead, how about how about the 11th?", []),
    ("Instead, how about could we do the 11th?", []),
    ("Instead, could you what about Thursday?", []),
    ("Instead, how about ?", []),
    # What the blind phrasings of issue #23 showed the checks missed.
    ("I'll know it has worked when a full draft of Specific Aims I'm happy with.", []),
    ("I'll know it has worked when a calmer, more organised me.", []),
    ("I'll know it has worked when Doc approved.", ["Doc approved!"]),
    ("I'd like to learn about practice system design interviews.", []),
    ("Would you mentor me on practice system design interviews?", []),
    ("I'd like your help to help preparing for my PhD defence.", []),
    ("I'm writing to you in particular because of of your expierence in procurement.", []),
    ("I said I'd know it had worked when I've run three interviews:", []),
    ("Hey Tom Okafor!", ["Tom Okafor"]),
    ("Hi Dana Whitfield,", ["Dana Whitfield"]),
    ("Last time, you suggested I start with the smallest module you own.", []),
    (
        "I'm looking forward to learning about the basics of SQL so I can pull our numbers "
        "myself with your help.",
        [],
    ),
    (
        "Thank you for our three calls on the basics of SQL so I can pull our numbers myself.",
        [],
    ),
    ("Just say so, and thank you for reading this far.\n\nThank you for considering it.", []),
]
CLEAN = [
    "I'd like to learn to run customer discovery interviews.",
    "I'd like your help to shadow two of your customer calls and debrief.",
    "I'll read the account notes before each call.",
    "I'm writing to you in particular because I met you at the June meetup.",
    "What I'd like to learn, in my own words: “sí, enviaré preguntas”.",
    "I'd like to learn about SQL window functions with Jonas at PyCon US.",
    "From the second call on, I'll start by reporting back on what I tried.",
    "Mentoring plan: How to run my first customer interview",
    "Instead, how about any afternoon next week?",
    "How about the 11th instead?",
    "What would suit me: “Thrusday afternoon”.",
    "I'll know it has worked when my manager approved the plan.",
    "I'll know it has worked when two interviews are done.",
    "I'd like to learn about design systems.",
    "Dear Dana Whitfield,",
    "Hi Dana,",
    "The advice I noted last time: “Start with the smallest module you own.”",
    "I said I'd know it had worked when I could say this: “I've run three interviews.”",
    "If now isn't a good time, no problem at all: just say so.\n\nThank you for considering it.",
    "The advice I took away, in my own words: “Menos texto. Practica más.” When I tried it: "
    "it went well.",
]


@pytest.mark.parametrize(("sentence", "typed"), CAUGHT)
def test_known_slips_are_caught(sentence: str, typed: list[str]) -> None:
    assert problems(sentence, typed)


@pytest.mark.parametrize("sentence", CLEAN)
def test_careful_sentences_pass(sentence: str) -> None:
    assert problems(sentence, ["SQL window functions with Jonas at PyCon US"]) == []
