"""Put the sample request and thank-you note, drafted by the builder, into pages.

A page that holds `<div data-sh-slot="sample-examples"></div>` gets, in its place, the
drafts `builder.samples` asks the builder for, rendered through the theme partial
`partials/sample-examples.html`: unfolded if the slot also has ` data-sh-open`,
otherwise folded into one box. The logic lives in `builder.samples`, so this hook
only finds slots (`builder_page.py`, listed first, makes `builder` importable and
fresh for each build).
"""

from __future__ import annotations

import re

import _repo_root  # noqa: F401 - sitebuild/ on sys.path

from sitebuild import languages

SLOT = re.compile(r'<div data-sh-slot="sample-examples"(?P<open> data-sh-open)?></div>')
_env = None


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav):
    if page.content and SLOT.search(page.content):
        from builder import samples

        template = _env.get_template("partials/sample-examples.html")
        language = languages.text_language(config)
        data = {"examples": samples.examples(language), "answers": samples.answers(language)}
        page.content = SLOT.sub(
            lambda slot: template.render({**data, "open": bool(slot["open"])}), page.content
        )
    return context
