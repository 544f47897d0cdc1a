"""Properties of importing: whatever two browsers hold, importing one's export into the
other loses nothing of the other's, unless the reader chose to replace a request."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import raw_values

from builder.keeping.record import untouched
from builder.keeping.request_list import add, export, import_file, rename
from builder.keeping.store import full, open_store, read_store

SLOW = settings(max_examples=100, deadline=None)

# Ids from a small pool, so two stores often share one (as every browser's first
# request did under version 2), whatever the requests hold.
POOL = [f"r-{n:016x}" for n in range(4)]


@st.composite
def stores(draw: st.DrawFn) -> dict:
    """A browser's document: up to four requests, some renamed, some with shared ids."""
    document = open_store(today="2026-01-12")["document"]
    for values in draw(st.lists(raw_values, max_size=4)):
        document = add(document, today="2026-01-12")
        document["requests"][-1] = open_store(
            json.dumps({**document, "requests": [document["requests"][-1]]}),
            json.dumps({"version": 1, "values": values}, default=repr),
        )["document"]["requests"][-1]
        if draw(st.booleans()):
            document, _ = rename(document, document["requests"][-1]["id"], draw(st.text()))
    ids = draw(st.lists(st.sampled_from(POOL), min_size=4, max_size=4, unique=True))
    for record, ident in zip(document["requests"], ids, strict=False):
        if draw(st.booleans()):
            record["id"] = ident
    document["current"] = document["requests"][0]["id"]
    return json.loads(json.dumps(document))


@st.composite
def two_browsers(draw: st.DrawFn) -> tuple[dict, dict, list[str]]:
    """Two documents, and the ids the reader chooses to replace; often the second
    holds some of the first's requests (the same device's, imported before), as they
    were or changed since."""
    a, b = draw(stores()), draw(stores())
    if draw(st.booleans()):
        for record in a["requests"]:
            how = draw(st.sampled_from(["leave", "same", "changed"]))
            if how != "leave" and record["id"] not in {r["id"] for r in b["requests"]}:
                copy = json.loads(json.dumps(record))
                if how == "changed":
                    copy["values"]["focus"] += draw(st.text(min_size=1, max_size=5))
                b["requests"].append(copy)
    b, _ = read_store(json.dumps(b))  # as the browser holds it: read, cleaned
    ids = [r["id"] for r in a["requests"]] + POOL
    return a, full(b), draw(st.lists(st.sampled_from(ids), max_size=4))


@SLOW
@given(two_browsers(), st.booleans())
def test_importing_keeps_every_request_of_mine_unless_i_chose_to_replace_it(
    browsers: tuple[dict, dict, list[str]], just_one: bool
) -> None:
    a, b, chosen = browsers
    one = a["requests"][-1]["id"] if just_one else ""
    file = export(a, one)["text"]
    result = import_file(b, file, replace=chosen)
    assert result["ok"], result
    after = {r["id"]: r for r in result["document"]["requests"]}
    assert len(after) == len(result["document"]["requests"])  # no id twice
    theirs = json.loads(file)["requests"]
    replaced = {i["id"] for i in result["items"] if i["status"] == "replace"}
    assert replaced <= set(chosen)
    for record in b["requests"]:
        if untouched(record):
            continue  # a blank request: nothing of the reader's to keep
        if record["id"] in replaced:
            assert after[record["id"]] in theirs  # the file's version, as chosen
        else:
            assert after.get(record["id"]) == record  # mine, exactly as it was
    # And every request of the file is there too, as it is in the file, under some id.
    kept = [{**r, "id": "", "name": "", "named": False} for r in after.values()]
    for record in theirs:
        assert {**record, "id": "", "name": "", "named": False} in kept
