"""Read the program's settings (`extra: program:` in mkdocs.yml) once per build.

They are checked by sitebuild/program.py (with `builder/settings.py`, so a mistake stops
the build with a message for the coordinator rather than a traceback), then handed on
in two forms:

- `SHORTHAUL_PROGRAM` in this process's environment, so the builder imported by the
  other hooks (forms, sample drafts) reads them (`builder/program.py`);
- `config.extra.shorthaul_program`, the checked settings with every default filled in:
  the page templates show the program's name, contact and note from it, and the
  Python bundle (sitebuild/python_bundle/) writes it into the builder's wheel as
  `builder/data/program.json`, so the reader's browser runs on the same settings.

The site's own name (`site_name`) travels with them, for headings in downloads.

A page with `<div data-sh-slot="program"></div>` gets the program's box in its place
(`partials/program.html`: its name, organisation and coordinator; with ` data-sh-note`,
its note too), or nothing when the settings name none of them.
"""

from __future__ import annotations

import re

import _repo_root  # noqa: F401 - sitebuild/ on sys.path
from mkdocs.exceptions import ConfigurationError

from sitebuild import program

KEY = "shorthaul_program"
SLOT = re.compile(r'<div data-sh-slot="program"(?P<note> data-sh-note)?></div>')
_env = None


def on_config(config):
    try:
        data = program.checked(config.extra.get("program"), config.site_name)
    except program.ProgramError as error:
        raise ConfigurationError(str(error)) from None
    program.share(data)
    config.extra[KEY] = data
    return config


def on_env(env, config, files):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav):
    if page.content and SLOT.search(page.content):
        template = _env.get_template("partials/program.html")
        data = config.extra[KEY]
        page.content = SLOT.sub(
            lambda slot: template.render(program=data, note=bool(slot["note"])).strip(),
            page.content,
        )
    return context
