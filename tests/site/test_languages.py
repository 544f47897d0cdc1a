"""The site in more than one language (sitebuild/languages.py, hooks/languages.py).

- Which languages a site offers: English and every finished language, unless the
  program's settings (or SHORTHAUL_LANGUAGES) say otherwise; a wrong setting says why.
- Each language's pages mirror the English ones: the same pages in the same navigation,
  with the same heading ids, link targets, footnotes, page slots and boxes, so a
  link, an anchor or the language switch works in every language.
- In the built site, a language's pages load the root's assets and Python bundle (none
  of their own), the switch leads to the same page, the sitemap lists every page in
  every language, and the service worker keeps them. (A site that offers English alone
  has no switch: test_links.py's build for another SITE_URL is one.)
- In Chromium, a reader switches language and lands on the same page, with the light
  or dark mode they chose, and searches the pages in their language.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Page, expect
from sitekit import ROOT, doc_pages, other_languages

from builder.wording.catalog import say, speaking, translator
from sitebuild import languages, program

OTHERS = [code for code in languages.available() if code != languages.PRIMARY]
ENGLISH = ROOT / "docs"
offered_here = pytest.mark.skipif(
    not other_languages(), reason="the tested site offers English alone (SHORTHAUL_LANGUAGES)"
)


# Which languages ----------------------------------------------------------------------


def fake_root(tmp_path: Path) -> Path:
    for code, finished in (("xx", True), ("yy", False)):
        (tmp_path / "languages" / code).mkdir(parents=True)
        (tmp_path / "languages" / code / "language.yml").write_text(
            f"name: Lang {code}\nfinished: {str(finished).lower()}\n", encoding="utf-8"
        )
    return tmp_path


def codes(found: list[languages.Language]) -> list[str]:
    return [language.code for language in found]


def test_a_site_offers_english_and_every_finished_language_unless_told(tmp_path: Path) -> None:
    root = fake_root(tmp_path)
    assert codes(languages.offered(None, "", root)) == ["en", "xx"]
    assert codes(languages.offered(["en"], "", root)) == ["en"]
    assert codes(languages.offered(["yy", "en"], "", root)) == ["en", "yy"]
    assert codes(languages.offered(["en"], "en, yy", root)) == ["en", "yy"]  # a preview
    assert languages.available(root)["yy"].name == "Lang yy"


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ("en, xx", "should be a list of language codes"),
        (["en", "zz"], "names zz, which this site does not have (it has: en, xx, yy)"),
        (["xx"], "must include en"),
        (["en", "xx", "xx"], "names a language twice"),
    ],
)
def test_a_wrong_languages_setting_says_what_is_wrong(
    tmp_path: Path, setting: object, says: str
) -> None:
    with pytest.raises(languages.LanguageError, match=re.escape(says)):
        languages.offered(setting, "", fake_root(tmp_path))


def test_the_languages_setting_sits_with_the_programs_other_settings() -> None:
    assert program.checked({"languages": ["en"], "name": "the Circle"}, "Site")["name"] == (
        "the Circle"
    )


def test_spanish_is_finished_so_every_site_offers_it_unless_told() -> None:
    """Its guide, builder, reply helper, link maker and drafts speak Spanish whole."""
    spanish = languages.available()["es"]
    assert spanish.finished
    assert "es" in codes(languages.offered(None, ""))
    assert codes(languages.offered(["en"], "")) == ["en"]


# The pages mirror the English ones ----------------------------------------------------

# What must be the same, in the same order, on a page in every language: heading ids and
# classes, link targets, footnote labels, page slots, the kinds of box.
STRUCTURE = re.compile(
    r"\{#[^}]*\}|\]\([^)]*\)|\[\^[a-z0-9-]+\]|data-sh-[a-z-]+|^(?:!!!|\?\?\?\+?) [a-z]+", re.M
)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def markdown_pages(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def front_matter(path: Path) -> dict:
    found = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    return yaml_load(found.group(1)) if found else {}


@pytest.mark.parametrize("code", OTHERS)
def test_each_language_has_every_page_and_no_other(code: str) -> None:
    docs = languages.available()[code].docs_dir
    assert markdown_pages(docs) == markdown_pages(ENGLISH)


@pytest.mark.parametrize("code", OTHERS)
@pytest.mark.parametrize("rel", markdown_pages(ENGLISH))
def test_a_page_keeps_the_english_pages_ids_links_footnotes_and_slots(code: str, rel: str) -> None:
    theirs = languages.available()[code].docs_dir / rel
    english, translated = ENGLISH / rel, theirs
    assert STRUCTURE.findall(translated.read_text(encoding="utf-8")) == STRUCTURE.findall(
        english.read_text(encoding="utf-8")
    )
    ours, its = front_matter(english), front_matter(translated)
    assert sorted(its) == sorted(ours)
    for key in ours.keys() - {"title", "description"}:
        assert its[key] == ours[key], f"{rel}: front matter {key} is the page's, not a text"
    assert len(its["description"]) <= 160


def nav_files(nav: list) -> list[str]:
    found = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_files(value) if isinstance(value, list) else [value]
    return found


@pytest.mark.parametrize("code", OTHERS)
def test_the_navigation_lists_the_same_pages_in_the_same_order(code: str) -> None:
    def nav(config: Path) -> list:
        with config.open(encoding="utf-8") as file:
            return yaml_load(file)["nav"]

    english, theirs = nav(ROOT / "mkdocs.yml"), nav(languages.available()[code].config_file)
    assert nav_files(theirs) == nav_files(english)
    assert len(theirs) == len(english)  # the same sections, too


# The built site -----------------------------------------------------------------------

REFERENCE = re.compile(r'(?:href|src)="([^"#?]+)[^"]*"')


def page_html(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


@offered_here
@pytest.mark.parametrize("code", other_languages())
def test_a_languages_pages_load_the_roots_assets_and_python(site_dir: Path, code: str) -> None:
    own = site_dir / code
    for shared in ("assets", "pyodide", "sw.js", "sitemap.xml"):
        assert not (own / shared).exists(), f"{code}/{shared}: a copy of the root's"
    for path in doc_pages(code):
        text = page_html(site_dir, path)
        for target in REFERENCE.findall(text):
            if re.match(r"[a-z]+:|//", target):
                continue
            resolved = posixpath.normpath(posixpath.join(path, target))
            assert not resolved.startswith(".."), f"{path}: {target} leaves the site"
            assert (site_dir / resolved).exists(), f"{path}: {target} is missing"
    builder_page = page_html(site_dir, f"{code}/builder/")
    pythons = set(re.findall(r'"[./]*(pyodide/[0-9a-f]+/)"', builder_page))
    assert pythons == {f"pyodide/{p.parent.name}/" for p in site_dir.glob("pyodide/*/bundle.json")}


@offered_here
def test_the_language_switch_leads_to_the_same_page_in_each_language(site_dir: Path) -> None:
    for path in doc_pages():
        for code in ["en", *other_languages()]:
            here = path if code == "en" else f"{code}/{path}"
            text = page_html(site_dir, here)
            links = {
                lang: href
                for href, lang in re.findall(
                    r'<a href="([^"]+)" hreflang="([a-z]+)" lang="[a-z]+" class="md-select__link"',
                    text,
                )
            }
            assert sorted(links) == sorted(["en", *other_languages()]), here
            for lang, href in links.items():
                target = posixpath.normpath(posixpath.join(here, href)) + "/"
                expected = path if lang == "en" else f"{lang}/{path}"
                assert target.removeprefix("./") == expected or (target, expected) == ("./", ""), (
                    f"{here}: the {lang} link leads to {target}"
                )
            current = re.search(r'hreflang="([a-z]+)"[^>]*aria-current="page"', text)
            assert current
            assert current.group(1) == code


@offered_here
def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(
    site_dir: Path,
) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    offered = ["en", *other_languages()]
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    assert len(entries) == len(doc_pages()) * len(offered)
    locations = set()
    for entry in entries:
        loc = re.search(r"<loc>([^<]+)</loc>", entry).group(1)
        locations.add(loc)
        alternates = dict(re.findall(r'hreflang="([a-z]+)" href="([^"]+)"', entry))
        page = alternates["en"].removeprefix(site_url)
        assert alternates == {
            code: site_url + ("" if code == "en" else f"{code}/") + page for code in offered
        }
        assert loc in alternates.values()
    assert len(locations) == len(entries)


@offered_here
def test_the_service_worker_keeps_every_languages_pages(site_dir: Path) -> None:
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    for code in other_languages():
        for path in doc_pages(code):
            assert f'"{path}":' in worker, f"sw.js does not keep {path}"


@offered_here
def test_the_coordinators_table_gives_each_languages_own_addresses(site_dir: Path) -> None:
    for code in other_languages():
        table = page_html(site_dir, f"{code}/coordinators/")
        table = table[table.index('class="sh-links"') :]
        for path in doc_pages(code):
            assert f"<code>/{path}</code>" in table


# In the browser -----------------------------------------------------------------------


@offered_here
@pytest.mark.browser
def test_a_reader_switches_language_and_lands_on_the_same_page(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    code = other_languages()[0]
    page.goto(base_url + "tips/prepare/#in-practice", wait_until="load")
    page.get_by_role("button", name="Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    switch = page.locator(".md-select").first
    switch.get_by_role("button").focus()  # the list opens while the switch has focus
    link = switch.locator(f'a[hreflang="{code}"]')
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(f"{base_url}{code}/tips/prepare/")
    assert page.get_attribute("html", "lang") == code
    expect(page.locator("h1")).to_contain_text("Consejo 1")
    # The light or dark mode the reader chose comes along.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    switch = page.locator(".md-select").first
    switch.get_by_role("button").focus()
    switch.locator('a[hreflang="en"]').click()
    page.wait_for_url(f"{base_url}tips/prepare/")
    expect(page.locator("h1")).to_contain_text("Tip 1")


@offered_here
@pytest.mark.browser
def test_search_finds_the_pages_of_the_readers_language(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    code = other_languages()[0]
    page.goto(f"{base_url}{code}/", wait_until="networkidle")
    page.click(".md-search__input")
    page.keyboard.type("agradecimiento")
    results = page.locator(".md-search-result__link")
    expect(results.first).to_be_visible(timeout=15_000)
    # One reading of the whole list: it is redrawn as the search index answers.
    hrefs = results.evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    assert hrefs
    assert all(f"/{code}/" in href for href in hrefs), hrefs


@offered_here
@pytest.mark.parametrize("code", other_languages())
def test_a_languages_builder_reply_helper_and_link_maker_ask_in_its_words(
    site_dir: Path, code: str
) -> None:
    """The form's labels, help, examples and the words before each box come from the
    language's catalog (builder/wording/<code>/catalog.py); the sample request shown with
    the form is the language's own, drafted by the builder in that language."""
    t = translator(code)
    asks = {
        f"{code}/builder/": ("What would you like their help with?", "I'd like your help to …"),
        f"{code}/coordinators/": ("What would you like their help with?",),
        f"{code}/mentors/reply/": (
            "What did they ask for help with?",
            "To get started, could you …",
        ),
    }
    for path, englishes in asks.items():
        text = html.unescape(page_html(site_dir, path))
        for english in englishes:
            assert t(english) != english
            assert t(english) in text, path
            assert not re.search(rf"<(label|p)[^>]*>\s*{re.escape(english)}", text), path
    from builder import samples

    with speaking(code):
        shown = {example["name"]: example for example in samples.examples(code)}
    builder_page = html.unescape(page_html(site_dir, f"{code}/builder/"))
    assert shown["email"]["subject"] in builder_page
    assert "Amira Haddad" in builder_page
    assert samples.SAMPLE_REQUESTS[code]["focus"] in builder_page


@offered_here
@pytest.mark.browser
def test_a_languages_builder_says_its_own_words_once_python_has_started(
    guarded_page: Page, base_url: str
) -> None:
    """The page scripts' statuses and answers come from the page's catalog (texts.js)."""
    page = guarded_page
    code = other_languages()[0]
    t = translator(code)
    page.goto(f"{base_url}{code}/builder/", wait_until="load")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=90_000)
    state = page.locator("[data-sh-send-state]")
    expect(state).to_have_text(re.compile(r"\d"))  # Python's first answer is shown
    waiting = int(re.search(r"\d+", state.inner_text()).group(0))
    expect(state).to_have_text(
        t(
            "Not ready to send yet: {n} things are still to fill in. When you try to send "
            "it, they are listed here.",
            n=waiting,
        )
    )
    page.get_by_role("button", name=t("Next: {step}", step=t("Your mentor"))).first.click()
    page.get_by_role("button", name=t("Next: {step}", step=t("The time box"))).first.click()
    page.get_by_role(
        "button", name=t("Next: {step}", step=t("Your side of the deal"))
    ).first.click()
    page.get_by_role("button", name=t("Next: {step}", step=t("Review and send"))).first.click()
    page.get_by_role("button", name=t("Copy the message")).first.click()
    expect(
        page.get_by_text(t("Not yet: fill in the things listed above first.")).first
    ).to_be_visible()


@offered_here
@pytest.mark.browser
def test_a_languages_builder_says_what_python_finds_in_its_words(
    guarded_page: Page, base_url: str
) -> None:
    """Field messages and coaching notes come from Python in the page's language: the
    page sends its language with every message (python.js)."""
    page = guarded_page
    code = other_languages()[0]
    t = translator(code)
    page.goto(f"{base_url}{code}/builder/", wait_until="load")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=90_000)
    page.fill("#sh-field-focus", "liderazgo, oratoria, contratación y presupuestos")
    page.get_by_role("button", name=t("Next: {step}", step=t("Your mentor"))).first.click()
    page.get_by_role("button", name=t("Next: {step}", step=t("The time box"))).first.click()
    page.fill("#sh-field-meetings", "3x")
    with speaking(code):
        whole = say("{noun} must be a whole number, like {example}.", noun="Reuniones", example=3)
    expect(page.locator("[data-sh-message=meetings]")).to_have_text(whole)
    expect(page.locator("#sh-field-meetings")).to_have_value("3x")
    page.fill("#sh-field-meetings", "3")
    findings = page.locator("[data-sh-tip-findings] .sh-finding__title")
    expect(findings.filter(has_text=t("Pick one topic"))).to_have_count(1)
    expect(findings.filter(has_text="Pick one topic")).to_have_count(0)


@offered_here
@pytest.mark.browser
def test_the_drafts_start_in_the_pages_language_and_follow_the_readers_choice(
    guarded_page: Page, base_url: str
) -> None:
    """A Spanish page drafts in Spanish; the reader may write to their mentor in English
    instead, and that choice is kept, shared by link and carried to the English page."""
    page = guarded_page
    code = other_languages()[0]
    t = translator(code)
    email = page.locator("[data-sh-draft=email] [data-sh-draft-text]")
    page.goto(f"{base_url}{code}/builder/", wait_until="load")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=90_000)
    page.fill("#sh-field-focus", "negociar mi primer salario")
    expect(email).to_have_value(re.compile("Me gustaría que me ayudaras a negociar mi primer"))
    page.locator(".sh-progress__link[data-sh-goto=commitments]").click()
    choice = page.locator("[data-sh-field=draft_language]")
    expect(choice.locator("legend")).to_have_text(t("Language of your messages"))
    expect(choice.get_by_role("radio", name="Español")).to_be_checked()
    expect(choice.locator("span[lang=en]")).to_have_text("English")
    choice.get_by_role("radio", name="English").check()
    expect(email).to_have_value(re.compile("^Hi \\[their name\\],"))
    with speaking(code):
        notice = say(
            "This looks like {language}. The drafts are in {drafts}, so these words appear in "
            "quotation marks, just as you wrote them. For a smoother message, write your "
            "{noun} in {drafts}.",
            language=say("Spanish"), drafts=say("English"), noun=say("focus"),
        )  # fmt: skip
        switch = say("Or choose “{choice}” as the language of your messages.", choice="Español")
    expect(page.locator("[data-sh-message=focus]")).to_have_text(f"{notice} {switch}")
    page.wait_for_function(
        "() => document.querySelector('[data-sh-builder]').dataset.shBusy === 'false'"
    )
    page.reload(wait_until="load")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=90_000)
    expect(email).to_have_value(re.compile("^Hi \\[their name\\],"))
    page.goto(f"{base_url}builder/", wait_until="load")
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=90_000)
    expect(email).to_have_value(re.compile("^Hi \\[their name\\],"))
    page.locator(".sh-progress__link[data-sh-goto=commitments]").click()
    page.locator("[data-sh-field=draft_language]").get_by_role("radio", name="Español").check()
    expect(email).to_have_value(re.compile("^Hola, \\[su nombre\\]:"))
