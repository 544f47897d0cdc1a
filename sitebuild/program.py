"""The program's settings (`extra: program:` in mkdocs.yml), checked once per build.

`builder/settings.py` checks them; it is loaded by path, before anything imports the
builder, so a mistake stops the build with a message for the coordinator rather than a
traceback. `checked()` returns them with every default filled in, as plain data, and
`share()` hands them to the builder imported by this process (`SHORTHAUL_PROGRAM`, read
by `builder/program.py`). The Python bundle writes the same data into the builder's
wheel, so the reader's browser runs on the same settings.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENVIRONMENT = "SHORTHAUL_PROGRAM"  # as builder/program.py reads it


class ProgramError(ValueError):
    """The settings are wrong; the message says which and how, for the coordinator."""


def _settings_module():
    spec = importlib.util.spec_from_file_location(
        "shorthaul_settings", ROOT / "builder" / "settings.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def checked(raw: object, guide: str) -> dict:
    """The settings with every default filled in; `guide` is the site's own name, for
    headings in downloads."""
    settings = _settings_module()
    raw = raw or {}
    if not isinstance(raw, dict):
        raise ProgramError("extra.program in mkdocs.yml should be a list of settings")
    # `languages` is the site's to check (sitebuild/languages.py); the builder is given
    # the languages the site offers, which its drafts may be written in.
    from sitebuild import languages

    try:
        offered = [language.code for language in languages.offered(raw.get("languages"))]
    except languages.LanguageError as error:
        raise ProgramError(str(error)) from None
    raw = {**raw, "languages": offered}
    try:
        return settings.read({**raw, "guide": guide}).as_data()
    except settings.SettingsError as error:
        raise ProgramError(str(error)) from None


def share(data: dict) -> None:
    """Make `data` the settings of the builder imported by this process."""
    os.environ[ENVIRONMENT] = json.dumps(data, ensure_ascii=False, sort_keys=True)
