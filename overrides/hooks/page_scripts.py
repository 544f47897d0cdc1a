"""Ship each page script as one file, bundled by esbuild with the modules it imports.

The work (and the measured reason for it) is in sitebuild/page_scripts.py, plain code
that runs without MkDocs; this hook hands it the built site. Registered before
offline.py, whose manifest lists the bundles and not the modules joined into them. It
runs under `mkdocs serve` too, so the pages there load the same bundles.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.page_scripts")
# Loaded by path, as MkDocs loads hooks: sitebuild/ is not an installed package.
_path = Path(__file__).resolve().parents[2] / "sitebuild" / "page_scripts.py"
_spec = importlib.util.spec_from_file_location("shorthaul_sitebuild_page_scripts", _path)
page_scripts = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = page_scripts  # its dataclass looks its module up there
_spec.loader.exec_module(page_scripts)


def on_post_build(config) -> None:
    try:
        done = page_scripts.bundle(Path(config["site_dir"]))
    except page_scripts.ScriptError as error:
        raise PluginError(str(error)) from error  # esbuild's message, without a traceback
    joined = f"{len(done.joined)} modules joined, {done.bundle_bytes / 1e3:.0f} kB"
    log.info("Page scripts: %s, one file each (%s)", ", ".join(done.entries), joined)
