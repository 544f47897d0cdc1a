// Messages to the reader: notices above the form (links, saved drafts, storage), and
// the one-line feedback after a button (copied, downloaded, not ready yet).
import { el } from "./dom.js";

export class Notices {
  constructor(root) {
    this.list = root.querySelector("[data-sh-notices]");
    this.out = root.querySelector("[data-sh-feedback]");
  }

  // Adds a notice ("info" or "warning"); returns it, so an action can be added.
  add(text, kind) {
    const note = el("p", `sh-notice sh-notice--${kind}`, text);
    this.list.append(note);
    return note;
  }

  // Offers a button in a new notice; the notice goes when the button is used.
  offer(text, label, action) {
    const note = this.add(text, "info");
    const button = el("button", "md-button sh-notice__action", label);
    button.type = "button";
    button.addEventListener("click", () => {
      note.remove();
      action();
    });
    note.append(" ", button);
    return note;
  }

  clear() {
    this.list.replaceChildren();
  }

  // Rewritten a frame later, so a screen reader announces the same words again.
  feedback(text) {
    this.out.textContent = "";
    requestAnimationFrame(() => { this.out.textContent = text; });
  }
}
