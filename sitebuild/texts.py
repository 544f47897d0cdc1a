"""The texts the site's templates show, for the catalogs (builder/wording/catalog.py).

A template writes a visible text as `{{ t("Text") }}` (with values:
`{{ t("Step {n} of {total}:", n=…, total=…) }}`); `template_texts()` finds every one, so
the tests can check that each language's catalog translates them all.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALL = re.compile(r'(?<![\w.])t\(\s*"((?:[^"\\]|\\.)*)"')


def template_texts(folder: Path = ROOT / "overrides") -> dict[str, list[str]]:
    """Each text a template passes to `t`, with the templates that use it."""
    found: dict[str, list[str]] = {}
    for template in sorted(folder.rglob("*.html")):
        for match in CALL.finditer(template.read_text(encoding="utf-8")):
            text = match.group(1).replace('\\"', '"')
            found.setdefault(text, []).append(template.relative_to(folder).as_posix())
    return found


SCRIPT_CALL = re.compile(r'(?<![\w.])(?:t|mark)\(\s*"((?:[^"\\]|\\.)*)"')


def script_texts_used(folder: Path = ROOT / "overrides" / "assets" / "javascripts") -> list[str]:
    """Each text the page scripts show: passed to `t` or marked with `mark` (texts.js)."""
    found: set[str] = set()
    for script in sorted(folder.rglob("*.js")):
        for match in SCRIPT_CALL.finditer(script.read_text(encoding="utf-8")):
            found.add(match.group(1).replace('\\"', '"'))
    return sorted(found)


def script_texts(language: str) -> dict[str, str]:
    """What a page in `language` carries for its scripts (`#sh-texts`): each text the
    scripts show, with its translation; none in English, where the text is its own."""
    from builder.wording.catalog import ENGLISH, translator

    if language == ENGLISH:
        return {}
    t = translator(language)
    return {text: t(text) for text in script_texts_used()}
