// Runs in <head> on every page, before first paint, as a file (our Content-Security-
// Policy allows no inline script):
// 1. Material for MkDocs' page-scoped storage helpers (__md_scope, __md_get, __md_set,
//    __md_hash), which Material itself would put in an inline script.
// 2. The embed layout: `?embed` in the address (an iframe in a learning system or an
//    intranet) shows the page without the site's header, navigation and footer, and
//    opens links to other pages in a new tab.
(function () {
  "use strict";
  var scope = document.currentScript.getAttribute("data-md-scope") || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, ch) {
      return (hash << 5) - hash + ch.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (err) {
      // Storage full or blocked: the palette choice is simply not remembered.
    }
  };

  if (!new URLSearchParams(location.search).has("embed")) return;
  document.documentElement.classList.add("sh-embed");
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && link.getAttribute("href").charAt(0) !== "#" && !link.hasAttribute("download")) {
      link.target = "_blank";
      link.rel = "noopener";
    }
  }, true);
})();
