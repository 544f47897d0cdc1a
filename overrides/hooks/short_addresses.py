"""Short addresses (`/tips/1/` …) that unfold in chat tools like the page they lead to.

mkdocs-redirects writes a stub page for each entry of its `redirect_maps`, titled
"Redirecting..." and with an inline script. After it has run, this hook rewrites each
stub through the theme template `redirect.html`: the target page's title, description,
canonical address and preview image, the site's Content-Security-Policy, a
`<meta http-equiv="refresh">` for every browser, and `assets/javascripts/redirect.js`
(a file, not inline) to carry a `#section` along. The plugin keeps deciding which
addresses exist; this only changes what the stubs say.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

TEMPLATE = "redirect.html"
_env = None
_pages: dict[str, dict[str, str]] = {}


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_pre_build(config) -> None:
    _pages.clear()


def on_page_context(context, page, config, nav):
    """Remember each page's preview title, description and addresses."""
    meta = page.meta or {}
    _pages[page.file.src_uri] = {
        "title": meta.get("title") or page.title or config.site_name,
        "description": meta.get("description") or config.site_description,
        "url": page.url,
        "canonical_url": page.canonical_url or "",
    }
    return context


def _dest(path: str, config) -> str:
    return File(path, "", "", config["use_directory_urls"]).dest_path.replace("\\", "/")


@event_priority(-100)  # after mkdocs-redirects has written its stubs
def on_post_build(config) -> None:
    redirects = config.plugins.get("redirects")
    if redirects is None:
        return
    site_dir = Path(config["site_dir"])
    template = _env.get_template(TEMPLATE)
    for old, new in redirects.config["redirect_maps"].items():
        target = _pages.get(new)
        if target is None:
            continue  # an outside address: the plugin's stub is all there is
        stub = _dest(old, config)
        here = posixpath.dirname(stub)
        relative = posixpath.relpath(target["url"] or ".", here or ".")
        to_root = posixpath.relpath(".", here or ".")
        page = SimpleNamespace(
            title=target["title"],
            meta={"title": target["title"], "description": target["description"]},
            canonical_url=target["canonical_url"],
            is_homepage=False,
        )
        html = template.render(
            config=config,
            page=page,
            href=relative.rstrip("/") + "/" if target["url"].endswith("/") else relative,
            base=("" if to_root == "." else to_root + "/"),
        )
        (site_dir / stub).write_text(html, encoding="utf-8")
