"""`python -m sitebuild STEP FOLDER`: the build steps that work on a built folder, run
without MkDocs, write what the hooks write (maintainers/after-material.md)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import offline

ROOT = Path(__file__).resolve().parents[2]
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js makes brotli")


def built_folder(tmp_path: Path) -> Path:
    """A small built site as the pages step leaves it: pages, a script, the Python
    bundle's folder and the service worker still to be filled."""
    site = tmp_path / "site"
    (site / "tips").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Home</title>" + "x" * 2000)
    (site / "tips" / "index.html").write_text("<!doctype html><title>Tips</title>")
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "assets" / "javascripts" / "theme.js").write_text("console.log(1);\n" * 200)
    bundle = site / "pyodide" / "0123abcd"
    bundle.mkdir(parents=True)
    (bundle / "bundle.json").write_text(json.dumps({"files": ["pyodide.mjs"]}))
    shutil.copy2(ROOT / "overrides" / "sw.js", site / "sw.js")
    return site


def load_hook(name: str, monkeypatch: pytest.MonkeyPatch):
    """A hook loaded as MkDocs loads it: by its path, with its own folder on sys.path."""
    hooks = ROOT / "overrides" / "hooks"
    monkeypatch.syspath_prepend(str(hooks))
    spec = importlib.util.spec_from_file_location(f"{name}_hook", hooks / f"{name}.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def run(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "sitebuild", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_offline_writes_the_manifest_the_hook_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_command = built_folder(tmp_path / "a")
    done = run("offline", str(by_command))
    assert done.returncode == 0, done.stderr
    manifest = (by_command / "sw.js").read_text(encoding="utf-8")
    assert offline.PLACEHOLDER not in manifest
    assert '"python": "pyodide/0123abcd/"' in manifest
    assert '"tips/":' in manifest
    assert (by_command / "assets" / "workbox" / "workbox-core.prod.js").is_file()

    by_hook = built_folder(tmp_path / "b")
    hook = load_hook("offline", monkeypatch)
    hook.on_post_build({"site_dir": str(by_hook), "extra": {"pyodide_dir": "pyodide/0123abcd/"}})
    assert (by_hook / "sw.js").read_text(encoding="utf-8") == manifest


@needs_node
def test_publish_writes_the_headers_and_the_precompressed_copies(tmp_path: Path) -> None:
    site = built_folder(tmp_path)
    done = run("publish", str(site))
    assert done.returncode == 0, done.stderr
    assert "Content-Security-Policy" in (site / "_headers").read_text(encoding="utf-8")
    assert (site / "index.html.br").is_file()
    assert (site / "assets" / "javascripts" / "theme.js.gz").is_file()


@needs_node
def test_the_publish_hook_and_the_command_write_the_same_headers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_command = built_folder(tmp_path / "a")
    assert run("publish", str(by_command)).returncode == 0
    by_hook = built_folder(tmp_path / "b")
    hook = load_hook("publish", monkeypatch)
    hook.on_post_build({"site_dir": str(by_hook), "extra": {}})
    headers = (by_hook / "_headers").read_text(encoding="utf-8")
    assert headers == (by_command / "_headers").read_text(encoding="utf-8")
    assert (by_hook / "index.html.br").is_file()

    # The hook passes mkdocs.yml's setting on; the command reads it from the file.
    hook.on_post_build(
        {"site_dir": str(by_hook), "extra": {"hosting": {"frame_ancestors": "'none'"}}}
    )
    assert "frame-ancestors 'none'" in (by_hook / "_headers").read_text(encoding="utf-8")


def test_an_unknown_step_or_a_missing_folder_says_how_to_call_it(tmp_path: Path) -> None:
    for args in (("bundle", str(tmp_path)), ("offline",)):
        done = run(*args)
        assert done.returncode != 0
        assert "python -m sitebuild STEP FOLDER" in done.stderr
    done = run("offline", str(tmp_path))
    assert done.returncode != 0
    assert "expected one Python bundle" in done.stderr
