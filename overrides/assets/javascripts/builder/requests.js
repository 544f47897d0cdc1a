// "Your requests": the list (open one, new, rename, delete with confirmation) and the
// files (export one or all, import, Markdown of the whole arrangement). Python makes
// and checks every change to the list ("requests", "import"); this moves the answers.
// Names and messages go in as .textContent and .value only.
import { el, replaceIfChanged } from "./dom.js";
import { saveFile } from "./save.js";

const READY_TEXT =
  "Asking two or three people? Each request is listed here with its own replies and meeting log: pick one to work on.";
const TOO_BIG = 5_000_000; // bytes: not read at all (Python refuses anything over 1 MB)

export class RequestsBar {
  // host: { python, keeper, today(), beforeChange(), open(record), announce(text) }
  constructor(root, host) {
    this.host = host;
    this.bar = root.querySelector("[data-sh-requests]");
    const q = (selector) => this.bar.querySelector(selector);
    this.list = q("[data-sh-requests-list]");
    this.wait = q("[data-sh-requests-wait]");
    this.out = q("[data-sh-requests-feedback]");
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
    this.bar.addEventListener("click", (event) => this.clicked(event));
  }

  // Seen beside the buttons, said once by the page's announcer.
  say(text) {
    this.out.textContent = text;
    this.host.announce(text);
  }

  // Python has opened the document: everything here can be used.
  // The line above the list changes its words, not its place: hiding it would move the
  // whole form up under the reader's pointer just as Python starts.
  ready() {
    this.wait.textContent = READY_TEXT;
    for (const control of this.bar.querySelectorAll("button, select, input")) control.disabled = false;
    this.render();
  }

  render() {
    const { document } = this.host.keeper;
    if (!document) return;
    const names = document.requests.map((record) => [record.id, record.name || "Untitled request"]);
    replaceIfChanged(this.list, names, () => names.map(([id, name]) => {
      const option = el("option", "", name);
      option.value = id;
      return option;
    }));
    if (this.list.value !== document.current) this.list.value = document.current;
    this.bar.querySelector("[data-sh-requests-delete]").disabled = false;
  }

  clicked(event) {
    const target = event.target.closest("button");
    if (!target) return;
    const data = target.dataset;
    if ("shRequestsNew" in data) this.change({ op: "add" }, "A new, blank request. Your others are in the list.");
    else if ("shRequestsRename" in data) this.openRename();
    else if ("shRenameConfirm" in data) this.rename();
    else if ("shRequestsDelete" in data) this.dialogs.remove.showModal();
    else if ("shDeleteConfirm" in data) this.remove();
    else if ("shImportConfirm" in data) this.applyImport();
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

  // One change to the list, made by Python; the form then shows the current request.
  async change(message, said) {
    const { keeper, python } = this.host;
    this.host.beforeChange();
    const answer = await python.ask({ type: "requests", document: keeper.document, today: this.host.today(), ...message });
    if (answer.type !== "result") {
      this.say("That did not work: the coach hit a problem. Nothing was changed.");
      return null;
    }
    if (answer.result.message) return answer.result.message;
    keeper.replace(answer.result.document);
    this.host.open(keeper.current());
    this.render();
    if (said) this.say(said);
    return "";
  }

  // "Ask someone else": the same focus and time box, for another person.
  askSomeoneElse() {
    const id = this.host.keeper.document?.current;
    return this.change({ op: "add", copy_from: id }, "A new request with the same focus and time box. Fill in who you are asking.");
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
      this.say(`Renamed to “${this.host.keeper.current()?.name}”.`);
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
    const name = this.host.keeper.current()?.name ?? "The request";
    this.dialogs.remove.close();
    await this.change({ op: "remove", request: this.host.keeper.document.current });
    this.say(`Deleted “${name}”.`);
  }

  async export(kind) {
    const { keeper, python } = this.host;
    this.host.beforeChange();
    const request = kind === "all" ? "" : keeper.document.current;
    const type = kind === "markdown" ? "export-markdown" : "export";
    const answer = await python.ask({ type, document: keeper.document, request, today: this.host.today(), now: new Date().toISOString() });
    if (answer.type !== "result" || !answer.result.text) {
      this.say("There is nothing to export yet.");
      return;
    }
    const mime = kind === "markdown" ? "text/markdown" : "application/json";
    saveFile(answer.result.name, answer.result.text, mime);
    this.say(`Downloaded ${answer.result.name}.`);
  }

  // A file was chosen: Python checks it; importing over existing requests asks first.
  async chooseFile() {
    const file = this.importInput.files?.[0];
    this.showMessage(this.importInput, this.importMessage, "");
    if (!file) return;
    if (file.size > TOO_BIG) {
      this.showMessage(this.importInput, this.importMessage, "The file is too big to be a Short Haul export (over 1 MB). Nothing was changed.");
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      this.showMessage(this.importInput, this.importMessage, "The file could not be read. Nothing was changed.");
      return;
    }
    this.host.beforeChange();
    const answer = await this.host.python.ask({ type: "import", document: this.host.keeper.document, text });
    const result = answer.result;
    if (answer.type !== "result" || !result.ok) {
      const why = result?.message ?? "The file could not be checked.";
      this.showMessage(this.importInput, this.importMessage, `${why} Nothing was changed.`);
      return;
    }
    this.pendingImport = result;
    if (!result.ask) {
      this.applyImport();
      return;
    }
    const parts = [];
    if (result.added.length) parts.push(`${result.added.length} to add: ${result.added.join("; ")}.`);
    if (result.replaced.length) parts.push(`${result.replaced.length} to replace, with the version in the file: ${result.replaced.join("; ")}.`);
    this.dialogs.import.querySelector("[data-sh-import-text]").textContent = `${parts.join(" ")} Your other requests are kept.`;
    this.dialogs.import.showModal();
  }

  applyImport() {
    const result = this.pendingImport;
    this.dialogs.import.close();
    if (!result) return;
    this.pendingImport = null;
    this.importInput.value = "";
    this.host.keeper.replace(result.document);
    this.host.open(this.host.keeper.current());
    this.render();
    const count = result.added.length + result.replaced.length;
    this.say(`Imported ${count === 1 ? "one request" : `${count} requests`}.`);
  }
}
