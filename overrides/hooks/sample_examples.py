"""Put the sample request and thank-you note, drafted by the builder, into pages.

A page that holds `<div data-sh-slot="sample-examples"></div>` gets, in its place, the
drafts `guide.samples` asks the builder for, rendered through the theme partial
`partials/sample-examples.html`: unfolded if the slot also has ` data-sh-open`,
otherwise folded into one box. The logic lives in `guide/`, so this hook only finds
slots.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLOT = re.compile(r'<div data-sh-slot="sample-examples"(?P<open> data-sh-open)?></div>')
_env = None


def on_pre_build(config) -> None:
    """Forget `guide` before each build, so `mkdocs serve` shows edits to it."""
    for name in [n for n in sys.modules if n == "guide" or n.startswith("guide.")]:
        del sys.modules[name]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav):
    if page.content and SLOT.search(page.content):
        from guide import samples

        template = _env.get_template("partials/sample-examples.html")
        data = {"examples": samples.examples(), "answers": samples.answers()}
        page.content = SLOT.sub(
            lambda slot: template.render({**data, "open": bool(slot["open"])}), page.content
        )
    return context
