// One step of the form at a time, with the step list showing where the reader is.

export class Steps {
  // shown(id) is called each time a step is shown.
  constructor(root, ids, shown = () => {}) {
    this.root = root;
    this.ids = ids;
    this.shown = shown;
    this.current = ids[0];
  }

  // The step in the address (#step-mentor), or the first.
  fromHash(hash) {
    const id = hash.replace(/^#step-/, "");
    return this.ids.includes(id) ? id : this.ids[0];
  }

  show(id, focus = true) {
    for (const section of this.root.querySelectorAll("[data-sh-step]")) {
      section.hidden = section.dataset.shStep !== id;
    }
    for (const link of this.root.querySelectorAll(".sh-progress__link")) {
      if (link.dataset.shGoto === id) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    }
    this.current = id;
    this.shown(id);
    if (focus) {
      history.replaceState(history.state, "", `${location.pathname}${location.search}#step-${id}`);
      // The step's heading takes focus in full view: focus alone leaves a heading that is
      // partly in view where it is, which after a long step can be under the sticky
      // header; then it goes to the top, below the header (the page's scroll-padding).
      const title = this.root.querySelector(`#step-${id}-title`);
      title.focus({ preventScroll: true });
      const { top, bottom } = title.getBoundingClientRect();
      const below = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      if (top < below || bottom > innerHeight) title.scrollIntoView({ block: "start" });
    }
  }

  // Shows the step that holds a field; true if there is one.
  showField(form, name) {
    const section = form.querySelector(`[data-sh-field="${CSS.escape(name)}"]`)?.closest("[data-sh-step]");
    if (!section) return false;
    this.show(section.dataset.shStep, false);
    return true;
  }
}
