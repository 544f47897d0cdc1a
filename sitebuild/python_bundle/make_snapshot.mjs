// Make the builder's Pyodide memory snapshot: Python's memory just after the builder
// has been imported and has answered once, so the browser restores it instead of
// starting Python, installing three wheels and importing Jinja2 and the builder.
//
//   TZ=UTC node sitebuild/python_bundle/make_snapshot.mjs RUNTIME_DIR STDLIB_ZIP OUT_FILE WHEEL...
//
// STDLIB_ZIP is the site's own standard library (find_stdlib.mjs): the restored Python
// keeps that zip's table of contents, so the browser must get the very same file.
// A snapshot is only valid for the exact Pyodide build that made it (Pyodide checks a
// build id on restore), so pyodide_bundle.py remakes it whenever an input changes.
//
// Why by hand: loadPackage leaves JavaScript references behind that a snapshot cannot
// hold, so the wheels are unpacked with zipfile instead. The snapshot keeps Python's
// memory but not the (JavaScript-side) file system, so the wheels' files that may still
// be read (templates, metadata, modules not imported yet) are kept in memory, in the
// module `shorthaul_snapshot`, and written back by the worker with `after_restore()`,
// which also reseeds `random`. The files keep the wheel's times, so the templates
// compiled here stay valid after the restore.
//
// OUT_FILE is written in the page-map format of snapshot_pack.mjs (zero pages and
// pages the runtime's own data already holds are left out), uncompressed: the bundle
// hook compresses it. OUT_FILE.modules.json lists the modules the snapshot holds
// imported. The build stops
// if Python's memory grew past the heap a restore starts with (restore would fail).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { initialMemoryBytes, packSnapshot } from "./snapshot_pack.mjs";

const [runtime, stdlibZip, outFile, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(resolve(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: resolve(runtime) + "/",
  stdLibURL: resolve(stdlibZip),
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
FILES = []  # (path, zlib-compressed bytes, mtime) of every file in the wheels

def unpack(buffers):
    import importlib, io, time, zipfile, zlib
    site = site_packages()
    for data in buffers:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as wheel:
            for info in wheel.infolist():
                if not info.is_dir():
                    mtime = int(time.mktime((*info.date_time, 0, 0, 0)))  # TZ=UTC here
                    # Compressed: they travel in the snapshot's heap, which a restore
                    # cannot grow (measured: its headroom went from 0.1-0.3 MB to 1.2-1.6).
                    packed = zlib.compress(wheel.read(info), 6)
                    FILES.append((f"{site}/{info.filename}", packed, mtime))
    restore_files()
    importlib.invalidate_caches()

def prune():
    """Drop the files of modules already imported: their code is in memory."""
    import sys
    site = site_packages()
    def module_of(path):
        rel = path[len(site) + 1:]  # "builder/session.pyc": bytecode only (compile_wheels.mjs)
        if not rel.endswith((".py", ".pyc")):
            return None
        return rel.rpartition(".")[0].removesuffix("/__init__").replace("/", ".")
    FILES[:] = [f for f in FILES if module_of(f[0]) not in sys.modules]

def site_packages():
    # Where Pyodide installs packages, as its package loader says (compile_wheels.mjs
    # compiles the modules under the same path).
    from pyodide._package_loader import SITE_PACKAGES
    return str(SITE_PACKAGES)

def after_restore():
    """Put the files back and give this reader's Python its own random numbers."""
    import sys
    restore_files()
    if "random" in sys.modules:
        sys.modules["random"].seed()  # from the browser's crypto.getRandomValues
    if "tempfile" in sys.modules:
        sys.modules["tempfile"]._name_sequence = None  # reseeded on first use

def restore_files():
    """Write the wheels' files into the restored interpreter's empty file system."""
    import os, zlib
    made = set()
    for path, data, mtime in FILES:
        folder = path.rpartition("/")[0]
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "wb") as file:
            file.write(zlib.decompress(data))
        os.utime(path, (mtime, mtime))
''', _module.__dict__)
sys.modules["shorthaul_snapshot"] = _module
del _module
`);
const snapshotModule = pyodide.pyimport("shorthaul_snapshot");
snapshotModule.unpack(wheels.map((wheel) => new Uint8Array(readFileSync(wheel))));

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
snapshotModule.prune();
snapshotModule.destroy();
if (answer.type !== "result" || !JSON.stringify(answer).includes("Amira Haddad")) {
  throw new Error(`the builder's warm-up answer is wrong: ${JSON.stringify(answer).slice(0, 300)}`);
}

// Leave nothing of Node behind: its script path in os.environ, and the "" that
// loadPyodide puts on sys.path (a restore puts it there again). Forget the standard
// library zip's table of contents: a restore is given a smaller zip (only the modules
// not imported here, listed in OUT_FILE.modules.json for pyodide_bundle.py), whose
// table Python then reads on its first import from it.
const loaded = pyodide.runPython(`
import gc, json, os, sys, zipimport
os.environ.pop("_", None)
while "" in sys.path:
    sys.path.remove("")
zipimport._zip_directory_cache.clear()
gc.collect()
json.dumps(sorted(sys.modules))
`);
writeFileSync(`${outFile}.modules.json`, loaded);
// Zero the heap's free memory: freed blocks keep whatever they last held, and that
// garbage would travel in the snapshot (measured: 4.5 MB of it, 0.85 MB gzipped). Each
// free block the allocator hands out without moving its break is zeroed and held, then
// all are freed again; the memory never grows (checked below).
const M = pyodide._module;
const heapBefore = M.HEAP8.buffer.byteLength;
const held = [];
for (let size = 1 << 20; size >= 64; size >>= 1) {
  for (;;) {
    const brk = M._sbrk(0);
    const ptr = M._malloc(size);
    if (!ptr) break;
    if (M._sbrk(0) !== brk || M.HEAP8.buffer.byteLength !== heapBefore) {
      M._free(ptr);
      break;
    }
    M.HEAPU8.fill(0, ptr, ptr + size);
    held.push(ptr);
  }
}
for (const ptr of held) M._free(ptr);
const snapshot = pyodide.makeMemorySnapshot();
const wasm = new Uint8Array(readFileSync(resolve(runtime, "pyodide.asm.wasm")));
const heap = snapshot.length - new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
const initial = initialMemoryBytes(wasm);
if (heap > initial) {
  throw new Error(
    `Python's memory grew to ${heap} bytes while the snapshot was made, but a restore ` +
      `starts with a heap of ${initial} bytes (this Pyodide's initial memory) and cannot ` +
      `grow it first. Import or warm up less in make_snapshot.mjs, or drop the snapshot.`,
  );
}
const { packed, pages } = packSnapshot(snapshot, wasm);
writeFileSync(outFile, packed);
console.log(
  `snapshot: ${snapshot.length} bytes; pages ${JSON.stringify(pages)}; ${packed.length} packed`,
);
