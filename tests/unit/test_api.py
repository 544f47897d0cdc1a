"""The public surface is what `__all__` says, and the package stays pure."""

import ast
import importlib
import importlib.resources
import sys
from pathlib import Path

import pytest

import builder

# The site's wheel holds the builder as bytecode only (compile_wheels.mjs), so inside
# Pyodide there are no sources to read: what reads them runs on CPython.
needs_sources = pytest.mark.skipif(
    sys.platform == "emscripten", reason="the site ships the builder's bytecode, not its sources"
)

EXPECTED = {
    "FIELDS",
    "STEPS",
    "TIPS",
    "Draft",
    "Evaluation",
    "Field",
    "FieldMessage",
    "Finding",
    "Request",
    "Step",
    "Tip",
    "TipCheck",
    "as_markdown",
    "as_text",
    "checklist",
    "coach",
    "evaluate",
    "fields_as_data",
    "from_json",
    "from_query",
    "mailto_url",
    "render_drafts",
    "to_json",
    "to_query",
    "validate",
}
ALLOWED_THIRD_PARTY = {"jinja2", "builder", "icalendar"}  # icalendar: builder.after.ics only
FORBIDDEN = {"js", "pyodide", "pyodide_js", "_pyodide", "mkdocs", "threading", "subprocess"}


# The capabilities (each a subpackage that says what it owns), and the mentors' side.
PACKAGES = (
    "builder",
    "builder.request",
    "builder.wording",
    "builder.wording.en",
    "builder.wording.es",
    "builder.after",
    "builder.keeping",
    "builder.mentor",
)


def _module_names() -> list[str]:
    """Every module of the package and its subpackages, by dotted name below `builder`
    ("mentor.session"), from its source or, as the site ships it, its bytecode."""
    found = set()
    for package in PACKAGES:
        prefix = package.removeprefix("builder").lstrip(".")
        for entry in importlib.resources.files(package).iterdir():
            stem, _, suffix = entry.name.rpartition(".")
            if stem and suffix in ("py", "pyc"):
                found.add(f"{prefix}.{stem}" if prefix else stem)
    return sorted(found)


def _modules() -> dict[str, str]:
    """Every module's source, by file name below `builder` ("mentor.session.py")."""
    found = {}
    for package in PACKAGES:
        prefix = package.removeprefix("builder").lstrip(".")
        for entry in importlib.resources.files(package).iterdir():
            if entry.name.endswith(".py"):
                name = f"{prefix}.{entry.name}" if prefix else entry.name
                found[name] = entry.read_text(encoding="utf-8")
    return found


def test_all_is_exactly_the_public_api() -> None:
    assert set(builder.__all__) == EXPECTED
    assert len(builder.__all__) == len(EXPECTED)


def test_every_name_in_all_exists() -> None:
    for name in builder.__all__:
        assert getattr(builder, name) is not None, name


def test_public_names_not_in_all_are_modules() -> None:
    public = {name for name in dir(builder) if not name.startswith("_")}
    for name in public - set(builder.__all__):
        assert type(getattr(builder, name)).__name__ == "module", name


def test_every_module_imports() -> None:
    names = _module_names()
    assert "request.fields" in names
    for name in names:
        importlib.import_module(f"builder.{name}")


@needs_sources
def test_modules_import_only_stdlib_and_jinja2() -> None:
    for name, source in _modules().items():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                roots = {node.module.split(".")[0]}
            else:
                continue
            for root in roots:
                assert root not in FORBIDDEN, f"{name} imports {root}"
                assert root in sys.stdlib_module_names or root in ALLOWED_THIRD_PARTY, (
                    f"{name} imports {root}"
                )


@needs_sources
def test_modules_do_not_open_files() -> None:
    for name, source in _modules().items():
        assert "open(" not in source, name


def test_templates_ship_with_the_package() -> None:
    templates = importlib.resources.files("builder") / "templates"
    names = {entry.name for entry in templates.iterdir()}
    expected = {
        "email.txt",
        "chat.txt",
        "plan.txt",
        "report_back.txt",
        "thank_you.txt",
        "request.html",
        "download.md",
        "download.txt",
        "follow_up.txt",
        "confirmation.txt",
        "revised.txt",
        "decline.txt",
        "report_next.txt",
        "thanks_log.txt",
        "arrangement.md",
        "reply-email.txt",
        "reply-chat.txt",
    }
    assert expected <= names
    # Each other language's drafts, in a folder of their own (the wheel ships it too).
    spanish = {entry.name for entry in (templates / "es").iterdir()}
    assert {"email.txt", "chat.txt", "spoken.txt", "plan.txt", "report_back.txt"} <= spanish
    assert {"thank_you.txt", "request.html"} <= spanish


def test_the_mentor_package_says_what_it_offers() -> None:
    import builder.mentor

    for name in builder.mentor.__all__:
        assert getattr(builder.mentor, name) is not None, name
    assert "mentor.session" in _module_names()


def test_every_subpackage_is_listed_says_what_it_owns_and_ships() -> None:
    import tomllib

    here = importlib.resources.files("builder")
    found = {
        "builder." + ".".join(p.relative_to(here).parts[:-1])
        for p in Path(str(here)).rglob("__init__.py*")  # the source, or its bytecode
    }
    found = {name.rstrip(".") for name in found}
    assert found == set(PACKAGES)
    for package in PACKAGES:
        module = importlib.import_module(package)
        if module.__file__.endswith(".pyc"):
            continue  # inside Pyodide: the site's bytecode has no docstrings (compile_wheels.mjs)
        doc = module.__doc__
        assert len((doc or "").split()) >= 12, f"{package} says too little of what it owns"
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    if pyproject.is_file():  # not copied into Pyodide's file system
        listed = tomllib.loads(pyproject.read_text())["tool"]["setuptools"]["packages"]
        assert set(PACKAGES) <= set(listed), "pyproject.toml: the wheel would leave one out"


def test_a_traceback_names_the_file_and_line_the_code_came_from() -> None:
    # Inside Pyodide the builder is bytecode only (compile_wheels.mjs), compiled under
    # the path it is installed at, so a traceback still names the real file.
    import builder.session

    where = Path(builder.session._tip_fields.__code__.co_filename)
    assert where.is_absolute(), where
    assert where.parts[-2:] == ("builder", "session.py"), where
    assert Path(builder.session.__file__).parent == where.parent
