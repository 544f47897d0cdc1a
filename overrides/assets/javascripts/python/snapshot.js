// Reads the builder's snapshot file (made at build time by hooks/make_snapshot.mjs, in
// the format of hooks/snapshot_pack.mjs) into the memory snapshot Pyodide restores.
//
// The file leaves out zero pages and pages the runtime's own data segments fill when
// its WebAssembly module is instantiated. The first are zeros already; the second are
// copied from the new module's memory the moment it is instantiated, which Pyodide
// does after it has this snapshot and before it restores it (see `whenInstantiated`).

const MAGIC = "SHSNAP01";
const HEAD = 24;
const [ZERO, AS_INSTANTIATED, STORED] = [0, 1, 2];

// Pyodide's memory starts at 30 MiB; the xz decoder's own module is far smaller.
const RUNTIME_MEMORY_AT_LEAST = 8 << 20;

// Calls `receive(memory)` with the Memory of the next module instantiated in this
// worker that is Pyodide's runtime, before anything runs in it. Returns a function
// that stops watching.
export function whenInstantiated(receive) {
  const real = { instantiate: WebAssembly.instantiate, instantiateStreaming: WebAssembly.instantiateStreaming };
  const restore = () => Object.assign(WebAssembly, real);
  for (const name of Object.keys(real)) {
    WebAssembly[name] = async function (...args) {
      const result = await real[name].apply(this, args);
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
  return new Response(stream, { headers: { "Content-Type": "application/octet-stream" } });
}

// Streams `response` into Pyodide's snapshot layout. Resolves to { snapshot, fill }
// once the file is read: `fill(memory)` must then be called with the freshly
// instantiated memory, before the restore. With `keep`, a file that arrived
// compressed is also handed, decompressed as it is read, to `keep(Response)`, for
// the cache.
export async function readSnapshot(response, indexURL, keep = null) {
  let { stream, packed } = await opened(response, indexURL);
  let verdict = null;
  if (keep && packed) {
    const [mine, copy] = stream.tee();
    stream = mine;
    // The copy ends only once this read has succeeded: a file it cannot read is not kept.
    let settle;
    verdict = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    verdict.catch(() => {});
    verdict.settle = settle;
    const checked = copy.pipeThrough(new TransformStream({ flush: () => verdict }));
    keep(new Response(checked, { headers: { "Content-Type": "application/octet-stream" } }));
  }
  try {
    const read = await parse(stream.getReader());
    verdict?.settle.resolve();
    return read;
  } catch (error) {
    verdict?.settle.reject(error);
    throw error;
  }
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
  return { snapshot, fill, filled: () => filled };
}
