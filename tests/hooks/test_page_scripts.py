"""page_scripts.py: page scripts joined into one file each, meaning kept or the build stops."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "page_scripts", ROOT / "overrides" / "hooks" / "page_scripts.py"
)
page_scripts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(page_scripts)

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="Node.js runs the bundles")


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(root: Path, entry: str) -> list[str]:
    """What the bundle of `entry` logs when Node runs it as a module."""
    out = root / "out.mjs"
    out.write_text(page_scripts.bundle(entry, root), encoding="utf-8")
    done = subprocess.run([NODE, str(out)], capture_output=True, text=True, check=True)
    return done.stdout.split()


# A small graph: the entry imports a and b, a imports b (and c, from a subfolder, which
# imports back up). Every module has a private `helper` and logs when it runs.
GRAPH = {
    "main.js": (
        'import { a } from "./a.js";\n'
        'import { b, B } from "./b.js";\n'
        'const helper = () => "main";\n'
        'console.log("main", a(), b(), new B().name, helper());\n'
    ),
    "a.js": (
        'import { b } from "./b.js";\n'
        'import { c } from "./sub/c.js";\n'
        'const helper = () => "a";\n'
        'console.log("a-runs");\n'
        "export function a() {\n  return `${helper()}+${b()}+${c}`;\n}\n"
    ),
    "b.js": (
        'const helper = () => "b";\n'
        'console.log("b-runs");\n'
        "export const b = () => helper();\n"
        "export class B {\n  name = 'B';\n}\n"
    ),
    "sub/c.js": (
        'import { b } from "../b.js";\n'
        'console.log("c-runs");\n'
        "export const c = `c${b()}`; // no newline at the end"
    ),
}


@needs_node
def test_modules_run_once_each_in_es_module_order_with_their_own_scopes(tmp_path: Path) -> None:
    root = write(tmp_path, GRAPH)
    ran = ["b-runs", "c-runs", "a-runs"]
    assert run(root, "main.js") == [*ran, "main", "a+b+cb", "b", "B", "main"]


def test_the_bundle_is_the_entry_and_every_module_it_imports_at_any_depth(tmp_path: Path) -> None:
    root = write(tmp_path, GRAPH)
    order, _ = page_scripts.load("main.js", root)
    assert [m.name for m in order] == ["b.js", "sub/c.js", "a.js", "main.js"]
    text = page_scripts.bundle("main.js", root)
    assert "import " not in text
    assert "export " not in text


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ('import a from "./b.js";\n', "has an import other than"),
        ('import * as b from "./b.js";\n', "has an import other than"),
        ('import "./b.js";\n', "has an import other than"),
        ('import { b as bee } from "./b.js";\n', "imports `b as bee`"),
        ('import { nothing } from "./b.js";\n', "imports nothing from b.js, which does not"),
        ('import { b } from "./gone.js";\n', "imports ./gone.js, which does not exist"),
        ("export let x = 1;\n", "has `export let x = 1;`"),
        ("export default 1;\n", "has `export default 1;`"),
        ("const x = 1;\nexport { x };\n", "has `export { x };`"),
        ("export const [x, y] = [1, 2];\n", "has `export const [x, y] = [1, 2];`"),
        ("console.log(import.meta.url);\n", "uses import.meta"),
        ('import("./b.js");\n', "imports a relative address dynamically"),
    ],
)
def test_a_form_the_bundle_would_change_stops_the_build_naming_the_file(
    tmp_path: Path, source: str, reason: str
) -> None:
    root = write(tmp_path, {"main.js": 'import { a } from "./a.js";\na();\n', "a.js": source})
    write(root, {"b.js": "export const b = 1;\n"})
    if "export" not in source:
        root.joinpath("a.js").write_text(source + "export const a = () => 1;\n", encoding="utf-8")
    with pytest.raises(page_scripts.ScriptError) as raised:
        page_scripts.bundle("main.js", root)
    assert str(raised.value).startswith(f"a.js {reason}")


def test_an_import_cycle_stops_the_build(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "main.js": 'import { a } from "./a.js";\na();\n',
            "a.js": 'import { b } from "./b.js";\nexport const a = () => b;\n',
            "b.js": 'import { a } from "./a.js";\nexport const b = () => a;\n',
        },
    )
    cycle = r"import cycle: main.js -> a.js -> b.js -> a.js"
    with pytest.raises(page_scripts.ScriptError, match=cycle):
        page_scripts.bundle("main.js", root)


def test_object_keys_and_absolute_dynamic_imports_are_not_taken_for_imports(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "main.js": (
                "const parts = {\n  import: 1,\n  export: 2,\n};\n"
                'const later = () => import(new URL("x.mjs", location.href).href);\n'
            )
        },
    )
    assert "import: 1" in page_scripts.bundle("main.js", root)


@needs_node
def test_two_entry_level_declarations_of_one_name_fail_the_syntax_check() -> None:
    with pytest.raises(page_scripts.ScriptError, match="does not parse"):
        page_scripts.check_syntax("const x = 1;\nfunction x() {}\n", "broken.js")


def test_the_site_scripts_bundle_and_their_modules_are_the_parts() -> None:
    parts = page_scripts.parts()
    assert {"builder/dom.js", "python/link.js", "reply/request.js", "python.js"} <= parts
    assert not parts & set(page_scripts.ENTRIES)
    for entry in page_scripts.ENTRIES:
        page_scripts.check_syntax(page_scripts.bundle(entry), entry)
