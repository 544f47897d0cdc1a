"""The README and the maintainers' docs: every relative link leads somewhere.

Reads README.md, every Markdown file in maintainers/ and benchmarks/README.md. Each
Markdown link or image (inline, or a reference definition) whose target is not an
absolute URL (http:, https:, mailto:) must name a file or folder that exists, relative
to the file that links it, inside the repository; a `#fragment` must be the slug GitHub
gives a heading of the Markdown file it names (ATX headings, `#` to `######`, outside
code; a repeated heading gets -1, -2, … as on GitHub). Links inside code (fenced blocks
and code spans) are not links. The README stays short, 250 lines at most, and links
every file in maintainers/, whose README links every other file there.

These files are not copied into Pyodide's file system (tests/pyodide/run_unit_tests.mjs
copies tests/unit and tests/golden only), so the module skips there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="the docs are not copied into Pyodide's file system"
)

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
MAINTAINERS = ROOT / "maintainers"
DOCS = [README, *sorted(MAINTAINERS.glob("*.md")), ROOT / "benchmarks" / "README.md"]
README_MAX_LINES = 250
ABSOLUTE = ("http:", "https:", "mailto:")

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A code span may run over lines, not over a blank line (the end of a paragraph).
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
# [text](target "title") and ![alt](target): text may hold one level of brackets and
# run over lines; the target is <…> or has no spaces (balanced parentheses allowed).
INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]"
    r"\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^<>\n]*>|\S+)", re.MULTILINE)
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


def blank(match: re.Match[str]) -> str:
    """The match as spaces, its line breaks kept, so offsets and line numbers hold."""
    return re.sub(r"[^\n]", " ", match.group(0))


def in_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included)."""
    inside, fence = [], ""
    for line in lines:
        opening = FENCE.match(line)
        if fence:
            inside.append(True)
            mark = opening.group(1) if opening else ""
            if mark[:1] == fence[0] and len(mark) >= len(fence):
                fence = ""
        else:
            inside.append(bool(opening))
            fence = opening.group(1) if opening else ""
    return inside


def without_code(text: str) -> str:
    """`text` with fenced code blocks and code spans blanked out."""
    lines = text.split("\n")
    kept = [("" if fenced else line) for line, fenced in zip(lines, in_fences(lines), strict=True)]
    return CODE_SPAN.sub(blank, "\n".join(kept))


def heading_texts(text: str) -> list[str]:
    """The text of every ATX heading outside fenced code, in order."""
    lines = text.split("\n")
    return [
        heading.group(2) or ""
        for line, fenced in zip(lines, in_fences(lines), strict=True)
        if not fenced and (heading := HEADING.match(line))
    ]


def slug(heading: str) -> str:
    """GitHub's slug of a heading: its text as rendered (no code marks, link targets,
    emphasis or HTML), lowercased, punctuation other than hyphens dropped, each space a
    hyphen."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("`", "")
    text = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", text)
    text = re.sub(r"[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def anchors(headings: list[str]) -> list[str]:
    """Each heading's anchor as GitHub makes it: a slug seen before gets -1, -2, …"""
    seen: dict[str, int] = {}
    out = []
    for heading in headings:
        base = candidate = slug(heading)
        while candidate in seen:
            seen[base] += 1
            candidate = f"{base}-{seen[base]}"
        seen[candidate] = 0
        out.append(candidate)
    return out


def links(doc: Path) -> list[tuple[int, str]]:
    """(line, target) of every Markdown link, image and reference definition in `doc`."""
    text = without_code(doc.read_text(encoding="utf-8"))
    found = []
    for pattern in (INLINE_LINK, REFERENCE):
        for match in pattern.finditer(text):
            target = match.group(1)
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            found.append((match.start(), text.count("\n", 0, match.start()) + 1, target))
    return [(line, target) for _, line, target in sorted(found)]


def resolve(doc: Path, target: str, root: Path = ROOT) -> Path:
    """The file or folder a relative target names, from the file that links it."""
    path = unquote(target.partition("#")[0].partition("?")[0])
    if not path:
        return doc
    if path.startswith("/"):
        return root / path.lstrip("/")
    return doc.parent / path


def problems(doc: Path, root: Path = ROOT) -> list[str]:
    """Every relative link in `doc` that leads nowhere, as 'file:line: (target): why'."""
    out = []
    for line, target in links(doc):
        if target.lower().startswith(ABSOLUTE):
            continue
        where = f"{doc.relative_to(root)}:{line}: ({target})"
        if not target:
            out.append(f"{where}: empty target")
            continue
        path = resolve(doc, target, root)
        if not path.resolve().is_relative_to(root.resolve()):
            out.append(f"{where}: outside the repository")
            continue
        if not path.exists():
            out.append(f"{where}: no such file or folder")
            continue
        fragment = unquote(target.partition("#")[2])
        if not fragment:
            continue
        if path.is_dir():
            path = path / "README.md"
        if path.suffix.lower() != ".md" or not path.is_file():
            out.append(f"{where}: a #fragment on something that is not a Markdown file")
        elif fragment not in anchors(heading_texts(path.read_text(encoding="utf-8"))):
            out.append(f"{where}: no heading with the anchor #{fragment} in {path.name}")
    return out


def linked_files(doc: Path) -> set[Path]:
    """Every file or folder `doc` links to (relative targets only), resolved."""
    return {
        resolve(doc, target).resolve()
        for _, target in links(doc)
        if target and not target.lower().startswith(ABSOLUTE)
    }


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: str(doc.relative_to(ROOT)))
def test_every_relative_link_leads_somewhere(doc: Path) -> None:
    assert doc.is_file(), f"{doc.relative_to(ROOT)} is missing"
    found = problems(doc)
    assert not found, "links that lead nowhere:\n" + "\n".join(found)


def test_readme_is_short() -> None:
    lines = len(README.read_text(encoding="utf-8").splitlines())
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; move detail to maintainers/"


def test_readme_links_every_maintainers_doc() -> None:
    assert (MAINTAINERS / "README.md").is_file(), "maintainers/ needs its index, README.md"
    files = {path.resolve() for path in MAINTAINERS.iterdir() if path.is_file()}
    missing = sorted(path.name for path in files - linked_files(README))
    assert missing == [], f"README.md does not link maintainers/{missing}"


def test_maintainers_index_links_every_doc() -> None:
    index = MAINTAINERS / "README.md"
    files = {path.resolve() for path in MAINTAINERS.iterdir() if path.is_file()} - {index.resolve()}
    missing = sorted(path.name for path in files - linked_files(index))
    assert missing == [], f"maintainers/README.md does not link {missing}"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Make it your program's", "make-it-your-programs"),
        ("For mentors: the reply helper", "for-mentors-the-reply-helper"),
        (
            "The figures (`measure_links.py`), per profile and run",
            "the-figures-measure_linkspy-per-profile-and-run",
        ),
        ("The run of 2026-11-26, 13:05", "the-run-of-2026-11-26-1305"),
        ("What changed (issue #14)", "what-changed-issue-14"),
        ("See [the guide](guide.md) **now**", "see-the-guide-now"),
        ("Après l'écrit – la suite", "après-lécrit--la-suite"),
    ],
)
def test_slug_is_githubs(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor


def test_repeated_headings_are_numbered_as_on_github() -> None:
    assert anchors(["Tests", "Tests", "Tests", "Tests-1"]) == [
        "tests",
        "tests-1",
        "tests-2",
        "tests-1-1",
    ]


def test_broken_links_are_found(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## Part\n\n## Part\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Doc\n\n"
        "[fine](other.md#part-1), [folder](folder/), ![image](other.md), [here](#doc),\n"
        "[a reference]: other.md#part\n"
        "[web](https://example.org/missing.md), [mail](mailto:a@example.org)\n"
        "`[in code](missing.md)`\n\n"
        "```\n[in a block](missing.md)\n```\n\n"
        "[missing](missing.md), [no heading](other.md#nowhere),\n"
        "[across\nlines](other.md#part-2), [out](../outside.md), [self](#nothing)\n"
        "![gone](img/gone.png)\n"
        "[gone]: <gone.md>\n",
        encoding="utf-8",
    )
    assert problems(doc, tmp_path) == [
        "doc.md:12: (missing.md): no such file or folder",
        "doc.md:12: (other.md#nowhere): no heading with the anchor #nowhere in other.md",
        "doc.md:13: (other.md#part-2): no heading with the anchor #part-2 in other.md",
        "doc.md:14: (../outside.md): outside the repository",
        "doc.md:14: (#nothing): no heading with the anchor #nothing in doc.md",
        "doc.md:15: (img/gone.png): no such file or folder",
        "doc.md:16: (gone.md): no such file or folder",
    ]
