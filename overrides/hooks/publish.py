"""Ready the built site for its host: `_headers`, then the precompressed copies.

Registered last in mkdocs.yml, after offline.py has written sw.js (so its copies are of
the final file, and its manifest, written from its own globs, lists none of them). The
work is in sitebuild/ (hosting.py, precompress.py), plain code that runs without MkDocs;
this hook only hands them the site and the setting. `mkdocs serve` skips both: nothing
there is served by nginx or Caddy, and live reload stays quick.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; sitebuild/ is a package here
    sys.path.insert(0, str(ROOT))
from sitebuild import hosting, precompress  # noqa: E402

log = logging.getLogger("mkdocs.hooks.publish")


def on_post_build(config) -> None:
    if config["extra"].get("dev_server"):
        return
    site = Path(config["site_dir"])
    setting = (config["extra"].get("hosting") or {}).get("frame_ancestors")
    frame_ancestors = setting or hosting.DEFAULT_FRAME_ANCESTORS
    (site / "_headers").write_text(hosting.netlify_headers(site, frame_ancestors), encoding="utf-8")
    report = precompress.precompress(site)
    log.info(
        "Precompressed: %d files, %d copies in %.1f s; %.1f MB as is, %.1f MB gzip, %.1f MB brotli",
        report.files,
        report.written,
        report.seconds,
        report.raw_bytes / 1e6,
        report.gzip_bytes / 1e6,
        report.brotli_bytes / 1e6,
    )
