"""The program settings this copy of the builder runs with, read once at import.

Where they come from, first found wins:

1. `SHORTHAUL_PROGRAM` in the environment (JSON): the site build sets it from
   `mkdocs.yml`, so the pages rendered at build time follow the settings;
2. `builder/data/program.json`, which the build writes into the wheel the browser
   installs, from the same settings;
3. nothing: the guide's defaults (`settings.Program()`), as in the tests.

Tables and rules read `PROGRAM`, never their own constants.
"""

from __future__ import annotations

import json
import os
from importlib import resources

from builder.settings import Program, read

ENVIRONMENT = "SHORTHAUL_PROGRAM"
PACKAGED = ("data", "program.json")


def load() -> Program:
    """The settings from the environment, the wheel, or the defaults (see above)."""
    raw = os.environ.get(ENVIRONMENT)
    if raw is None:
        packaged = resources.files("builder").joinpath(*PACKAGED)
        raw = packaged.read_text(encoding="utf-8") if packaged.is_file() else None
    return read(json.loads(raw)) if raw else Program()


PROGRAM: Program = load()
