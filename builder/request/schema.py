"""What a form is made of: a step, and a field with everything needed to render, check
and store it. The request's own steps and fields are the tables in `fields`; the
mentors' reply helper (`builder.mentor.fields`) uses the same kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "textarea", "email", "int", "choice", "date", "time"]


@dataclass(frozen=True, slots=True)
class Step:
    """One page of the form."""

    id: str
    title: str
    intro: str


@dataclass(frozen=True, slots=True)
class Field:
    """One input, with everything needed to render, check and store it.

    `default` is the raw form value ("3", not 3): the form, the URL and saved
    drafts all hold strings. `noun` is how messages name the field ("Focus was
    cut to 200 characters"); `missing` is the message when a required field is blank.
    `frame` is the start of the sentence the reader's words complete in the drafts,
    shown before the input so most people type the right shape in the first place.
    `help_link` is an optional (label, site-relative path) shown as a link after the help.
    """

    name: str
    url_key: str
    step: str
    kind: Kind
    label: str
    noun: str
    help: str
    required: bool = False
    missing: str = ""
    min_length: int = 0
    max_length: int = 0
    min_value: int | None = None
    max_value: int | None = None
    increment: int | None = None
    unit: str = ""
    default: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    placeholder: str = ""
    autocomplete: str = "off"
    rows: int = 0
    frame: str = ""
    help_link: tuple[str, str] | None = None

    @property
    def multiline(self) -> bool:
        """Whether line breaks are part of the value."""
        return self.kind == "textarea"

    @property
    def lead_noun(self) -> str:
        """The noun with a capital first letter, for starting a message."""
        return self.noun[:1].upper() + self.noun[1:]

    def in_range(self, number: int) -> bool:
        """Whether a number is within the field's limits."""
        low, high = self.min_value, self.max_value
        return (low is None or number >= low) and (high is None or number <= high)

    def choice_label(self, value: str) -> str:
        """The label shown for a choice value, or "" if it is not one."""
        return dict(self.choices).get(value, "")

    def as_data(self) -> dict[str, object]:
        """JSON-ready form of the field for rendering the web form."""
        return {
            "name": self.name,
            "url_key": self.url_key,
            "kind": self.kind,
            "label": self.label,
            "help": self.help,
            "required": self.required,
            "min_length": self.min_length,
            "max_length": self.max_length,
            "min": self.min_value,
            "max": self.max_value,
            "increment": self.increment,
            "unit": self.unit,
            "default": self.default,
            "choices": [{"value": value, "label": label} for value, label in self.choices],
            "placeholder": self.placeholder,
            "autocomplete": self.autocomplete,
            "rows": self.rows,
            "frame": self.frame,
            "help_link": (
                {"label": self.help_link[0], "path": self.help_link[1]} if self.help_link else None
            ),
        }
