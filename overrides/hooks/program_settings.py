"""Read the program's settings (`extra: program:` in mkdocs.yml) once per build.

They are checked by `builder/settings.py` (loaded by path, before anything imports the
builder, so a mistake stops the build with a message for the coordinator rather than a
traceback), then handed on in two forms:

- `SHORTHAUL_PROGRAM` in this process's environment, so the builder imported by the
  other hooks (forms, sample drafts) reads them (`builder/program.py`);
- `config.extra.shorthaul_program`, the checked settings with every default filled in:
  the page templates show the program's name, contact and note from it, and
  `pyodide_bundle.py` writes it into the builder's wheel as `builder/data/program.json`,
  so the reader's browser runs on the same settings.

The site's own name (`site_name`) travels with them, for headings in downloads.

A page with `<div data-sh-slot="program"></div>` gets the program's box in its place
(`partials/program.html`: its name, organisation and coordinator; with ` data-sh-note`,
its note too), or nothing when the settings name none of them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import ConfigurationError

ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENT = "SHORTHAUL_PROGRAM"  # as builder/program.py reads it
KEY = "shorthaul_program"
SLOT = re.compile(r'<div data-sh-slot="program"(?P<note> data-sh-note)?></div>')
_env = None


def _settings_module():
    spec = importlib.util.spec_from_file_location(
        "shorthaul_settings", ROOT / "builder" / "settings.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def on_config(config):
    settings = _settings_module()
    raw = config.extra.get("program") or {}
    if not isinstance(raw, dict):
        raise ConfigurationError("extra.program in mkdocs.yml should be a list of settings")
    try:
        program = settings.read({**raw, "guide": config.site_name})
    except settings.SettingsError as error:
        raise ConfigurationError(str(error)) from None
    data = program.as_data()
    os.environ[ENVIRONMENT] = json.dumps(data, ensure_ascii=False, sort_keys=True)
    config.extra[KEY] = data
    return config


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav):
    if page.content and SLOT.search(page.content):
        template = _env.get_template("partials/program.html")
        program = config.extra[KEY]
        page.content = SLOT.sub(
            lambda slot: template.render(program=program, note=bool(slot["note"])).strip(),
            page.content,
        )
    return context
