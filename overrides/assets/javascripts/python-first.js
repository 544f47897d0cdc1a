// On the pages that start Python (the builder, the reply helper), work that can wait
// waits until Python has started or failed. Loaded before Material's bundle.
//
// - Material's search worker builds its index from search_index.json as soon as the
//   page loads: 250-330 ms of CPU, on a 2-core machine beside Python's start (traced,
//   cold builder visit). Here it is created when Python is ready, or at once when the
//   reader goes to the search box first: search works the same, and its first answer
//   waits for the index as it would on a slow machine.
// - sw-register.js asks `window.__shAfterPython` when to install the service worker,
//   whose install fetches the site's scripts and styles again.
(function () {
  "use strict";
  var waiting = [];
  var settled = false;

  function settle() {
    if (settled) return;
    settled = true;
    waiting.splice(0).forEach(function (then) { then(); });
  }

  // Calls `then` once the page's Python has started (its root gets data-sh-python-start)
  // or failed (the failure box shows); at once on a page without one.
  window.__shAfterPython = function (then) {
    if (settled) then();
    else waiting.push(then);
  };

  function watch() {
    var root = document.querySelector("[data-sh-builder], [data-sh-reply]");
    if (!root) return settle();
    function check() {
      if (root.hasAttribute("data-sh-python-start") || document.querySelector("[data-sh-failure]:not([hidden])")) {
        observer.disconnect();
        settle();
      }
    }
    var observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, subtree: true, attributeFilter: ["data-sh-python-start", "hidden"] });
    check();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();

  // Material creates its search worker with `new Worker(url)` and then only posts to it
  // and listens for "message": a stand-in that does both, and makes the real worker
  // once Python has settled or the search box gets focus (a click, Tab, or Material's
  // keys for search all focus it). Material sends no query before the index is built.
  var RealWorker = window.Worker;
  if (typeof RealWorker !== "function" || typeof EventTarget !== "function") return;
  var SEARCH = /\/workers\/search\.[\w.]+\.js$/;

  function Later(url, options) {
    var target = new EventTarget();
    var queue = [];
    var real = null;
    function start() {
      if (real) return;
      document.removeEventListener("focusin", searching, true);
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        target.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      real.addEventListener("error", function (event) {
        target.dispatchEvent(new ErrorEvent("error", { message: event.message }));
      });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    }
    target.postMessage = function (message) {
      if (real) real.postMessage(message);
      else queue.push(message);
    };
    target.terminate = function () {
      if (real) real.terminate();
      queue = [];
    };
    function searching(event) {
      if (event.target.closest && event.target.closest("[data-md-component=search]")) start();
    }
    document.addEventListener("focusin", searching, true);
    window.__shAfterPython(start);
    return target;
  }

  window.Worker = function Worker(url, options) {
    if (settled || !SEARCH.test(new URL(String(url), location.href).pathname)) {
      return new RealWorker(url, options);
    }
    return Later(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;
})();
