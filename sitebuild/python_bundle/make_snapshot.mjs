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
// The steps from a started Python to the snapshot (the wheels unpacked by hand, the
// warm-up answer, the tidying) are snapshot-steps.mjs's, shared with the builder's
// worker, which makes its own snapshot on a start the long way.
//
// OUT_FILE is written in the page-map format of snapshot-steps.mjs (zero pages and
// pages the runtime's own data already holds are left out), uncompressed: the bundle
// hook compresses it. OUT_FILE.modules.json lists the modules the snapshot holds
// imported. The build stops
// if Python's memory grew past the heap a restore starts with (restore would fail).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  heapLength,
  warmUp,
  zeroFreeMemory,
} from "../../overrides/assets/javascripts/python/snapshot-steps.mjs";
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

// The same steps as a browser that makes its own snapshot on a long-way start
// (overrides/assets/javascripts/python/snapshot-steps.mjs).
const loaded = warmUp(pyodide, wheels.map((wheel) => new Uint8Array(readFileSync(wheel))));
writeFileSync(`${outFile}.modules.json`, JSON.stringify(loaded));
zeroFreeMemory(pyodide);
const snapshot = pyodide.makeMemorySnapshot();
const wasm = new Uint8Array(readFileSync(resolve(runtime, "pyodide.asm.wasm")));
const heap = heapLength(snapshot);
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
