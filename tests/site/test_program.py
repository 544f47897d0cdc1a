"""A second build of the site with another program's settings, checked in the browser.

The site's own mkdocs.yml is read, only `site_name` and `extra.program` change (and its
paths become absolute, so the copy can live in a temporary folder), and the result is
built and served like the real one. The program's names, note, time box, limits and
formats must show where they should, and nothing of the guide's defaults may remain.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from conftest import _QuietHandler
from playwright.sync_api import Browser, Page, expect
from sitekit import DESKTOP, ROOT, PageProblems, axe_violations, built_once

from sitebuild import languages

PROGRAM = {
    "name": "the Northwind Circle",
    "organisation": "Northwind Libraries",
    "coordinator": {"name": "Priya Shah", "email": "mentoring@northwind.example"},
    "time_box": {"meetings": 2, "minutes": 45, "weeks": 6},
    "limits": {"meetings": 3, "weeks": 6, "minutes": 50},
    "formats": ["in-person", "phone"],
    "note": "Book a quiet room through the library's front desk.",
}
SITE_NAME = "Northwind Mentoring"
# What the guide's own settings put on the builder page, none of which may remain.
DEFAULTS = (
    "Three is plenty",
    "more than four is no longer micro",
    "Half an hour is easy",
    "like 3.",
    "like 30.",
    'value="video"',
    "Video call",
    "Three 30-minute",
)


def other_config(site_dir: Path) -> Path:
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as file:
        config = yaml_load(file)
    config["site_name"] = SITE_NAME
    config["extra"]["program"] = PROGRAM
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    path = site_dir.parent / "mkdocs-northwind.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def northwind_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(folder: Path) -> None:
        out = folder / "site"
        config = other_config(out)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
        subprocess.run([*command, "-d", str(out)], cwd=ROOT, check=True)

    return built_once(tmp_path_factory, "northwind", build) / "site"


@pytest.fixture(scope="module")
def northwind_url(northwind_dir: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(northwind_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Browser, northwind_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    problems = PageProblems(northwind_url.rstrip("/"))
    page = problems.watch(context.new_page())
    yield page
    context.close()
    assert not any(problems.as_dict().values()), problems.as_dict()


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_settings_ship_inside_the_builders_wheel(northwind_dir: Path) -> None:
    wheel = next(northwind_dir.glob("pyodide/*/shorthaul_builder-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        shipped = json.loads(archive.read("builder/data/program.json"))
    # The languages are the site's (English and the finished ones, or as the run says).
    offered = [language.code for language in languages.offered(PROGRAM.get("languages"))]
    assert shipped == {**PROGRAM, "guide": SITE_NAME, "languages": offered}


def test_bad_settings_stop_the_build_with_a_message(tmp_path: Path) -> None:
    config = other_config(tmp_path / "site")
    text = config.read_text(encoding="utf-8").replace("weeks: 6\n", "weeks: 60\n", 1)
    config.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(config),
            "-d",
            str(tmp_path / "s"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "program.time_box.weeks should be a whole number from 1 to 52" in done.stderr


def test_the_program_shows_where_it_should(northwind_dir: Path) -> None:
    builder = html(northwind_dir, "builder")
    for page in ("", "builder", "mentors", "mentors/reply"):
        text = html(northwind_dir, page)
        assert "This site is part of the Northwind Circle, run by Northwind Libraries." in text
        assert "Ask Priya Shah" in text
        assert 'href="mailto:mentoring@northwind.example"' in text
        assert f"- {SITE_NAME}</title>" in text or f"<title>{SITE_NAME}</title>" in text
    assert "Book a quiet room through the library&#39;s front desk." in builder
    assert "Book a quiet room" not in html(northwind_dir, "mentors")  # the builder's note only
    assert "data-sh-program" not in html(northwind_dir, "tips")


def test_nothing_of_the_defaults_is_left_on_the_builder(northwind_dir: Path) -> None:
    builder = html(northwind_dir, "builder")
    for text in DEFAULTS:
        assert text not in builder, text
    assert re.search(r'id="sh-field-meetings"[^>]*value="2"', builder)
    assert re.search(r'id="sh-field-minutes"[^>]*value="45"', builder)
    assert "Two is plenty for one small goal; more than three is no longer micro." in builder
    assert "Two 45-minute meetings in person over six weeks" in builder  # the sample request


def test_the_browser_runs_on_the_programs_settings(page: Page, northwind_url: str) -> None:
    page.goto(f"{northwind_url}builder/")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=60_000)
    email = page.locator("[data-sh-draft=email] [data-sh-draft-text]")
    expect(email).to_have_value(re.compile("Two 45-minute meetings in person over six weeks"))
    assert page.locator("input[name=format]").evaluate_all("rs => rs.map(r => r.value)") == [
        "in-person",
        "phone",
    ]
    page.locator(".sh-progress__link[data-sh-goto=timebox]").press("Enter")
    tip2 = page.locator("[data-sh-tip='2']")
    page.fill("#sh-field-meetings", "3")  # within this program's limit
    expect(email).to_have_value(re.compile("Three 45-minute"))
    expect(tip2.locator("[data-sh-tip-findings]")).not_to_contain_text("no longer micro")
    page.fill("#sh-field-meetings", "4")  # over it (the guide's own limit is four)
    expect(tip2.locator("[data-sh-tip-findings]")).to_contain_text("4 meetings is no longer micro")
    expect(tip2.locator("[data-sh-tip-findings]")).to_contain_text("three meetings or fewer")
    page.fill("#sh-field-minutes", "55")
    expect(tip2.locator("[data-sh-tip-findings]")).to_contain_text("45 to 50 minutes")
    assert axe_violations(page) == []
    page.locator(".sh-progress__link[data-sh-goto=review]").press("Enter")
    with page.expect_download() as download:
        page.click("[data-sh-download=text]")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"Drafted with the {SITE_NAME} request builder." in saved


def test_a_link_to_a_format_the_program_does_not_offer_still_opens(
    page: Page, northwind_url: str
) -> None:
    page.goto(f"{northwind_url}builder/?v=1&fm=video&f={quote('how to chair a meeting')}")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=60_000)
    expect(page.locator("[data-sh-notices]")).to_contain_text("set to In person")
    assert page.is_checked("input[name=format][value=in-person]")


def test_the_reply_helper_points_to_the_coordinator(page: Page, northwind_url: str) -> None:
    page.goto(f"{northwind_url}mentors/reply/#v=1&f={quote('how to chair a meeting')}&p=Sam&n=Ina")
    page.wait_for_selector("[data-sh-reply][data-sh-ready='true']", timeout=60_000)
    email = page.locator("[data-sh-draft=email] [data-sh-draft-text]")
    page.check("input[name=response][value=someone-else]")
    coordinator = (
        "Priya Shah, who coordinates the Northwind Circle, may be able to suggest someone: "
        "mentoring@northwind.example."
    )
    expect(email).to_have_value(re.compile(re.escape(coordinator)))
    expect(page.locator("[data-sh-coaching] [data-sh-code=someone-else-ok]")).to_be_visible()
    page.check("input[name=response][value=yes]")
    expect(email).to_have_value(re.compile("Two 45-minute meetings in person over six weeks works"))
    page.click("[data-sh-unlink]")
    page.fill("#sh-field-meetings", "5")
    page.fill("#sh-field-weeks", "5")
    expect(page.locator("[data-sh-coaching] [data-sh-code=no-longer-micro]")).to_contain_text(
        "Past 3 meetings or 6 weeks"
    )
    assert page.locator("input[name=format]").evaluate_all("rs => rs.map(r => r.value)") == [
        "in-person",
        "phone",
    ]


def test_the_guides_own_build_names_no_program(site_dir: Path) -> None:
    """Without settings, no page shows a program box, and the defaults are the guide's."""
    for page in site_dir.rglob("*.html"):
        assert "data-sh-program" not in page.read_text(encoding="utf-8"), page
    assert "Three is plenty for one small goal" in html(site_dir, "builder")
