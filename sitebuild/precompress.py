"""Precompressed copies of the built site's files, for hosts that serve them as they are.

nginx (`gzip_static`, `brotli_static`) and Caddy (`file_server { precompressed br gzip }`)
send `x.js.br` or `x.js.gz` for `x.js` when the browser accepts that encoding, instead of
compressing on every request at a low level or not at all. This module owns which files
get copies and how they are made: gzip at level 9 (Python's zlib) and brotli at quality
11 with a 16 MiB window (Node's built-in zlib, one process for every file), each written
only when it is smaller than the file itself. Copies are cached by the file's digest in
`.cache/precompressed/`, so an unchanged runtime is compressed once, not on every build.

It works on a built folder and knows nothing of MkDocs: `python sitebuild/precompress.py
SITE_DIR` runs it alone. The service worker's manifest never lists the copies (it is
written from its own globs and the bundle's file list, and the copies are made last).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / ".cache" / "precompressed"
# Text and the WebAssembly runtime: a copy whenever it is smaller.
TEXT = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml", ".map")
SUFFIXES = frozenset((*TEXT, ".webmanifest", ".wasm", ".zip", ".whl"))
# Zips and wheels are compressed already: a copy only when it saves this share of the
# file. Measured (gzip 9 / brotli 11): python_stdlib.zip 0.9% / 1.5%, jinja2's wheel
# 0.8%, the builder's 2.3%: no copy; tzdata's wheel 33% (thousands of tiny files),
# icalendar's 6.4%: copies. Images and the xz snapshot are left alone.
MIN_SAVING = {".zip": 0.05, ".whl": 0.05}
# Files that already have a sibling of the same name plus ".gz" that is a file of its
# own, not a copy for the host: the snapshot's gzip variant (`builder.snapshot.gz`, which
# the worker fetches by name and decodes itself). The host files exclude these from
# static compression (hosting.py), so a request for `builder.snapshot` gets the xz file.
NEVER = ("builder.snapshot",)
SMALLEST = 256  # bytes: below this a copy saves less than its headers cost

# One Node process compresses every file it is given on stdin (JSON: [[source, out]...]).
BROTLI_SCRIPT = r"""
const fs = require("fs"), zlib = require("zlib");
const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
for (const [source, out] of jobs) {
  const data = fs.readFileSync(source);
  fs.writeFileSync(out, zlib.brotliCompressSync(data, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    [zlib.constants.BROTLI_PARAM_MODE]: source.endsWith(".wasm")
      ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
  } }));
}
"""


@dataclass(frozen=True)
class Report:
    """What one run did: files considered, copies written, bytes before and after."""

    files: int
    written: int
    raw_bytes: int
    gzip_bytes: int
    brotli_bytes: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"Precompressed: {self.files} files, {self.written} copies in {self.seconds:.1f} s; "
            f"{self.raw_bytes / 1e6:.1f} MB as is, {self.gzip_bytes / 1e6:.1f} MB gzip, "
            f"{self.brotli_bytes / 1e6:.1f} MB brotli"
        )


def wanted(site: Path) -> list[Path]:
    """The files of `site` that get compressed copies."""
    return sorted(
        path
        for path in site.rglob("*")
        if path.is_file() and path.suffix in SUFFIXES and path.name not in NEVER
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fill_cache(missing: dict[str, Path], cache: Path) -> None:
    """Writes `<digest>.gz` and `<digest>.br` into `cache` for each file missing there."""
    cache.mkdir(parents=True, exist_ok=True)
    tmp = f"{os.getpid()}.tmp"  # builds at once (the tests run several) write apart
    jobs = []
    for digest, path in missing.items():
        data = path.read_bytes()
        (cache / f"{digest}.gz.{tmp}").write_bytes(gzip.compress(data, 9, mtime=0))
        jobs.append([str(path), str(cache / f"{digest}.br.{tmp}")])
    if jobs:
        command = ["node", "-e", BROTLI_SCRIPT]  # Node from PATH, as the other build steps
        subprocess.run(command, input=json.dumps(jobs).encode(), check=True)  # noqa: S603
    for digest in missing:  # renamed last: an interrupted run leaves no half copy
        for kind in ("gz", "br"):
            (cache / f"{digest}.{kind}.{tmp}").replace(cache / f"{digest}.{kind}")


def precompress(site: Path, cache: Path = CACHE_DIR) -> Report:
    """Writes `x.br` and `x.gz` beside each wanted file of `site` when smaller than it,
    and removes a stale copy that is not (a file that changed since the last build)."""
    start = time.monotonic()
    files = wanted(site)
    digests = {path: _digest(path.read_bytes()) for path in files}
    _fill_cache({d: p for p, d in digests.items() if not (cache / f"{d}.br").is_file()}, cache)
    written = 0
    sent = {"raw": 0, "gz": 0, "br": 0}  # what a host sends of every file, each way
    for path, digest in digests.items():
        size = path.stat().st_size
        sent["raw"] += size
        most = size * (1 - MIN_SAVING.get(path.suffix, 0))
        for kind in ("gz", "br"):
            copy = path.with_name(f"{path.name}.{kind}")
            data = (cache / f"{digest}.{kind}").read_bytes()
            if size >= SMALLEST and len(data) < most:
                copy.write_bytes(data)
                written += 1
                sent[kind] += len(data)
            else:
                copy.unlink(missing_ok=True)
                sent[kind] += size
    seconds = time.monotonic() - start
    return Report(len(files), written, sent["raw"], sent["gz"], sent["br"], seconds)


def sizes(path: Path) -> tuple[int, int | None, int | None]:
    """Bytes of `path` as it is, and of its .gz and .br copies (None when there is none)."""
    copies = [path.with_name(path.name + s) for s in (".gz", ".br")]
    return (path.stat().st_size, *(c.stat().st_size if c.is_file() else None for c in copies))


if __name__ == "__main__":
    print(precompress(Path(sys.argv[1])))
