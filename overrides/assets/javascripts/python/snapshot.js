// Reads the builder's snapshot file (made at build time by make_snapshot.mjs in
// sitebuild/python_bundle/, or by this browser on a long-way start; the format is
// snapshot-steps.mjs's) into the memory snapshot Pyodide restores.
//
// The file leaves out zero pages and pages the runtime's own data segments fill when
// its WebAssembly module is instantiated. The first are zeros already; the second are
// copied from the new module's memory the moment it is instantiated, which Pyodide
// does after it has this snapshot and before it restores it (see `whenInstantiated`).

import { instantiated } from "./compile_early.js";
import { AS_INSTANTIATED, HEAD, MAGIC, STORED, ZERO } from "./snapshot-steps.mjs";

// Pyodide's memory starts at 30 MiB; the xz decoder's own module is far smaller.
const RUNTIME_MEMORY_AT_LEAST = 8 << 20;

// Calls `receive(memory)` with the Memory of the next module instantiated in this
// worker that is Pyodide's runtime, before anything runs in it. Returns a function
// that stops watching.
export function whenInstantiated(receive) {
  const real = { instantiate: WebAssembly.instantiate, instantiateStreaming: WebAssembly.instantiateStreaming };
  const restore = () => Object.assign(WebAssembly, real);
  const calls = {
    instantiate: (...args) => real.instantiate.apply(WebAssembly, args),
    // A module compiled early (compile_early.js) is instantiated from there.
    instantiateStreaming: (source, imports) => instantiated(real, source, imports),
  };
  for (const name of Object.keys(real)) {
    WebAssembly[name] = async function (...args) {
      const result = await calls[name](...args);
      const memory = result?.instance?.exports?.memory;
      if (memory instanceof WebAssembly.Memory && memory.buffer.byteLength >= RUNTIME_MEMORY_AT_LEAST) {
        restore();
        receive(memory);
      }
      return result;
    };
  }
  return restore;
}

const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const GZIP = [0x1f, 0x8b];
const starts = (bytes, magic) => magic.every((byte, i) => bytes[i] === byte);

// Whether `head` (a file's first bytes) starts the decompressed snapshot file.
export const isSnapshotFile = (head) => starts(head, [...MAGIC].map((c) => c.charCodeAt(0)));

export const SNAPSHOT_HEADERS = { "Content-Type": "application/octet-stream" };

// A stream of the file's bytes, decompressed: xz (as built, decoded by xz-decompress
// from the bundle at `indexURL`), gzip (DecompressionStream), or as it is.
async function decompressed(raw, head, indexURL) {
  if (starts(head, XZ)) {
    const { XzReadableStream } = await import(new URL("xz-decompress.mjs", indexURL).href);
    return new XzReadableStream(raw);
  }
  if (starts(head, GZIP)) {
    if (typeof DecompressionStream !== "function") throw new Error("no DecompressionStream");
    return raw.pipeThrough(new DecompressionStream("gzip"));
  }
  return raw;
}

// The file's bytes, decompressed, and whether they were compressed.
async function opened(response, indexURL) {
  const reader = response.body.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array();
  const raw = new ReadableStream({
    start(controller) {
      if (head.length) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const packed = starts(head, XZ) || starts(head, GZIP);
  return { stream: await decompressed(raw, head, indexURL), packed };
}

// The snapshot file as it is kept in this browser's cache: decompressed, so a visit
// that restores it from there skips the decoding (about 0.4 s of CPU here, on every
// repeat visit), for 13 MB on disk instead of 3.6. Resolves to a Response whose body
// streams the decompressed file.
export async function decompressedFile(response, indexURL) {
  const { stream } = await opened(response, indexURL);
  return new Response(stream, { headers: SNAPSHOT_HEADERS });
}

// Streams `response` into Pyodide's snapshot layout. Resolves to { snapshot, fill,
// filled, packed, file } once the file is read: `fill(memory)` must then be called with
// the freshly instantiated memory, before the restore; `packed` says the file arrived
// compressed; `file()` is the file decompressed, as a Blob, for the cache.
export async function readSnapshot(response, indexURL) {
  const { stream, packed } = await opened(response, indexURL);
  return { ...(await parse(stream.getReader())), packed };
}

// Reads the page-map format from `bytes` (a reader of the decompressed file).
async function parse(bytes) {
  // Reads exactly `length` bytes into `into` (a view), across chunks.
  let pending = new Uint8Array();
  async function readInto(into) {
    let filled = 0;
    while (filled < into.length) {
      if (!pending.length) {
        const { done, value } = await bytes.read();
        if (done) throw new Error("the snapshot file is cut short");
        pending = value;
      }
      const take = Math.min(pending.length, into.length - filled);
      into.set(pending.subarray(0, take), filled);
      pending = pending.subarray(take);
      filled += take;
    }
    return into;
  }

  const top = await readInto(new Uint8Array(HEAD));
  if (new TextDecoder().decode(top.subarray(0, 8)) !== MAGIC) throw new Error("not a builder snapshot");
  const view = new DataView(top.buffer);
  const [page, headerLength, heapLength, count] = [8, 12, 16, 20].map((at) => view.getUint32(at, true));
  if (count * page !== heapLength) throw new Error("the snapshot's page map does not add up");
  const kinds = await readInto(new Uint8Array(count));
  const snapshot = new Uint8Array(headerLength + heapLength);
  await readInto(snapshot.subarray(0, headerLength));
  const heap = snapshot.subarray(headerLength);
  for (let i = 0; i < count; i++) {
    if (kinds[i] === STORED) await readInto(heap.subarray(i * page, (i + 1) * page));
    else if (kinds[i] !== ZERO && kinds[i] !== AS_INSTANTIATED) throw new Error("bad page kind");
  }

  // The decompressed file again, from what was read: its head, its page map and the
  // pages it stores, which neither `fill` nor the restore (a copy) ever writes to.
  // Made after the start instead of while the file arrives: teeing 13 MB into the
  // cache then slowed a fast start by a quarter of a second.
  function file() {
    const stored = []; // runs of stored pages, one part each
    for (let i = 0; i < count; i++) {
      if (kinds[i] !== STORED) continue;
      let end = i + 1;
      while (end < count && kinds[end] === STORED) end++;
      stored.push(heap.subarray(i * page, end * page));
      i = end - 1;
    }
    return new Blob([top, kinds, snapshot.subarray(0, headerLength), ...stored]);
  }

  let filled = false;
  function fill(memory) {
    const fresh = new Uint8Array(memory.buffer);
    if (fresh.length < heapLength) {
      throw new Error(`it needs a ${heapLength}-byte heap and the runtime starts with ${fresh.length}`);
    }
    for (let i = 0; i < count; i++) {
      if (kinds[i] === AS_INSTANTIATED) heap.set(fresh.subarray(i * page, (i + 1) * page), i * page);
    }
    filled = true;
  }
  return { snapshot, fill, filled: () => filled, file };
}
