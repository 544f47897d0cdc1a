// On a phone the preview panel comes after the form, so step 5's "read it through once
// more, then send it" sat above eight buttons, with the message far below them. There,
// while step 5 shows, the message to send (the email or the chat message, as chosen) is
// moved into the step, above the buttons that send it; it goes back to the preview
// panel when the step changes, the channel changes or the screen widens. Moving the
// pane keeps its text, edits and listeners: it is the same element.
const ONE_COLUMN = "(max-width: 59.99em)"; // the layout's single column (builder.css: 60em)

export class ReviewDraft {
  constructor(root) {
    this.root = root;
    this.slot = root.querySelector("[data-sh-review-draft]");
    this.narrow = matchMedia(ONE_COLUMN);
    this.narrow.addEventListener("change", () => this.place());
    this.step = "";
    this.primary = "email";
    this.moved = null; // { name, pane, marker } while a pane is in the step
  }

  update({ step = this.step, primary = this.primary } = {}) {
    this.step = step;
    this.primary = primary;
    this.place();
  }

  place() {
    const wanted = this.narrow.matches && this.step === "review" ? this.primary : null;
    if (this.moved && this.moved.name !== wanted) {
      this.moved.marker.replaceWith(this.moved.pane);
      this.moved = null;
    }
    if (!wanted || this.moved) return;
    const pane = this.root.querySelector(`.sh-live [data-sh-draft="${CSS.escape(wanted)}"]`);
    if (!pane) return;
    const marker = document.createComment("the draft's place in the preview");
    pane.before(marker);
    pane.open = true;
    this.slot.append(pane);
    this.moved = { name: wanted, pane, marker };
  }
}
