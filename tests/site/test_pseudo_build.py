"""The site built in the pseudo-language: every visible text of ours comes from a table.

`SHORTHAUL_PSEUDO=1` builds the English pages with every text of the site's own in the
tests' pseudo-language (`builder.wording.catalog.pseudo`: accented, lengthened and
bracketed, ⟦Ýôûŕ ŕéþĺý⟧): the templates' `t()`, the forms, the page scripts' words, the
sample's captions and labels. A text that still reads as plain English was written where
no translation can reach it. What may stay as it is, because a language's own table gives
it: the page's own words (its Markdown, and `mkdocs.yml`'s navigation and names, which
each language's configuration replaces), Material's labels (its language file for
`theme.language`), the footnotes' back-link title (set per language in the
configuration), names, and the sample request's own words and drafts (a reader's typing,
drafted in the drafts' language).

The other languages' built pages are then read for the English that only such a
configuration or override translates.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from sitekit import ROOT, built_once, other_languages

from sitebuild import languages

INNER = re.compile(r"⟦[^⟦⟧]*⟧")
LETTER = re.compile(r"[^\W\d_]")
ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
# Not read: code, and what scripts and styles hold (the page scripts' words are checked
# where they are used, tests/unit/test_catalog.py).
SKIPPED = {"script", "style", "svg", "code", "pre", "template"}
EMPTY = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "path"}
# A reader's own words, drafted in the drafts' language: the sample request.
OWN_WORDS = ("data-sh-example-text", "data-sh-example-subject", "data-sh-example-value")
NAMES = {"Material for MkDocs", "Short Haul"}


def _material_labels() -> set[str]:
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    text = (folder / "en.html").read_text(encoding="utf-8")
    return set(re.findall(r'"[\w.]+": "([^"]*)"', text))


def _pages_own_words() -> str:
    """Every Markdown page and the configuration, with spaces collapsed."""
    import html

    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    texts.append((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return " ".join(" ".join(html.unescape(text).split()) for text in texts)


def _backlink_title() -> re.Pattern[str]:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "footnotes" in extension:
            title = extension["footnotes"]["BACKLINK_TITLE"]
            return re.compile(re.escape(title).replace("%d", r"\d+"))
    raise AssertionError("mkdocs.yml sets no footnote back-link title")


def unmarked(text: str) -> str:
    """What is left of a text once every pseudo-language text in it is taken out (a
    marked text may hold another: a label inside a sentence)."""
    before = None
    while text != before:
        before, text = text, INNER.sub(" ", text)
    return " ".join(text.split())


class Reader(HTMLParser):
    """Collects each visible text and user-facing attribute not inside a reader's own
    words, with the element it is in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # tag, and whether it holds own words
        self.found: list[tuple[str, str]] = []

    def _own(self) -> bool:
        return any(own for _, own in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        own = bool(names & set(OWN_WORDS))
        if tag not in EMPTY:
            self.open.append((tag, own))
        if not self._own() and not own:
            self.found += [(value, f"{tag}@{name}") for name, value in attrs
                           if name in ATTRIBUTES and value]  # fmt: skip

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in EMPTY:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        if any(name == tag for name, _ in self.open):
            while self.open and self.open.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._own() or any(tag in SKIPPED for tag, _ in self.open):
            return
        if data.strip():
            self.found.append((data, "/".join(tag for tag, _ in self.open[-3:])))


def untranslatable(site: Path) -> Iterator[tuple[str, str, str]]:
    """Each text of the built pages that comes from no table: page, where, text."""
    material = _material_labels()
    own_words = _pages_own_words()
    backlink = _backlink_title()

    def from_a_table(rest: str) -> bool:
        if rest in material or rest in NAMES or rest in own_words or backlink.fullmatch(rest):
            return True
        title, _, site_name = rest.rpartition(" - ")  # Material's <title>: page - site
        if site_name in NAMES and from_a_table(title):
            return True
        label, _, page = rest.partition(": ")  # "Next: How to ask", Material's footer
        return bool(page) and label in material and page in own_words

    for path in sorted(site.rglob("*.html")):
        reader = Reader()
        reader.feed(path.read_text(encoding="utf-8"))
        for text, where in reader.found:
            rest = unmarked(text)
            if LETTER.search(rest) and not from_a_table(rest):
                yield str(path.relative_to(site)), where, rest


def build_in_pseudo(out: Path) -> None:
    env = {**os.environ, languages.PSEUDO_ENVIRONMENT: "1", languages.ENVIRONMENT: "en"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "pseudo", build_in_pseudo)


def test_every_visible_text_of_the_pseudo_build_comes_from_a_table(pseudo_site: Path) -> None:
    found = sorted(set(untranslatable(pseudo_site)))
    assert found == [], "\n".join(f"{page} ({where}): {text!r}" for page, where, text in found)
    # The scan reads what it should: the forms are in the pseudo-language.
    builder = (pseudo_site / "builder" / "index.html").read_text(encoding="utf-8")
    assert builder.count("⟦") > 200
    reply = (pseudo_site / "mentors" / "reply" / "index.html").read_text(encoding="utf-8")
    assert "⟦" in reply


def test_the_scan_finds_a_text_written_outside_any_table() -> None:
    reader = Reader()
    reader.feed('<p>⟦Ŝéñđ⟧ <button aria-label="Close">x</button> <b>Loose words</b></p>'
                '<div data-sh-example-text>Hi Jonas</div>')  # fmt: skip
    left = [unmarked(text) for text, _ in reader.found]
    assert [text for text in left if text] == ["Close", "x", "Loose words"]
    assert unmarked("⟦⟦Éɱàîĺ⟧: édit it⟧ (2)") == "(2)"


@pytest.mark.parametrize("code", other_languages())
def test_a_languages_pages_carry_none_of_the_english_its_configuration_translates(
    site_dir: Path, code: str
) -> None:
    """What a language's configuration or an override translates, and Material's
    templates write in English: the footnotes' back-link title, "Made with"."""
    for path in sorted((site_dir / code).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "Jump back to footnote" not in text, path
        assert "Made with" not in text, path
