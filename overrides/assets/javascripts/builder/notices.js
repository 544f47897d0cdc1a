// Notices above the form: what a link or the saved draft changed, storage problems.
// (Answers to buttons are written beside the button: feedback.js.)
import { el } from "./dom.js";

export class Notices {
  constructor(root) {
    this.list = root.querySelector("[data-sh-notices]");
  }

  // Adds a notice ("info" or "warning"); returns it, so an action can be added.
  add(text, kind) {
    const note = el("p", `sh-notice sh-notice--${kind}`, text);
    this.list.append(note);
    return note;
  }

  // Offers a button in a new notice; once it is used, the notice says `done` instead,
  // and the other notices of the moment (about a link's values, say) go with the link.
  offer(text, label, done, action) {
    const note = this.add(text, "info");
    const button = el("button", "md-button sh-notice__action", label);
    button.type = "button";
    button.addEventListener("click", () => {
      note.replaceChildren(done);
      for (const other of this.list.querySelectorAll(".sh-notice--info")) {
        if (other !== note) other.remove();
      }
      action();
    });
    note.append(" ", button);
    return note;
  }

  // One notice per `key` (the news from another tab, say): a newer one takes its place.
  set(key, text, kind) {
    this.list.querySelector(`[data-sh-notice-key="${CSS.escape(key)}"]`)?.remove();
    const note = this.add(text, kind);
    note.dataset.shNoticeKey = key;
    return note;
  }

  clear() {
    this.list.replaceChildren();
  }
}
