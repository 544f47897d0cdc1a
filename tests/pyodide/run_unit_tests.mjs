// Run tests/unit and tests/golden inside real Pyodide under Node.js, from the site's
// own bundle.
//
//   node tests/pyodide/run_unit_tests.mjs BUNDLE_DIR
//
// BUNDLE_DIR is what `python -m sitebuild python-bundle` writes (the pinned runtime,
// our wheels and their lock file): the builder is installed with loadPackage exactly
// as the browser does it. pytest and its dependencies come from pure wheels that
// scripts/setup fetched into .cache/wheels/pyodide-tests. Nothing is downloaded here.
//
// The bundle's standard library is cut to what the builder needs (find_stdlib.mjs).
// pytest needs more, so Pyodide's whole standard library is put after it on sys.path;
// any module the builder, Jinja2 or MarkupSafe then imports from that second zip, i.e.
// one the site does not ship, fails the run: a reader's page would have failed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bundle = resolve(process.argv[2] ?? join(root, ".cache", "pyodide-test-bundle"));
const testWheels = join(root, ".cache", "wheels", "pyodide-tests");
const project = "/project";

function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "__pycache__") continue;
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

const { loadPyodide } = await import(pathToFileURL(join(bundle, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: bundle + "/" });
await pyodide.loadPackage("shorthaul-builder", { checkIntegrity: true });
// The calendar's packages, as the worker loads them on a reader's first calendar file
// (the exercises below include one): the standard library's modules only they need
// first (builder-worker.js, addLaterStdlib), then the packages.
const later = "/lib/python_stdlib_later.zip";
pyodide.FS.writeFile(later, new Uint8Array(readFileSync(join(bundle, "python_stdlib_later.zip"))));
pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(later)})`);
await pyodide.loadPackage("icalendar", { checkIntegrity: true });
// With the site's standard library alone (before pytest, which needs more of it,
// loads anything): import the builder and take it down every path a reader's page
// can: builder.samples.EXERCISES, the golden requests and every corpus phrasing. A
// module imported lazily, deep inside a call, then fails here, not on a reader's page.
const golden = readFileSync(join(root, "tests", "golden", "requests.json"), "utf8");
const corpusDir = join(root, "tests", "unit", "corpus");
const readCorpus = (dir) => Object.fromEntries(
  readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => [name.replace(/\.txt$/, ""), readFileSync(join(dir, name), "utf8")]),
);
const corpus = readCorpus(corpusDir); // the request's fields
const replyCorpus = readCorpus(join(corpusDir, "reply")); // the mentor's fields
pyodide.globals.set("GOLDEN_JSON", golden);
pyodide.globals.set("CORPUS_JSON", JSON.stringify(corpus));
pyodide.globals.set("REPLY_CORPUS_JSON", JSON.stringify(replyCorpus));
try {
  pyodide.runPython(`
import json, builder.web, builder.samples

def _exercise():
    messages = list(builder.samples.EXERCISES)
    messages += [{"type": "evaluate", "values": item["values"]} for item in json.loads(GOLDEN_JSON)]
    for field, text in json.loads(CORPUS_JSON).items():
        for line in text.splitlines():
            messages.append({"type": "evaluate", "values": {field: line.replace("\\\\n", "\\n")}})
    from builder.mentor.fields import SHOWN_FOR  # each detail with the answer it belongs to
    base = {"protege_name": "Ana", "mentor_name": "Maria", "focus": "how to run an interview",
            "meetings": "3", "minutes": "30", "weeks": "4", "referral_name": "Dana Ruiz"}
    for field, text in json.loads(REPLY_CORPUS_JSON).items():
        for line in text.splitlines():
            values = {**base, field: line.replace("\\\\n", "\\n"), "response": SHOWN_FOR[field][0]}
            messages.append({"type": "reply", "values": values})
    for message in messages:
        answer = json.loads(builder.web.handle(json.dumps(message)))
        failed = answer["type"] != "result" or answer["result"].get("failed")
        assert not failed, f"the builder failed with the site's standard library: {message}"
    return len(messages)

print(f"{_exercise()} requests answered with the site's standard library alone")
`);
} catch (error) {
  console.error(String(error.message ?? error).split("\n").slice(-12).join("\n"));
  process.exit(1);
}

const fullStdlib = join(root, "node_modules", "pyodide", "python_stdlib.zip");
pyodide.FS.writeFile("/lib/stdlib-for-tests.zip", new Uint8Array(readFileSync(fullStdlib)));
pyodide.runPython(`
import sys, zipimport

TESTS_ONLY = "/lib/stdlib-for-tests.zip"
OURS = tuple(
    f"/site-packages/{name}/"
    for name in ("builder", "jinja2", "markupsafe", "icalendar", "dateutil", "tzdata")
)

class TestsOnlyStdlib:
    """Last on sys.meta_path: a module (or submodule) the site's zip does not have."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        folder = name.rpartition(".")[0].replace(".", "/")
        try:
            importer = zipimport.zipimporter(f"{TESTS_ONLY}/{folder}/" if folder else TESTS_ONLY)
            return importer.find_spec(name)
        except zipimport.ZipImportError:
            return None

sys.meta_path.append(TestsOnlyStdlib)
imports = []  # (module, imported from our code?) for each import that loads a module

def _watch(event, args):
    if event == "import":
        frame, ours = sys._getframe(1), False
        while frame and not ours:
            ours = any(part in frame.f_code.co_filename for part in OURS)
            frame = frame.f_back
        imports.append((args[0], ours))

sys.addaudithook(_watch)

def not_shipped():
    """Modules our code imported that only the tests' extra standard library has."""
    return sorted({
        name for name, ours in imports
        if ours and (getattr(sys.modules.get(name), "__file__", "") or "").startswith(TESTS_ONLY)
    })
`);

const wheels = readdirSync(testWheels).filter((name) => name.endsWith(".whl"));
if (!wheels.some((name) => name.startsWith("pytest-"))) {
  console.error(`no pytest wheel in ${testWheels}: run scripts/setup --tests`);
  process.exit(2);
}
for (const name of wheels) {
  // Node hands back a Buffer; Pyodide wants a plain Uint8Array.
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(testWheels, name))), "wheel");
}

// The suite and the project's pytest configuration; the package itself is not
// copied, so the tests import the installed wheel.
const sources = [
  join(root, "pyproject.toml"),
  ...filesUnder(join(root, "tests", "unit")),
  ...filesUnder(join(root, "tests", "golden")),
];
for (const path of sources) {
  const target = `${project}/${relative(root, path)}`;
  pyodide.FS.mkdirTree(dirname(target));
  pyodide.FS.writeFile(target, readFileSync(path));
}

const code = await pyodide.runPythonAsync(`
import os, sys, pytest, builder
os.chdir("${project}")
print(f"Pyodide {sys.version.split()[0]} on {sys.platform}; builder from {os.path.dirname(builder.__file__)}")
# The blind phrasings (3,833, through every draft) run on CPython only: they read the same
# pure-Python fitting the project's own corpus checks here, and would add minutes.
int(pytest.main(["-p", "no:cacheprovider", "-q", "tests/unit", "tests/golden",
                 "--ignore", "tests/unit/test_blind_corpus.py"]))
`);
const missing = pyodide.globals.get("not_shipped")().toJs();
if (missing.length) {
  console.error(
    `The builder imported standard-library modules the site does not ship: ${missing.join(", ")}.\n` +
      "find_stdlib.mjs did not find them; make sure it does (or import them where it looks).",
  );
  process.exit(1);
}
console.log("standard library: every module the builder imported is in the site's cut zip");
process.exit(code);
