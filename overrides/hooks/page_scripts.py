"""Ship each page script as one file, bundled by esbuild with the modules it imports.

The work (and the measured reason for it) is in sitebuild/page_scripts.py, plain code
that runs without MkDocs; this hook hands it the built site. Registered before
offline.py, whose manifest lists the bundles and not the modules joined into them. It
runs under `mkdocs serve` too, so the pages there load the same bundles.
"""

from __future__ import annotations

import logging
from pathlib import Path

import _repo_root  # noqa: F401 - sitebuild/ on sys.path
from mkdocs.exceptions import PluginError

from sitebuild import languages, page_scripts

log = logging.getLogger("mkdocs.hooks.page_scripts")


def on_post_build(config) -> None:
    if languages.inside():
        return  # a language build: the English build does this for the whole site
    try:
        done = page_scripts.bundle(Path(config["site_dir"]))
    except page_scripts.ScriptError as error:
        raise PluginError(str(error)) from error  # esbuild's message, without a traceback
    joined = f"{len(done.joined)} modules joined, {done.bundle_bytes / 1e3:.0f} kB"
    log.info("Page scripts: %s, one file each (%s)", ", ".join(done.entries), joined)
