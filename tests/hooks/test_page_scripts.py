"""sitebuild/page_scripts.py: each page script bundled by esbuild, meaning kept, with a map."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import page_scripts

ROOT = Path(__file__).resolve().parents[2]

NODE = shutil.which("node")
pytestmark = [
    pytest.mark.skipif(NODE is None, reason="Node.js runs esbuild and the bundles"),
    pytest.mark.skipif(not page_scripts.ESBUILD.is_file(), reason="esbuild: run npm ci"),
]


def site_with(root: Path, files: dict[str, str]) -> Path:
    """A built site whose scripts' folder holds `files`."""
    for name, text in files.items():
        path = root / page_scripts.SITE_SCRIPTS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(path: Path, *args: str) -> list[str]:
    """What the bundle at `path` logs when Node runs it as a module."""
    module = path.with_name(path.stem + ".mjs")
    shutil.copyfile(path, module)
    done = subprocess.run([NODE, str(module), *args], capture_output=True, text=True, check=True)
    return done.stdout.split()


# A small graph with the forms the old home-made bundler refused: the entry imports a,
# b's default export and a namespace of sub/counter.js (whose `export let` it watches
# change); a imports b too (so b is imported by three modules) and sub/c.js, which
# imports back up. Every module has a private `helper` and logs when it runs.
GRAPH = {
    "main.js": (
        'import { a } from "./a.js";\n'
        'import b, { B as Bee } from "./b.js";\n'
        'import * as counter from "./sub/counter.js";\n'
        'const helper = () => "main";\n'
        'console.log("main", a(), b(), new Bee().name, helper());\n'
        "counter.bump();\n"
        'console.log("count", counter.count);\n'
    ),
    "a.js": (
        'import b from "./b.js";\n'
        'import { c } from "./sub/c.js";\n'
        'const helper = () => "a";\n'
        'console.log("a-runs");\n'
        "export function a() {\n  return `${helper()}+${b()}+${c}`;\n}\n"
    ),
    "b.js": (
        "// b: imported by main, a and sub/c.\n"
        'const helper = () => "b";\n'
        'console.log("b-runs");\n'
        "export default function b() {\n  return helper();\n}\n"
        "export class B {\n  name = 'B';\n}\n"
    ),
    "sub/c.js": (
        'import b from "../b.js";\n'
        'console.log("c-runs");\n'
        "export const c = `c${b()}`; // no newline at the end"
    ),
    "sub/counter.js": (
        'console.log("counter-runs");\n'
        "export let count = 0;\n"
        "export function bump() {\n  count += 1;\n}\n"
    ),
}
MODULES = {"a.js", "b.js", "sub/c.js", "sub/counter.js"}
ENTRIES = page_scripts.ENTRIES


def test_modules_run_once_each_in_es_module_order_with_their_own_scopes(tmp_path: Path) -> None:
    site = site_with(tmp_path, GRAPH)
    report = page_scripts.bundle(site, ["main.js"])
    assert report.joined == MODULES
    ran = ["b-runs", "c-runs", "a-runs", "counter-runs"]
    said = ["main", "a+b+cb", "b", "B", "main", "count", "1"]  # the live binding moved
    assert run(site / page_scripts.SITE_SCRIPTS / "main.js") == [*ran, *said]


def test_the_bundle_is_minified_with_a_source_map_holding_the_modules(tmp_path: Path) -> None:
    site = site_with(tmp_path, GRAPH)
    page_scripts.bundle(site, ["main.js"])
    folder = site / page_scripts.SITE_SCRIPTS
    text = (folder / "main.js").read_text(encoding="utf-8")
    *code, last = text.rstrip("\n").split("\n")
    assert last == "//# sourceMappingURL=main.js.map"
    assert len(code) == 1  # one line: no indentation, no comments
    assert "//" not in code[0].replace("://", "")
    assert "import" not in code[0]
    assert "export" not in code[0]
    source_map = json.loads((folder / "main.js.map").read_text(encoding="utf-8"))
    assert set(source_map["sources"]) == {"main.js", *MODULES}
    for name, content in zip(source_map["sources"], source_map["sourcesContent"], strict=True):
        assert content == GRAPH[name]
    for name in GRAPH:  # the modules stay beside the bundle, as written
        if name != "main.js":
            assert (folder / name).read_text(encoding="utf-8") == GRAPH[name]


def test_a_computed_dynamic_import_stays_an_import_at_run_time(tmp_path: Path) -> None:
    # The worker imports pyodide.asm.mjs this way, from the Python bundle's address: a
    # file that is not beside the scripts at build time.
    site = site_with(
        tmp_path / "site",
        {
            "main.js": (
                "const base = new URL(`file://${process.argv[2]}/`);\n"
                'const { where } = await import(new URL("runtime.mjs", base).href);\n'
                'console.log("loaded", where);\n'
            )
        },
    )
    report = page_scripts.bundle(site, ["main.js"])
    assert report.joined == frozenset()
    bundled = site / page_scripts.SITE_SCRIPTS / "main.js"
    assert 'import(new URL("runtime.mjs",' in bundled.read_text(encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    (runtime / "runtime.mjs").write_text('export const where = "runtime";\n', encoding="utf-8")
    assert run(bundled, str(runtime)) == ["loaded", "runtime"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('import { b } from "./gone.js";\n', 'Could not resolve "./gone.js"'),
        ('import { no } from "./b.js";\nno();\n', 'No matching export in "b.js" for import "no"'),
        ("export const a = ;\n", "Unexpected"),
        ("export const a = { x: 1, x: 2 };\n", 'Duplicate key "x"'),  # a warning stops it too
    ],
)
def test_a_broken_module_stops_the_build_naming_the_file(
    tmp_path: Path, source: str, message: str
) -> None:
    files = {"main.js": 'import { a } from "./a.js";\na();\n', "b.js": "export const b = 1;\n"}
    files["a.js"] = source if "export" in source else source + "export const a = () => 1;\n"
    site = site_with(tmp_path, files)
    with pytest.raises(page_scripts.ScriptError) as raised:
        page_scripts.bundle(site, ["main.js"])
    assert message in str(raised.value)
    assert "a.js:1:" in str(raised.value)


def test_run_alone_it_bundles_a_built_site_once_and_stops_on_a_second_run(
    tmp_path: Path,
) -> None:
    shared = {"shared.js": 'export const x = "shared";\n'}
    entries = dict.fromkeys(ENTRIES, 'import { x } from "./shared.js";\nconsole.log(x);\n')
    site = site_with(tmp_path, {**shared, **entries})
    command = [sys.executable, str(ROOT / "sitebuild" / "page_scripts.py"), str(site)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "joined=frozenset({'shared.js'})" in done.stdout
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode
    assert "builder.js is a bundle already: bundle a fresh build" in again.stderr


def test_without_esbuild_the_build_says_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_scripts, "ESBUILD", tmp_path / "node_modules" / ".bin" / "esbuild")
    with pytest.raises(page_scripts.ScriptError, match=r"esbuild is missing: run `npm ci`"):
        page_scripts.bundle(site_with(tmp_path, GRAPH), ["main.js"])


def test_the_site_scripts_bundle_and_keep_the_workers_runtime_imports(tmp_path: Path) -> None:
    joined = page_scripts.joined()
    assert {"builder/dom.js", "python/link.js", "reply/request.js", "python.js"} <= joined
    assert not joined & set(page_scripts.ENTRIES)
    folder = tmp_path / page_scripts.SITE_SCRIPTS
    shutil.copytree(page_scripts.SOURCES, folder)
    assert page_scripts.bundle(tmp_path).joined == joined
    worker = (folder / "builder-worker.js").read_text(encoding="utf-8")
    assert 'import(new URL("pyodide.asm.mjs",' in worker
    # Pyodide's loader is in the bundle, the npm package's own (its build id with it).
    loader = (page_scripts.ROOT / "node_modules" / "pyodide" / "pyodide.mjs").read_text()
    assert re.search(r'BUILD_ID:"([0-9a-f]{64})"', loader)[0] in worker
    assert 'import(new URL("xz-decompress.mjs",' in worker
    for entry in page_scripts.ENTRIES:
        module = tmp_path / (Path(entry).stem + ".mjs")
        shutil.copyfile(folder / entry, module)
        subprocess.run([NODE, "--check", str(module)], check=True)
