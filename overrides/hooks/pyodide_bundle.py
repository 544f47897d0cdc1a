"""Make the site carry its own Python: the pinned Pyodide runtime plus our wheels.

MkDocs runs this as a hook on every build (and every `mkdocs serve` rebuild). It
copies the runtime from the npm package, builds pure wheels of `builder`, Jinja2 and
MarkupSafe, adds Pyodide's own bytecode to them (compile_wheels.mjs: importing Jinja2
costs half as much without compiling it in the browser), and writes a lock file that
lists only those, so `loadPackage` resolves everything from the site itself and no byte
comes from a CDN. Wheels are cached in .cache/wheels, the builder's by a digest of its
sources.

Last, it makes `builder.snapshot` (make_snapshot.mjs): Pyodide's memory with the builder
imported and warmed, which the page's worker restores instead of starting Python from
scratch (three to four times faster). The wheels and lock file stay: the worker falls
back to them if the snapshot cannot be used, and the in-Pyodide tests install them.

It also runs as a script (`python overrides/hooks/pyodide_bundle.py OUT_DIR`) so the
in-Pyodide test runner uses exactly the bundle the site ships.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_DIR = ROOT / "node_modules" / "pyodide"
CACHE_DIR = ROOT / ".cache" / "wheels"
SNAPSHOT_CACHE_DIR = ROOT / ".cache" / "snapshots"
BUNDLE_DIRNAME = "pyodide"
SNAPSHOT_NAME = "builder.snapshot"

# The runtime files a browser needs; the rest of the npm package (types, consoles,
# source maps) stays out of the site.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "package.json",
)
# Packages the page loads; the lock file keeps these and what they depend on.
ROOT_PACKAGES = ("shorthaul-builder",)

log = logging.getLogger("mkdocs.hooks.pyodide_bundle")


class BundleError(RuntimeError):
    """The bundle cannot be made; the message says what to run."""


def _run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, check=False)
    if done.returncode != 0:
        raise BundleError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")


def _pip(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    _run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args], env=env, cwd=cwd)


def _source_digest() -> str:
    """A digest of everything that goes into the builder wheel, to reuse a fresh one."""
    digest = hashlib.sha256()
    files = [ROOT / "pyproject.toml", *sorted((ROOT / "builder").rglob("*"))]
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _compile_digest() -> str:
    script = ROOT / "overrides" / "hooks" / "compile_wheels.mjs"
    digest = hashlib.sha256(script.read_bytes() + runtime_version().encode())
    return digest.hexdigest()[:12]


def _compile(wheel: Path) -> None:
    """Add bytecode for Pyodide's Python to a pure wheel, compiled by Pyodide itself."""
    script = ROOT / "overrides" / "hooks" / "compile_wheels.mjs"
    _run(["node", str(script), str(RUNTIME_DIR), str(wheel)])


def _cached(name: str, make) -> Path:
    """Return the one wheel in CACHE_DIR/name, making and compiling it if it is not there.

    The name also carries the runtime's version and a digest of compile_wheels.mjs, so a
    new Pyodide (another bytecode format) or a new compile step never reuses old wheels.
    """
    name = f"{name}-{_compile_digest()}"
    folder = CACHE_DIR / name
    wheels = sorted(folder.glob("*.whl")) if folder.is_dir() else []
    if len(wheels) == 1:
        return wheels[0]
    shutil.rmtree(folder, ignore_errors=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=CACHE_DIR))
    make(scratch)
    wheels = sorted(scratch.glob("*.whl"))
    if len(wheels) != 1:
        raise BundleError(f"expected one wheel for {name}, got {wheels}")
    _compile(wheels[0])
    scratch.rename(folder)
    return folder / wheels[0].name


def _builder_wheel(out: Path) -> None:
    # Build from a copy holding only the package, so no build/ or egg-info lands in
    # the work tree and node_modules or .venv are never scanned.
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        shutil.copy2(ROOT / "pyproject.toml", src / "pyproject.toml")
        shutil.copy2(ROOT / "README.md", src / "README.md")
        shutil.copytree(
            ROOT / "builder", src / "builder", ignore=shutil.ignore_patterns("__pycache__")
        )
        _pip("wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src))


def _jinja2_wheel(out: Path) -> None:
    _pip(
        "download",
        "--no-deps",
        "--only-binary",
        ":all:",
        "-q",
        "-d",
        str(out),
        f"jinja2=={version('jinja2')}",
    )


def _markupsafe_wheel(out: Path) -> None:
    # MarkupSafe has no Pyodide wheel on PyPI. With no C compiler its sdist builds a
    # pure wheel, and Jinja2 then escapes with MarkupSafe's plain-Python code.
    env = {**os.environ, "CC": "false"}
    _pip(
        "wheel",
        "--no-deps",
        "--no-binary",
        ":all:",
        "-q",
        "-w",
        str(out),
        f"markupsafe=={version('markupsafe')}",
        env=env,
    )


def wheels() -> list[Path]:
    """The three pure wheels the page installs, built or taken from the cache."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    return [
        _cached(f"builder-{_source_digest()}", _builder_wheel),
        _cached(f"jinja2-{version('jinja2')}", _jinja2_wheel),
        _cached(f"markupsafe-{version('markupsafe')}", _markupsafe_wheel),
    ]


def _write_lock(out: Path, wheel_files: list[Path]) -> None:
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    spec = PyodideLockSpec.from_json(RUNTIME_DIR / "pyodide-lock.json")
    # Our pure wheels replace the CDN's entries of the same names.
    spec = add_wheels_to_spec(spec, [out / w.name for w in wheel_files], base_path=out)
    keep: set[str] = set()
    todo = list(ROOT_PACKAGES)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo.extend(spec.packages[name].depends)
    spec.packages = {name: pkg for name, pkg in spec.packages.items() if name in keep}
    spec.to_json(out / "pyodide-lock.json")


def snapshot(wheel_files: list[Path]) -> Path:
    """The builder's memory snapshot for these wheels and this runtime, made or cached."""
    script = ROOT / "overrides" / "hooks" / "make_snapshot.mjs"
    digest = hashlib.sha256(script.read_bytes() + runtime_version().encode())
    for wheel in wheel_files:
        digest.update(wheel.name.encode() + wheel.read_bytes())
    cached = SNAPSHOT_CACHE_DIR / digest.hexdigest()[:16] / SNAPSHOT_NAME
    if not cached.is_file():
        shutil.rmtree(SNAPSHOT_CACHE_DIR, ignore_errors=True)  # only the newest is kept
        cached.parent.mkdir(parents=True)
        scratch = cached.with_suffix(".partial")
        # TZ=UTC: the time zone is read once at start-up, so the snapshot would carry the
        # build machine's; UTC at least makes every build the same.
        env = {**os.environ, "TZ": "UTC"}
        _run(["node", str(script), str(RUNTIME_DIR), str(scratch), *map(str, wheel_files)], env=env)
        scratch.rename(cached)
    return cached


def build_bundle(out: Path) -> Path:
    """Write the runtime, the wheels, their lock file and the snapshot into `out`."""
    if not (RUNTIME_DIR / "pyodide.asm.wasm").is_file():
        raise BundleError("node_modules/pyodide is missing: run `npm ci` (the README's setup).")
    out.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(RUNTIME_DIR / name, out / name)
    built = wheels()
    for wheel in built:
        shutil.copy2(wheel, out / wheel.name)
    _write_lock(out, built)
    shutil.copy2(snapshot(built), out / SNAPSHOT_NAME)
    return out


def runtime_version() -> str:
    return json.loads((RUNTIME_DIR / "package.json").read_text())["version"]


# MkDocs hooks ---------------------------------------------------------------------


def on_post_build(config) -> None:
    out = build_bundle(Path(config["site_dir"]) / BUNDLE_DIRNAME)
    log.info("Pyodide %s bundle written to %s", runtime_version(), out)


def on_serve(server, config, builder):
    server.watch(str(ROOT / "builder"))
    return server


if __name__ == "__main__":
    print(build_bundle(Path(sys.argv[1]).resolve()))
