"""Give the built site its service worker (sitebuild/offline.py, plain code that runs
without MkDocs). Registered after pyodide_bundle.py and page_scripts.py: the manifest
lists the Python bundle's files and the page bundles."""

from __future__ import annotations

import logging
from pathlib import Path

import _repo_root  # noqa: F401 - sitebuild/ on sys.path

from sitebuild import languages, offline

log = logging.getLogger("mkdocs.hooks.offline")


def on_post_build(config) -> None:
    if languages.inside():
        return  # a language build: the English build does this for the whole site
    site, pyodide_dir = Path(config["site_dir"]), config["extra"]["pyodide_dir"]
    data = offline.write_service_worker(
        site, pyodide_dir, dev_server=bool(config["extra"].get("dev_server"))
    )
    if data:
        shell, pages = len(data["shell"]), len(data["pages"])
        log.info("Service worker: %d shell files, %d pages, Python %s", shell, pages, pyodide_dir)
