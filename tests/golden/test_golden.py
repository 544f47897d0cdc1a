"""Golden drafts: fixed requests and every draft the builder writes for them (the
`es-` ones in Spanish, their drafts' language).

Each `<id>.txt` beside this file is what the builder wrote for that request when it
was last reviewed by eye, so any change to the wording shows as a diff in review.
After a deliberate change, rewrite them and read the diff:

    SHORTHAUL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden

The same test runs inside Pyodide, from the site's own bundle.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from builder import render_drafts, validate
from builder.request.downloads import as_text

HERE = Path(__file__).parent
REQUESTS = json.loads((HERE / "requests.json").read_text(encoding="utf-8"))
UPDATE = os.environ.get("SHORTHAUL_UPDATE_GOLDEN") == "1"


def rendered(values: dict[str, str]) -> str:
    request, _ = validate(values)
    return as_text(render_drafts(request))


def test_there_are_about_twenty() -> None:
    assert len(REQUESTS) >= 20
    assert len({item["id"] for item in REQUESTS}) == len(REQUESTS)


@pytest.mark.parametrize("item", REQUESTS, ids=[item["id"] for item in REQUESTS])
def test_drafts_match_the_reviewed_text(item: dict) -> None:
    golden = HERE / f"{item['id']}.txt"
    text = rendered(item["values"])
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
