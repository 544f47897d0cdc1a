"""The table of every public page and anchor, computed from the build itself.

A page that holds `<div data-sh-slot="public-links"></div>` gets, in its place, a
table of every page of the navigation with the ids of its headings, the builder's
step anchors and the short redirect addresses, rendered through the theme partial
`partials/public-links.html`. Nothing in it is typed by hand, so it cannot drift
from the site; tests/site/public_links.txt pins what must never disappear.
"""

from __future__ import annotations

import _repo_root  # noqa: F401 - sitebuild/ on sys.path

from sitebuild import languages

SLOT = '<div data-sh-slot="public-links"></div>'
_env = None


def _anchors(items) -> list[dict[str, str]]:
    """Section ids of a page's table of contents; the h1 is the page itself."""
    found = []
    for item in items:
        if item.level > 1 and item.id:
            found.append({"id": item.id, "title": item.title})
        found.extend(_anchors(item.children))
    return found


def public_links(nav, config) -> dict[str, list[dict[str, object]]]:
    from builder import STEPS
    from builder.wording.catalog import translator

    t = translator(languages.text_language(config))  # the steps' titles, as the form says them
    pages = []
    for page in nav.pages:
        anchors = _anchors(page.toc.items)
        if page.meta.get("template") == "builder.html":
            anchors += [{"id": f"step-{step.id}", "title": t(step.title)} for step in STEPS]
        pages.append({"title": page.title, "url": page.url, "anchors": anchors})
    redirects = config.plugins["redirects"].config["redirect_maps"]
    shortcuts = [
        {"url": old.removesuffix(".md") + "/", "target": new.removesuffix(".md") + "/"}
        for old, new in redirects.items()
    ]
    return {"pages": pages, "redirects": shortcuts}


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav):
    if page.content and SLOT in page.content:
        html = _env.get_template("partials/public-links.html").render(
            {**context, "links": public_links(nav, config)}
        )
        page.content = page.content.replace(SLOT, html)
    return context
