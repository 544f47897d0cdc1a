// The light/dark switch (partials/palette.html), run where the header is parsed, before
// first paint. It replaces Material's palette component, whose start-up forced two full
// style recalculations on every page (the largest part of the main-thread time Lighthouse
// counted against our pages).
//
// One button per palette; the current palette's button shows and switches to the next.
// Until the reader picks a palette, the page follows the system setting, also when it
// changes. A pick is kept in localStorage in Material's format (`__palette`), so a
// choice made before this script existed still applies.
(function () {
  "use strict";
  var box = document.querySelector("[data-sh-palette]");
  if (!box) return;
  var buttons = Array.prototype.slice.call(box.querySelectorAll("[data-sh-palette-option]"));
  if (!buttons.length) return;
  var KEYS = ["media", "scheme", "primary", "accent"];

  function colorsOf(button) {
    var color = {};
    KEYS.forEach(function (key) {
      color[key] = button.getAttribute("data-md-color-" + key);
    });
    return color;
  }

  function saved() {
    try {
      var palette = window.__md_get("__palette");
      if (palette && buttons[palette.index]) return palette.index;
    } catch (err) {
      // unreadable storage: follow the system
    }
    return -1;
  }

  function matching() {
    for (var i = 0; i < buttons.length; i++) {
      var media = buttons[i].getAttribute("data-md-color-media");
      if (media && matchMedia(media).matches) return i;
    }
    return 0;
  }

  // The browser's own colour for its toolbar (meta theme-color): the header's.
  function themeColor() {
    // After the next frame, so reading the header's colour finds styles already computed.
    // Not while the page is still being parsed: every element added since that frame
    // made the read a full style calculation of the page (108 ms of a 134 ms task on
    // the builder's page, cold at 10 Mbit/s), so the first colour waits for `load`.
    if (document.readyState !== "complete") {
      addEventListener("load", themeColor, { once: true });
      return;
    }
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
    var color = colorsOf(buttons[index]);
    if (switching) document.body.setAttribute("data-md-color-switching", "");
    KEYS.forEach(function (key) {
      if (document.body.getAttribute("data-md-color-" + key) !== color[key]) {
        document.body.setAttribute("data-md-color-" + key, color[key]);
      }
    });
    document.documentElement.style.colorScheme = color.scheme === "slate" ? "dark" : "light";
    // Show the current palette's button; if the one that had focus is now hidden, the
    // shown one takes focus, so the keyboard stays where it was.
    var focused = buttons.indexOf(document.activeElement) >= 0;
    buttons.forEach(function (button, i) {
      button.hidden = i !== index;
    });
    if (focused) buttons[index].focus();
    if (switching) {
      requestAnimationFrame(function () {
        document.body.removeAttribute("data-md-color-switching");
      });
    }
    themeColor();
  }

  var chosen = saved();
  apply(chosen >= 0 ? chosen : matching(), false);

  box.addEventListener("click", function (event) {
    var index = buttons.indexOf(event.target.closest("[data-sh-palette-option]"));
    if (index < 0) return;
    var next = (index + 1) % buttons.length;
    apply(next, true);
    window.__md_set("__palette", { index: next, color: colorsOf(buttons[next]) });
  });

  buttons.forEach(function (button) {
    var media = button.getAttribute("data-md-color-media");
    if (!media) return;
    matchMedia(media).addEventListener("change", function () {
      if (saved() < 0) apply(matching(), true);
    });
  });
})();
