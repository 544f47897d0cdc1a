"""Keyboard walks: what a focused element looks like, measured in the page.

`probe(page)` describes the focused element: whether it is on screen and not under
another element, its focus outline and the contrast of that outline against what is
behind it, and the contrast of every piece of text in it against its own background.
Colours are computed styles, read after running transitions have been finished (so
they are the end state, not a frame in between), composited over the backgrounds and
opacities of the element's ancestors, and compared with the WCAG 2 contrast formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

TEXT_CONTRAST = 4.5
INDICATOR_CONTRAST = 3.0
ICON_CONTRAST = 3.0
MIN_OUTLINE_PX = 2.0

PROBE = Path(__file__).with_name("focus_probe.js").read_text(encoding="utf-8")


@dataclass
class Stop:
    """One focused element and what is wrong with it, if anything."""

    state: str
    report: dict

    def problems(self) -> list[str]:
        r = self.report
        where = f"[{self.state}] {r['describe']}"
        if r["body"]:
            return [f"{where}: focus is on <body>"]
        found = []
        if not r["onScreen"]:
            found.append(f"{where}: not on screen ({r['rect']})")
        if r["covered"]:
            found.append(f"{where}: under {sorted(set(r['covered']))}")
        ind = r["indicator"]
        if ind is None:
            found.append(f"{where}: no focus outline")
        elif ind["width"] < MIN_OUTLINE_PX or ind["contrast"] < INDICATOR_CONTRAST:
            found.append(f"{where}: weak focus outline {ind}")
        for text in r["texts"]:
            need = ICON_CONTRAST if text["icon"] else TEXT_CONTRAST
            if text["contrast"] < need:
                found.append(f"{where}: {text['what']} at {text['contrast']}:1 ({text})")
        return found


def probe(page: Page, state: str = "focused", settle_ms: int = 5) -> Stop:
    return Stop(state, page.evaluate(PROBE, settle_ms))


def check_focus(page: Page, stop: Stop | None = None) -> list[str]:
    """Problems of the focused element, focused and then also hovered (`stop`: the
    focused element's probe, when the caller has just taken it)."""
    stop = stop or probe(page)
    found = stop.problems()
    if stop.report.get("point"):
        page.mouse.move(stop.report["point"]["x"], stop.report["point"]["y"])
        found += probe(page, "focused and hovered", settle_ms=0).problems()
    return found


def walk(page: Page, limit: int = 300, until=None) -> tuple[list[str], list[dict]]:
    """Tab through the page from where focus is; returns problems and the stops seen.

    Stops when focus leaves the document (after the last element), comes back to the
    first stop, or `until(report)` says so.
    """
    problems: list[str] = []
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = probe(page)
        if stop.report["body"] or (stops and stop.report["key"] == stops[0]["key"]):
            break
        if until and until(stop.report):
            break
        stops.append(stop.report)
        problems += check_focus(page, stop)
    else:
        problems.append(f"no end after {limit} tab stops")
    return problems, stops


WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
VIEWPORTS = {"1280": WIDE, "320": NARROW}
SCHEMES = ("light", "dark", "forced")


def use_scheme(page: Page, scheme: str) -> None:
    """Light, dark (slate) or Chromium's forced-colours emulation (on the light scheme)."""
    if scheme == "forced":
        page.emulate_media(color_scheme="light", forced_colors="active")
    else:
        page.emulate_media(color_scheme=scheme, forced_colors="none")


def focus_by_keyboard(page: Page, selector: str) -> None:
    """Focus an element as Tab does (so :focus-visible applies): from the stop before it."""
    page.focus(selector)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    if not page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
        page.focus(selector)  # the first stop on the page: nothing before it
        page.keyboard.press("Tab")
        page.keyboard.press("Shift+Tab")


def _rgb(colour: str) -> tuple[float, float, float]:
    parts = colour[colour.index("(") + 1 : colour.index(")")].replace(",", " ").split()
    return tuple(float(v) for v in parts[:3])  # type: ignore[return-value]


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two opaque computed colours ("rgb(r, g, b)")."""

    def luminance(colour: str) -> float:
        def channel(v: float) -> float:
            v /= 255
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in _rgb(colour))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def forgive_blocked_webassembly(page: Page) -> None:
    """A test that blocks Pyodide's WebAssembly on purpose: those failures are not the page's."""
    problems = page.problems
    problems.failed[:] = [f for f in problems.failed if ".wasm" not in f]
    problems.console_errors[:] = [
        e for e in problems.console_errors if "Failed to load resource" not in e
    ]
    problems.page_errors[:] = [e for e in problems.page_errors if e != "Failed to fetch"]
