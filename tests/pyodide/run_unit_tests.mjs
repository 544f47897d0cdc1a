// Run tests/unit and tests/golden inside real Pyodide under Node.js, from the site's
// own bundle.
//
//   node tests/pyodide/run_unit_tests.mjs BUNDLE_DIR
//
// BUNDLE_DIR is what overrides/hooks/pyodide_bundle.py writes (the pinned runtime,
// our wheels and their lock file): the builder is installed with loadPackage exactly
// as the browser does it. pytest and its dependencies come from pure wheels that
// scripts/setup fetched into .cache/wheels/pyodide-tests. Nothing is downloaded here.
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
int(pytest.main(["-p", "no:cacheprovider", "-q", "tests/unit", "tests/golden"]))
`);
process.exit(code);
