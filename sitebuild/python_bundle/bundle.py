"""Make the site carry its own Python: the pinned Pyodide runtime plus our wheels.

The build runs this on every build (and every `mkdocs serve` rebuild; the MkDocs hook
overrides/hooks/pyodide_bundle.py only hands it the program settings and the site). It
copies the runtime from the npm package, builds pure wheels of `builder`, Jinja2 and
MarkupSafe, adds Pyodide's own bytecode to them (compile_wheels.mjs: importing Jinja2
costs half as much without compiling it in the browser), and writes a lock file that
lists only those, so `loadPackage` resolves everything from the site itself and no byte
comes from a CDN. Wheels are cached in .cache/wheels, the builder's by a digest of its
sources.

The standard library is cut to the modules the builder needs (find_stdlib.mjs records
them under Node; about a third of Pyodide's zip) and stripped of comments and docstrings
(strip_stdlib.mjs: half its bytes), and last comes `builder.snapshot`
(make_snapshot.mjs): Pyodide's memory with the builder imported and warmed, which the
page's worker restores instead of starting Python from scratch. It ships in xz (the
fewest bytes) and in gzip (the quickest to decode), for the worker to choose from by
the link. A restore needs only
the standard-library modules the snapshot has not imported, in a zip of their own
(`python_stdlib_after_snapshot.zip`). The wheels, lock file and whole cut zip stay: the
worker falls back to them, and the in-Pyodide tests install them. The long way's zips
(the cut standard library and the start's wheels) also come with their members stored,
under `stored/`: on a host that sends the build's brotli or gzip copies (nginx, Caddy)
they cross the link in 30% fewer bytes; a host that sends zips as they are would send
them at four times the size, so the worker asks first (python/kept-files.js).

Everything lands in `pyodide/<digest>/`, a folder named by a digest of its files, so
a new deploy's runtime, snapshot and wheels live at new addresses: a page, a browser
cache or the service worker can never pair a snapshot with another runtime. Pages get
the folder as `config.extra.pyodide_dir`.

It also runs on its own (`python -m sitebuild python-bundle OUT_DIR`) so the in-Pyodide
test runner uses exactly the bundle the site ships.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from sitebuild.python_bundle import files as _files
from sitebuild.python_bundle import wheels as _wheels

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_DIR = ROOT / "node_modules" / "pyodide"
SNAPSHOT_CACHE_DIR = ROOT / ".cache" / "snapshots"
STDLIB_CACHE_DIR = ROOT / ".cache" / "stdlib"
STAGING_DIR = ROOT / ".cache" / "bundle-staging"
STORED_CACHE_DIR = ROOT / ".cache" / "stored"
HERE = Path(__file__).resolve().parent  # the Node scripts beside this file
SNAPSHOT_STEPS = ROOT / "overrides" / "assets" / "javascripts" / "python" / "snapshot-steps.mjs"
BUNDLE_DIRNAME = "pyodide"
SNAPSHOT_NAME = "builder.snapshot"
# The same snapshot in gzip: 1.5 MB more, but the browser decodes it natively in ~0.1 s
# where xz takes ~0.45 s (measured in Chromium here), so on a very fast link it is
# ready sooner. The worker chooses between the two (python/link.js).
SNAPSHOT_GZIP_NAME = "builder.snapshot.gz"
STDLIB_NAME = "python_stdlib.zip"
RUNTIME_MODULE = "pyodide.asm.wasm"
# The standard-library modules only the calendar's packages need: loaded with them.
STDLIB_LATER_NAME = "python_stdlib_later.zip"
# What a restored snapshot still needs of the standard library: the modules of
# python_stdlib.zip the snapshot has not imported (a seventh of its bytes). The worker
# fetches this one instead when it restores the snapshot.
STDLIB_AFTER_SNAPSHOT_NAME = "python_stdlib_after_snapshot.zip"
XZ_DECODER = "xz-decompress.mjs"
# The folder of the stored copies of the long way's zips (files.stored_copy).
STORED_DIR = "stored"

# The runtime files a browser needs; the rest of the npm package (types, consoles,
# source maps) stays out of the site.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "package.json",
)
# Packages the page loads; the lock file keeps these and what they depend on. The
# calendar (icalendar) is loaded only when a reader first downloads a calendar file.
ROOT_PACKAGES = ("shorthaul-builder", "icalendar")

BundleError = _wheels.BundleError
_run = _wheels.run
wheels = _wheels.wheels
calendar_wheels = _wheels.calendar_wheels
runtime_version = _wheels.runtime_version


def top_level_imports(wheel: Path) -> list[str]:
    """The names a wheel's modules import as ("builder"), read from its bytecode."""
    with zipfile.ZipFile(wheel) as whl:
        tops = {
            name.split("/")[0]
            for name in whl.namelist()
            if name.endswith((".py", ".pyc")) and ".dist-info/" not in name
        }
    return sorted(top.removesuffix(".pyc").removesuffix(".py") for top in tops)


def _write_lock(out: Path, wheel_files: list[Path]) -> None:
    from packaging.utils import parse_wheel_filename
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    spec = PyodideLockSpec.from_json(RUNTIME_DIR / "pyodide-lock.json")
    # Our pure wheels replace the CDN's entries of the same names. pyodide-lock reads a
    # package's import names from its sources, which our wheels do not hold (bytecode
    # only: compile_wheels.mjs), and warns; the names are read from the bytecode here.
    quiet = logging.getLogger("pyodide_lock.utils")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        spec = add_wheels_to_spec(spec, [out / w.name for w in wheel_files], base_path=out)
    finally:
        quiet.setLevel(level)
    for wheel in wheel_files:
        package = parse_wheel_filename(wheel.name)[0]  # canonical, as pyodide-lock keys it
        spec.packages[package].imports = top_level_imports(out / wheel.name)
    keep: set[str] = set()
    todo = list(ROOT_PACKAGES)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo.extend(spec.packages[name].depends)
    spec.packages = {name: pkg for name, pkg in spec.packages.items() if name in keep}
    spec.to_json(out / "pyodide-lock.json")


def _digest(*parts: bytes | Path) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.read_bytes() if isinstance(part, Path) else part)
    return digest.hexdigest()[:16]


KEEP_CACHED = 3  # the site's own, and the test build's with other program settings


def _prune(root: Path) -> None:
    """Keep the newest few cached folders of `root` (never another build's scratch)."""
    older = sorted(
        (p for p in root.glob("[!.]*") if p.is_dir()),
        key=lambda p: p.stat().st_mtime,
    )
    for stale in older[: max(0, len(older) - KEEP_CACHED + 1)]:
        shutil.rmtree(stale, ignore_errors=True)


def _make_cached(cached: Path, make) -> Path:
    """Make `cached` with make(path in a scratch folder) unless it exists; the newest few
    are kept. The folder appears whole or not at all (renamed from the scratch), so two
    builds at once (the tests run several) never see or remove each other's half."""
    if not cached.is_file():
        root = cached.parents[1]
        shutil.rmtree(cached.parent, ignore_errors=True)  # left half made by an older build
        root.mkdir(parents=True, exist_ok=True)
        _prune(root)
        scratch = Path(tempfile.mkdtemp(prefix=f".{cached.parent.name}-", dir=root))
        make(scratch / cached.name)
        try:
            scratch.rename(cached.parent)
        except OSError:  # another build made it first: theirs is the same
            shutil.rmtree(scratch, ignore_errors=True)
            if not cached.is_file():
                raise
    cached.parent.touch()  # newest used: kept longest
    return cached


def stdlib_zips(staging: Path, wheel_files: list[Path]) -> tuple[Path, Path]:
    """The standard library cut to what the builder imports (find_stdlib.mjs), without
    comments and docstrings (strip_stdlib.mjs), cached: what either start needs, and
    what only the calendar's packages add (loaded with them, on a reader's first
    calendar file)."""
    script = HERE / "find_stdlib.mjs"
    strip = HERE / "strip_stdlib.mjs"
    key = _digest(script, strip, HERE / "files.py", runtime_version().encode(), *wheel_files)

    def make(scratch: Path) -> None:
        names_file = scratch.with_suffix(".json")
        _run(["node", str(script), str(RUNTIME_DIR), str(staging), str(names_file)])
        names = json.loads(names_file.read_text())
        full = RUNTIME_DIR / STDLIB_NAME
        later = scratch.parent / STDLIB_LATER_NAME
        _files.cut_zip(full, names["later"], later)
        _files.cut_zip(full, names["start"], scratch)
        _run(["node", str(strip), str(RUNTIME_DIR), str(scratch), str(later)])  # no prose

    start = _make_cached(STDLIB_CACHE_DIR / key / STDLIB_NAME, make)
    return start, start.parent / STDLIB_LATER_NAME


def stored_zips(zips: list[Path]) -> dict[str, Path]:
    """Stored copies of these zips (name in the bundle, under STORED_DIR -> the cached
    copy), made once per set of zips."""
    key = _digest(HERE / "files.py", *(zip_file.name.encode() for zip_file in zips), *zips)

    def make(first: Path) -> None:
        for zip_file in zips:
            _files.stored_copy(zip_file, first.parent / zip_file.name)

    first = _make_cached(STORED_CACHE_DIR / key / zips[0].name, make)
    return {f"{STORED_DIR}/{zip_file.name}": first.parent / zip_file.name for zip_file in zips}


def snapshot(wheel_files: list[Path], stdlib: Path) -> tuple[Path, Path, Path]:
    """The builder's memory snapshot for these wheels and this runtime, made or cached:
    in xz, in gzip, and the part of `stdlib` it has not imported
    (STDLIB_AFTER_SNAPSHOT_NAME)."""
    script = HERE / "make_snapshot.mjs"
    key = _digest(
        script,
        HERE / "snapshot_pack.mjs",
        SNAPSHOT_STEPS,  # shared with the worker, which makes its own on a long-way start
        runtime_version().encode(),
        HERE / "files.py",  # how the files are written from it
        stdlib,
        *wheel_files,
    )

    def make(scratch: Path) -> None:
        # TZ=UTC: the time zone is read once at start-up, so the snapshot would carry the
        # build machine's; UTC at least makes every build the same.
        env = {**os.environ, "TZ": "UTC"}
        packed = scratch.with_suffix(".packed")
        cmd = [str(RUNTIME_DIR), str(stdlib), str(packed), *map(str, wheel_files)]
        _run(["node", str(script), *cmd], env=env)
        folder = scratch.parent
        _files.snapshot_files(
            packed,
            stdlib,
            xz=scratch,
            gzipped=folder / SNAPSHOT_GZIP_NAME,
            after=folder / STDLIB_AFTER_SNAPSHOT_NAME,
        )

    made = _make_cached(SNAPSHOT_CACHE_DIR / key / SNAPSHOT_NAME, make)
    return made, made.parent / SNAPSHOT_GZIP_NAME, made.parent / STDLIB_AFTER_SNAPSHOT_NAME


def bundle_files(program: bytes | None = None) -> dict[str, Path]:
    """Every file of the bundle (name in the bundle -> where it is now), made or cached.

    `program` is the program settings as JSON, shipped in the builder's wheel (see
    program_settings.py); None builds the guide's defaults, as the in-Pyodide tests use.
    """
    if not (RUNTIME_DIR / "pyodide.asm.wasm").is_file():
        raise BundleError("node_modules/pyodide is missing: run `npm ci` (the README's setup).")
    built = wheels(program)
    later = calendar_wheels()  # in the bundle and the lock file, not in the snapshot
    staging = _staged([*built, *later])
    files = {path.name: path for path in runtime_files()}
    files.update({wheel.name: wheel for wheel in [*built, *later]})
    files["pyodide-lock.json"] = staging / "pyodide-lock.json"
    files[STDLIB_NAME], files[STDLIB_LATER_NAME] = stdlib_zips(staging, [*built, *later])
    files.update(stored_zips([files[STDLIB_NAME], *built]))  # the long way's, stored
    made = snapshot(built, files[STDLIB_NAME])
    files[SNAPSHOT_NAME], files[SNAPSHOT_GZIP_NAME], files[STDLIB_AFTER_SNAPSHOT_NAME] = made
    files[XZ_DECODER] = staging / XZ_DECODER
    return files


def _staged(wheel_files: list[Path]) -> Path:
    """The wheels with their lock file (what find_stdlib.mjs installs from) and the xz
    decoder, in a folder of their own per set of wheels, made once."""

    def make(lock: Path) -> None:
        for wheel in wheel_files:
            shutil.copy2(wheel, lock.parent / wheel.name)
        _write_lock(lock.parent, wheel_files)
        _xz_decoder(lock.parent / XZ_DECODER)

    for stray in STAGING_DIR.glob("*.*"):  # files of the one shared folder builds used before
        if stray.is_file():
            stray.unlink()
    key = _digest(runtime_version().encode(), Path(__file__), *wheel_files)  # with _write_lock
    return _make_cached(STAGING_DIR / key / "pyodide-lock.json", make).parent


def runtime_files() -> list[Path]:
    """The npm runtime's files that every bundle holds unchanged."""
    return [RUNTIME_DIR / name for name in RUNTIME_FILES]


def _xz_decoder(out: Path) -> Path:
    """xz-decompress (npm) as a module the worker can import: its browser build is UMD."""
    umd = ROOT / "node_modules" / "xz-decompress" / "dist" / "package" / "xz-decompress.min.js"
    if not umd.is_file():
        raise BundleError(f"{umd} is missing: run `npm ci` (the README's setup).")
    source = umd.read_text(encoding="utf-8")
    out.write_text(
        "// xz-decompress (npm, MIT; xz-embedded, public domain), wrapped as a module.\n"
        'const root = { "stream/web": globalThis };\n'
        f"(function () {{\n{source}\n}}).call(root);\n"
        'export const { XzReadableStream } = root["xz-decompress"];\n',
        encoding="utf-8",
    )
    return out


# The files snapshot() makes, which lie in a folder named by the digest of what they are
# made from (the runtime, the wheels, the cut standard library, the scripts that make
# them). Python's memory is not made the same twice from the same inputs (its hash seed,
# the random module's state, the allocator's keys), but any two such snapshots are
# interchangeable: each restores with the same runtime and standard library.
SNAPSHOT_MADE = (SNAPSHOT_NAME, SNAPSHOT_GZIP_NAME, STDLIB_AFTER_SNAPSHOT_NAME)


def bundle_digest(files: dict[str, Path]) -> str:
    """A digest of the bundle's names and contents: the name of its folder in the site.

    The snapshot's files count by what they were made from (their cache folder's name),
    not by their bytes: a build on a fresh machine (a CI deploy) of the same code gives
    the bundle the same address, and readers keep what they downloaded before.
    """
    digest = hashlib.sha256()
    for name in sorted(files):
        path = files[name]
        made_from = name in SNAPSHOT_MADE and path.parent.parent == SNAPSHOT_CACHE_DIR
        content = path.parent.name.encode() if made_from else path.read_bytes()
        digest.update(name.encode() + b"\0" + content)
    return digest.hexdigest()[:12]


def build_bundle(out: Path, files: dict[str, Path] | None = None) -> Path:
    """Write the runtime, the wheels, their lock file, stdlib and snapshot into `out`."""
    files = files or bundle_files()
    out.mkdir(parents=True, exist_ok=True)
    for name, path in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, out / name)
    # What the worker weighs when it chooses how to start (python/link.js), and what
    # the service worker caches once the builder has started (bytes as served).
    # The calendar's wheels are loaded later, on first use: not part of either start.
    later = sorted(
        [w.name for w in calendar_wheels() if w.name in files]
        + [name for name in (STDLIB_LATER_NAME,) if name in files]
    )
    stored = sorted(name for name in files if name.startswith(f"{STORED_DIR}/"))
    wheel_bytes = sum(
        p.stat().st_size
        for n, p in files.items()
        if n.endswith(".whl") and n not in later and n not in stored
    )
    summary = {
        "snapshotBytes": files[SNAPSHOT_NAME].stat().st_size,
        "snapshotGzipBytes": files[SNAPSHOT_GZIP_NAME].stat().st_size,
        "wheelBytes": wheel_bytes + files["pyodide-lock.json"].stat().st_size,
        # The standard library each way fetches: all of the cut one, or what the
        # snapshot has not imported.
        "stdlibBytes": files[STDLIB_NAME].stat().st_size,
        # The runtime's WebAssembly, on which the worker measures the link: as it is,
        # and gzipped as a host compressing on the fly would send it, for reading the
        # bytes a compressed response really put on the wire.
        "runtimeBytes": files[RUNTIME_MODULE].stat().st_size,
        "runtimeGzipBytes": _files.gzipped_size(files[RUNTIME_MODULE]),
        "stdlibAfterSnapshotBytes": files[STDLIB_AFTER_SNAPSHOT_NAME].stat().st_size,
        "files": sorted(files),
        "later": later,
        # The long way's zips with their members stored, for a host that compresses them.
        "stored": stored,
    }
    (out / "bundle.json").write_text(json.dumps(summary, indent=1) + "\n")
    return out
