"""What the builder's pages are rendered from: plain data from `builder`'s own tables.

The builder page's template (`overrides/builder.html`) renders the steps, fields, tip
checklist and draft panes from `builder_context()`, the mentors' reply helper from
`reply_context()`, and the coordinators' link maker from `link_maker_context()`, so a
label, a limit or a help text changes in `builder/request/fields.py` and nowhere else. Data
reaches the pages' scripts as JSON (`tojson`), never pasted into JavaScript. Nothing
here knows the generator: overrides/hooks/builder_page.py hands it to MkDocs' pages.
"""

from __future__ import annotations

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
    "draft_language",  # where the site offers more than English
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


def builder_context(language: str = "en") -> dict[str, object]:
    """Everything the builder template needs, as plain data, in the page's language
    (its words, coaching and first drafts: the drafts start in the page's language)."""
    import builder
    from builder.wording.catalog import speaking, translator

    t = translator(language)
    with speaking(language):
        blank = builder.evaluate({}).to_dict()
    steps = builder.fields_as_data(language)["steps"]
    return {
        "steps": steps,
        "tips": [item["tip"] for item in blank["checklist"]],
        "drafts": [
            {"name": name, **draft, "title": t(draft["title"])}
            for name, draft in blank["drafts"].items()
        ],
        # Shown if Python cannot start: the request with blanks to fill in by hand.
        "fallback": blank["drafts"]["email"],
        "after": after_context(language),
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


def after_context(language: str = "en") -> dict[str, object]:
    """What the "after you send" and "meetings" steps are made of, from `builder.after.progress`."""
    from builder.after import drafts as after_drafts
    from builder.after import progress as after
    from builder.wording.catalog import translator

    t = translator(language)

    def spec(field) -> dict[str, object]:
        return {
            "name": field.name,
            "kind": field.kind,
            "label": t(field.label),
            "help": t(field.help),
            "max_length": field.max_length,
            "rows": field.rows,
        }

    return {
        "replies": [{"value": value, "label": t(label)} for value, label in after.REPLIES],
        "log_fields": [spec(field) for field in after.LOG_FIELDS],
        "next_field": spec(after.NEXT_FIELD),
        "ended_label": t(after.ENDED_LABEL),
        "ended_help": t(after.ENDED_HELP),
        "drafts": {
            name: {"name": name, "title": t(title), "subject": name in after_drafts.SUBJECTS}
            for name, (title, _) in after_drafts.OUTPUTS.items()
        },
        "keep_agreement": "tips/keep-the-agreement/",
    }


def reply_context(language: str = "en") -> dict[str, object]:
    """Everything the mentors' reply helper's template needs, as plain data, in the
    page's language (its form's words, and the blank reply drafted in it)."""
    from builder.mentor import reply_fields_as_data
    from builder.mentor.session import evaluate_reply
    from builder.request.fields import FIELD
    from builder.wording.catalog import speaking, translator

    t = translator(language)
    with speaking(language):
        blank = evaluate_reply({})
    steps = reply_fields_as_data(language=language)
    fields = [f for step in steps for f in step["fields"]]
    return {
        "steps": steps,
        "drafts": [
            {"name": name, **draft, "title": t(draft["title"])}
            for name, draft in blank["drafts"].items()
        ],
        "script_data": {
            "version": 1,
            "fields": [
                {"name": f["name"], "default": f["default"], "when": f["when"]} for f in fields
            ],
            # A protégé's link carries the request builder's keys.
            "link_keys": ["v", *(field.url_key for field in FIELD.values())],
        },
    }


def link_maker_context(language: str = "en") -> dict[str, object]:
    import builder
    from builder.wording.catalog import translator

    fields = {
        f["name"]: f for step in builder.fields_as_data(language)["steps"] for f in step["fields"]
    }
    t = translator(language)
    texts = {key: t(text) for key, text in LINK_MAKER_TEXTS.items()}
    shown = [fields[name] for name in LINK_MAKER_FIELDS if name in fields]
    for field in shown:
        if field["name"] == "draft_language":
            # Left as it is, a link does not choose: the drafts are in the language of the
            # page it opens (the builder's own form offers only real languages).
            first = {"value": "", "label": t("The language of the page it opens")}
            field.update(default="", choices=[first, *field["choices"]])
    return {"fields": shown, "texts": texts}
