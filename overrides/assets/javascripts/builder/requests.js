// "Your requests": the bar above the form (open one, new, rename, delete with
// confirmation), shown once there is more than one request to choose from, and the
// section below the builder (a new request, export one or all, import, Markdown of the
// whole arrangement). Python makes and checks every change to the list ("requests",
// "import"); this moves the answers. Names and messages go in as .textContent and
// .value only.
import { clearStatus, el, replaceIfChanged, sayIn } from "./dom.js";
import { saveFile } from "./save.js";
import { t } from "../texts.js";

const TOO_BIG = 5_000_000; // bytes: not read at all (Python refuses anything over 1 MB)

export class RequestsBar {
  // host: { python, keeper, today(), beforeChange(), open(record, step), announce(text) }
  constructor(root, host) {
    this.root = root;
    this.host = host;
    this.bar = root.querySelector("[data-sh-requests]");
    this.files = root.querySelector("[data-sh-requests-files]");
    const q = (selector) => root.querySelector(selector);
    this.list = q("[data-sh-requests-list]");
    this.out = q("[data-sh-requests-feedback]");
    this.filesOut = q("[data-sh-files-feedback]");
    this.importInput = q("[data-sh-import]");
    this.importMessage = q("[data-sh-import-message]");
    this.dialogs = {
      rename: q("[data-sh-rename-dialog]"),
      remove: q("[data-sh-delete-dialog]"),
      import: q("[data-sh-import-dialog]"),
    };
    this.renameInput = q("[data-sh-rename-name]");
    this.renameMessage = q("[data-sh-rename-message]");
    this.pendingImport = null;
    this.list.addEventListener("change", () => this.switchTo(this.list.value));
    this.importInput.addEventListener("change", () => this.chooseFile());
    for (const part of [this.bar, this.files]) part.addEventListener("click", (event) => this.clicked(event));
    q("[data-sh-rename-form]").addEventListener("submit", (event) => {
      event.preventDefault();
      this.rename();
    });
    q("[data-sh-import-form]").addEventListener("submit", (event) => {
      event.preventDefault();
      this.applyImport();
    });
    this.showBar(this.host.keeper.document);
  }

  // Seen where the reader is (the bar's line, or the files' below the builder), alone
  // in its area, and said once by the page's announcer.
  say(text, line = this.bar.hidden ? this.filesOut : this.out) {
    sayIn(line, text);
    this.host.announce(text);
  }

  // The bar above the form is for choosing: it shows once there are two requests or more.
  showBar(document) {
    this.bar.hidden = (document?.requests?.length ?? 0) < 2;
  }

  // Python has opened the document: everything here can be used.
  ready() {
    for (const part of [this.bar, this.files]) {
      for (const control of part.querySelectorAll("button, select, input")) control.disabled = false;
    }
    this.bar.querySelector("[data-sh-requests-wait]").hidden = true;
    this.render();
  }

  render() {
    const { document } = this.host.keeper;
    if (!document) return;
    this.showBar(document);
    const names = document.requests.map((record) => [record.id, record.name || t("Untitled request")]);
    replaceIfChanged(this.list, names, () => names.map(([id, name]) => {
      const option = el("option", "", name);
      option.value = id;
      return option;
    }));
    if (this.list.value !== document.current) this.list.value = document.current;
  }

  clicked(event) {
    const target = event.target.closest("button");
    if (!target) return;
    const data = target.dataset;
    if ("shRequestsNew" in data) this.addNew();
    else if ("shRequestsRename" in data) this.openRename();
    else if ("shRequestsDelete" in data) this.dialogs.remove.showModal();
    else if ("shDeleteConfirm" in data) this.remove();
    else if ("shDialogCancel" in data) target.closest("dialog").close();
    else if (data.shExport) this.export(data.shExport);
  }

  switchTo(id) {
    const { keeper } = this.host;
    if (!keeper.document || id === keeper.document.current) return;
    this.host.beforeChange();
    keeper.document.current = id;
    keeper.write();
    this.host.open(keeper.current());
    this.render();
  }

  // One change to the list, made by Python; the form then shows the current request (at
  // `step`, when the change is a new request).
  async change(message, said, step = "") {
    const { keeper, python } = this.host;
    this.host.beforeChange();
    const current = keeper.document.current;
    const answer = await python.ask({ type: "requests", document: keeper.document, request: current, today: this.host.today(), ...message });
    if (answer.type !== "result") {
      this.say(t("That did not work: the coach hit a problem. Nothing was changed."));
      return null;
    }
    if (answer.result.message) return answer.result.message;
    keeper.replace(answer.result.document);
    this.host.open(keeper.current(), step);
    this.render();
    if (said) this.say(said);
    return "";
  }

  // Deletes a request the reader is not working on, without a word: the one a link
  // filled in, when they went back to their own.
  async drop(id) {
    const { keeper, python } = this.host;
    const answer = await python.ask({ type: "requests", op: "remove", document: keeper.document, request: id, today: this.host.today() });
    if (answer.type !== "result" || answer.result.message) return;
    keeper.replace(answer.result.document);
    this.render();
  }

  // A new request, at the first step: blank but for the reader's own name and email.
  addNew() {
    return this.change({ op: "add" }, t("A new request. Your others are in the list above the form."), "focus");
  }

  // "Ask someone else": the same focus and time box, for another person.
  askSomeoneElse() {
    return this.change({ op: "add", copy_from: this.host.keeper.document?.current }, t("A new request with the same focus and time box. Fill in who you are asking."), "mentor");
  }

  openRename() {
    this.renameInput.value = this.host.keeper.current()?.name ?? "";
    this.showMessage(this.renameInput, this.renameMessage, "");
    this.dialogs.rename.showModal();
  }

  async rename() {
    const id = this.host.keeper.document.current;
    const problem = await this.change({ op: "rename", request: id, name: this.renameInput.value });
    this.showMessage(this.renameInput, this.renameMessage, problem ?? "");
    if (problem === "") {
      this.dialogs.rename.close();
      this.say(t("Renamed to “{name}”.", { name: this.host.keeper.current()?.name }));
    } else {
      this.renameInput.focus();
    }
  }

  showMessage(input, out, text) {
    out.textContent = text;
    out.classList.toggle("sh-field__message--error", Boolean(text));
    if (text) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  async remove() {
    const name = this.host.keeper.current()?.name ?? t("The request");
    this.dialogs.remove.close();
    await this.change({ op: "remove", request: this.host.keeper.document.current });
    this.say(t("Deleted “{name}”.", { name }));
  }

  async export(kind) {
    const { keeper, python } = this.host;
    this.host.beforeChange();
    const request = kind === "all" ? "" : keeper.document.current;
    const type = kind === "markdown" ? "export-markdown" : "export";
    const answer = await python.ask({ type, document: keeper.document, request, today: this.host.today(), now: new Date().toISOString() });
    if (answer.type !== "result" || !answer.result.text) {
      this.say(t("There is nothing to export yet."), this.filesOut);
      return;
    }
    const mime = kind === "markdown" ? "text/markdown" : "application/json";
    saveFile(answer.result.name, answer.result.text, mime);
    this.say(t("Downloaded {file}.", { file: answer.result.name }), this.filesOut);
  }

  // A refusal, beside the file input: alone in its area, like every status line.
  refuse(text) {
    sayIn(this.importMessage, text);
    this.showMessage(this.importInput, this.importMessage, text);
  }

  // A file was chosen: Python checks it and says what importing would do; importing
  // over requests the reader has asks first, with a choice for each one that differs.
  async chooseFile() {
    const file = this.importInput.files?.[0];
    clearStatus(this.files);
    if (!file) return;
    if (file.size > TOO_BIG) {
      this.refuse(t("The file is too big to be a Short Haul export (over 1 MB). Nothing was changed."));
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      this.refuse(t("The file could not be read. Nothing was changed."));
      return;
    }
    this.host.beforeChange();
    const answer = await this.host.python.ask({ type: "import", document: this.host.keeper.document, text });
    const result = answer.result;
    if (answer.type !== "result" || !result.ok) {
      this.refuse(`${result?.message ?? t("The file could not be checked.")} ${t("Nothing was changed.")}`);
      return;
    }
    this.pendingImport = { result, text };
    if (!result.ask) {
      this.applyImport();
      return;
    }
    const count = result.items.length;
    this.dialogs.import.querySelector("[data-sh-import-text]").textContent =
      count === 1
        ? t("The file holds one request. Nothing of yours is replaced unless you tick it below.")
        : t("The file holds {n} requests. Nothing of yours is replaced unless you tick it below.", { n: count });
    const list = this.dialogs.import.querySelector("[data-sh-import-items]");
    list.replaceChildren(...result.items.map((item, index) => this.importItem(item, index, result.choice)));
    this.dialogs.import.showModal();
  }

  importItem(item, index, choice) {
    const li = el("li", "sh-import__item", item.text);
    if (item.status !== "both") return li;
    const label = el("label", "sh-import__choice");
    const box = el("input");
    box.type = "checkbox";
    box.value = item.id;
    box.id = `sh-import-replace-${index}`;
    box.dataset.shImportReplace = "";
    label.htmlFor = box.id;
    label.append(box, " ", choice);
    li.append(el("br"), label);
    return li;
  }

  async applyImport() {
    const pending = this.pendingImport;
    this.dialogs.import.close();
    if (!pending) return;
    this.pendingImport = null;
    let { result } = pending;
    const replace = [...this.dialogs.import.querySelectorAll("[data-sh-import-replace]:checked")].map((box) => box.value);
    if (replace.length) {
      const answer = await this.host.python.ask({ type: "import", document: this.host.keeper.document, text: pending.text, replace });
      if (answer.type !== "result" || !answer.result.ok) {
        this.refuse(`${answer.result?.message ?? t("The file could not be checked.")} ${t("Nothing was changed.")}`);
        return;
      }
      result = answer.result;
    }
    this.importInput.value = "";
    this.host.keeper.replace(result.document);
    this.host.open(this.host.keeper.current());
    this.render();
    this.say(result.summary, this.filesOut);
  }
}
