"""Program settings: what a coordinator may change without touching the code.

A program that publishes this site sets them in `mkdocs.yml` under `extra: program:`
(the README shows an example). The build reads them once, checks them here, and ships
the checked result inside the builder's wheel (`builder/data/program.json`), so the
same tables and rules run in the build, the tests and the reader's browser; `program`
loads them. Anything left out keeps the guide's own default.

This module imports only the standard library, so the build can check settings
before it imports the rest of the builder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

# The allowed range of each number a request holds: the form's limits, and the bounds
# a program's default time box and coaching limits must stay within.
RANGES: dict[str, tuple[int, int]] = {"meetings": (1, 12), "minutes": (10, 180), "weeks": (1, 52)}
FORMATS = ("video", "in-person", "phone", "chat")
MAX_TEXT = 120  # characters of a name or an address
MAX_NOTE = 300
GUIDE = "Short Haul"  # the guide's own name, when the site has none
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class SettingsError(ValueError):
    """Settings that cannot be used; the message lists every problem, for a coordinator."""


@dataclass(frozen=True, slots=True)
class TimeBox:
    """The time box a new request starts with."""

    meetings: int = 3
    minutes: int = 30
    weeks: int = 4


@dataclass(frozen=True, slots=True)
class Limits:
    """Where the coaching says a request is no longer small: more meetings or weeks
    than this is "no longer micro", longer meetings than this are a big ask."""

    meetings: int = 4
    weeks: int = 8
    minutes: int = 60


@dataclass(frozen=True, slots=True)
class Program:
    """Everything a program can set. The defaults are the guide's own."""

    name: str = ""
    organisation: str = ""
    coordinator: str = ""
    coordinator_email: str = ""
    time_box: TimeBox = field(default_factory=TimeBox)
    limits: Limits = field(default_factory=Limits)
    formats: tuple[str, ...] = FORMATS
    note: str = ""
    guide: str = GUIDE  # the site's name (site_name), for headings in downloads
    # The languages the site offers, English first: the build fills them in from the
    # site's own setting (sitebuild/languages.py), which checks them.
    languages: tuple[str, ...] = ("en",)

    @property
    def contact(self) -> str:
        """The coordinator as a reader would write to them: "Priya Shah (priya@…)"."""
        if self.coordinator and self.coordinator_email:
            return f"{self.coordinator} ({self.coordinator_email})"
        return self.coordinator or self.coordinator_email

    def as_data(self) -> dict[str, object]:
        """The settings in the shape `mkdocs.yml` uses, with every default filled in."""
        return {
            "name": self.name,
            "organisation": self.organisation,
            "coordinator": {"name": self.coordinator, "email": self.coordinator_email},
            "time_box": {
                "meetings": self.time_box.meetings,
                "minutes": self.time_box.minutes,
                "weeks": self.time_box.weeks,
            },
            "limits": {
                "meetings": self.limits.meetings,
                "weeks": self.limits.weeks,
                "minutes": self.limits.minutes,
            },
            "formats": list(self.formats),
            "note": self.note,
            "guide": self.guide,
            "languages": list(self.languages),
        }


KEYS = {
    "name", "organisation", "coordinator", "time_box", "limits", "formats", "note", "guide",
    "languages",
}  # fmt: skip


class _Reader:
    """Reads one settings mapping, collecting every problem instead of stopping at one."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def table(self, raw: object, where: str, keys: set[str]) -> Mapping[str, object]:
        if raw is None:
            return {}
        if not isinstance(raw, Mapping):
            self.problems.append(f"{where} should be a list of settings (key: value)")
            return {}
        for key in sorted(set(map(str, raw)) - keys):
            self.problems.append(
                f"{where}: unknown setting {key!r} (known: {', '.join(sorted(keys))})"
            )
        return raw

    def text(self, raw: object, where: str, limit: int = MAX_TEXT) -> str:
        if raw is None:
            return ""
        if not isinstance(raw, str):
            self.problems.append(f"{where} should be text")
            return ""
        text = unicodedata.normalize("NFC", " ".join(_CONTROL.sub(" ", raw).split()))
        if len(text) > limit:
            self.problems.append(f"{where} is {len(text)} characters; keep it to {limit}")
        return text

    def email(self, raw: object, where: str) -> str:
        text = self.text(raw, where)
        if text and not _EMAIL.fullmatch(text):
            self.problems.append(f"{where} {text!r} does not look like an email address")
        return text

    def number(self, raw: object, where: str, kind: str, default: int) -> int:
        if raw is None:
            return default
        low, high = RANGES[kind]
        if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
            self.problems.append(f"{where} should be a whole number from {low} to {high}")
            return default
        return raw

    def languages(self, raw: object) -> tuple[str, ...]:
        """Codes as the build gives them ("en" first); their own check is the build's."""
        if raw is None:
            return ("en",)
        if not isinstance(raw, list) or not all(isinstance(c, str) and c for c in raw):
            self.problems.append("program.languages should be a list of language codes")
            return ("en",)
        return ("en", *dict.fromkeys(code for code in raw if code != "en"))

    def formats(self, raw: object) -> tuple[str, ...]:
        if raw is None:
            return FORMATS
        if not isinstance(raw, list) or not raw or not all(isinstance(f, str) for f in raw):
            self.problems.append(
                f"program.formats should be a list of some of: {', '.join(FORMATS)}"
            )
            return FORMATS
        unknown = [name for name in raw if name not in FORMATS]
        if unknown:
            self.problems.append(
                f"program.formats: {', '.join(unknown)} (the formats are: {', '.join(FORMATS)})"
            )
        if len(set(raw)) != len(raw):
            self.problems.append("program.formats names a format twice")
        return tuple(dict.fromkeys(name for name in raw if name in FORMATS)) or FORMATS


def read(raw: object) -> Program:
    """Check a program's settings (the `extra: program:` mapping) and fill in defaults.

    Raises:
        SettingsError: listing every problem, so a coordinator can fix them in one go.
    """
    reader = _Reader()
    data = reader.table(raw, "program", KEYS)
    contact = reader.table(data.get("coordinator"), "program.coordinator", {"name", "email"})
    box = reader.table(data.get("time_box"), "program.time_box", set(RANGES))
    caps = reader.table(data.get("limits"), "program.limits", set(RANGES))
    default, limit = TimeBox(), Limits()
    time_box = TimeBox(
        *(
            reader.number(box.get(k), f"program.time_box.{k}", k, getattr(default, k))
            for k in ("meetings", "minutes", "weeks")
        )
    )
    limits = Limits(
        *(
            reader.number(caps.get(k), f"program.limits.{k}", k, getattr(limit, k))
            for k in ("meetings", "weeks", "minutes")
        )
    )
    for kind in RANGES:
        if getattr(time_box, kind) > getattr(limits, kind):
            reader.problems.append(
                f"program.time_box.{kind} ({getattr(time_box, kind)}) is over "
                f"program.limits.{kind} ({getattr(limits, kind)}): the coaching would "
                "flag every new request"
            )
    if time_box.meetings > 2 * time_box.weeks:
        reader.problems.append(
            "program.time_box: more than two meetings a week leaves no time to act on advice"
        )
    program = Program(
        name=reader.text(data.get("name"), "program.name"),
        organisation=reader.text(data.get("organisation"), "program.organisation"),
        coordinator=reader.text(contact.get("name"), "program.coordinator.name"),
        coordinator_email=reader.email(contact.get("email"), "program.coordinator.email"),
        time_box=time_box,
        limits=limits,
        formats=reader.formats(data.get("formats")),
        note=reader.text(data.get("note"), "program.note", MAX_NOTE),
        guide=reader.text(data.get("guide"), "the site's name") or GUIDE,
        languages=reader.languages(data.get("languages")),
    )
    if reader.problems:
        raise SettingsError("Program settings in mkdocs.yml: " + "; ".join(reader.problems))
    return program
