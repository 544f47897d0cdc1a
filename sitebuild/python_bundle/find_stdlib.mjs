// Find the standard-library modules the builder needs, so the site ships only those
// (about a third of Pyodide's python_stdlib.zip), in two parts: what either start path
// needs ("start"), and what only the calendar's packages need ("later"), which the
// worker loads with them, on a reader's first calendar file.
//
//   node sitebuild/python_bundle/find_stdlib.mjs RUNTIME_DIR BUNDLE_DIR OUT_JSON
//
// BUNDLE_DIR holds our wheels and their lock file. Under Node, with Pyodide's whole
// standard library, this does what a reader's browser does on either start path
// (start Python, loadPackage the wheels, import builder.web, answer requests, load the
// calendar's packages and write a calendar), then imports every module of the builder,
// Jinja2, MarkupSafe and the calendar's packages, and every standard
// module their functions import (read from their bytecode), so an import that only
// runs later, on some reader's input, is found too. It writes the sorted names of the
// standard-library modules then loaded. pyodide_bundle.py zips those files; the
// in-Pyodide unit suite then runs against that zip (tests/pyodide/run_unit_tests.mjs),
// so a missing module fails `make test`, not a reader's page.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, bundle, outFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(resolve(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: resolve(runtime) + "/",
  lockFileURL: resolve(bundle, "pyodide-lock.json"),
  packageBaseUrl: resolve(bundle) + "/",
  stdout: () => {},
  stderr: (line) => console.error(line),
});
await pyodide.loadPackage("shorthaul-builder", { messageCallback: () => {} });

// Twice: first with the builder alone (the calendar's packages are not installed, so
// nothing of theirs is imported), then again once they are, as the worker loads them.
const FIND = `
import sys
if "LOADED_BEFORE" not in globals():
    LOADED_BEFORE = set(sys.modules)
    import dis, importlib, json, pkgutil  # noqa: E401 (the discovery's own tools)
    TOOLS = set(sys.modules) - LOADED_BEFORE

import builder.web

import builder.samples

for message in builder.samples.EXERCISES:
    if CALENDAR or message.get("type") != "calendar":
        builder.web.handle(json.dumps(message))
builder.web.handle("{not json")

OURS = ("builder", "jinja2", "markupsafe") + (("icalendar", "dateutil", "tzdata") if CALENDAR else ())

def code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from code_objects(const)

def imported_names(module):
    """Absolute module names that import statements anywhere in a module name."""
    loader = getattr(module.__spec__, "loader", None)
    code = loader.get_code(module.__name__) if hasattr(loader, "get_code") else None
    for each in code_objects(code) if code else ():
        ops = list(dis.get_instructions(each))
        for i, ins in enumerate(ops):
            # level, fromlist, IMPORT_NAME: only absolute imports (level 0) name a module.
            if ins.opname == "IMPORT_NAME" and i >= 2 and ops[i - 2].argval == 0 and ins.argval:
                yield ins.argval

for top in OURS:
    package = importlib.import_module(top)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), top + "."):
        try:
            importlib.import_module(info.name)
        except ImportError:
            pass  # an optional extra (e.g. jinja2's async or babel parts)

wanted_here = set()
for name in [n for n in list(sys.modules) if n.split(".")[0] in OURS]:
    for wanted in imported_names(sys.modules[name]):
        wanted_here.add(wanted)
        if wanted.split(".")[0] not in OURS:
            try:
                importlib.import_module(wanted)
            except ImportError:
                pass  # not installed here, so not installed in the browser either

stdlib = "/lib/python%d%d.zip" % sys.version_info[:2]
json.dumps(sorted(
    name for name, module in sys.modules.items()
    if (getattr(module, "__file__", None) or "").startswith(stdlib + "/")
    and (name not in TOOLS or name in wanted_here)
))
`;
pyodide.globals.set("CALENDAR", false);
const start = JSON.parse(pyodide.runPython(FIND));
// The calendar's packages, which the worker loads on a reader's first calendar file.
await pyodide.loadPackage("icalendar", { messageCallback: () => {} });
pyodide.globals.set("CALENDAR", true);
const all = JSON.parse(pyodide.runPython(FIND));
// Only whole packages can wait: a submodule of a package Python has already imported
// is looked for in that package's own folder (its __path__), never in a zip added to
// sys.path later (measured: encodings.utf_8_sig, which icalendar asks for by name).
const startTops = new Set(start.map((name) => name.split(".")[0]));
const later = all.filter((name) => !start.includes(name) && !startTops.has(name.split(".")[0]));
const first = all.filter((name) => !later.includes(name));
writeFileSync(outFile, JSON.stringify({ start: first, later }) + "\n");
console.log(`standard library: ${first.length} modules at start, ${later.length} with the calendar`);
