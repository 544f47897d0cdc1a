// Packs the builder's snapshot at build time, in the page-map format of
// overrides/assets/javascripts/python/snapshot-steps.mjs (which the worker, that
// makes its own snapshot on a long-way start, shares): here pages still as the
// runtime's data segments put them at instantiation are told apart too, as the build
// has the runtime's WebAssembly to read them from.
//
// A Pyodide memory snapshot is a small header and a copy of the whole WebAssembly
// memory: 30 MiB, of which (measured) ~43% are pages of zeros and ~11% are pages
// still exactly as the runtime's own data segments put them there when the module
// was instantiated. Neither needs to travel. pyodide_bundle.py compresses the file (xz).
import { packParts } from "../../overrides/assets/javascripts/python/snapshot-steps.mjs";

function leb(bytes, at, signed = false) {
  let value = 0n;
  let shift = 0n;
  let byte;
  do {
    byte = bytes[at++];
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  } while (byte & 0x80);
  if (signed && byte & 0x40) value -= 1n << shift;
  return [Number(value), at];
}

function* sections(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    yield { id, start, end: start + size };
    at = start + size;
  }
}

/** The size of the memory the module defines, in bytes, as instantiated. */
export function initialMemoryBytes(wasm) {
  for (const { id, start } of sections(wasm)) {
    if (id !== 5) continue;
    const [, at] = leb(wasm, start); // number of memories (one)
    const [pages] = leb(wasm, at + 1); // after the limits flag
    return pages * 65536;
  }
  throw new Error("no memory section in the runtime's WebAssembly");
}

/** The memory as instantiation leaves it: the active data segments, zeros elsewhere. */
export function instantiatedMemory(wasm, length) {
  const memory = new Uint8Array(length);
  for (const { id, start } of sections(wasm)) {
    if (id !== 11) continue;
    let [count, at] = leb(wasm, start);
    while (count--) {
      let flag;
      [flag, at] = leb(wasm, at);
      let offset = null;
      if (flag !== 1) {
        if (flag === 2) [, at] = leb(wasm, at); // memory index
        if (wasm[at] !== 0x41) throw new Error("data segment offset is not an i32.const");
        [offset, at] = leb(wasm, at + 1, true);
        at += 1; // end
      }
      let size;
      [size, at] = leb(wasm, at);
      if (offset !== null) memory.set(wasm.subarray(at, at + size), offset);
      at += size;
    }
  }
  return memory;
}

/** Pack a snapshot made by makeMemorySnapshot(); returns the file and page counts. */
export function packSnapshot(snapshot, wasm) {
  const headerLength = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
  const base = instantiatedMemory(wasm, snapshot.length - headerLength);
  const { parts, pages } = packParts(snapshot, base);
  return { packed: Buffer.concat(parts), pages };
}
