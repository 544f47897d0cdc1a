"""The guide's promises to its readers, checked on the built site.

- The sample request and thank-you note are the builder's own drafts of one sample
  request, whole, on the tips overview and the builder page.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from pathlib import Path

import pytest
from sitekit import ROOT

import builder


def _import_samples():
    """`guide` sits beside `builder` in the repository but is not an installed package."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("guide.samples")


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
