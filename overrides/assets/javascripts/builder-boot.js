// Starts the builder's Python worker from <head>, while the rest of the page is still
// arriving, so Pyodide's download and start-up overlap the page's own. builder.js
// adopts the worker (and the messages it has sent so far) when it mounts.
(function () {
  "use strict";
  var script = document.currentScript;
  try {
    var worker = new Worker(new URL(script.getAttribute("data-sh-worker"), location.href), {
      type: "module",
    });
    var early = { worker: worker, events: [] };
    var keep = function (event) { early.events.push(event); };
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    early.release = function () {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", keep);
    };
    worker.postMessage(JSON.stringify({
      type: "start",
      indexURL: new URL(script.getAttribute("data-sh-pyodide"), location.href).href,
    }));
    window.__shEarlyPython = early;
  } catch (error) {
    // No early start: builder.js starts the worker itself, and reports any failure.
  }
})();
