"""A reader walking a journey through the builder: typing and clicking only, and reading
what is on the screen after each step (not only what is stored).

`Walk` wraps one page. Its checks of what the reader sees (`see`, `sees_text`, `value`,
`hidden`, …) are soft: a slip is written down with the step it was seen at and the walk
goes on, so one run lists every slip of the journey; `done()` fails the test with all of
them. A step that cannot be taken at all (a control missing) fails at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import BrowserContext, Locator, Page, expect
from playwright.sync_api import Error as PlaywrightError
from sitekit import DESKTOP, PHONE, WATCH_CSP, PageProblems, step_of

READY = "[data-sh-builder][data-sh-ready='true']"
# The kept requests are open once the list is usable (hidden while there is one request).
OPENED = "[data-sh-requests-list]:not([disabled])"
DOCUMENT_KEY = "shorthaul.builder.requests"
STEP_OF = step_of()
WIDTHS = {"1280": DESKTOP, "390": PHONE}
SOFT_TIMEOUT = 8_000  # ms a soft check waits for the page to settle


def working_day(offset: int) -> date:
    """A Monday-to-Friday date at least `offset` days from today, moved away from today
    to a weekday: a past date stays past (a meeting held), a future one stays future,
    whatever day of the week the tests run on."""
    day = date.today() + timedelta(days=offset)
    step = timedelta(days=-1 if offset <= 0 else 1)
    while day.weekday() > 4:
        day += step
    return day


def working_days_before(count: int) -> list[date]:
    """The `count` Monday-to-Friday dates before today, oldest first."""
    days: list[date] = []
    day = date.today()
    while len(days) < count:
        day -= timedelta(days=1)
        if day.weekday() <= 4:
            days.insert(0, day)
    return days


def weekday_ahead(weekday: int, weeks: int = 3) -> date:
    """The given weekday (0 = Monday) some weeks ahead."""
    day = date.today() + timedelta(days=7 * weeks)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


# A control whose value is what it holds (an <li> has a `value` property too).
FORM_CONTROL = "e => ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName)"


@dataclass
class Walk:
    """One reader's page, and every slip seen on it."""

    page: Page
    base_url: str
    slips: list[str] = field(default_factory=list)
    where: str = "start"

    # --- moving --------------------------------------------------------------------

    def step(self, name: str) -> None:
        """Names the journey's step, for the slips seen from here on."""
        self.where = name

    def open(self, path: str = "builder/", opened: bool = True) -> None:
        self.page.goto(f"{self.base_url}{path}")
        self.wait_ready(opened)

    def wait_ready(self, opened: bool = True) -> None:
        self.page.wait_for_selector(READY, timeout=90_000)
        if opened:
            self.page.wait_for_selector(OPENED, state="attached", timeout=60_000)

    def reload(self) -> None:
        self.page.wait_for_timeout(500)  # the autosave waits for a pause in typing
        self.idle()
        self.page.reload()
        self.wait_ready()

    def idle(self) -> None:
        """Nothing of the page's still on its way (a reload would cut it off, which the
        page guard counts as a failed request)."""
        try:
            self.page.wait_for_load_state("networkidle", timeout=15_000)
        except PlaywrightError:
            self.slip("the page never went quiet")

    def go_to(self, step: str) -> None:
        """The step's link in the progress list, by keyboard (Enter), as tested elsewhere."""
        self.page.locator(f".sh-progress__link[data-sh-goto={step}]").press("Enter")
        expect(self.page.locator(f"#step-{step}")).to_be_visible()

    def next(self) -> None:
        """The visible step's Next button, as a reader moves on."""
        self.page.locator("[data-sh-step]:not([hidden]) .sh-step__nav .md-button--primary").click()

    def type(self, values: dict[str, str]) -> None:
        """Types each value into its field, going to the field's step first."""
        for name, value in values.items():
            self.go_to(STEP_OF[name])
            self.page.fill(f"#sh-field-{name}", value)

    def draft(self, name: str) -> Locator:
        return self.page.locator(f"[data-sh-draft={name}] [data-sh-draft-text]")

    def stored(self) -> dict:
        return json.loads(self.page.evaluate(f"() => localStorage.getItem('{DOCUMENT_KEY}')"))

    def download(self, selector: str, folder: Path) -> Path:
        with self.page.expect_download() as info:
            self.page.locator(selector).click()
        path = folder / info.value.suggested_filename
        info.value.save_as(path)
        return path

    # --- reading what is on the screen (soft) ---------------------------------------

    def slip(self, text: str) -> None:
        self.slips.append(f"[{self.where}] {text}")

    def _soft(self, check: Callable[[], None], what: str) -> bool:
        try:
            check()
        except (AssertionError, PlaywrightError) as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            self.slip(f"{what}: {first[:300]}")
            return False
        return True

    def sees(self, locator: Locator, text: str | re.Pattern[str], what: str = "") -> bool:
        """The locator is visible and contains the text."""
        return self._soft(
            lambda: (
                expect(locator).to_be_visible(timeout=SOFT_TIMEOUT),
                expect(locator).to_contain_text(text, timeout=SOFT_TIMEOUT),
            ),
            what or f"expected to see {text!r}",
        )

    def value(self, locator: Locator, text: str | re.Pattern[str], what: str = "") -> bool:
        """A field or draft (visible) holds the text: the exact value, or a pattern found in it."""
        pattern = text if isinstance(text, re.Pattern) else re.compile(f"^{re.escape(text)}$")
        return self._soft(
            lambda: (
                expect(locator).to_be_visible(timeout=SOFT_TIMEOUT),
                expect(locator).to_have_value(pattern, timeout=SOFT_TIMEOUT),
            ),
            what or f"expected the value {text!r}",
        )

    def lacks(self, locator: Locator, text: str | re.Pattern[str], what: str = "") -> bool:
        """Whatever the locator holds (text or value), the text is not in it."""
        pattern = text if isinstance(text, re.Pattern) else re.compile(re.escape(text))

        def check() -> None:
            self.page.wait_for_timeout(300)  # the answer to the last edit is in
            for item in locator.all():
                shown = item.input_value() if item.evaluate(FORM_CONTROL) else ""
                shown += item.inner_text() if item.is_visible() else ""
                assert not pattern.search(shown), f"found {pattern.pattern!r} in {shown[:200]!r}"

        return self._soft(check, what or f"did not expect {pattern.pattern!r}")

    def hidden(self, locator: Locator, what: str) -> bool:
        return self._soft(lambda: expect(locator).to_be_hidden(timeout=SOFT_TIMEOUT), what)

    def visible(self, locator: Locator, what: str) -> bool:
        return self._soft(lambda: expect(locator).to_be_visible(timeout=SOFT_TIMEOUT), what)

    def true(self, condition: bool, what: str) -> bool:
        if not condition:
            self.slip(what)
        return condition

    def in_view(self, locator: Locator, what: str) -> bool:
        return self._soft(lambda: expect(locator).to_be_in_viewport(timeout=SOFT_TIMEOUT), what)

    def above(self, upper: Locator, lower: Locator, what: str) -> bool:
        """`upper` is laid out above `lower` on the page."""

        def check() -> None:
            a, b = upper.bounding_box(), lower.bounding_box()
            assert a, "not laid out"
            assert b, "not laid out"
            assert a["y"] + a["height"] <= b["y"] + 1, f"{a['y']:.0f} is not above {b['y']:.0f}"

        return self._soft(check, what)

    def done(self) -> None:
        assert not self.slips, "slips seen on the journey:\n" + "\n".join(self.slips)


WORD_BREAKS = """(selector) => {
  // Words of these elements laid out on more than one line: broken inside the word.
  const broken = [];
  for (const node of document.querySelectorAll(selector)) {
    if (!node.offsetParent || node.getClientRects().length === 0) continue;
    const style = getComputedStyle(node);
    if (style.position === "absolute" && style.clipPath !== "none") continue;  // hidden
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const match of text.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def new_reader(
    context_of: Callable[..., BrowserContext], base_url: str, width: str, **options
) -> tuple[Walk, BrowserContext, PageProblems]:
    """A fresh browser profile at a width, with the page guards every page has."""
    context = context_of(viewport=WIDTHS[width], accept_downloads=True, **options)
    context.add_init_script(WATCH_CSP)
    problems = PageProblems(base_url.rstrip("/"))
    page = problems.watch(context.new_page())
    page.on("dialog", lambda dialog: problems.page_errors.append(f"dialog: {dialog.message}"))
    return Walk(page, base_url), context, problems


# The browser fetches the favicon on its own, at an idle moment after load; a journey's
# reload can come first and cut it off. Not a request of the site's: not a failure.
BROWSERS_OWN = re.compile(r"/favicon\.png: net::ERR_ABORTED$")


def guards_held(walk: Walk, problems: PageProblems) -> None:
    """No request elsewhere, no failed request, no error, nothing blocked or injected."""
    for page in walk.page.context.pages:
        assert page.evaluate("() => window.__pwned") is None
        assert page.evaluate("() => window.__csp ?? []") == []
    problems.failed[:] = [line for line in problems.failed if not BROWSERS_OWN.search(line)]
    assert not any(problems.as_dict().values()), problems.as_dict()


def reload_when_quiet(page: Page) -> None:
    """A reload once the page has stopped loading (an icon still on its way would be
    cut short, which the page's guards count as a failed request)."""
    page.wait_for_load_state("networkidle")
    page.reload()


def type_into(page: Page, label: str, text: str) -> None:
    """Click into a field by its label, clear it and type, as a reader does."""
    page.get_by_label(label, exact=True).click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type(text, delay=10)
