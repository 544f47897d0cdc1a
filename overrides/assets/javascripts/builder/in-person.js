// Asking in person (step 2's "How will you ask?"): the draft to take along is "What to
// say". When the way of asking changes to it, its pane opens; step 5 copies it, says
// "go and ask" rather than "send it", offers no mail link, and prints it alone on a card: the reader's own
// version of it (edits included), set as text, never as markup.
import { el, setHidden, setText } from "./dom.js";
import { t } from "../texts.js";

const PRINTING = "sh-printing-card";

export class AskInPerson {
  // drafts: the draft panes (builder/drafts.js), for the reader's version.
  constructor(root, drafts) {
    this.root = root;
    this.drafts = drafts;
    this.primary = "";
    this.button = root.querySelector("[data-sh-print-card]");
    this.copy = root.querySelector('[data-sh-copy="primary"]');
    this.mail = root.querySelector("[data-sh-mailto]");
    this.button?.addEventListener("click", () => this.printCard());
    addEventListener("afterprint", () => document.body.classList.remove(PRINTING));
  }

  get spoken() {
    return this.primary === "spoken";
  }

  show(primary) {
    if (primary === this.primary) return;
    this.primary = primary;
    const pane = this.root.querySelector(`[data-sh-draft="${CSS.escape(primary)}"]`);
    if (pane && !pane.open) pane.open = true;
    // Said, not sent: the card takes the mail link's place (the email stays in its pane).
    if (this.button) setHidden(this.button, !this.spoken);
    if (this.mail) setHidden(this.mail, this.spoken);
    if (this.copy) setText(this.copy, this.spoken ? t("Copy what to say") : t("Copy the message"));
  }

  // The card: a page of its own holding only what to say, printed, then removed.
  printCard() {
    const draft = this.drafts.current("spoken");
    if (!draft) return;
    document.querySelector("[data-sh-card]")?.remove();
    const card = el("section", "sh-card");
    card.dataset.shCard = "";
    card.append(el("pre", "sh-card__text", draft.text));
    document.body.append(card);
    document.body.classList.add(PRINTING);
    print();
  }
}
