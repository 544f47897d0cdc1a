"""Give the builder's pages their forms: the data is sitebuild/page_data.py's, from
`builder`'s own tables; this hook hands it to the templates (`builder.html`,
`reply.html`) and fills the link maker's slot (`<div data-sh-slot="link-maker"></div>`).
"""

from __future__ import annotations

import sys

import _repo_root  # noqa: F401 - sitebuild/ on sys.path

from sitebuild import languages, page_data, texts

LINK_MAKER_SLOT = '<div data-sh-slot="link-maker"></div>'
AFTER_FORM_SLOT = '<div data-sh-slot="after-form"></div>'
_env = None


def on_pre_build(config) -> None:
    """Forget `builder` before each build, so `mkdocs serve` shows edits to it."""
    for name in [n for n in sys.modules if n == "builder" or n.startswith("builder.")]:
        del sys.modules[name]


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav):
    language = languages.text_language(config)
    if page.meta.get("template") in ("builder.html", "reply.html", "link-maker.html"):
        # The page scripts' words in the page's language (sitebuild/texts.py, texts.js).
        context["script_texts"] = texts.script_texts(language)
    if page.meta.get("template") == "builder.html":
        context["builder"] = page_data.builder_context(language)
        # The steps' ids come from the template, not the Markdown: name them to MkDocs, so
        # a guide page's link to `builder/index.md#step-mentor` is checked like any other.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | {
            f"step-{step['id']}" for step in context["builder"]["steps"]
        }
        # What follows the slot is shown after the form: a first visit starts at step 1.
        before, _, after = page.content.partition(AFTER_FORM_SLOT)
        page.content, context["builder"]["after_form"] = before, after
    if page.meta.get("template") == "reply.html":
        context["reply"] = page_data.reply_context(language)
    if page.content and LINK_MAKER_SLOT in page.content:
        html = _env.get_template("partials/builder/link-maker.html").render(
            {**context, "link_maker": page_data.link_maker_context(language)}
        )
        page.content = page.content.replace(LINK_MAKER_SLOT, html)
    return context
