"""The guide's promises to its readers, checked on the built site.

- The sample request and thank-you note are the builder's own drafts of one sample
  request, whole, on the tips overview and the builder page.
- Every path through the decision questions ends at an outcome, and every outcome
  can be reached.
- Every long page opens with a three-line summary.
- The sources page lists, for each source, exactly the pages that cite it.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitekit import ROOT

import builder


def _import_samples():
    """`guide` sits beside `builder` in the repository but is not an installed package."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("builder.samples")


samples = _import_samples()
EXAMPLE_PAGES = ["tips/", "builder/"]


def sample_drafts() -> dict[str, builder.Draft]:
    request, messages = builder.validate(dict(samples.SAMPLE_REQUEST))
    assert messages == []
    return builder.render_drafts(request)


def shown_examples(page_html: str) -> dict[str, dict[str, str]]:
    """The examples a built page shows: name -> subject and text, as a reader sees them."""
    found = {}
    blocks = re.findall(r'data-sh-example="([^"]+)"(.*?)</details>', page_html, re.S)
    for name, block in blocks:
        subject = re.search(r"<span data-sh-example-subject>(.*?)</span>", block, re.S)
        text = re.search(r"<div [^>]*data-sh-example-text>(.*?)</div>", block, re.S)
        found[name] = {
            "subject": html.unescape(subject.group(1)) if subject else "",
            "text": html.unescape(text.group(1)) if text else "",
        }
    return found


def test_the_sample_request_is_accepted_and_meets_every_tip() -> None:
    evaluation = builder.evaluate(dict(samples.SAMPLE_REQUEST))
    assert not evaluation.failed
    assert evaluation.ready, evaluation.messages
    assert [item.status for item in evaluation.checklist] == ["ok"] * len(builder.TIPS)


@pytest.mark.parametrize("page", EXAMPLE_PAGES)
def test_sample_examples_are_the_builders_own_drafts(site_dir: Path, page: str) -> None:
    shown = shown_examples((site_dir / page / "index.html").read_text(encoding="utf-8"))
    drafts = sample_drafts()
    assert set(samples.SHOWN) == {"email", "thank_you"}
    for name in samples.SHOWN:
        assert name in shown, f"{page}: no {name} example"
        assert shown[name]["text"] == drafts[name].text
        assert shown[name]["subject"] == drafts[name].subject


@pytest.mark.parametrize("page", EXAMPLE_PAGES)
def test_sample_examples_are_whole(site_dir: Path, page: str) -> None:
    """No blank the builder leaves for a missing answer: the sample answers them all."""
    from builder.drafts import BLANK

    shown = shown_examples((site_dir / page / "index.html").read_text(encoding="utf-8"))
    for name in samples.SHOWN:
        text = shown[name]["text"]
        assert len(text.split()) > 40, f"{name} looks cut short"
        for blank in BLANK.values():
            assert blank not in text, f"{page} {name}: {blank}"
        for field in ("protege_name", "mentor_name", "focus", "outcome"):
            assert samples.SAMPLE_REQUEST[field] in text, f"{page} {name}: no {field}"
    email = shown["email"]["text"]
    for field in ("connection", "preparation", "report_back"):
        assert samples.SAMPLE_REQUEST[field] in email, f"{page}: no {field} in the email"


def test_the_examples_are_open_on_the_tips_page_and_folded_on_the_builder(site_dir: Path) -> None:
    """The builder page folds them into one box, so they do not push the form down."""

    def folds(page: str) -> list[str]:
        page_html = (site_dir / page / "index.html").read_text(encoding="utf-8")
        return re.findall(r"<details [^>]*data-sh-examples-fold[^>]*>", page_html)

    assert folds("tips/") == []
    fold = folds("builder/")
    assert len(fold) == 1
    assert " open" not in fold[0]


# The decision page -------------------------------------------------------------------

OUTCOMES = {"short-arrangement", "longer-mentorship", "formal-program", "get-to-know-first"}


class Sections(HTMLParser):
    """Headings marked as questions or outcomes, with the in-page links under each."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, dict[str, object]] = {}
        self._current: str | None = None
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        classes = (attr.get("class") or "").split()
        if tag in ("h1", "h2", "h3"):
            self._current = None
            kind = next((k for k in ("question", "outcome") if f"sh-{k}" in classes), None)
            if kind:
                self._current = self._heading = attr["id"]
                self.sections[attr["id"]] = {"kind": kind, "title": "", "answers": []}
        elif tag == "a" and self._current and self._heading is None:
            href = attr.get("href") or ""
            if href.startswith("#") and not {"headerlink", "footnote-ref"} & set(classes):
                self.sections[self._current]["answers"].append(href[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "h3"):
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading:
            self.sections[self._heading]["title"] += data


@pytest.fixture(scope="module")
def decision(site_dir: Path) -> dict[str, dict[str, object]]:
    parser = Sections()
    parser.feed((site_dir / "is-it-right-for-you" / "index.html").read_text(encoding="utf-8"))
    return parser.sections


def test_decision_page_has_the_four_outcomes_and_no_duplicate_table(
    decision: dict, site_dir: Path
) -> None:
    outcomes = {key for key, section in decision.items() if section["kind"] == "outcome"}
    assert outcomes == OUTCOMES
    page_html = (site_dir / "is-it-right-for-you" / "index.html").read_text(encoding="utf-8")
    article = page_html[page_html.index("<article") : page_html.index("</article>")]
    assert "<table" not in article


def test_each_step_asks_one_short_question(decision: dict) -> None:
    questions = [s for s in decision.values() if s["kind"] == "question"]
    assert len(questions) >= 2
    for question in questions:
        title = question["title"].replace("¶", "").strip()
        assert title.count("?") == 1, title
        assert title.endswith("?"), title
        assert len(title.split()) <= 14, title
        assert " and " not in title, f"two questions in one: {title}"
        assert len(question["answers"]) >= 2, f"{title}: fewer than two answers"


def test_every_path_through_the_questions_ends_at_an_outcome(decision: dict) -> None:
    questions = [key for key, s in decision.items() if s["kind"] == "question"]
    outcomes = {key for key, s in decision.items() if s["kind"] == "outcome"}
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        for target in decision[path[-1]]["answers"]:
            assert target in decision, f"{path[-1]} links to #{target}, which is not a step"
            assert target not in path, f"a loop: {[*path, target]}"
            if target in outcomes:
                paths.append([*path, target])
            else:
                walk([*path, target])

    walk([questions[0]])
    assert {path[-1] for path in paths} == outcomes, "an outcome no answer leads to"
    assert {step for path in paths for step in path[:-1]} == set(questions), "an orphan question"
    assert max(len(path) - 1 for path in paths) <= 3, "more than three questions on a path"


# Long pages ---------------------------------------------------------------------------

LONG = 600  # words of a page's own prose above which it opens with a summary


def prose_words(markdown: str) -> int:
    """Words a reader reads: no front matter, footnote texts, link targets or HTML slots."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.M)
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>|\{[^}]*\}|\[\^[^\]]+\]", " ", text)
    return len(re.findall(r"\w[\w'’-]*", text))


@pytest.mark.parametrize(
    "path", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_long_pages_open_with_a_three_line_summary(path: Path) -> None:
    markdown = path.read_text(encoding="utf-8")
    if prose_words(markdown) <= LONG:
        return
    after_title = markdown.split("\n# ", 1)[1].split("\n", 1)[1].lstrip("\n")
    summary = re.match(r'!!! abstract "In short"\n((?: {4}- .+\n)+)', after_title)
    assert summary, f"{path.name}: a long page opens with an 'In short' summary"
    lines = summary.group(1).splitlines()
    assert len(lines) == 3
    assert all(len(line.split()) <= 16 for line in lines), "keep each line short"


# Sources ------------------------------------------------------------------------------


def test_each_source_lists_exactly_the_pages_that_cite_it() -> None:
    docs = ROOT / "docs"
    citing: dict[str, set[Path]] = {}
    for page in docs.rglob("*.md"):
        for anchor in re.findall(r"sources\.md#([\w-]+)\)", page.read_text(encoding="utf-8")):
            citing.setdefault(anchor, set()).add(page)
    sources = (docs / "sources.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", sources, flags=re.M)[1:]
    listed: dict[str, set[Path]] = {}
    for section in sections:
        anchor = re.search(r"\{#([\w-]+)\}", section.splitlines()[0]).group(1)
        if "**Used on**" in section:
            used_on = section.split("**Used on**", 1)[1]
            links = re.findall(r"\]\(([\w/.-]+\.md)", used_on)
            listed[anchor] = {(docs / link).resolve() for link in links}
    assert set(citing) <= set(listed), "a cited source has no entry"
    for anchor, pages in citing.items():
        assert {p.resolve() for p in pages} == listed[anchor], anchor
