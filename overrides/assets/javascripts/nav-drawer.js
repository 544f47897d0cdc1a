// The navigation by keyboard: the header's menu button and the navigation's toggles
// (partials/header.html, nav-item.html, toc.html), which are buttons where Material has
// labels for hidden checkboxes. A button presses its checkbox, so Material's own styles
// and scripts see the same change a label click makes; this file keeps aria-expanded
// true and puts focus where the reader can see it:
// - the drawer opens with focus on its first control; Escape, the menu button or
//   tabbing out of it closes it, and focus goes back to the menu button;
// - in the drawer, a section slides over the list it came from: focus moves to the
//   section's "back" title bar, and back to the section's toggle when it closes.
// What a closed drawer or section hides takes no focus (assets/stylesheets/keyboard.css).
(function () {
  "use strict";

  const FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]), [tabindex]:not([tabindex='-1'])";

  const shown = (el) => Boolean(el) && el.checkVisibility({ visibilityProperty: true });

  function expanded(id) {
    const box = document.getElementById(id);
    for (const control of document.querySelectorAll(`[data-sh-nav-toggle="${CSS.escape(id)}"][aria-expanded]`)) {
      control.setAttribute("aria-expanded", String(box.checked));
    }
  }

  // After a section opened or closed: the control that now leads on, if it can be seen.
  function afterToggle(id) {
    const box = document.getElementById(id);
    const item = box.closest(".md-nav__item") || box.parentElement;
    const target = box.checked
      ? item.querySelector(":scope > .md-nav > .sh-nav__back, :scope .md-nav--secondary > .sh-nav__back")
      : item.querySelector(`[data-sh-nav-toggle="${CSS.escape(id)}"][aria-expanded]`);
    if (shown(target) && !target.contains(document.activeElement)) target.focus({ preventScroll: true });
  }

  function mount() {
    const drawer = document.getElementById("__drawer");
    const button = document.querySelector("[data-sh-drawer-button]");
    const sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !button || button.dataset.shMounted) return;
    button.dataset.shMounted = "true";

    const open = () => drawer.checked;
    const setOpen = (want) => {
      if (open() !== want) drawer.click(); // a real change event, as a label click makes
    };

    button.addEventListener("click", () => setOpen(!open()));

    drawer.addEventListener("change", () => {
      button.setAttribute("aria-expanded", String(open()));
      if (open() && sidebar) {
        const first = [...sidebar.querySelectorAll(FOCUSABLE)].find(shown);
        first?.focus({ preventScroll: true });
      } else if (sidebar?.contains(document.activeElement) && shown(button)) {
        button.focus({ preventScroll: true });
      }
    });

    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open() && shown(button)) {
        event.preventDefault();
        setOpen(false);
        button.focus({ preventScroll: true });
      }
    });

    // Tabbing out of the open drawer closes it: what lies beyond is under its overlay.
    sidebar?.addEventListener("focusout", (event) => {
      const next = event.relatedTarget;
      if (open() && next && !sidebar.contains(next) && next !== button) setOpen(false);
    });

    document.addEventListener("click", (event) => {
      const toggle = event.target.closest && event.target.closest("[data-sh-nav-toggle]");
      if (!toggle) return;
      const id = toggle.dataset.shNavToggle;
      const box = document.getElementById(id);
      if (!box) return;
      event.preventDefault();
      box.click();
      expanded(id);
      afterToggle(id);
    });

    // Material's own scripts may check a toggle too (the drawer follows the page).
    for (const box of document.querySelectorAll(".md-nav__toggle[id]")) {
      box.addEventListener("change", () => expanded(box.id));
    }
  }

  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
