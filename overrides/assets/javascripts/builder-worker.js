// The request builder's worker: starts Pyodide from the site's own files, then passes
// each message from the page to builder.web.handle and posts the JSON answer back. The
// page never waits on Python's start-up.
//
// Two ways to start (python/link.js chooses from the connection): restore the builder's
// memory snapshot (fast on a fast link), or start Python and install the builder's
// wheels (fewer bytes, more CPU). If the snapshot cannot be used, the wheels it is.
import { choosePath, meter } from "./python/link.js";
import { readSnapshot, whenInstantiated } from "./python/snapshot.js";

let handle = null;
const unwatchedFetch = self.fetch.bind(self); // the browser's own, whatever watches it
const prefetched = new Map(); // url -> Response already under way, for Pyodide's fetch

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
    let response;
    try {
      response = prefetched.get(url) ?? (await unwatchedFetch(resource, init));
      prefetched.delete(url);
      response = await response;
    } catch (error) {
      fail(new Error(`Python's files could not be loaded (${name}); are you offline?`));
      throw error;
    }
    if (!response.ok) fail(new Error(`A file Python needs is missing (${name}, HTTP ${response.status}).`));
    return response;
  };
  self.fetch = watched;
  return { failed, watched, stop: () => { self.fetch = unwatchedFetch; } };
}

// Restore the snapshot: about a third of the time of the long way below.
async function restore(loadPyodide, indexURL) {
  let problem = null;
  const read = unwatchedFetch(new URL("builder.snapshot", indexURL).href).then((response) => {
    // Not watched: if it is missing, Python starts the long way instead of failing.
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return readSnapshot(response);
  });
  read.catch(() => {}); // its failure is reported by loadPyodide's await
  const stopWatching = whenInstantiated((memory) => {
    read.then(({ fill }) => fill(memory)).catch((error) => { problem ??= error; });
  });
  try {
    const _loadSnapshot = read.then(({ snapshot }) => snapshot);
    _loadSnapshot.catch(() => {}); // rejected before Pyodide awaits it: not unhandled
    const pyodide = await loadPyodide({ indexURL, _loadSnapshot, stdout: () => {}, stderr: () => {} });
    const { filled } = await read;
    if (!filled()) throw new Error("the runtime's memory was not seen when it was made");
    progress(3, "Starting the coach…");
    // The snapshot holds Python's memory, not its files: put the wheels' files back,
    // and reseed what the build's random state would otherwise repeat for every reader.
    pyodide.pyimport("shorthaul_snapshot").after_restore();
    return pyodide;
  } catch (error) {
    throw problem ?? error;
  } finally {
    stopWatching();
  }
}

// The long way: start Python, install the wheels, import the builder.
async function install(loadPyodide, indexURL) {
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  progress(2, "Installing the request builder…");
  const errors = [];
  await pyodide.loadPackage("shorthaul-builder", {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  if (errors.length) throw new Error(errors.join("; "));
  progress(3, "Starting the coach…");
  return pyodide;
}

// The standard library comes first and alone: both ways need it, and how fast it
// arrives decides the way. Pyodide's own fetch of it later gets this same response.
async function measureLink(fetches, indexURL) {
  const stdlibURL = new URL("python_stdlib.zip", indexURL).href;
  const bundle = fetches.watched(new URL("bundle.json", indexURL).href).then((r) => r.json());
  const { measured, response } = meter(await fetches.watched(stdlibURL));
  prefetched.set(stdlibURL, response);
  return choosePath(await measured, await bundle);
}

async function load(fetches, indexURL) {
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(EMPTY_MODULE)) {
    throw new Error("This browser has WebAssembly turned off.");
  }
  progress(1, "Loading Python (it runs in your browser; nothing you type is sent anywhere)…");
  const [{ loadPyodide }, path] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href),
    measureLink(fetches, indexURL),
  ]);
  let pyodide;
  let start = "snapshot";
  if (path.snapshot) {
    try {
      pyodide = await restore(loadPyodide, indexURL);
    } catch (error) {
      start = `wheels (snapshot: ${error?.message ?? error})`;
    }
  } else {
    start = `wheels (${path.why})`;
  }
  pyodide ??= await install(loadPyodide, indexURL);
  handle = pyodide.pyimport("builder.web").handle;
  self.postMessage(JSON.stringify({ type: "ready", pyodide: pyodide.version, start, indexURL }));
}

async function start(indexURL) {
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
    start(message.indexURL).catch((error) => {
      self.postMessage(JSON.stringify({ type: "failed", reason: String(error?.message ?? error) }));
    });
  } else if (handle) {
    self.postMessage(handle(event.data));
  }
});
