"""Ready the built site for its host: `_headers`, then the precompressed copies.

Registered last in mkdocs.yml, after offline.py has written sw.js (so its copies are of
the final file, and its manifest, written from its own globs, lists none of them). The
work is sitebuild/publish.py, plain code that runs without MkDocs; this hook only hands
it the site and the setting. `mkdocs serve` skips it: nothing there is served by nginx
or Caddy, and live reload stays quick.
"""

from __future__ import annotations

import logging
from pathlib import Path

import _repo_root  # noqa: F401 - sitebuild/ on sys.path

from sitebuild import languages, publish

log = logging.getLogger("mkdocs.hooks.publish")


def on_config(config):
    if languages.inside():
        return config  # a language build: the English build does this for the whole site
    if not config["extra"].get("dev_server"):
        publish.start_early()  # the runtime's copies are made beside the build, not after it
    return config


def on_post_build(config) -> None:
    if languages.inside():
        return  # a language build: the English build does this for the whole site
    if config["extra"].get("dev_server"):
        return
    setting = (config["extra"].get("hosting") or {}).get("frame_ancestors")
    log.info("%s", publish.publish(Path(config["site_dir"]), setting))
