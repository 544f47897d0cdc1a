"""Ready a built site for its host: `_headers` (Netlify, Cloudflare Pages), then the
precompressed `.br` and `.gz` copies of every file that gains from one (the headers file
is small and is left as it is).

`start_early()`, called as a build starts, compresses the files the site will hold
unchanged from npm (the Python runtime: half a minute for its WebAssembly) in the
background, beside the build; `publish` waits for it.

One function for both ways of building: the MkDocs hook passes mkdocs.yml's setting it
already holds; `python -m sitebuild publish SITE` reads the same setting from the file.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import hosting, precompress, python_bundle


def publish(site: Path, frame_ancestors: str | None = None) -> precompress.Report:
    """Write `site/_headers` with `frame_ancestors` (default `'self'`), then the copies."""
    policy = frame_ancestors or hosting.DEFAULT_FRAME_ANCESTORS
    (site / "_headers").write_text(hosting.netlify_headers(site, policy), encoding="utf-8")
    return precompress.precompress(site)


def start_early() -> None:
    """Start compressing the Python runtime's files in the background (see above)."""
    precompress.start_early(python_bundle.runtime_files())
