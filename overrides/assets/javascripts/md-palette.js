// The light/dark switch (partials/palette.html), run where the header is parsed, before
// first paint. It replaces Material's palette component, whose start-up forced two full
// style recalculations on every page (the largest part of the main-thread time Lighthouse
// counted against our pages).
//
// Until the reader picks a palette, the page follows the system setting, also when it
// changes. A pick is kept in localStorage in Material's format (`__palette`), so a
// choice made before this script existed still applies.
(function () {
  "use strict";
  var form = document.querySelector("[data-sh-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  if (!inputs.length) return;
  var KEYS = ["media", "scheme", "primary", "accent"];

  function colorsOf(input) {
    var color = {};
    KEYS.forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    return color;
  }

  function saved() {
    try {
      var palette = window.__md_get("__palette");
      if (palette && inputs[palette.index]) return palette.index;
    } catch (err) {
      // unreadable storage: follow the system
    }
    return -1;
  }

  function matching() {
    for (var i = 0; i < inputs.length; i++) {
      var media = inputs[i].getAttribute("data-md-color-media");
      if (media && matchMedia(media).matches) return i;
    }
    return 0;
  }

  function themeColor() {
    // After the next frame, so reading the header's colour finds styles already computed.
    requestAnimationFrame(function () {
      setTimeout(function () {
        var header = document.querySelector("[data-md-component=header]");
        if (!header) return;
        var meta = document.querySelector("meta[name=theme-color]");
        if (!meta) {
          meta = document.createElement("meta");
          meta.name = "theme-color";
          document.head.appendChild(meta);
        }
        meta.content = getComputedStyle(header).backgroundColor;
      }, 0);
    });
  }

  function apply(index, switching) {
    var color = colorsOf(inputs[index]);
    if (switching) document.body.setAttribute("data-md-color-switching", "");
    KEYS.forEach(function (key) {
      if (document.body.getAttribute("data-md-color-" + key) !== color[key]) {
        document.body.setAttribute("data-md-color-" + key, color[key]);
      }
    });
    document.documentElement.style.colorScheme = color.scheme === "slate" ? "dark" : "light";
    inputs.forEach(function (input, i) {
      input.checked = i === index;
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    if (switching) {
      requestAnimationFrame(function () {
        document.body.removeAttribute("data-md-color-switching");
      });
    }
    themeColor();
  }

  var chosen = saved();
  apply(chosen >= 0 ? chosen : matching(), false);

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index < 0) return;
    apply(index, true);
    window.__md_set("__palette", { index: index, color: colorsOf(inputs[index]) });
  });

  inputs.forEach(function (input) {
    var media = input.getAttribute("data-md-color-media");
    if (!media) return;
    matchMedia(media).addEventListener("change", function () {
      if (saved() < 0) apply(matching(), true);
    });
  });
})();
