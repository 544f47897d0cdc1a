// The request builder's worker: starts Pyodide from the site's own files, installs
// the builder's wheels, then passes each message from the page to builder.web.handle
// and posts the JSON answer back. The page never waits on Python's start-up.
let handle = null;

function progress(step, label) {
  self.postMessage(JSON.stringify({ type: "progress", step, of: 3, label }));
}

// Pyodide waits forever when one of its files cannot be fetched, so while it starts,
// a failed or refused fetch ends the start-up with a reason the page can show.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

function watchFetches() {
  const realFetch = self.fetch;
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  self.fetch = async (resource, init) => {
    const name = String(resource?.url ?? resource).split("/").pop();
    let response;
    try {
      response = await realFetch(resource, init);
    } catch (error) {
      fail(new Error(`Python's files could not be loaded (${name}); are you offline?`));
      throw error;
    }
    if (!response.ok) fail(new Error(`A file Python needs is missing (${name}, HTTP ${response.status}).`));
    return response;
  };
  return { failed, stop: () => { self.fetch = realFetch; } };
}

async function load(indexURL) {
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(EMPTY_MODULE)) {
    throw new Error("This browser has WebAssembly turned off.");
  }
  progress(1, "Loading Python (it runs in your browser; nothing you type is sent anywhere)…");
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  progress(2, "Installing the request builder…");
  const errors = [];
  await pyodide.loadPackage("shorthaul-builder", {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  if (errors.length) throw new Error(errors.join("; "));
  progress(3, "Starting the coach…");
  handle = pyodide.pyimport("builder.web").handle;
  self.postMessage(JSON.stringify({ type: "ready", pyodide: pyodide.version }));
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
