// The request builder's worker: starts Pyodide from the site's own files, installs
// the builder's wheels, then passes each message from the page to builder.web.handle
// and posts the JSON answer back. The page never waits on Python's start-up.
let handle = null;

function progress(step, label) {
  self.postMessage(JSON.stringify({ type: "progress", step, of: 3, label }));
}

async function start(indexURL) {
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
