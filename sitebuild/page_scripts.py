"""Ship each page script as one file: esbuild joins it with the modules it imports.

The scripts are written as small ES modules (`overrides/assets/javascripts/`), one
concern each. A browser fetches every module on its own: through the service worker
on a repeat visit (one fetch event and one cache read each), over the network on a
first, six at a time. Measured on the builder's repeat visit (26 modules; medians, same
hour, 2 cores), joining them brought the first preview from 1.85 s to 1.58 s when the
browser had just started (12 visits each), and from 1.38 s to 1.33 s for a second page
in a running browser (6 each).

So after the build, `bundle` runs esbuild once over the built site's copies of the
entry scripts (ENTRIES, in `assets/javascripts/`: the module scripts the templates load,
and the Python worker) and writes, over each, one minified ES module holding the entry
and every module it imports at any depth, run in the order ES modules run (each module
once, after what it imports), with its source map beside it (`builder.js.map`, holding
the modules' text, so the browser's devtools show them as written). The modules stay
in the site beside the bundles, for reading and debugging, but no page loads them and
the service worker does not keep them: sitebuild/offline.py asks `joined` which
they are.

esbuild keeps the meaning of every form of import and export (live bindings, default
and namespace imports, renames). A dynamic import of a computed address (the
worker's `import(new URL("pyodide.asm.mjs", indexURL).href)`, xz-decompress's
likewise) stays an import at run time, of a file the bundle knows nothing of. A package
imported by name (the worker's `import { loadPyodide } from "pyodide"`) is bundled from
this project's node_modules (NODE_PATH), the npm version the Python bundle ships, so a
builder start does not wait on fetching the loader before anything else. A missing file, a
missing export the code uses, a syntax error, or any esbuild warning stops the build
with esbuild's message, which names the file and line. One thing a bundle does change:
`import.meta.url` in a module would be the bundle's address, not the module's (no
module uses it).

It works on a built folder and knows nothing of MkDocs: `python sitebuild/page_scripts.py
SITE_DIR` runs it alone, on a fresh build (an entry that is a bundle already stops it,
as its source map would then show the bundle, not the modules). esbuild is the npm
package pinned in package.json, run from node_modules/.bin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
SOURCES = ROOT / "overrides" / "assets" / "javascripts"
SITE_SCRIPTS = "assets/javascripts"
# The scripts pages start: module scripts in the templates, and the Python worker.
ENTRIES = ("builder.js", "reply.js", "link-maker.js", "builder-worker.js")
# Browsers of 2022 on: the scripts' syntax (class fields, `??=`, `?.`) is all older, so
# esbuild rewrites none of it.
TARGET = "es2022"
OPTIONS = (
    "--bundle",
    "--format=esm",
    "--minify",
    "--sourcemap",  # x.js.map beside x.js, with the modules' text (sourcesContent)
    f"--target={TARGET}",
    "--charset=utf8",  # as written: module scripts are always read as UTF-8
    "--outbase=.",
    "--color=false",
    "--log-level=warning",
    # Pyodide's loader imports these only when it runs under Node.js: left as they are.
    "--external:node:*",
    "--external:ws",
)
MAP_COMMENT = "//# sourceMappingURL="


class ScriptError(Exception):
    """esbuild could not bundle the page scripts, or warned (its message names the file)."""


@dataclass(frozen=True)
class Report:
    """What one run did: the bundles written, the modules joined into them, their bytes."""

    entries: tuple[str, ...]
    joined: frozenset[str]  # paths below the scripts' folder
    bundle_bytes: int
    seconds: float


def _esbuild(folder: Path, entries: Sequence[str], outdir: Path, *extra: str) -> dict:
    """Runs esbuild on `entries` (paths below `folder`) into `outdir`; its metafile."""
    if not ESBUILD.is_file():
        raise ScriptError(f"{ESBUILD} is missing: run `npm ci` (the README's setup).")
    with tempfile.TemporaryDirectory() as temp:
        metafile = Path(temp) / "meta.json"
        command = [str(ESBUILD), *entries, *OPTIONS, f"--outdir={outdir}", *extra]
        command.append(f"--metafile={metafile}")
        # Packages the scripts import by name (Pyodide's loader, into the worker) come
        # from this project's node_modules, wherever the site is built.
        env = {**os.environ, "NODE_PATH": str(ROOT / "node_modules")}
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env)  # noqa: S603
        if done.returncode or done.stderr.strip():
            raise ScriptError(f"esbuild on the page scripts in {folder}:\n{done.stderr.strip()}")
        return json.loads(metafile.read_text(encoding="utf-8"))


def _joined(meta: dict, entries: Sequence[str]) -> frozenset[str]:
    # Not the packages from node_modules (outside the folder: "../…"): not in the site.
    inside = {name for name in meta["inputs"] if not name.startswith("../")}
    return frozenset(inside) - set(entries)


def joined(folder: Path = SOURCES, entries: Sequence[str] = ENTRIES) -> frozenset[str]:
    """The modules the entries import at any depth (paths below `folder`, the sources by
    default: in a built site the entries are bundles already). No page loads them."""
    with tempfile.TemporaryDirectory() as out:
        return _joined(_esbuild(folder, entries, Path(out)), entries)


def bundle(site: Path, entries: Sequence[str] = ENTRIES) -> Report:
    """Writes each entry's bundle and source map over its copy in `site`'s scripts."""
    start = time.monotonic()
    folder = site / SITE_SCRIPTS
    for entry in entries:
        text = (folder / entry).read_text(encoding="utf-8")
        if text.rstrip().rsplit("\n", 1)[-1].startswith(MAP_COMMENT):
            raise ScriptError(f"{folder / entry} is a bundle already: bundle a fresh build")
    meta = _esbuild(folder, entries, folder, "--allow-overwrite")
    size = sum((folder / entry).stat().st_size for entry in entries)
    return Report(tuple(entries), _joined(meta, entries), size, time.monotonic() - start)


if __name__ == "__main__":
    print(bundle(Path(sys.argv[1])))
