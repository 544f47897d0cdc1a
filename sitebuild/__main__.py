"""Run the build steps that work on a built folder, in the order the site build runs
them, without MkDocs: `python -m sitebuild STEP FOLDER`.

    python-bundle OUT    the Python bundle alone, into OUT (the in-Pyodide tests use it)
    page-scripts SITE    bundle the page scripts of a built SITE with esbuild
    offline SITE         write SITE/sw.js's manifest (the bundle in SITE/pyodide/<digest>/)
    publish SITE         SITE/_headers and the precompressed copies
    after-pages SITE     page-scripts, offline and publish, in that order
    untranslated CODE    the texts language CODE's catalog lacks, with where each is used

A generator other than MkDocs (see maintainers/after-material.md) writes the pages and
`sw.js`, runs `python-bundle SITE/pyodide/<digest>/` before them (the pages name that
folder), then `after-pages SITE`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitebuild import hosting, offline, page_scripts, publish, python_bundle, texts


def _pyodide_dir(site: Path) -> str:
    found = sorted((site / python_bundle.BUNDLE_DIRNAME).glob("*/bundle.json"))
    if len(found) != 1:
        raise SystemExit(f"expected one Python bundle in {site}/pyodide/, found {len(found)}")
    return found[0].parent.relative_to(site).as_posix() + "/"


def _publish(site: Path) -> None:
    print(publish.publish(site, hosting.frame_ancestors_setting()))


STEPS = {
    "python-bundle": lambda out: print(python_bundle.build_bundle(out)),
    "page-scripts": lambda site: print(page_scripts.bundle(site)),
    "offline": lambda site: offline.write_service_worker(site, _pyodide_dir(site)),
    "publish": _publish,
}


def _untranslated(code: Path) -> None:
    for text, where in texts.untranslated(code.name).items():
        print(f"{where}\t{text}")


STEPS["untranslated"] = _untranslated
STEPS["after-pages"] = lambda site: [STEPS[s](site) for s in ("page-scripts", "offline", "publish")]


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[0] not in STEPS:
        raise SystemExit(__doc__)
    STEPS[argv[0]](Path(argv[1]).resolve())


if __name__ == "__main__":
    main(sys.argv[1:])
