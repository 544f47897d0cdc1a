// Make the builder's Pyodide memory snapshot: Python's memory just after the builder
// has been imported and has answered once, so the browser restores it instead of
// starting Python, installing three wheels and importing Jinja2 and the builder.
//
//   TZ=UTC node overrides/hooks/make_snapshot.mjs RUNTIME_DIR OUT_FILE WHEEL...
//
// OUT_FILE is written gzipped (the worker inflates it with DecompressionStream).
// A snapshot is only valid for the exact Pyodide build that made it (Pyodide checks a
// build id on restore), so pyodide_bundle.py remakes it whenever the runtime or a
// wheel changes.
//
// Why by hand: loadPackage leaves JavaScript references behind that a snapshot cannot
// hold, so the wheels are unpacked with zipfile instead. The snapshot keeps Python's
// memory but not the (JavaScript-side) file system, so the wheels' files are also kept
// in memory, in the module `shorthaul_snapshot`, and written back by the worker with
// `restore_files()`: Jinja2 checks its templates' modification times, and modules not
// imported yet are read from disk. The files keep the wheel's times, so the templates
// compiled here stay valid after the restore.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [runtime, outFile, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(resolve(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: resolve(runtime) + "/",
  _makeSnapshot: true,
  // What a browser start gives; Node would put this script's path here.
  _sysExecutable: "./this.program",
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});

pyodide.runPython(`
import sys, types

_module = types.ModuleType("shorthaul_snapshot", "The builder's wheels, kept for a restore.")
exec('''
FILES = []  # (path, bytes, mtime) of every file in the wheels

def unpack(buffers):
    import calendar, importlib, io, sysconfig, zipfile
    site = sysconfig.get_paths()["purelib"]
    for data in buffers:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as wheel:
            for info in wheel.infolist():
                if not info.is_dir():
                    mtime = calendar.timegm((*info.date_time, 0, 0, 0))
                    FILES.append((f"{site}/{info.filename}", wheel.read(info), mtime))
    restore_files()
    importlib.invalidate_caches()

def restore_files():
    """Write the wheels' files into the restored interpreter's empty file system."""
    import os
    made = set()
    for path, data, mtime in FILES:
        folder = path.rpartition("/")[0]
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "wb") as file:
            file.write(data)
        os.utime(path, (mtime, mtime))
''', _module.__dict__)
sys.modules["shorthaul_snapshot"] = _module
del _module
`);
const snapshotModule = pyodide.pyimport("shorthaul_snapshot");
snapshotModule.unpack(wheels.map((wheel) => new Uint8Array(readFileSync(wheel))));
snapshotModule.destroy();

// One real answer, so Jinja2 has compiled and cached every template before the snapshot.
const handle = pyodide.pyimport("builder.web").handle;
const answer = JSON.parse(
  handle(
    JSON.stringify({
      type: "evaluate",
      values: {
        focus: "how to run my first customer interview",
        outcome: "I have run two interviews on my own and written up what I learned",
        protege_name: "Amira Haddad",
        mentor_name: "Jonas",
        mentor_email: "jonas@example.org",
        connection: "we worked together on last year's launch",
        preparation: "I will send you a short update two days before each call",
        report_back: "at the start of each call I will tell you what I tried",
      },
    }),
  ),
);
handle.destroy();
if (answer.type !== "result" || !JSON.stringify(answer).includes("Amira Haddad")) {
  throw new Error(`the builder's warm-up answer is wrong: ${JSON.stringify(answer).slice(0, 300)}`);
}

// Leave nothing of Node behind: its script path in os.environ, and the "" that
// loadPyodide puts on sys.path (a restore puts it there again).
pyodide.runPython(`
import gc, os, sys
os.environ.pop("_", None)
while "" in sys.path:
    sys.path.remove("")
gc.collect()
`);
const snapshot = pyodide.makeMemorySnapshot();
const packed = gzipSync(snapshot, { level: 9 });
writeFileSync(outFile, packed);
console.log(`snapshot: ${snapshot.length} bytes, ${packed.length} gzipped`);
