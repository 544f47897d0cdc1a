"""Precompressed copies of the built site's files, for hosts that serve them as they are.

nginx (`gzip_static`, `brotli_static`) and Caddy (`file_server { precompressed br gzip }`)
send `x.js.br` or `x.js.gz` for `x.js` when the browser accepts that encoding, instead of
compressing on every request at a low level or not at all. This module owns which files
get copies and how they are made: gzip at level 9 and brotli at quality 11 with a 16 MiB
window (Node's built-in zlib, one process for every file, a file per core at once), each written
only when it is smaller than the file itself. Copies are cached by the file's digest in
`.cache/precompressed/`, so an unchanged runtime is compressed once, not on every build.

It works on a built folder and knows nothing of MkDocs: `python sitebuild/precompress.py
SITE_DIR` runs it alone. The service worker's manifest never lists the copies (it is
written from its own globs and the bundle's file list, and the copies are made last).
"""

from __future__ import annotations

import hashlib
import json
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

# One Node process makes both copies of every file it is given on stdin (JSON: [[source,
# cache path without suffix], ...]), as many files at once as the machine has cores (the
# compression runs on Node's thread pool), largest first, each copy written whole under
# a name of its own, then renamed: a build that stops half way leaves no half copy.
COMPRESS_SCRIPT = r"""
const fs = require("fs"), os = require("os"), zlib = require("zlib");
const { promisify } = require("util");
const brotli = promisify(zlib.brotliCompress), gzip = promisify(zlib.gzip);
const jobs = JSON.parse(fs.readFileSync(0, "utf8"))
  .map(([source, out]) => ({ source, out, size: fs.statSync(source).size }))
  .sort((a, b) => b.size - a.size);
async function write(out, data) {
  const tmp = `${out}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, data);
  await fs.promises.rename(tmp, out);
}
async function one({ source, out }) {
  const data = await fs.promises.readFile(source);
  const { constants: c } = zlib;
  await Promise.all([
    gzip(data, { level: 9 }).then((z) => write(`${out}.gz`, z)),
    brotli(data, { params: {
      [c.BROTLI_PARAM_QUALITY]: 11,
      [c.BROTLI_PARAM_LGWIN]: 24,
      [c.BROTLI_PARAM_SIZE_HINT]: data.length,
      [c.BROTLI_PARAM_MODE]: source.endsWith(".wasm") ? c.BROTLI_MODE_GENERIC : c.BROTLI_MODE_TEXT,
    } }).then((b) => write(`${out}.br`, b)),
  ]);
}
(async () => {
  const lanes = Math.max(1, Math.min(os.availableParallelism(), 4));
  const queue = [...jobs];
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (queue.length) await one(queue.shift());
  }));
})().catch((error) => { console.error(error); process.exit(1); });
"""
# Compressions started before the site was built (`start_early`), waited for before
# the copies are written.
_early: list[subprocess.Popen] = []


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


def _gets_copies(path: Path) -> bool:
    return path.is_file() and path.suffix in SUFFIXES and path.name not in NEVER


def wanted(site: Path) -> list[Path]:
    """The files of `site` that get compressed copies."""
    return sorted(path for path in site.rglob("*") if _gets_copies(path))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _missing(files: dict[Path, str], cache: Path) -> dict[str, Path]:
    """Digest -> file, for the files whose copies are not in the cache yet."""

    def cached(digest: str) -> bool:
        return all((cache / f"{digest}.{kind}").is_file() for kind in ("gz", "br"))

    return {d: p for p, d in files.items() if not cached(d)}


def _compress(missing: dict[str, Path], cache: Path) -> subprocess.Popen:
    """Starts writing `<digest>.gz` and `<digest>.br` into `cache` for each file."""
    cache.mkdir(parents=True, exist_ok=True)
    jobs = [[str(path), str(cache / digest)] for digest, path in missing.items()]
    command = ["node", "-e", COMPRESS_SCRIPT]  # Node from PATH, as the other build steps
    process = subprocess.Popen(command, stdin=subprocess.PIPE)  # noqa: S603
    process.stdin.write(json.dumps(jobs).encode())  # type: ignore[union-attr]
    process.stdin.close()  # type: ignore[union-attr]
    return process


def start_early(files: list[Path], cache: Path = CACHE_DIR) -> None:
    """Start compressing, in the background, files that will be copied into the site
    unchanged (the runtime's WebAssembly takes half a minute at brotli's quality 11), so
    that the work runs beside the build instead of after it. `precompress` waits for it."""
    missing = _missing({p: _digest(p.read_bytes()) for p in files if _gets_copies(p)}, cache)
    if missing:
        _early.append(_compress(missing, cache))


def _wait_early() -> None:
    while _early:
        _early.pop().wait()  # a failure shows below: its files are still missing


def precompress(site: Path, cache: Path = CACHE_DIR) -> Report:
    """Writes `x.br` and `x.gz` beside each wanted file of `site` when smaller than it,
    and removes a stale copy that is not (a file that changed since the last build)."""
    start = time.monotonic()
    files = wanted(site)
    digests = {path: _digest(path.read_bytes()) for path in files}
    _wait_early()
    missing = _missing(digests, cache)
    if missing and _compress(missing, cache).wait() != 0:
        raise RuntimeError("compressing the site's files failed (Node's zlib; see above)")
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
