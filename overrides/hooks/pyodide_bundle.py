"""Give the site its own Python (sitebuild/python_bundle/, plain code that runs without
MkDocs): made before the pages, which name its folder (`config.extra.pyodide_dir`),
written into the site after them. Registered after program_settings.py, whose checked
settings go into the builder's wheel.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import _repo_root  # sitebuild/ on sys.path

from sitebuild import languages, python_bundle

log = logging.getLogger("mkdocs.hooks.pyodide_bundle")
_bundle: dict[str, Path] = {}


def on_pre_build(config) -> None:
    if languages.inside():
        return  # a language build: the English build does this for the whole site
    _bundle.clear()
    program = config.extra.get("shorthaul_program")  # from program_settings.py
    settings = None if program is None else json.dumps(program, sort_keys=True).encode()
    _bundle.update(python_bundle.bundle_files(settings))
    digest = python_bundle.bundle_digest(_bundle)
    config.extra["pyodide_dir"] = f"{python_bundle.BUNDLE_DIRNAME}/{digest}/"


def on_post_build(config) -> None:
    if languages.inside():
        return  # a language build: the English build does this for the whole site
    out = Path(config["site_dir"]) / config.extra["pyodide_dir"]
    python_bundle.build_bundle(out, _bundle)
    log.info("Pyodide %s bundle written to %s", python_bundle.runtime_version(), out)


def on_serve(server, config, builder):
    server.watch(str(_repo_root.ROOT / "builder"))
    return server
