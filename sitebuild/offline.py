"""Give the built site its service worker: repeat visits and offline use from the cache.

After the build (and after the Python bundle and the page scripts are written) this step
writes the precache manifest into `sw.js` (copied from overrides/ by MkDocs) and copies
Workbox's runtime from node_modules into `assets/workbox/`, so nothing comes from a CDN.
Every entry carries a digest of its file's contents, so a new deploy changes `sw.js`
byte for byte, the browser installs the new worker, and no stale file is ever served
under the new worker. Three kinds of entry (see overrides/sw.js for how each is used):

- shell: the scripts, styles and search index every page uses, cached at install;
- pages: every HTML page, cached the first time the reader opens it;
- python: the files of the builder's Python bundle (`pyodide/<digest>/`), cached only
  when the builder or the link maker has started Python.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from sitebuild import page_scripts

ROOT = Path(__file__).resolve().parents[1]

WORKBOX = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
PLACEHOLDER = "self.__SH_MANIFEST"
# The shell: what pages load on their own: every script of ours and Material's, but not
# the modules esbuild joined into the page scripts (sitebuild/page_scripts.py: no page
# loads them), nor every lunr language (search loads the reader's own from the network),
# nor source maps (`*.js` is not `*.js.map`: only the devtools fetch those).
SHELL_GLOBS = (
    "assets/javascripts/**/*.js",
    "assets/stylesheets/*.css",
    "assets/images/favicon.png",
    "search/search_index.json",
)
NOT_SHELL = ("assets/javascripts/lunr/",)
NOT_PAGES = ("pyodide/", "assets/", "hooks/", "bench/")


def revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def page_url(rel: str) -> str:
    """The address a page is opened at: `tips/prepare/`, or "" for the home page."""
    return rel.removesuffix("index.html")


def manifest(site: Path, pyodide_dir: str) -> dict:
    joined = {f"{page_scripts.SITE_SCRIPTS}/{name}" for name in page_scripts.joined()}
    found = {p for pattern in SHELL_GLOBS for p in site.glob(pattern) if p.is_file()}
    shell = sorted(
        p
        for p in found
        if not (rel := p.relative_to(site).as_posix()).startswith(NOT_SHELL) and rel not in joined
    )
    pages = sorted(
        p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(NOT_PAGES)
    )
    python = site / pyodide_dir
    return {
        "shell": [{"url": p.relative_to(site).as_posix(), "revision": revision(p)} for p in shell],
        "pages": {page_url(p.relative_to(site).as_posix()): revision(p) for p in pages},
        "python": pyodide_dir,
        "pythonFiles": json.loads((python / "bundle.json").read_text())["files"],
    }


def copy_workbox(site: Path) -> list[str]:
    out = site / "assets" / "workbox"
    out.mkdir(parents=True, exist_ok=True)
    names = []
    for package in WORKBOX:
        source = ROOT / "node_modules" / package / "build" / f"{package}.prod.js"
        if not source.is_file():
            raise RuntimeError(f"{source} is missing: run `npm ci` (the README's setup).")
        text = source.read_text(encoding="utf-8")
        # No source maps in the site: drop the comment that would make devtools ask.
        text = "\n".join(line for line in text.splitlines() if "sourceMappingURL" not in line)
        (out / source.name).write_text(text + "\n", encoding="utf-8")
        names.append(f"assets/workbox/{source.name}")
    return names


# What `mkdocs serve` serves as sw.js: a worker left on the same address by a built copy
# of the site checks sw.js on the next visit, gets this, and takes itself out of the way
# (pages under `mkdocs serve` register none; see sw-register.js).
KILL_SWITCH = """// mkdocs serve: no service worker here. This one replaces any left by a built copy
// of the site on this address, removes itself and its caches, and reloads the pages.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    await self.registration.unregister();
    const pages = await self.clients.matchAll({ type: "window" });
    for (const page of pages) page.navigate(page.url);
  })());
});
"""


def write_service_worker(site: Path, pyodide_dir: str, *, dev_server: bool = False) -> dict:
    """Fill `site/sw.js` (copied there from overrides/) with its manifest and put
    Workbox beside it; under `mkdocs serve`, the kill switch instead. Returns the
    manifest (empty for the kill switch)."""
    shutil.rmtree(site / "hooks", ignore_errors=True)  # build scripts, not site files
    sw = site / "sw.js"
    if dev_server:
        sw.write_text(KILL_SWITCH, encoding="utf-8")
        return {}
    scripts = copy_workbox(site)
    data = manifest(site, pyodide_dir)
    data["workbox"] = scripts
    text = sw.read_text(encoding="utf-8")
    if PLACEHOLDER not in text:
        raise RuntimeError(f"{sw} has no {PLACEHOLDER} to replace")
    sw.write_text(text.replace(PLACEHOLDER, json.dumps(data, indent=1)), encoding="utf-8")
    return data
