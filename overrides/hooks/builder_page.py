"""Give the request-builder page its form, rendered from `builder`'s own tables.

The page's template (`overrides/builder.html`) renders the steps, fields, tip
checklist and draft panes from the data computed here, so a label, a limit or a
help text changes in `builder/fields.py` and nowhere else. The same data reaches the
page's script as JSON (`tojson`), never pasted into JavaScript.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = "builder.html"


def _fresh_builder():
    """Import `builder` anew, so `mkdocs serve` shows edits to it on rebuild."""
    for name in [n for n in sys.modules if n == "builder" or n.startswith("builder.")]:
        del sys.modules[name]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import builder

    return builder


def builder_context() -> dict[str, object]:
    """Everything the builder template needs, as plain data."""
    builder = _fresh_builder()
    blank = builder.evaluate({}).to_dict()
    steps = builder.fields_as_data()["steps"]
    return {
        "steps": steps,
        "tips": [item["tip"] for item in blank["checklist"]],
        "drafts": [{"name": name, **draft} for name, draft in blank["drafts"].items()],
        # Shown if Python cannot start: the request with blanks to fill in by hand.
        "fallback": blank["drafts"]["email"],
        "script_data": {
            "version": 1,
            "steps": [step["id"] for step in steps],
            "fields": [
                {"name": f["name"], "url_key": f["url_key"], "default": f["default"]}
                for step in steps
                for f in step["fields"]
            ],
        },
    }


def on_page_context(context, page, config, nav):
    if page.meta.get("template") == TEMPLATE:
        context["builder"] = builder_context()
    return context
