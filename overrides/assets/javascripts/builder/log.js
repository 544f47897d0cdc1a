// The meetings: one entry per meeting, made from the page's <template>, the "keep the
// agreement" view and the messages next to each entry's date. Python reads the log
// (builder.after.progress) and drafts the report-back and thank-you from it.
import { el, replaceIfChanged, setFlag, setText } from "./dom.js";
import { t } from "../texts.js";

export class MeetingLog {
  // onChange() is called when an entry is added or removed (typing is a form input).
  constructor(root, onChange) {
    this.box = root.querySelector("[data-sh-log]");
    this.list = this.box.querySelector("[data-sh-log-list]");
    this.template = this.box.querySelector("[data-sh-log-template]");
    this.dialog = this.box.querySelector("[data-sh-log-dialog]");
    this.onChange = onChange;
    this.removing = null;
    this.box.addEventListener("click", (event) => this.clicked(event));
  }

  clicked(event) {
    const target = event.target.closest("button");
    if (!target) return;
    if ("shLogAdd" in target.dataset) {
      this.add({});
      this.renumber();
      this.entries().at(-1).querySelector("[data-sh-log-field]").focus();
      this.onChange();
    } else if ("shLogRemove" in target.dataset) {
      this.removing = target.closest("[data-sh-log-entry]");
      this.dialog.showModal();
    } else if ("shLogRemoveConfirm" in target.dataset) {
      this.dialog.close();
      this.removing?.remove();
      this.removing = null;
      this.renumber();
      this.box.querySelector("[data-sh-log-add]").focus();
      this.onChange();
    } else if ("shDialogCancel" in target.dataset && target.closest("[data-sh-log-dialog]")) {
      this.dialog.close();
    }
  }

  entries() {
    return [...this.list.querySelectorAll("[data-sh-log-entry]")];
  }

  add(entry) {
    const index = this.entries().length;
    const item = this.template.content.firstElementChild.cloneNode(true);
    this.number(item, index);
    for (const input of item.querySelectorAll("[data-sh-log-field]")) {
      const value = entry[input.dataset.shLogField];
      input.value = typeof value === "string" ? value : "";
    }
    this.list.append(item);
  }

  // Ids, names and labels carry the entry's index: __N__ in the template.
  number(item, index) {
    for (const node of item.querySelectorAll("[id], [for], [name], [aria-describedby]")) {
      for (const attribute of ["id", "for", "name", "aria-describedby"]) {
        const value = node.getAttribute(attribute);
        if (value) node.setAttribute(attribute, value.replace(/(__N__|(?<=sh-log-|log\.)\d+)/g, String(index)));
      }
    }
    item.querySelector("[data-sh-log-title]").textContent = t("Meeting {n}", { n: index + 1 });
    item.querySelector("[data-sh-log-remove]").textContent = t("Remove meeting {n}", { n: index + 1 });
  }

  renumber() {
    this.entries().forEach((item, index) => this.number(item, index));
  }

  state() {
    return this.entries().map((item) => {
      const entry = {};
      for (const input of item.querySelectorAll("[data-sh-log-field]")) {
        entry[input.dataset.shLogField] = input.type === "date" && input.validity?.badInput ? "incomplete" : input.value;
      }
      return entry;
    });
  }

  fill(log) {
    this.list.replaceChildren();
    for (const entry of Array.isArray(log) ? log : []) {
      if (entry && typeof entry === "object") this.add(entry);
    }
  }

  show(view) {
    const agreement = view?.agreement;
    if (!agreement) return;
    const summary = this.box.querySelector("[data-sh-agreement-summary]");
    if (agreement.summary) setText(summary, agreement.summary);
    setText(this.box.querySelector("[data-sh-thanks-later]"), view.thanks_later ?? "");
    replaceIfChanged(this.box.querySelector("[data-sh-agreement-notes]"), agreement.notes,
      () => agreement.notes.map((note) => el("li", "sh-agreement__note", note)));
    this.entries().forEach((item, index) => {
      const message = (view.messages || []).find((m) => m.field === `log.${index}.date`);
      const out = item.querySelector('[data-sh-log-message="date"]');
      const input = item.querySelector('[data-sh-log-field="date"]');
      setText(out, message ? message.text : "");
      out.classList.toggle("sh-field__message--error", Boolean(message));
      setFlag(input, "aria-invalid", Boolean(message));
    });
  }
}
