"""The five tips: exact table, and links to sections the pages define."""

import pytest

from builder import TIPS
from builder.request.tips import ANCHORS, TIP


def test_the_five_tips_exactly() -> None:
    assert [(t.number, t.slug, t.title, t.path) for t in TIPS] == [
        (1, "prepare", "Treat it like a long-term mentorship", "tips/prepare/"),
        (2, "aim-small", "Don't expect too much", "tips/aim-small/"),
        (3, "personal-touch", "Keep the personal touch", "tips/personal-touch/"),
        (4, "over-achieve", "Over-achieve", "tips/over-achieve/"),
        (5, "keep-the-agreement", "Keep to the agreement", "tips/keep-the-agreement/"),
    ]


def test_url_defaults_to_in_practice() -> None:
    assert TIP[2].url() == "tips/aim-small/#in-practice"


@pytest.mark.parametrize("anchor", ANCHORS)
def test_url_for_each_anchor(anchor: str) -> None:
    for tip in TIPS:
        url = tip.url(anchor)
        assert url == f"{tip.path}#{anchor}"
        assert not url.startswith("/")


def test_url_without_anchor_is_the_page() -> None:
    assert TIP[5].url("") == "tips/keep-the-agreement/"


def test_unknown_anchor_is_refused() -> None:
    with pytest.raises(ValueError, match="no #nope"):
        TIP[1].url("nope")


def test_tips_are_frozen() -> None:
    with pytest.raises(AttributeError):
        TIPS[0].title = "x"  # type: ignore[misc]


def test_as_data() -> None:
    assert TIP[3].as_data() == {
        "number": 3,
        "slug": "personal-touch",
        "title": "Keep the personal touch",
        "url": "tips/personal-touch/#in-practice",
    }
