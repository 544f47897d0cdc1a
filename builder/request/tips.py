"""The five tips, as the table every coaching finding points back to.

Each tip is a page of the guide; the anchors are the ids those pages define, so a
finding can link straight to the advice it is based on.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.wording.catalog import say, to_say

ANCHORS = ("why-it-matters", "in-practice", "in-the-builder")


@dataclass(frozen=True, slots=True)
class Tip:
    """One of the five tips and where it lives on the site."""

    number: int
    slug: str
    title: str
    path: str

    def url(self, anchor: str = "in-practice") -> str:
        """Site-root-relative link to a section of the tip's page.

        Args:
            anchor: One of `ANCHORS`, or "" for the top of the page.

        Raises:
            ValueError: For an anchor the tip pages do not define, so a typo
                fails in tests rather than as a dead link.
        """
        if not anchor:
            return self.path
        if anchor not in ANCHORS:
            raise ValueError(f"tip pages have no #{anchor}")
        return f"{self.path}#{anchor}"

    def as_data(self) -> dict[str, object]:
        """JSON-ready form for the page's checklist."""
        return {
            "number": self.number,
            "slug": self.slug,
            "title": say(self.title),
            "url": self.url(),
        }


TIPS: tuple[Tip, ...] = (
    Tip(1, "prepare", to_say("Treat it like a long-term mentorship"), "tips/prepare/"),
    Tip(2, "aim-small", to_say("Don't expect too much"), "tips/aim-small/"),
    Tip(3, "personal-touch", to_say("Keep the personal touch"), "tips/personal-touch/"),
    Tip(4, "over-achieve", to_say("Over-achieve"), "tips/over-achieve/"),
    Tip(5, "keep-the-agreement", to_say("Keep to the agreement"), "tips/keep-the-agreement/"),
)

TIP: dict[int, Tip] = {tip.number: tip for tip in TIPS}
