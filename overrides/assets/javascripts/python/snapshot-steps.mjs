// The steps that take a Python started with `_makeSnapshot: true` to the builder's
// memory snapshot file, in one place for both who make one: the build
// (sitebuild/python_bundle/make_snapshot.mjs, in Node) and the builder's worker, which
// on a start the long way makes one of its own and keeps it, so the next visit restores
// instead of starting Python again (builder-worker.js). Nothing here may use what only
// one of the two has (no Node modules, no DOM).
//
// The file format ("page map"), read back by snapshot.js:
//
//   "SHSNAP01", u32 page size, u32 header length, u32 heap length, u32 page count,
//   one byte per page (0 zeros, 1 as instantiated, 2 stored), Pyodide's header,
//   then the stored pages in order
//
// (little-endian). Zero pages need not travel (the worker has zeros for free), nor do
// pages still exactly as the runtime's data segments put them at instantiation (copied
// from the fresh memory before the restore); the browser does not have the
// WebAssembly's bytes to tell those, so its own file stores them.

export const MAGIC = "SHSNAP01";
export const HEAD = 24;
export const PAGE = 4096;
export const [ZERO, AS_INSTANTIATED, STORED] = [0, 1, 2];

// Why the wheels are unpacked by hand: loadPackage leaves JavaScript references behind
// that a snapshot cannot hold. The snapshot keeps Python's memory but not the
// (JavaScript-side) file system, so the wheels' files that may still be read
// (templates, metadata, modules not imported yet) are kept in memory, in the module
// `shorthaul_snapshot`, and written back after a restore by `after_restore()`, which
// also reseeds `random`. The files keep the wheel's times, so the templates compiled
// before the snapshot stay valid after the restore.
const SNAPSHOT_MODULE = `
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
                    # The build runs with TZ=UTC; a browser's own time zone is just as
                    # good: unpack and restore read the same mtime from FILES.
                    mtime = int(time.mktime((*info.date_time, 0, 0, 0)))
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
`;

// One real answer, so Jinja2 has compiled and cached every template before the
// snapshot. Invented people: nothing of a reader is ever in a snapshot.
const WARM_UP = {
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
};

// Installs the wheels (each a Uint8Array) by hand, imports the builder and has it
// answer once in each language; then leaves nothing behind a snapshot cannot hold or
// should not keep:
// the "" loadPyodide puts on sys.path (a restore puts it back), a start's `_` in
// os.environ (Node's script path), the standard library zip's table of contents (a
// restore may be given another zip, whose table Python then reads on its first import
// from it). Returns the names of the modules imported, sorted.
export function warmUp(pyodide, wheels) {
  pyodide.runPython(SNAPSHOT_MODULE);
  const steps = pyodide.pyimport("shorthaul_snapshot");
  steps.unpack(wheels);
  const handle = pyodide.pyimport("builder.web").handle;
  // The same answer in every language: each catalog imported and each language's draft
  // templates compiled, so a page in any language starts as fast as an English one (the
  // Spanish builder's first preview waited ~150 ms for its templates before).
  const languages = JSON.parse(pyodide.runPython("import json\nfrom builder.wording.catalog import CATALOGS\njson.dumps(['en', *CATALOGS])"));
  for (const language of languages) {
    const answer = JSON.parse(handle(JSON.stringify({ ...WARM_UP, language })));
    if (answer.type !== "result" || !JSON.stringify(answer).includes("Amira Haddad")) {
      throw new Error(`the builder's warm-up answer (${language}) is wrong: ${JSON.stringify(answer).slice(0, 300)}`);
    }
  }
  handle.destroy();
  steps.prune();
  steps.destroy();
  return JSON.parse(
    pyodide.runPython(`
import gc, json, os, sys, zipimport
os.environ.pop("_", None)
while "" in sys.path:
    sys.path.remove("")
zipimport._zip_directory_cache.clear()
gc.collect()
json.dumps(sorted(sys.modules))
`),
  );
}

// Zero the heap's free memory: freed blocks keep whatever they last held, and that
// garbage would travel in the snapshot (measured: 4.5 MB of it, 0.85 MB gzipped). Each
// free block the allocator hands out without moving its break is zeroed and held, then
// all are freed again; the memory never grows.
export function zeroFreeMemory(pyodide) {
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
}

// The length of the memory a snapshot restores (Pyodide's header comes first).
export function heapLength(snapshot) {
  return snapshot.length - new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
}

function allZero(words, from, to) {
  for (let i = from; i < to; i++) if (words[i] !== 0) return false;
  return true;
}

function same(a, b, from, to) {
  for (let i = from; i < to; i++) if (a[i] !== b[i]) return false;
  return true;
}

// The file's parts for a snapshot made by makeMemorySnapshot(): [head, page map,
// Pyodide's header, stored pages...], and the page counts. `base` is the memory as
// instantiation leaves it (Uint8Array), or null: then no page is "as instantiated".
export function packParts(snapshot, base = null) {
  const headerLength = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
  const heap = snapshot.subarray(headerLength);
  if (heap.length % PAGE || (snapshot.byteOffset + headerLength) % 4) {
    throw new Error("snapshot heap is not a whole number of aligned pages");
  }
  const words = new Uint32Array(heap.buffer, heap.byteOffset, heap.length / 4);
  const baseWords = base && new Uint32Array(base.buffer, base.byteOffset, base.length / 4);
  const count = heap.length / PAGE;
  const kinds = new Uint8Array(count);
  const stored = [];
  const pages = { zero: 0, asInstantiated: 0, stored: 0 };
  const per = PAGE / 4;
  for (let i = 0; i < count; i++) {
    if (allZero(words, i * per, (i + 1) * per)) {
      kinds[i] = ZERO;
      pages.zero++;
    } else if (baseWords && same(words, baseWords, i * per, (i + 1) * per)) {
      kinds[i] = AS_INSTANTIATED;
      pages.asInstantiated++;
    } else {
      kinds[i] = STORED;
      pages.stored++;
      stored.push(heap.subarray(i * PAGE, (i + 1) * PAGE));
    }
  }
  const head = new Uint8Array(HEAD);
  head.set(new TextEncoder().encode(MAGIC));
  const view = new DataView(head.buffer);
  view.setUint32(8, PAGE, true);
  view.setUint32(12, headerLength, true);
  view.setUint32(16, heap.length, true);
  view.setUint32(20, count, true);
  return { parts: [head, kinds, snapshot.subarray(0, headerLength), ...stored], pages };
}
