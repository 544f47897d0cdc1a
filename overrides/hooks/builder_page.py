"""Give the builder's pages their forms, rendered from `builder`'s own tables.

The builder page's template (`overrides/builder.html`) renders the steps, fields, tip
checklist and draft panes from the data computed here, and the coordinators' link
maker (a `<div data-sh-slot="link-maker"></div>` in any page) is rendered from the
same field table, so a label, a limit or a help text changes in `builder/fields.py`
and nowhere else. Data reaches the pages' scripts as JSON (`tojson`), never pasted
into JavaScript.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = "builder.html"
REPLY_TEMPLATE = "reply.html"
LINK_MAKER_SLOT = '<div data-sh-slot="link-maker"></div>'
AFTER_FORM_SLOT = '<div data-sh-slot="after-form"></div>'
# What a coordinator may pre-fill: the request's shape, not anyone's personal details.
LINK_MAKER_FIELDS = (
    "focus",
    "outcome",
    "meetings",
    "minutes",
    "weeks",
    "format",
    "channel",
    "tone",
)
# What the link maker says about the answers it keeps in this browser (localStorage):
# brought back on the next visit, until the coordinator clears the form.
LINK_MAKER_TEXTS = {
    "restored": "Your answers from last time are back: this browser keeps them until you "
    "clear the form.",
    "blocked": "This browser does not let the page keep anything, so these answers will be "
    "gone when you leave. Copy the link first.",
    "full": "Your browser's storage is full, so these answers are not being kept. Copy the "
    "link before you leave.",
    "unreadable": "The answers this browser kept from last time could not be read, so the "
    "form starts blank. They are set aside, not deleted.",
    "cleared": "Cleared. The form and the link are blank again, and this browser keeps "
    "nothing of them.",
}
_env = None


def on_pre_build(config) -> None:
    """Forget `builder` before each build, so `mkdocs serve` shows edits to it."""
    for name in [n for n in sys.modules if n == "builder" or n.startswith("builder.")]:
        del sys.modules[name]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def builder_context() -> dict[str, object]:
    """Everything the builder template needs, as plain data."""
    import builder

    blank = builder.evaluate({}).to_dict()
    steps = builder.fields_as_data()["steps"]
    return {
        "steps": steps,
        "tips": [item["tip"] for item in blank["checklist"]],
        "drafts": [{"name": name, **draft} for name, draft in blank["drafts"].items()],
        # Shown if Python cannot start: the request with blanks to fill in by hand.
        "fallback": blank["drafts"]["email"],
        "after": after_context(),
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


def after_context() -> dict[str, object]:
    """What the "after you send" and "meetings" steps are made of, from `builder.after`."""
    from builder import after, after_drafts

    def spec(field) -> dict[str, object]:
        return {
            "name": field.name,
            "kind": field.kind,
            "label": field.label,
            "help": field.help,
            "max_length": field.max_length,
            "rows": field.rows,
        }

    return {
        "replies": [{"value": value, "label": label} for value, label in after.REPLIES],
        "log_fields": [spec(field) for field in after.LOG_FIELDS],
        "next_field": spec(after.NEXT_FIELD),
        "ended_label": after.ENDED_LABEL,
        "ended_help": after.ENDED_HELP,
        "drafts": {
            name: {"name": name, "title": title, "subject": name in after_drafts.SUBJECTS}
            for name, (title, _) in after_drafts.OUTPUTS.items()
        },
        "keep_agreement": "tips/keep-the-agreement/",
    }


def reply_context() -> dict[str, object]:
    """Everything the mentors' reply helper's template needs, as plain data."""
    from builder.fields import FIELD
    from builder.mentor import reply_fields_as_data
    from builder.mentor.session import evaluate_reply

    blank = evaluate_reply({})
    steps = reply_fields_as_data()
    fields = [f for step in steps for f in step["fields"]]
    return {
        "steps": steps,
        "drafts": [{"name": name, **draft} for name, draft in blank["drafts"].items()],
        "script_data": {
            "version": 1,
            "fields": [
                {"name": f["name"], "default": f["default"], "when": f["when"]} for f in fields
            ],
            # A protégé's link carries the request builder's keys.
            "link_keys": ["v", *(field.url_key for field in FIELD.values())],
        },
    }


def link_maker_context() -> dict[str, object]:
    import builder

    fields = {f["name"]: f for step in builder.fields_as_data()["steps"] for f in step["fields"]}
    return {"fields": [fields[name] for name in LINK_MAKER_FIELDS], "texts": LINK_MAKER_TEXTS}


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav):
    if page.meta.get("template") == TEMPLATE:
        context["builder"] = builder_context()
        # The steps' ids come from the template, not the Markdown: name them to MkDocs, so
        # a guide page's link to `builder/index.md#step-mentor` is checked like any other.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | {
            f"step-{step['id']}" for step in context["builder"]["steps"]
        }
        # What follows the slot is shown after the form: a first visit starts at step 1.
        before, _, after = page.content.partition(AFTER_FORM_SLOT)
        page.content, context["builder"]["after_form"] = before, after
    if page.meta.get("template") == REPLY_TEMPLATE:
        context["reply"] = reply_context()
    if page.content and LINK_MAKER_SLOT in page.content:
        html = _env.get_template("partials/builder/link-maker.html").render(
            {**context, "link_maker": link_maker_context()}
        )
        page.content = page.content.replace(LINK_MAKER_SLOT, html)
    return context
