"""Linking from onboarding material: the link contract, previews, embedding, print."""

from __future__ import annotations

import functools
import io
import os
import re
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from sitekit import DESKTOP, ROOT, all_pages, doc_pages

CONTRACT = Path(__file__).with_name("public_links.txt")
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def contract() -> list[str]:
    lines = CONTRACT.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ids_of(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def resolve(site_dir: Path, path: str, hops: int = 3) -> tuple[str, str]:
    """The final page (following redirect pages) and its HTML, for a public path."""
    html_file = site_dir / path.lstrip("/") / "index.html"
    assert html_file.is_file(), f"{path} is not in the build"
    html = html_file.read_text(encoding="utf-8")
    redirect = REFRESH.search(html)
    if redirect and hops:
        return resolve(site_dir, urljoin(path, redirect.group(1)), hops - 1)
    return path, html


@pytest.mark.parametrize("link", contract())
def test_every_public_link_of_the_contract_still_resolves(site_dir: Path, link: str) -> None:
    path, _, anchor = link.partition("#")
    _, html = resolve(site_dir, path)
    if anchor:
        assert anchor in ids_of(html), f"{link}: anchor #{anchor} is gone"


def test_the_numbered_tip_addresses_forward_to_the_tips(site_dir: Path) -> None:
    import builder

    for tip in builder.TIPS:
        final, _ = resolve(site_dir, f"/tips/{tip.number}/")
        assert final == f"/{tip.path}"


def short_addresses() -> dict[str, str]:
    """The short addresses mkdocs.yml's redirects plugin defines, and their targets."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"redirect_maps:\n((?:\s{8}.+\n)+)", text).group(1)
    maps = dict(line.strip().split(": ", 1) for line in block.splitlines())
    return {
        "/" + old.removesuffix(".md") + "/": "/" + new.removesuffix(".md") + "/"
        for old, new in maps.items()
    }


@pytest.mark.parametrize(("short", "target"), sorted(short_addresses().items()))
def test_a_short_address_unfolds_like_its_target(site_dir: Path, short: str, target: str) -> None:
    """A link pasted into chat shows the target's title, summary and image, and the
    stub keeps the site's promise of no inline script."""
    stub = (site_dir / short.strip("/") / "index.html").read_text(encoding="utf-8")
    page = (site_dir / target.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "Redirecting" not in stub
    for key in ("og:title", "og:description", "og:image", "twitter:card", "og:url"):
        assert meta(stub, key) == meta(page, key), key
    assert (
        re.search(r"<title>([^<]+)</title>", stub)[1]
        == re.search(r"<title>([^<]+)</title>", page)[1]
    )
    assert "Content-Security-Policy" in stub
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", stub, re.S):
        assert script.strip() == "", "inline script in a short address"


def test_a_short_address_keeps_the_section_of_the_link(guarded_page: Page, base_url: str) -> None:
    guarded_page.goto(f"{base_url}tips/1/#why-it-matters")
    guarded_page.wait_for_url(f"{base_url}tips/prepare/#why-it-matters")
    expect(guarded_page.locator("#why-it-matters")).to_be_visible()


def test_the_coordinators_table_lists_every_page_and_contract_anchor(site_dir: Path) -> None:
    html = (site_dir / "coordinators" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('class="sh-links"') :]
    for page in doc_pages():
        assert f"<code>/{page}</code>" in table
    for link in contract():
        _, _, anchor = link.partition("#")
        if anchor:
            assert f"<code>#{anchor}</code>" in table


def meta(html: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return found.group(1) if found else None


@pytest.mark.parametrize("page", all_pages())
def test_every_page_has_a_link_preview(site_dir: Path, page: str) -> None:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]+ - Short Haul</title>|<title>Short Haul</title>", html)
    for key in ("description", "og:title", "og:description", "og:image", "twitter:card"):
        assert meta(html, key), f"{page}: no {key}"
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert meta(html, "og:url") == canonical
    image = urlsplit(meta(html, "og:image"))
    assert image.scheme in ("http", "https")
    assert (site_dir / image.path.lstrip("/")).is_file()


def test_sitemap_lists_every_page_at_the_site_url(site_dir: Path) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    assert sorted(locations) == sorted(f"{site_url}{page}" for page in all_pages())


def test_site_url_is_configurable(tmp_path: Path) -> None:
    """Built for a program that offers English alone (`languages: [en]`, here through
    SHORTHAUL_LANGUAGES), so it also shows that such a site has no language switch."""
    env = {**os.environ, "SHORTHAUL_LANGUAGES": "en"}
    env["SITE_URL"] = "https://mentoring.example.org/guide/"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    html = (tmp_path / "tips" / "personal-touch" / "index.html").read_text(encoding="utf-8")
    assert meta(html, "og:url") == "https://mentoring.example.org/guide/tips/personal-touch/"
    assert meta(html, "og:image") == "https://mentoring.example.org/guide/assets/images/og-card.png"
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://mentoring.example.org/guide/builder/</loc>" in sitemap
    # English alone: no other language's pages, no switch, no alternates in the sitemap.
    assert not (tmp_path / "es").exists()
    assert "md-select__link" not in html
    assert "xhtml:link" not in sitemap


@pytest.mark.browser
def test_link_maker_makes_a_link_that_fills_the_builder(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    page.goto(f"{base_url}coordinators/", wait_until="networkidle")
    assert not [url for url in page.problems.requested if "/pyodide/" in url]
    page.fill("#sh-field-focus", "how to run a retrospective")
    page.fill("#sh-field-meetings", "40")
    expect(page.locator("[data-sh-message=meetings]")).to_contain_text("12", timeout=60_000)
    assert page.input_value("[data-sh-linkmaker-link]") == ""
    page.fill("#sh-field-meetings", "2")
    page.fill("#sh-field-weeks", "3")
    page.check("input[name=format][value=in-person]")
    link = page.locator("[data-sh-linkmaker-link]")
    expect(link).to_have_value(re.compile(r"fm=in-person"))
    query = parse_qs(urlsplit(link.input_value()).query)
    assert query == {
        "v": ["1"],
        "f": ["how to run a retrospective"],
        "m": ["2"],
        "w": ["3"],
        "fm": ["in-person"],
    }

    page.goto(link.input_value())
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=60_000)
    assert page.input_value("#sh-field-focus") == "how to run a retrospective"
    assert page.input_value("#sh-field-meetings") == "2"
    assert page.input_value("#sh-field-weeks") == "3"
    assert page.is_checked("input[name=format][value=in-person]")


class _HostHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def intranet(tmp_path: Path, base_url: str):
    """A page on another origin (another port) that embeds the builder and a tip."""
    (tmp_path / "course.html").write_text(
        f"""<!doctype html><html lang="en"><head><title>Course</title>
        <link rel="icon" href="data:,"></head><body>
        <h1>Week 1: find a mentor</h1>
        <iframe id="builder" src="{base_url}builder/?embed&m=2" title="Builder"
                width="640" height="900" allow="clipboard-write"></iframe>
        <iframe id="tip" src="{base_url}tips/personal-touch/?embed" title="Tip 3"
                width="640" height="600"></iframe>
        </body></html>""",
        encoding="utf-8",
    )
    handler = functools.partial(_HostHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/course.html"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_builder_and_tip_work_embedded_in_another_sites_iframe(
    browser: Browser, base_url: str, intranet: str
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(intranet)
    builder = page.frame_locator("#builder")
    expect(builder.locator("[data-sh-builder][data-sh-ready='true']")).to_be_attached(
        timeout=60_000
    )
    expect(builder.locator(".md-header")).to_be_hidden()
    expect(builder.locator(".md-sidebar--primary")).to_be_hidden()
    assert builder.locator("#sh-field-meetings").input_value() == "2"
    builder.locator("#sh-field-focus").fill("how to mentor an intern")
    expect(builder.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to mentor an intern")
    )
    frame = page.frame(url=re.compile(r"/builder/"))
    assert "embed" in frame.url  # the layout survives the builder tidying its address
    width = frame.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert width <= 0

    tip = page.frame_locator("#tip")
    expect(tip.locator("h1")).to_have_text(re.compile("Tip 3: Keep the personal touch"))
    expect(tip.locator(".md-header")).to_be_hidden()
    with context.expect_page() as opened:
        tip.locator("article a[href$='builder/']").first.click()
    assert "/builder/" in opened.value.url  # links leave the frame in a new tab
    context.close()
    assert errors == []


def pdf_text(page: Page) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


@pytest.mark.browser
@pytest.mark.parametrize(
    "tip", ["prepare", "aim-small", "personal-touch", "over-achieve", "keep-the-agreement"]
)
def test_tips_print_as_clean_handouts(guarded_page: Page, base_url: str, tip: str) -> None:
    page = guarded_page
    page.goto(f"{base_url}tips/{tip}/", wait_until="networkidle")
    pages, text = pdf_text(page)
    assert pages <= 3
    assert page.locator("h1").inner_text().rstrip("¶") in text
    assert "In practice" in text
    assert "Skip to content" not in text
    assert "Request builder\nFor coordinators" not in text  # no navigation


@pytest.mark.browser
def test_a_finished_request_prints_its_drafts_not_the_form(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    page.goto(
        f"{base_url}builder/?v=1&f=how+to+run+my+first+customer+interview&p=Amira&n=Jonas"
        "&c=we+worked+together+on+last+year%27s+launch"
    )
    page.wait_for_selector("[data-sh-builder][data-sh-ready='true']", timeout=60_000)
    expect(page.locator("[data-sh-draft=plan] [data-sh-draft-text]")).to_have_value(
        re.compile("Jonas")
    )
    email = page.locator("[data-sh-draft=email] [data-sh-draft-text]")
    email.fill(email.input_value() + "\nP.S. Printed as I edited it.")
    _, text = pdf_text(page)
    assert "P.S. Printed as I edited it." in text  # the reader's version is printed
    for heading in ("Email", "Meeting plan", "Report-back notes", "Thank-you note"):
        assert heading in text
    assert "Hi Jonas" in text
    assert "What would you like their help with?" not in text  # the form is not printed
    assert "edit it here" not in text
    assert "Copy email" not in text
    assert "Needs work" not in text
