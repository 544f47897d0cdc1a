"""Every page of the guide, opened in headless Chromium from 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sitekit import (
    DESKTOP,
    PHONE,
    all_pages,
    axe_violations,
    bare,
    doc_pages,
    other_language_pages,
    rotated,
    site_pages,
    wait_until_kept,
)

from sitebuild import page_scripts

PAGES = doc_pages()
EVERY_PAGE = all_pages()  # with the other languages' (sitekit.other_languages)
# The modules esbuild joins into the page scripts: no page may load one.
JOINED = page_scripts.joined()


def test_the_build_has_exactly_the_pages_docs_defines(site_dir: Path) -> None:
    assert site_pages(site_dir) == sorted(EVERY_PAGE)


def test_the_service_worker_keeps_each_page_script_and_none_of_its_modules(
    site_dir: Path,
) -> None:
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    for entry in page_scripts.ENTRIES:
        built = site_dir / "assets" / "javascripts" / entry
        text = built.read_text(encoding="utf-8")
        assert text.rstrip().endswith(f"//# sourceMappingURL={entry}.map"), f"{entry} not bundled"
        assert built.with_name(f"{entry}.map").is_file()
        assert f'"url": "assets/javascripts/{entry}"' in worker
        assert f'"url": "assets/javascripts/{entry}.map"' not in worker
    for part in JOINED:
        assert f'"url": "assets/javascripts/{part}"' not in worker


@pytest.mark.browser
@pytest.mark.parametrize("path", EVERY_PAGE)
def test_page_loads_cleanly_from_its_own_origin(guarded_page, base_url: str, path: str) -> None:
    page = guarded_page
    problems = page.problems
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    assert page.title().endswith("Short Haul")
    assert page.locator("h1").count() == 1
    if bare(path) not in ("builder/", "mentors/reply/"):  # only the two helpers load Python
        assert not [url for url in problems.requested if "/pyodide/" in url]
    scripts = {url.split("/assets/javascripts/")[-1] for url in problems.requested}
    assert not scripts & JOINED, "a page loaded a module its page script already holds"
    if bare(path) == "builder/":
        assert {"builder.js", "builder-worker.js"} <= scripts
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description
    assert len(description) <= 160


MODES = {
    "desktop": (DESKTOP, "light"),
    "phone": (PHONE, "light"),
    "desktop-dark": (DESKTOP, "dark"),
}


def check_accessibility(page, url: str, viewport: dict, scheme: str) -> None:
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="networkidle")
    expected = {"light": "default", "dark": "slate"}[scheme]
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    assert axe_violations(page) == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scroll"


@pytest.mark.browser
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violations(
    guarded_page, base_url: str, path: str, mode: str
) -> None:
    check_accessibility(guarded_page, base_url + path, *MODES[mode])


@pytest.mark.browser
@pytest.mark.parametrize(("path", "mode"), rotated(other_language_pages(), list(MODES)))
def test_other_language_page_has_no_accessibility_violations(
    guarded_page, base_url: str, path: str, mode: str
) -> None:
    check_accessibility(guarded_page, base_url + path, *MODES[mode])


@pytest.mark.browser
def test_palette_follows_the_system_until_the_reader_picks_one(guarded_page, base_url: str) -> None:
    page = guarded_page

    def scheme() -> str:
        return page.get_attribute("body", "data-md-color-scheme")

    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "tips/")
    assert scheme() == "slate"
    toggle = page.locator("[data-sh-palette] button:not([hidden])")
    expect(toggle).to_have_count(1)
    expect(toggle).to_have_attribute("title", "Switch to light mode")
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(toggle).to_have_attribute("title", "Switch to dark mode")

    toggle.click()  # the reader picks dark: kept, and the system no longer decides
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(base_url + "case-for/")
    assert scheme() == "slate"
    page.emulate_media(color_scheme="light")
    page.wait_for_timeout(100)
    assert scheme() == "slate"
    toggle.focus()  # keyboard: the switch is a button
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.reload()
    assert scheme() == "default"


@pytest.mark.browser
def test_the_browsers_toolbar_takes_the_headers_colour_once_the_page_has_loaded(
    guarded_page, base_url: str
) -> None:
    page = guarded_page
    theme = "() => document.querySelector('meta[name=theme-color]')?.content ?? null"
    header = (
        "() => getComputedStyle(document.querySelector('[data-md-component=header]'))"
        ".backgroundColor"
    )
    page.emulate_media(color_scheme="light")
    page.goto(base_url + "builder/")
    page.wait_for_function(f"() => ({theme})() === ({header})()")
    page.locator("[data-sh-palette] button:not([hidden])").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.wait_for_function(f"() => ({theme})() === ({header})()")
    assert page.evaluate(theme).startswith("rgb(")


def test_coaching_links_point_at_real_tip_pages_and_anchors(site_dir: Path) -> None:
    """The builder's tip table and the tip pages agree: titles, paths and anchors."""
    from html.parser import HTMLParser

    import builder

    class Headings(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: set[str] = set()
            self.h1 = ""
            self._in_h1 = False

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.ids.update(value for name, value in attrs if name == "id")
            self._in_h1 = self._in_h1 or tag == "h1"

        def handle_endtag(self, tag: str) -> None:
            self._in_h1 = self._in_h1 and tag != "h1"

        def handle_data(self, data: str) -> None:
            if self._in_h1:
                self.h1 += data

    for tip in builder.TIPS:
        parser = Headings()
        parser.feed((site_dir / tip.path / "index.html").read_text(encoding="utf-8"))
        assert parser.h1.replace("¶", "").strip() == f"Tip {tip.number}: {tip.title}"
        assert {"why-it-matters", "in-practice", "in-the-builder"} <= parser.ids


@pytest.mark.parametrize("path", PAGES)
def test_built_pages_carry_the_strict_content_security_policy(site_dir: Path, path: str) -> None:
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"  # no inline script
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert not re.search(r"<script>|<script (?![^>]*\b(src|type=\"application/json\"))", html)


@pytest.mark.browser
def test_on_the_builder_search_builds_its_index_after_python_yet_answers_at_once(
    guarded_page, base_url: str
) -> None:
    """Material's search worker (its index: 250-330 ms of CPU) waits for Python's start
    on the builder's page; a reader who goes to the search box first still gets answers."""
    page = guarded_page

    def searches() -> list[str]:
        return [url for url in page.problems.requested if "/workers/search." in url]

    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # Python waits
    page.goto(base_url + "builder/", wait_until="load")
    page.wait_for_selector(".sh-builder--enhanced")
    page.wait_for_timeout(1000)
    assert searches() == []
    page.click(".md-search__input")
    page.keyboard.type("mentor")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert len(searches()) == 1
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=60_000)
    # The worker keeps the bundle after the start (the snapshot first, then the scripts
    # Pyodide imported): a page left before that cuts its downloads short, which the
    # guard reports as failed requests.
    wait_until_kept(page)

    page.goto(base_url + "builder/")  # not searching: the index once Python is ready
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=60_000)
    page.wait_for_function(
        "() => performance.getEntriesByType('resource')"
        ".some((entry) => entry.name.includes('/workers/search.'))"
    )
    wait_until_kept(page)
