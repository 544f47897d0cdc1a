"""The one stored document: migration from today's saved draft, the list of requests,
export, and import of valid, old, corrupt, oversized, hostile and foreign files."""

from __future__ import annotations

import json
import re

import pytest

from builder.keeping.request_list import add, export, import_file, remove, rename
from builder.keeping.store import FORMAT, MAX_REQUESTS, VERSION, open_store, read_store
from builder.request.fields import defaults
from builder.wording.catalog import PSEUDO, is_pseudo, speaking

# A saved draft exactly as the page wrote it before version 2 (localStorage
# "shorthaul.builder.draft"), with an edit of the email.
TODAYS_DRAFT = {
    "version": 1,
    "saved_at": "2026-01-04T09:30:00.000Z",
    "values": {
        "focus": "how to run my first customer interview",
        "outcome": "I've run two interviews on my own",
        "protege_name": "Ana Lima",
        "mentor_name": "Maria",
        "mentor_email": "maria@example.org",
        "connection": "we worked together on last year's launch",
        "meetings": "3x",  # half-typed values are kept as they are
        "minutes": "30",
        "weeks": "4",
        "format": "video",
        "preparation": "send you my questions two days ahead",
        "report_back": "what I tried, and what happened",
        "channel": "email",
        "tone": "warm",
    },
    "edits": {
        "email": {
            "text": "Hi Maria, my own words.",
            "subject": "Two calls?",
            "base": "Hi Maria,\n\nthe builder's draft",
            "base_subject": "A small mentoring request",
        }
    },
}


def opened(**kwargs) -> dict:
    return open_store(**{k: json.dumps(v) if isinstance(v, dict) else v for k, v in kwargs.items()})


def test_todays_saved_draft_opens_as_one_request_with_nothing_lost() -> None:
    result = opened(draft=TODAYS_DRAFT, today="2026-01-12")
    document = result["document"]
    assert (document["format"], document["version"]) == (FORMAT, VERSION)
    [record] = document["requests"]
    assert document["current"] == record["id"]
    for name, value in TODAYS_DRAFT["values"].items():
        assert record["values"][name] == value
    assert record["values"]["first_date"] == ""  # the new fields start open
    assert record["edits"] == TODAYS_DRAFT["edits"]
    assert record["created"] == "2026-01-04"
    assert record["name"] == "Maria: how to run my first customer interview"
    assert result["notices"] == []
    assert result["previous"] is None


def test_the_draft_a_link_set_aside_is_kept_as_an_earlier_draft() -> None:
    linked = {"version": 1, "values": {**TODAYS_DRAFT["values"], "focus": "how to price"}}
    result = opened(draft=linked, previous=TODAYS_DRAFT)
    names = [r["name"] for r in result["document"]["requests"]]
    assert names == ["Earlier draft", "Maria: how to price"]
    current = result["document"]["current"]
    assert current == result["document"]["requests"][1]["id"]
    assert result["previous"] == result["document"]["requests"][0]["id"]  # offered back


def test_a_working_copy_keeps_what_was_noted_after_sending() -> None:
    copy = {**TODAYS_DRAFT, "after": {"sent_on": "2026-01-05", "log": [{"advice": "Ask"}]}}
    [record] = opened(draft=copy)["document"]["requests"]
    assert record["after"]["sent_on"] == "2026-01-05"
    assert record["after"]["log"][0]["advice"] == "Ask"


def test_a_working_copy_that_differs_is_adopted_and_the_old_one_offered_back() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    before = document["current"]
    typed = {"version": 1, "values": {**TODAYS_DRAFT["values"], "focus": "typed early"}}
    result = open_store(stored=json.dumps(document), draft=json.dumps(typed))
    assert len(result["document"]["requests"]) == 2
    assert result["previous"] == before
    assert result["document"]["current"] != before


def test_the_same_values_again_make_no_duplicate() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    again = open_store(stored=json.dumps(document), draft=json.dumps(TODAYS_DRAFT))
    assert len(again["document"]["requests"]) == 1
    assert again["previous"] is None


def test_a_stored_document_reads_back_the_same() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    document["requests"][0]["after"]["log"] = [{"date": "2026-01-13", "advice": "Ask more"}]
    again = open_store(stored=json.dumps(document))["document"]
    assert again["requests"][0]["after"]["log"][0]["advice"] == "Ask more"
    assert again["requests"][0]["values"] == document["requests"][0]["values"]


def test_an_unreadable_store_is_reported_not_overwritten_silently() -> None:
    result = open_store(stored="{not json")
    assert result["unreadable"] is True
    assert result["notices"] == ["The requests saved in this browser could not be read."]
    assert len(result["document"]["requests"]) == 1  # a fresh blank request to work in


def test_tolerant_reading_keeps_what_it_can() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    document["requests"][0]["after"]["reply"] = "perhaps"
    document["requests"][0]["zone"] = "<script>"
    read, problems = read_store(json.dumps(document))
    assert read["requests"][0]["after"]["reply"] == ""
    assert read["requests"][0]["zone"] == ""
    assert read["requests"][0]["values"]["focus"] == TODAYS_DRAFT["values"]["focus"]
    assert len(problems) == 2


def test_new_rename_delete() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    first = document["current"]
    document = add(document, copy_from=first, today="2026-01-12")
    assert len(document["requests"]) == 2
    other = document["requests"][1]
    assert document["current"] == other["id"] != first
    assert other["values"]["focus"] == TODAYS_DRAFT["values"]["focus"]
    assert other["values"]["mentor_name"] == other["values"]["mentor_email"] == ""
    document, problem = rename(document, other["id"], "  Sam:   interviews ")
    assert problem == ""
    assert document["requests"][1]["name"] == "Sam: interviews"
    assert document["requests"][1]["named"] is True  # no longer follows the answers
    unchanged, problem = rename(document, other["id"], "x" * 81)
    assert "80 characters" in problem
    assert unchanged["requests"][1]["name"] == "Sam: interviews"
    assert "Give the request a name" in rename(document, other["id"], "  ")[1]
    document = remove(document, other["id"])
    assert [r["id"] for r in document["requests"]] == [first]
    assert document["current"] == first
    document = remove(document, first)
    assert len(document["requests"]) == 1
    assert document["requests"][0]["values"] == defaults()


def test_export_one_or_all_and_import_them_elsewhere() -> None:
    document = add(opened(draft=TODAYS_DRAFT)["document"], today="2026-01-12")
    one = export(document, document["requests"][0]["id"], "2026-01-12T10:00:00Z")
    every = export(document)
    assert one["name"] == "mentoring-request.json"
    assert every["name"] == "mentoring-requests.json"
    assert len(json.loads(one["text"])["requests"]) == 1
    fresh = open_store()["document"]  # another profile: one blank request
    result = import_file(fresh, every["text"])
    assert result["ok"]
    assert result["ask"] is False
    assert [r["id"] for r in result["document"]["requests"]] == [
        r["id"] for r in document["requests"]
    ]
    assert result["document"]["requests"][0]["edits"] == TODAYS_DRAFT["edits"]


def test_a_blank_request_whose_page_set_its_drafts_language_is_still_blank() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    fresh = open_store()["document"]
    # The form sends the drafts' language it starts at (the page's) with every save.
    fresh["requests"][0]["values"]["draft_language"] = "es"
    result = import_file(fresh, export(document)["text"])
    assert result["ask"] is False
    assert len(result["document"]["requests"]) == len(document["requests"])


def test_importing_a_request_already_here_changes_nothing_and_asks_first() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    result = import_file(document, export(document)["text"])
    assert result["ok"]
    assert result["ask"] is True
    assert [i["status"] for i in result["items"]] == ["same"]
    assert result["document"]["requests"] == document["requests"]
    assert result["summary"] == "Nothing to import: the file's request is already here."


def _version_2(document: dict, ident: str) -> dict:
    """The document as version 2 kept it: every request under one id from its answers."""
    old = json.loads(json.dumps(document))
    old["version"] = 2
    for record in old["requests"]:
        record["id"] = ident
    old["current"] = ident
    return old


def test_ids_are_random_never_made_from_the_answers() -> None:
    first = [open_store(today="2026-01-12")["document"]["requests"][0]["id"] for _ in range(50)]
    assert len(set(first)) == 50  # every new browser's first request has an id of its own
    assert all(re.fullmatch(r"r-[0-9a-f]{16}", ident) for ident in first)
    document = opened(draft=TODAYS_DRAFT)["document"]
    again = opened(draft=TODAYS_DRAFT)["document"]
    assert document["requests"][0]["id"] != again["requests"][0]["id"]


def test_a_version_2_document_gets_new_ids_and_loses_nothing() -> None:
    document = add(opened(draft=TODAYS_DRAFT)["document"], today="2026-01-12")
    old = _version_2(document, "r-822f8ebc4a")
    old["requests"][1]["id"] = "r-0000000001"
    old["current"] = "r-0000000001"
    migrated = open_store(stored=json.dumps(old))["document"]
    assert migrated["version"] == VERSION == 3
    ids = [r["id"] for r in migrated["requests"]]
    assert "r-822f8ebc4a" not in ids
    assert len(set(ids)) == 2
    assert migrated["current"] == ids[1]  # the same request is current
    for before, after in zip(document["requests"], migrated["requests"], strict=True):
        assert {**before, "id": ""} == {**after, "id": ""}
    # Read again, version 3 keeps its ids.
    assert [r["id"] for r in open_store(stored=json.dumps(migrated))["document"]["requests"]] == ids


def test_a_request_with_the_same_id_but_other_answers_is_kept_beside_mine() -> None:
    # The report: export on one device, type a new request on another, import the file
    # there. Under version 2 both first requests had the blank form's id.
    theirs = opened(draft=TODAYS_DRAFT)["document"]
    mine = add(open_store()["document"], today="2026-01-12")
    mine["requests"] = mine["requests"][-1:]
    mine["requests"][0]["values"] |= {"focus": "give better feedback to my designers",
                                      "mentor_name": "Sam"}  # fmt: skip
    mine["requests"][0]["name"] = "Sam: give better feedback to my designers"
    shared = mine["requests"][0]["id"]
    theirs["requests"][0]["id"] = theirs["current"] = shared
    result = import_file(mine, export(theirs)["text"])
    assert result["ok"]
    assert result["ask"] is True
    [item] = result["items"]
    assert item["status"] == "both"
    assert item["mine"] == "Sam: give better feedback to my designers"
    kept = result["document"]["requests"]
    assert kept[0] == mine["requests"][0]  # mine, untouched
    assert kept[1]["values"]["focus"] == TODAYS_DRAFT["values"]["focus"]
    assert kept[1]["id"] != shared
    assert kept[1]["name"] == "Maria: how to run my first customer interview (from the file)"
    assert result["document"]["current"] == kept[1]["id"]
    assert result["summary"] == "Imported one request: 1 kept beside yours as a copy."
    # Only when the reader chooses it does the file's version take the place of theirs.
    chosen = import_file(mine, export(theirs)["text"], replace=[shared])
    assert [i["status"] for i in chosen["items"]] == ["replace"]
    [record] = chosen["document"]["requests"]
    assert (record["id"], record["values"]["focus"]) == (shared, TODAYS_DRAFT["values"]["focus"])
    assert chosen["summary"] == "Imported one request: 1 replaced yours."


def test_a_version_2_file_imports_with_new_ids() -> None:
    theirs = opened(draft=TODAYS_DRAFT)["document"]
    text = json.dumps(_version_2(theirs, "r-822f8ebc4a"))
    mine = open_store()["document"]
    mine["requests"][0]["id"] = "r-822f8ebc4a"
    mine["requests"][0]["values"]["focus"] = "how to price a consulting job"
    result = import_file(mine, text)
    assert [i["status"] for i in result["items"]] == ["add"]
    ids = [r["id"] for r in result["document"]["requests"]]
    assert ids[0] == "r-822f8ebc4a"
    assert ids[1] != ids[0]
    # The same file again: already here, whatever its ids.
    again = import_file(result["document"], text)
    assert [i["status"] for i in again["items"]] == ["same"]


def test_a_new_request_keeps_my_name_and_the_programs_defaults() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    document["requests"][0]["values"]["protege_email"] = "ana@example.org"
    document = add(document, today="2026-01-12", own_from=document["current"])
    record = document["requests"][-1]
    assert record["values"] == {
        **defaults(),
        "protege_name": "Ana Lima",
        "protege_email": "ana@example.org",
    }
    assert document["current"] == record["id"]


def test_todays_saved_draft_imports_as_an_old_version() -> None:
    result = import_file(None, json.dumps(TODAYS_DRAFT))
    assert result["ok"]
    assert result["document"]["requests"][0]["values"]["meetings"] == "3x"


def _file(**changes) -> str:
    document = opened(draft=TODAYS_DRAFT)["document"]
    document.update(changes)
    return json.dumps(document)


def _with_record(**changes) -> str:
    document = opened(draft=TODAYS_DRAFT)["document"]
    document["requests"][0].update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "isn't readable JSON"),
        ("{broken", "isn't readable JSON"),
        (b"\xff\xfe", "isn't readable JSON"),
        ('"just a string"', "not a Short Haul export"),
        ("[1, 2, 3]", "not a Short Haul export"),
        ('{"name": "calendar", "events": []}', "not a Short Haul export"),
        (_file(version=4), "newer version of the builder (version 4)"),
        (_file(version="2"), "version can't be read"),
        (_file(version=1), "never made"),
        (_file(requests={"a": 1}), "no list of requests"),
        (_file(requests=[]), "holds no requests"),
        (_file(requests=[{"values": {}}] * (MAX_REQUESTS + 1)), "more than 50 requests"),
        ("[" * 5000 + "]" * 5000, "nests deeper"),
        ('{"a": "' + "x" * 1_100_000 + '"}', "too big"),
        (_with_record(values=["focus"]), "is not a set of named values"),
        (_with_record(values={"focus": {"__proto__": 1}}), "focus is not text"),
        (_with_record(values={"focus": "x" * 20_001}), "longer than the builder keeps"),
        (_with_record(id="../../etc"), "an id the builder does not make"),
        (_with_record(zone="Europe/Berlin<img>"), "time zone"),
        (_with_record(after={"reply": "<b>yes</b>"}), "reply is not one"),
        (_with_record(after={"log": [{}] * 25}), "more than 24 meetings"),
        (_with_record(after={"log": "none"}), "log is not a list"),
        (_with_record(after={"sent_on": "yesterday"}), "is not a date"),
        (_with_record(edits={"__proto__": {"text": "x"}}), "a name the builder does not know"),
    ],
)
def test_a_broken_hostile_or_foreign_file_changes_nothing(text, message: str) -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    before = json.dumps(document)
    result = import_file(document, text)
    assert result["ok"] is False
    assert message in result["message"], result["message"]
    assert json.dumps(document) == before


def test_the_message_says_which_request_is_broken() -> None:
    document = opened(draft=TODAYS_DRAFT)["document"]
    document = add(document)
    document["requests"][1]["values"] = {"focus": []}
    result = import_file(None, json.dumps(document))
    assert result["message"].startswith("Request 2: ")


def test_the_same_file_imported_twice_adds_nothing_the_second_time() -> None:
    theirs = opened(draft=TODAYS_DRAFT)["document"]
    mine = opened(draft={**TODAYS_DRAFT, "values": {**TODAYS_DRAFT["values"], "focus": "x" * 12}})[
        "document"
    ]
    theirs["requests"][0]["id"] = theirs["current"] = mine["current"]  # ids that clash
    file = export(theirs)["text"]
    once = import_file(mine, file)["document"]
    assert len(once["requests"]) == 2  # mine, and the file's as a copy
    twice = import_file(once, file)
    assert [i["status"] for i in twice["items"]] == ["same"]  # the copy is that request
    assert twice["document"]["requests"] == once["requests"]


def test_a_request_i_chose_to_replace_is_not_the_copy_another_of_the_files_matches() -> None:
    # Found by the property test: the file holds my request's old words under another
    # id, and its own version under my request's id, which I chose to replace. Matched
    # to mine, the old words would count as "already here" and vanish with it.
    mine = opened(draft=TODAYS_DRAFT)["document"]
    shared = mine["requests"][0]["id"]
    theirs = add(json.loads(json.dumps(mine)), today="2026-01-12")
    theirs["requests"][0]["id"] = "r-00000000000000aa"  # my words, under another id
    theirs["requests"][1]["id"] = shared  # something else, under my id
    theirs["requests"][1]["values"]["focus"] = "plan a design review"
    result = import_file(mine, export(theirs)["text"], replace=[shared])
    assert [i["status"] for i in result["items"]] == ["add", "replace"]
    focuses = sorted(r["values"]["focus"] for r in result["document"]["requests"])
    assert focuses == sorted([TODAYS_DRAFT["values"]["focus"], "plan a design review"])


def said_keeping(language: str) -> dict[str, object]:
    """What keeping requests tells the reader, in `language`: a broken file's problem (in
    the second of its requests), a name too long, an import kept beside the reader's own,
    and the notices of a store and a draft that cannot be read."""
    theirs = opened(draft=TODAYS_DRAFT)["document"]
    with speaking(language):
        broken = add(theirs)
        broken["requests"][1]["values"] = {"focus": []}
        mine = add(open_store()["document"])
        mine["requests"] = mine["requests"][-1:]
        mine["requests"][0]["values"] |= {"focus": "give better feedback", "mentor_name": "Sam"}
        theirs["requests"][0]["id"] = theirs["current"] = mine["requests"][0]["id"]
        both = import_file(mine, export(theirs)["text"])
        return {
            "problem": import_file(None, json.dumps(broken))["message"],
            "rename": rename(mine, mine["requests"][0]["id"], "x" * 81)[1],
            "name": add(None)["requests"][0]["name"],
            "item": both["items"][0]["text"],
            "summary": both["summary"],
            "choice": both["choice"],
            "unreadable": open_store("{broken", "{broken")["notices"],
        }


def test_keeping_requests_is_said_in_spanish() -> None:
    said = said_keeping("es")
    assert said["problem"] == "Solicitud 2: Hay algo que no es texto en «objetivo»."
    assert said["rename"] == "Deja el nombre en 80 caracteres como máximo (tiene 81)."
    assert said["name"] == "Nueva solicitud"
    assert said["item"] == (
        "«Maria: how to run my first customer interview»: tienes otra versión de ella "
        "(«Nueva solicitud»). Se conservan las dos: la tuya tal como está, y la del archivo "
        "como «Maria: how to run my first customer interview (del archivo)»."
    )
    assert said["summary"] == "Se importó una solicitud: 1 guardada junto a la tuya como copia."
    assert said["choice"] == "Reemplazar la mía por la versión del archivo"
    assert said["unreadable"] == [
        "No se pudieron leer las solicitudes guardadas en este navegador.",
        "No se pudo leer un borrador guardado en este navegador.",
    ]


def test_every_text_of_keeping_requests_comes_from_the_catalog() -> None:
    said = said_keeping(PSEUDO)
    shown = [*[text for key, text in said.items() if key != "unreadable"], *said["unreadable"]]
    assert len(shown) == 8
    assert [text for text in shown if not is_pseudo(text)] == []
    assert str(said["problem"]).startswith("⟦Ŕéǫûéšŧ 2:")  # the request's number, said too
    with speaking(PSEUDO):
        for text in ("", "[1]", '{"format": "shorthaul-requests", "version": 9}'):
            assert is_pseudo(import_file(None, text)["message"])
