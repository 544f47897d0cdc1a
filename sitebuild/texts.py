"""The texts the site's templates show, for the catalogs (builder/wording/catalog.py).

A template writes a visible text as `{{ t("Text") }}` (with values:
`{{ t("Step {n} of {total}:", n=…, total=…) }}`); `template_texts()` finds every one, so
the tests can check that each language's catalog translates them all. Python says its
texts with `say("…")` (builder/wording/catalog.py); `said_texts()` reads them from the
builder's source, as `xgettext` does.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

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


def said_texts(package: Path = ROOT / "builder") -> dict[str, str]:
    """Each literal text the builder passes to `say` (or marks with `to_say`), with where
    it is first said ("builder/…/file.py:line"). `say(variable)` is left to the tests
    that run the code."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        names = _catalog_names(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"{path.relative_to(package.parent).as_posix()}:{node.lineno}"
                found.setdefault(node.args[0].value, where)
    return found


def _catalog_names(tree: ast.Module) -> set[str]:
    """The names a module calls `say` and `to_say` by, if it imports them from the
    catalog (another module's `say`, such as the fitting's, is not the catalog's)."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "builder.wording.catalog"
        for alias in node.names
        if alias.name in ("say", "to_say")
    }


def placeholders(text: str) -> set[str]:
    """The `{names}` a text fills in."""
    return {field for _, field, _, _ in Formatter().parse(text) if field}


def untranslated(language: str) -> dict[str, str]:
    """Each text a language's catalog lacks (templates, page scripts, what Python says),
    with where it is used: what a translator has left to do."""
    from builder.wording.catalog import catalog

    known = catalog(language).messages
    wanted = {text: ", ".join(where) for text, where in template_texts().items()}
    wanted |= dict.fromkeys(script_texts_used(), "a page script")
    wanted |= said_texts()
    return {text: where for text, where in wanted.items() if text not in known}
