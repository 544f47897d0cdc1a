// Registers the site's service worker (sw.js at the site's root) once the page has
// loaded, so it never competes with the page itself. Guide pages register it too: it
// keeps the pages a reader opens and the site's scripts and styles, and fetches none of
// the builder's Python until the builder (or the link maker) has started it.
//
// Under `mkdocs serve` (data-sh-sw="off") it registers nothing and removes a worker left
// by a built copy of the site on the same address, so live reload always shows the
// newest pages. A browser without service workers simply goes on as before.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-sh-root"), location.href);
  if (script.getAttribute("data-sh-sw") === "off") {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) { registration.unregister(); });
    });
    return;
  }
  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .catch(function () { /* private mode, blocked storage: the site works without it */ });
  }
  // On a page that starts Python, not before it has started (or failed): installing
  // fetches the site's scripts and styles again, which would share a slow link with
  // Python's download. python-first.js, loaded on those pages only, says when.
  function whenPythonSettled(then) {
    if (window.__shAfterPython) window.__shAfterPython(then);
    else then();
  }
  function afterLoad() { whenPythonSettled(register); }
  if (document.readyState === "complete") afterLoad();
  else addEventListener("load", afterLoad);
})();
