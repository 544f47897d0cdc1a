"""The pure wheels the builder page installs, built once and cached.

Part of the Python bundle (bundle.py): the builder from this repository, Jinja2 from
PyPI, and MarkupSafe built pure from its sdist. Apart from those three, the calendar's
wheels (icalendar and its pure dependencies, from PyPI): served beside them and listed
in the lock file, but loaded only when a reader first asks for a calendar file, so they
are in neither the start-up nor the snapshot. Every one holds bytecode compiled by
Pyodide itself in place of its sources (compile_wheels.mjs).
"""

from __future__ import annotations

import hashlib
import json
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
COMPILE_SCRIPT = Path(__file__).with_name("compile_wheels.mjs")
WHEEL_README = "Short Haul's request builder and mentors' reply helper; see the project's README.\n"


class BundleError(RuntimeError):
    """The bundle cannot be made; the message says what to run."""


def run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, check=False)
    if done.returncode != 0:
        raise BundleError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")


# The time written into the wheels built here (the builder's, MarkupSafe's), in place of
# the build's: the same sources make the same bytes on any machine, so a site rebuilt
# from unchanged code (a fresh CI clone, another maintainer) keeps its bundle's address
# and readers keep what their browsers hold. 1980-01-01, the first time a zip can hold.
REPRODUCIBLE_TIME = "315532800"


def _pip(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    env = {**(env or os.environ), "SOURCE_DATE_EPOCH": REPRODUCIBLE_TIME}
    run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args], env=env, cwd=cwd)


def runtime_version() -> str:
    return json.loads((RUNTIME_DIR / "package.json").read_text())["version"]


def _source_digest(program: bytes | None) -> str:
    """A digest of everything that goes into the builder wheel, to reuse a fresh one:
    its sources and the program settings written into it."""
    digest = hashlib.sha256(b"program:" + (program or b"none") + b"\0" + WHEEL_README.encode())
    files = [ROOT / "pyproject.toml", *sorted((ROOT / "builder").rglob("*"))]
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _compile_digest() -> str:
    script = COMPILE_SCRIPT  # and this file, which says how the wheels are built
    digest = hashlib.sha256(
        script.read_bytes() + Path(__file__).read_bytes() + runtime_version().encode()
    )
    return digest.hexdigest()[:12]


def _compile(wheel: Path) -> None:
    """Put bytecode for Pyodide's Python in place of a pure wheel's sources, compiled by
    Pyodide itself."""
    script = COMPILE_SCRIPT
    run(["node", str(script), str(RUNTIME_DIR), str(wheel)])


def _cached(name: str, make) -> Path:
    """Return the one wheel in CACHE_DIR/name, making and compiling it if it is not there.

    The name also carries the runtime's version and a digest of compile_wheels.mjs and
    this file, so a new Pyodide (another bytecode format) or a new way of building or
    compiling never reuses old wheels.
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
    try:
        scratch.rename(folder)
    except OSError:  # another build made it first (the tests run several): theirs is the same
        shutil.rmtree(scratch, ignore_errors=True)
    return folder / wheels[0].name


def _builder_wheel(out: Path, program: bytes | None = None) -> None:
    # Build from a copy holding only the package, so no build/ or egg-info lands in
    # the work tree and node_modules or .venv are never scanned. The program settings
    # go into the copy (builder/program.py reads them in the browser).
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        shutil.copy2(ROOT / "pyproject.toml", src / "pyproject.toml")
        # The wheel's METADATA carries its readme, and the snapshot keeps every file of
        # the wheels in Python's memory (make_snapshot.mjs): a line, not the whole README.
        (src / "README.md").write_text(WHEEL_README, encoding="utf-8")
        shutil.copytree(
            ROOT / "builder", src / "builder", ignore=shutil.ignore_patterns("__pycache__")
        )
        if program is not None:
            (src / "builder" / "data").mkdir(exist_ok=True)
            (src / "builder" / "data" / "program.json").write_bytes(program)
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
        "--no-cache-dir",  # built here, now, with REPRODUCIBLE_TIME: not pip's earlier build
        "--no-binary",
        ":all:",
        "-q",
        "-w",
        str(out),
        f"markupsafe=={version('markupsafe')}",
        env=env,
    )


def _pypi_wheel(name: str):
    """A pure wheel from PyPI, at the version installed here (pinned in pyproject.toml)."""

    def download(out: Path) -> None:
        _pip(
            "download", "--no-deps", "--only-binary", ":all:", "-q", "-d", str(out),
            f"{name}=={version(name)}",
        )  # fmt: skip

    return download


# icalendar and what it needs on Pyodide's Python, all pure; tzdata is the zone data
# zoneinfo reads (typing-extensions is needed only before Python 3.13).
CALENDAR_PACKAGES = ("icalendar", "python-dateutil", "tzdata")


def calendar_wheels() -> list[Path]:
    """The calendar's wheels, loaded by the worker on first use, built or cached."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    return [_cached(f"{name}-{version(name)}", _pypi_wheel(name)) for name in CALENDAR_PACKAGES]


def wheels(program: bytes | None = None) -> list[Path]:
    """The three pure wheels the page installs, built or taken from the cache.

    Args:
        program: The program settings as JSON, shipped in the builder's wheel; None
            leaves them out, and the builder runs on the guide's defaults.
    """
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    return [
        _cached(
            f"builder-{_source_digest(program)}",
            lambda out: _builder_wheel(out, program),
        ),
        _cached(f"jinja2-{version('jinja2')}", _jinja2_wheel),
        _cached(f"markupsafe-{version('markupsafe')}", _markupsafe_wheel),
    ]
