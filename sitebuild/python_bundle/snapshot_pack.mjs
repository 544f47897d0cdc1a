// The builder snapshot's file format, written here and read by the page's worker
// (assets/javascripts/python/snapshot.js).
//
// A Pyodide memory snapshot is a small header and a copy of the whole WebAssembly
// memory: 30 MiB, of which (measured) ~43% are pages of zeros and ~11% are pages
// still exactly as the runtime's own data segments put them there when the module
// was instantiated. Neither needs to travel: the worker has zeros for free and copies
// the second kind from the freshly instantiated memory. So the file is
//
//   "SHSNAP01", u32 page size, u32 header length, u32 heap length, u32 page count,
//   one byte per page (0 zeros, 1 as instantiated, 2 stored), Pyodide's header,
//   then the stored pages in order
//
// (little-endian). pyodide_bundle.py compresses it (xz) for the site.

export const MAGIC = "SHSNAP01";
export const PAGE = 4096;
export const [ZERO, AS_INSTANTIATED, STORED] = [0, 1, 2];

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
  const heap = snapshot.subarray(headerLength);
  if (heap.length % PAGE) throw new Error("snapshot heap is not a whole number of pages");
  const base = instantiatedMemory(wasm, heap.length);
  const count = heap.length / PAGE;
  const kinds = new Uint8Array(count);
  const stored = [];
  const pages = { zero: 0, asInstantiated: 0, stored: 0 };
  for (let i = 0; i < count; i++) {
    const page = heap.subarray(i * PAGE, (i + 1) * PAGE);
    const fresh = base.subarray(i * PAGE, (i + 1) * PAGE);
    if (page.every((byte) => byte === 0)) {
      kinds[i] = ZERO;
      pages.zero++;
    } else if (Buffer.compare(page, fresh) === 0) {
      kinds[i] = AS_INSTANTIATED;
      pages.asInstantiated++;
    } else {
      kinds[i] = STORED;
      pages.stored++;
      stored.push(page);
    }
  }
  const head = new Uint8Array(24);
  head.set(new TextEncoder().encode(MAGIC));
  new DataView(head.buffer).setUint32(8, PAGE, true);
  new DataView(head.buffer).setUint32(12, headerLength, true);
  new DataView(head.buffer).setUint32(16, heap.length, true);
  new DataView(head.buffer).setUint32(20, count, true);
  const file = Buffer.concat([head, kinds, snapshot.subarray(0, headerLength), ...stored]);
  return { packed: file, pages };
}
