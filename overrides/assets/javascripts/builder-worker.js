// The request builder's worker: starts Pyodide from the site's own files (restoring the
// builder's memory snapshot, or else installing the builder's wheels), then passes each
// message from the page to builder.web.handle and posts the JSON answer back. The page
// never waits on Python's start-up.
let handle = null;
const unwatchedFetch = self.fetch.bind(self); // the browser's own, whatever watches it

function progress(step, label) {
  self.postMessage(JSON.stringify({ type: "progress", step, of: 3, label }));
}

// Pyodide waits forever when one of its files cannot be fetched, so while it starts,
// a failed or refused fetch ends the start-up with a reason the page can show.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

function watchFetches() {
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  self.fetch = async (resource, init) => {
    const name = String(resource?.url ?? resource).split("/").pop();
    let response;
    try {
      response = await unwatchedFetch(resource, init);
    } catch (error) {
      fail(new Error(`Python's files could not be loaded (${name}); are you offline?`));
      throw error;
    }
    if (!response.ok) fail(new Error(`A file Python needs is missing (${name}, HTTP ${response.status}).`));
    return response;
  };
  return { failed, stop: () => { self.fetch = unwatchedFetch; } };
}

// The builder's snapshot (made at build time by hooks/make_snapshot.mjs): Python's memory
// with the builder imported and warmed, gzipped. Inflated while it downloads; a host
// that already took the gzip off (Content-Encoding) is fine too.
async function fetchSnapshot(url) {
  if (typeof DecompressionStream !== "function") throw new Error("no DecompressionStream");
  // Not watched: if it is missing, Python starts the long way instead of failing.
  const response = await unwatchedFetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array();
  const body = new ReadableStream({
    start(controller) {
      if (head.length) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const bytes = gzipped ? body.pipeThrough(new DecompressionStream("gzip")) : body;
  return new Uint8Array(await new Response(bytes).arrayBuffer());
}

// Restore the snapshot: about a quarter of the time of the long way below.
async function restore(loadPyodide, indexURL) {
  const snapshot = fetchSnapshot(new URL("builder.snapshot", indexURL).href);
  snapshot.catch(() => {}); // its failure is reported by loadPyodide's await
  const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot, stdout: () => {}, stderr: () => {} });
  progress(3, "Starting the coach…");
  // The snapshot holds Python's memory, not its files: put the wheels' files back.
  pyodide.pyimport("shorthaul_snapshot").restore_files();
  return pyodide;
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

async function load(indexURL) {
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(EMPTY_MODULE)) {
    throw new Error("This browser has WebAssembly turned off.");
  }
  progress(1, "Loading Python (it runs in your browser; nothing you type is sent anywhere)…");
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  let pyodide;
  let start = "snapshot";
  try {
    pyodide = await restore(loadPyodide, indexURL);
  } catch (error) {
    start = `wheels (snapshot: ${error?.message ?? error})`;
    pyodide = await install(loadPyodide, indexURL);
  }
  handle = pyodide.pyimport("builder.web").handle;
  self.postMessage(JSON.stringify({ type: "ready", pyodide: pyodide.version, start }));
}

async function start(indexURL) {
  const fetches = watchFetches();
  try {
    await Promise.race([load(indexURL), fetches.failed]);
  } finally {
    fetches.stop();
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
