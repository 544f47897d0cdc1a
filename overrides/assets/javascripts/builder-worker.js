// The request builder's worker: starts Pyodide from the site's own files, then passes
// each message from the page to builder.web.handle and posts the JSON answer back. The
// page never waits on Python's start-up.
//
// Two ways to start (python/link.js chooses from the connection): restore the builder's
// memory snapshot (fast on a fast link), or start Python and install the builder's
// wheels (fewer bytes, more CPU). If the snapshot cannot be used, the wheels it is. A
// start the wheels' way keeps a snapshot of its own (python/made-here.js), which the
// next visit restores whatever the link.
// Pyodide's loader, bundled into this script by esbuild (sitebuild/page_scripts.py finds
// it in node_modules): on a host that revalidates every file, importing it from the
// bundle's folder cost a round trip before anything else could start.
import { loadPyodide } from "pyodide";
import { canCompileEarly, compileEarly } from "./python/compile_early.js";
import {
  PYTHON_CACHE,
  SNAPSHOT,
  STDLIB_AFTER_SNAPSHOT,
  asArrivedKey,
  keepTheRest,
  keptAsArrived,
  keptWay,
  longWayFiles,
  servedCompressed,
} from "./python/kept-files.js";
import { forgetSnapshotMadeHere, keepSnapshotMadeHere } from "./python/made-here.js";
import { choosePath, meter, wireRatio } from "./python/link.js";
import { answerCalendar, calendarLoader } from "./python/calendar.js";
import { readSnapshot, whenInstantiated } from "./python/snapshot.js";
import { warmUp } from "./python/snapshot-steps.mjs";
import { mark } from "./texts.js";

let handle = null;
let calendar = null; // loads the calendar's packages into the running Python, later
const unwatchedFetch = self.fetch.bind(self); // the browser's own, whatever watches it
const prefetched = new Map(); // url -> Response already under way, for Pyodide's fetch
let keeping = null; // the bundle's address while its files are being kept, else null
// Set once the runtime's WebAssembly was found not kept: then none of the bundle is (the
// worker keeps it first), and the look-ups are skipped. Each is a Cache Storage read,
// 20-130 ms on a first visit while the page loads; the snapshot's came between the
// runtime's download and the snapshot's, on the way to the first preview.
let nothingKept = false;
const RUNTIME_MODULE = "pyodide.asm.wasm";
let compilingEarly = false; // while restoring: compile the runtime as it arrives

// A bundle file kept by an earlier visit, if there is one. The service worker serves
// the same cache, but this page may not be under it yet (its first visit).
async function kept(url) {
  if (!keeping || nothingKept || !url.startsWith(keeping) || typeof caches !== "object") return undefined;
  try {
    return await caches.match(url, { cacheName: PYTHON_CACHE });
  } catch {
    return undefined;
  }
}

// Keep a copy of a bundle file this start fetched, for the next visit and offline use
// (the service worker serves this cache). Only files of the bundle: never anything else.
// It is put as it streams in, so what has arrived is kept even if the page closes
// before Python starts. `key` is the address it is kept under (the file's own, unless
// the snapshot's copy as it arrived).
function keep(url, response, key = url) {
  if (!keeping || !url.startsWith(keeping) || !response.ok || typeof caches !== "object") return;
  const copy = response.clone();
  caches
    .open(PYTHON_CACHE)
    .then(async (cache) => {
      if (await cache.match(key)) await copy.body?.cancel();
      else await cache.put(key, copy);
    })
    .catch(() => {});
}

function progress(step, label) {
  self.postMessage(JSON.stringify({ type: "progress", step, of: 3, label }));
}

// Pyodide waits forever when one of its files cannot be fetched, so while it starts,
// a failed or refused fetch ends the start-up with a reason the page can show.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

function watchFetches() {
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const watched = async (resource, init) => {
    const url = String(resource?.url ?? resource);
    const name = url.split("/").pop();
    const early = prefetched.get(url); // fetched (and kept) ahead of Pyodide's asking
    prefetched.delete(url);
    let response;
    let already;
    try {
      already = (await early) ?? (await kept(url)); // nothing to keep then
      response = already ?? (await unwatchedFetch(resource, init));
    } catch (error) {
      fail(new Error(`Python's files could not be loaded (${name}); are you offline?`));
      throw error;
    }
    if (!response.ok) fail(new Error(`A file Python needs is missing (${name}, HTTP ${response.status}).`));
    if (!already) keep(url, response);
    if (compilingEarly && name === RUNTIME_MODULE && response.ok) return compileEarly(response);
    return response;
  };
  self.fetch = watched;
  return { failed, watched, stop: () => { self.fetch = unwatchedFetch; } };
}

// Restore the snapshot: about a third of the time of the long way below. `path.file` is
// the snapshot file link.js chose for this link (xz or gzip), fetched unless this
// browser kept the snapshot from an earlier visit (decompressed, under SNAPSHOT's
// address); `path.madeHere`: the one this browser made on a start the long way (its
// kept file, as keptWay found it), which takes the long way's whole standard library
// (`path.stdlib`, the copy that start kept). `path.keptSnapshot`: the site's snapshot
// as keptWay found it kept, if it looked.
async function restore(indexURL, { file, madeHere, stdlib, keptSnapshot }) {
  let problem = null;
  const read = (async () => {
    if (madeHere) return readSnapshot(madeHere, indexURL);
    const hit = keptSnapshot ? keptSnapshot.decompressed : await kept(new URL(SNAPSHOT, indexURL).href);
    const early = hit ? null : keptSnapshot ? keptSnapshot.asArrived : await keptAsArrived(indexURL, kept);
    // Not watched: if it is missing, Python starts the long way instead of failing.
    const url = new URL(file, indexURL).href;
    const response = hit ?? early ?? (await unwatchedFetch(url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (!hit && !early) keep(url, response, asArrivedKey(url)); // a visit cut short keeps it
    return readSnapshot(response, indexURL);
  })();
  read.catch(() => {}); // its failure is reported by loadPyodide's await
  const stopWatching = whenInstantiated((memory) => {
    read.then(({ fill }) => fill(memory)).catch((error) => { problem ??= error; });
  });
  compilingEarly = canCompileEarly();
  try {
    const _loadSnapshot = read.then(({ snapshot }) => snapshot);
    _loadSnapshot.catch(() => {}); // rejected before Pyodide awaits it: not unhandled
    const stdLibURL = new URL(madeHere ? stdlib : STDLIB_AFTER_SNAPSHOT, indexURL).href;
    const pyodide = await loadPyodide({ indexURL, stdLibURL, _loadSnapshot, stdout: () => {}, stderr: () => {} });
    const { filled } = await read;
    if (!filled()) throw new Error("the runtime's memory was not seen when it was made");
    progress(3, mark("Starting the coach…"));
    // The snapshot holds Python's memory, not its files: put the wheels' files back,
    // and reseed what the build's random state would otherwise repeat for every reader.
    pyodide.pyimport("shorthaul_snapshot").after_restore();
    return { pyodide, read: await read };
  } catch (error) {
    throw problem ?? error;
  } finally {
    compilingEarly = false;
    stopWatching();
  }
}

// The long way: start Python, install the wheels, import the builder. The wheels are
// fetched while Python starts (once the WebAssembly has arrived, so they never slow
// it down): on a slow link that hides their download behind seconds of CPU. Python
// starts ready to be snapshotted, and the wheels are installed the snapshot's way
// (snapshot-steps.mjs), so that before the first answer this browser can keep a
// snapshot of its own: the next visit restores it, on however slow a link, without
// downloading the site's. `stored`: fetch the zips' stored copies (kept-files.js).
async function install(indexURL, bundle, stored = false) {
  const { stdlib, wheels } = longWayFiles(bundle, stored);
  let heapAtStart = 0; // the memory a restore starts with: a snapshot must fit it
  const stopWatching = whenInstantiated((memory) => {
    heapAtStart = memory.buffer.byteLength;
    for (const name of wheels) {
      const url = new URL(name, indexURL).href;
      const response = kept(url).then((hit) => hit ?? unwatchedFetch(url));
      response.then((r) => keep(url, r)).catch(() => {});
      response.catch(() => {});
      prefetched.set(url, response);
    }
  });
  let pyodide;
  try {
    const stdLibURL = new URL(stdlib, indexURL).href;
    pyodide = await loadPyodide({ indexURL, stdLibURL, _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
  } finally {
    stopWatching();
  }
  progress(2, mark("Installing the request builder…"));
  // Through the watched fetch: a wheel that cannot come ends the start with a reason.
  const files = await Promise.all(
    wheels.map(async (name) => new Uint8Array(await (await fetch(new URL(name, indexURL).href)).arrayBuffer())),
  );
  warmUp(pyodide, files);
  progress(3, mark("Starting the coach…"));
  const madeHere = keeping && (await keepSnapshotMadeHere(pyodide, indexURL, heapAtStart));
  return { pyodide, madeHere };
}

// The runtime's WebAssembly comes first: both ways need it, and how fast it starts to
// arrive decides the way. Pyodide's own fetch of it later gets this same response.
// Kept by an earlier visit, it is not measured (measuring passes it on as a copy, which
// the browser cannot keep compiled code for): what else was kept decides (keptWay),
// the snapshot way if nothing does.
async function measureLink(fetches, indexURL) {
  const wasmURL = new URL(RUNTIME_MODULE, indexURL).href;
  const bundle = fetches.watched(new URL("bundle.json", indexURL).href).then((r) => r.json());
  const hit = await kept(wasmURL);
  nothingKept = !hit;
  if (hit) {
    prefetched.set(wasmURL, Promise.resolve(hit));
    // Pyodide imports its second script only once the first has run: ask for it now,
    // beside the first, so a host that revalidates both costs one round trip, not two
    // (the same address, so Pyodide's import gets this module). Not on a first visit:
    // there it would share the link with the WebAssembly being measured.
    import(new URL("pyodide.asm.mjs", indexURL).href).catch(() => {}); // fails again, reported, in loadPyodide
    const { way, madeHere, stdlib, stored, keptSnapshot } = (await keptWay(indexURL, await bundle, kept)) ?? {};
    if (way === "here") return { snapshot: true, madeHere, stdlib, bundle: await bundle };
    if (way === "long") {
      const why = "kept from the last visit";
      return { snapshot: false, why, stored, bundle: await bundle };
    }
    return { ...choosePath({ bytesPerSecond: Infinity }, await bundle), keptSnapshot, bundle: await bundle };
  }
  const compressed = servedCompressed(indexURL, unwatchedFetch); // asked beside the download
  const response = await fetches.watched(wasmURL);
  const metered = meter(response);
  prefetched.set(wasmURL, Promise.resolve(metered.response));
  const { bytesPerSecond } = await metered.measured;
  const path = choosePath({ bytesPerSecond: bytesPerSecond * wireRatio(response, await bundle) }, await bundle);
  return { ...path, stored: !path.snapshot && (await compressed), bundle: await bundle };
}

async function load(fetches, indexURL) {
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(EMPTY_MODULE)) {
    throw new Error("This browser has WebAssembly turned off.");
  }
  progress(1, mark("Loading Python (it runs in your browser; nothing you type is sent anywhere)…"));
  const path = await measureLink(fetches, indexURL);
  let pyodide;
  let read = null; // the snapshot file, as restore() read it
  let madeHere = false; // whether this browser has a snapshot it made
  let start = path.madeHere ? "snapshot (made in this browser)" : "snapshot";
  if (path.snapshot) {
    try {
      ({ pyodide, read } = await restore(indexURL, path));
      madeHere = Boolean(path.madeHere);
    } catch (error) {
      start = `wheels (snapshot: ${error?.message ?? error})`;
      if (path.madeHere) await forgetSnapshotMadeHere(indexURL); // made again below
    }
  } else {
    start = `wheels (${path.why}${path.stored ? "; stored zips" : ""})`;
  }
  if (!pyodide) ({ pyodide, madeHere } = await install(indexURL, path.bundle, path.stored));
  handle = pyodide.pyimport("builder.web").handle;
  calendar = calendarLoader(pyodide, indexURL);
  self.postMessage(JSON.stringify({ type: "ready", pyodide: pyodide.version, start }));
  if (keeping) keepTheRest(indexURL, read, unwatchedFetch, madeHere);
}

async function start(indexURL, keepFiles) {
  keeping = keepFiles ? indexURL : null;
  nothingKept = false;
  const fetches = watchFetches();
  try {
    await Promise.race([load(fetches, indexURL), fetches.failed]);
  } finally {
    fetches.stop();
    prefetched.clear();
  }
}

self.addEventListener("message", (event) => {
  const message = JSON.parse(event.data);
  if (message.type === "start") {
    start(message.indexURL, message.keep).catch((error) => {
      self.postMessage(JSON.stringify({ type: "failed", reason: String(error?.message ?? error) }));
    });
  } else if (handle && message.type === "calendar") {
    answerCalendar(event.data, message.id, calendar, handle);
  } else if (handle) {
    self.postMessage(handle(event.data));
  }
});
