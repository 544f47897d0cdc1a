"""The guide's promises to its readers, checked on the built site.

- The sample request and thank-you note are the builder's own drafts of one sample
  request, whole, on the tips overview and the builder page.
- Every path through the decision questions ends at an outcome, every outcome can be
  reached, and each outcome's first step suits every path into it: a table of paths →
  outcome → first step, and no outcome assumes what an answer on the way denied.
- Every long page opens with a three-line summary.
- The sources page lists, for each source, exactly the pages that cite it.
"""

from __future__ import annotations

import html
import importlib
import itertools
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
    from builder.request.drafts import BLANK

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

# The four outcomes whose anchors onboarding material links to, and the one added since.
PUBLIC_OUTCOMES = {"short-arrangement", "longer-mentorship", "formal-program", "get-to-know-first"}
OUTCOMES = PUBLIC_OUTCOMES | {"find-whom-to-ask"}

# Every path through the questions → the outcome it ends at → a phrase that must be in that
# outcome's first step. The first thing to do must suit every reader sent there, so a new
# answer or question (a new path) must be added here with the step it leads to.
Q1, Q2, Q3, Q4 = "someone-in-mind", "knows-you", "goal-size", "program"
PATHS: dict[tuple[str, ...], str] = {
    (Q1, Q2, Q3, "short-arrangement"): "Draft your request",
    (Q1, Q2, Q3, "longer-mentorship"): "Put the relationship in a sentence",
    (Q1, Q2, "get-to-know-first"): "Ask for five minutes",
    (Q1, Q2, Q4, "formal-program"): "Ask how the program matches people",
    (Q1, Q2, Q4, "find-whom-to-ask"): "Make a short list",
    (Q1, Q4, "formal-program"): "Ask how the program matches people",
    (Q1, Q4, "find-whom-to-ask"): "Make a short list",
}

# What each answer, as (question, where it leads), says about the reader. "person": there
# is someone in particular they want to ask; "known": that person knows them; "reachable":
# they can get a few minutes with that person; "small": the goal fits a few meetings;
# "program": a program they belong to offers mentoring. "-x" denies x.
ANSWERS: dict[tuple[str, str], set[str]] = {
    (Q1, Q2): {"person"},
    (Q1, Q4): {"-person"},
    (Q2, Q3): {"known", "reachable"},
    (Q2, "get-to-know-first"): {"-known", "reachable"},
    (Q2, Q4): {"-known", "-reachable"},
    (Q3, "short-arrangement"): {"small"},
    (Q3, "longer-mentorship"): {"-small"},
    (Q4, "formal-program"): {"program"},
    (Q4, "find-whom-to-ask"): {"-program"},
}

# Wording that shows an outcome's text takes a fact for granted. The first entry is the
# slip the third edition fixed: "an event where they speak", on an outcome reached by
# readers who had just said there was no one in particular.
ASSUMES: dict[str, re.Pattern[str]] = {
    "person": re.compile(
        r"\b(?:where they speak|the person you have in mind|with this person|ask them|"
        r"they (?:barely )?know you|you have someone in mind)\b",
        re.I,
    ),
    "-person": re.compile(r"\b(?:you have no one in mind|no one in particular)\b", re.I),
    "known": re.compile(r"\b(?:they know you|knows you well)\b", re.I),
    "-known": re.compile(r"\b(?:they barely know you|near-stranger|a stranger)\b", re.I),
    "reachable": re.compile(r"\b(?:five minutes|a few minutes with them)\b", re.I),
    "small": re.compile(r"\b(?:your goal is narrow|one topic|that one topic)\b", re.I),
    "-small": re.compile(r"\bwhat you need is broad\b", re.I),
    "program": re.compile(r"\b(?:the program|your program)\b", re.I),
    "-program": re.compile(r"\bno program\b", re.I),
}


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


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
def decision_html(site_dir: Path) -> str:
    page_html = (site_dir / "is-it-right-for-you" / "index.html").read_text(encoding="utf-8")
    return page_html[page_html.index("<article") : page_html.index("</article>")]


@pytest.fixture(scope="module")
def decision(decision_html: str) -> dict[str, dict[str, object]]:
    parser = Sections()
    parser.feed(decision_html)
    return parser.sections


def outcome_section(decision_html: str, outcome: str) -> str:
    """An outcome's HTML, from its heading to the next heading of its level."""
    start = decision_html.index(f'id="{outcome}"')
    end = decision_html.find("<h2", start)
    return decision_html[start : end if end > 0 else None]


def first_step(section: str) -> str:
    """The first item of the outcome's own advice: the first thing a reader does."""
    advice = section[section.index('class="sh-own"') :]
    return _text(re.search(r"<li>(.*?)</li>", advice, re.S).group(1))


def all_paths(decision: dict) -> list[list[str]]:
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
    return paths


def test_decision_page_has_its_outcomes_and_no_duplicate_table(
    decision: dict, decision_html: str
) -> None:
    outcomes = {key for key, section in decision.items() if section["kind"] == "outcome"}
    assert outcomes == OUTCOMES
    assert outcomes >= PUBLIC_OUTCOMES, "a public outcome anchor is gone"
    assert "<table" not in decision_html


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
    questions = {key for key, s in decision.items() if s["kind"] == "question"}
    paths = all_paths(decision)
    assert {path[-1] for path in paths} == OUTCOMES, "an outcome no answer leads to"
    assert {step for path in paths for step in path[:-1]} == questions, "an orphan question"
    assert max(len(path) - 1 for path in paths) <= 3, "more than three questions on a path"


def test_the_table_of_paths_is_every_path_on_the_page(decision: dict) -> None:
    on_page = {tuple(path) for path in all_paths(decision)}
    assert set(PATHS) == on_page, (
        f"paths not in the table: {sorted(on_page - set(PATHS))}; "
        f"in the table but not on the page: {sorted(set(PATHS) - on_page)}"
    )


def test_each_outcome_starts_with_a_step_that_fits_every_path_into_it(decision_html: str) -> None:
    for path, phrase in PATHS.items():
        step = first_step(outcome_section(decision_html, path[-1]))
        assert phrase.lower() in step.lower(), f"{' → '.join(path)}: the first step is {step!r}"


def test_no_outcome_takes_for_granted_what_a_path_into_it_denies(
    decision: dict, decision_html: str
) -> None:
    for path in all_paths(decision):
        edges = list(itertools.pairwise(path))
        for edge in edges:
            assert edge in ANSWERS, f"{edge}: say in ANSWERS what this answer tells us"
        facts = set().union(*(ANSWERS[edge] for edge in edges))
        outcome = path[-1]
        text = _text(outcome_section(decision_html, outcome))
        for fact, wording in ASSUMES.items():
            denied = fact[1:] if fact.startswith("-") else f"-{fact}"
            found = wording.search(text)
            assert not (found and denied in facts), (
                f"#{outcome} says {found.group(0)!r}, but the path {' → '.join(path)} "
                f"answered {denied!r}"
            )


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


# The summary's title in each language's pages (languages/<code>/docs/).
IN_SHORT = {"docs": "In short", "es": "En resumen"}


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "languages").glob("*/docs/**/*.md")]),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_long_pages_open_with_a_three_line_summary(path: Path) -> None:
    markdown = path.read_text(encoding="utf-8")
    if prose_words(markdown) <= LONG:
        return
    rel = path.relative_to(ROOT).parts
    title = IN_SHORT[rel[0] if rel[0] == "docs" else rel[1]]
    after_title = markdown.split("\n# ", 1)[1].split("\n", 1)[1].lstrip("\n")
    summary = re.match(rf'!!! abstract "{title}"\n((?: {{4}}- .+\n)+)', after_title)
    assert summary, f"{path.name}: a long page opens with an '{title}' summary"
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


# Own words ----------------------------------------------------------------------------

# Runs of the main source's own wording that earlier editions carried over. No run of
# eight words from them may come back on any page.
SOURCE_WORDING = (
    "your chances of getting the mentor you want",
    "and a poor match is a common reason",
    "flash mentoring; people are used to fast-paced communication",
)
RUN = 8


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['’][a-z0-9]+)*", text.lower())


def test_no_page_repeats_a_run_of_the_sources_wording(site_dir: Path) -> None:
    runs = set()
    for phrase in SOURCE_WORDING:
        words = _words(phrase)
        runs |= {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
    assert runs
    for page in sorted(site_dir.rglob("*.html")):
        raw = page.read_text(encoding="utf-8")
        text = (
            " "
            + " ".join(_words(_text(re.sub(r"<(script|style)\b.*?</\1>", "", raw, flags=re.S))))
            + " "
        )
        for run in runs:
            assert f" {run} " not in text, f"{page.relative_to(site_dir)}: {run!r}"
