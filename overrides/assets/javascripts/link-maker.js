// The coordinators' link maker: sends the fields to the builder's Python (its own
// URL-state code) and shows the pre-filled link it makes. Python is started on the
// first edit, so reading the page costs no Python download.
//
// The status line is a live region, so it changes only when typing pauses and only when
// its words change: a screen reader hears where the reader ended up, not every keystroke.
// Answers to a button ("Copied the link.") are said at once.
//
// The answers and the last link are kept in this browser as they are typed
// (link-maker/keep.js) and come back on the next visit, link and all; Python then starts
// to check them, as after an edit. "Clear the form" asks first.
import { updateCounts } from "./field-counts.js";
import { LinkMakerKeep } from "./link-maker/keep.js";
import { PythonWorker } from "./python.js";
import { t } from "./texts.js";

const PAUSE_MS = 800;
const SAVE_DELAY_MS = 300;

function mount(root) {
  const names = JSON.parse(root.querySelector("[data-sh-linkmaker-data]").textContent);
  const form = root.querySelector("[data-sh-form]");
  const status = root.querySelector("[data-sh-linkmaker-status]");
  const output = root.querySelector("[data-sh-linkmaker-link]");
  const open = root.querySelector("[data-sh-linkmaker-open]");
  const kept = root.querySelector("[data-sh-linkmaker-kept]");
  const dialog = root.querySelector("[data-sh-linkmaker-clear-dialog]");
  const texts = JSON.parse(root.querySelector("[data-sh-linkmaker-texts]").textContent);
  const keep = new LinkMakerKeep(texts, (text) => { kept.textContent = text; });
  const builderUrl = new URL(root.dataset.shBuilderUrl, location.href);
  let dirty = false;
  let pending = null;
  let timer = 0;
  let saveTimer = 0;
  let query = ""; // the link Python last made, as kept with the answers
  let round = 0; // "Clear the form" starts a new round: answers to older questions are dropped
  let asked = 0; // the round of the question with Python

  const values = () => Object.fromEntries(names.map((name) => [name, form.elements.namedItem(name).value]));

  // Kept as typed; a form back as the page drew it keeps nothing (a reload then starts
  // no Python and says nothing came back).
  function save() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (names.every(untouched)) keep.clear();
    else keep.write(values(), query);
  }

  function saveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }

  // The link for a query Python made, in the output and behind "Open the builder".
  function showLink(made) {
    query = made;
    if (!made) {
      output.value = "";
      open.href = builderUrl.href;
      return;
    }
    const link = new URL(builderUrl);
    link.search = made;
    output.value = link.href;
    open.href = link.href;
  }

  // Each field still as the page drew it (nothing typed before this script ran).
  function untouched(name) {
    const item = form.elements.namedItem(name);
    if (item instanceof RadioNodeList) return [...item].every((radio) => radio.checked === radio.defaultChecked);
    return item.value === item.defaultValue;
  }

  // The answers kept last time into the fields not typed in yet, and their link.
  function restore() {
    const last = keep.read(names);
    if (!last || !Object.keys(last.values).length) return false;
    for (const [name, value] of Object.entries(last.values)) {
      if (!untouched(name)) continue;
      const item = form.elements.namedItem(name);
      if (item instanceof RadioNodeList) {
        for (const radio of item) radio.checked = radio.value === value;
      } else {
        item.value = value;
      }
    }
    updateCounts(root, form);
    showLink(last.query);
    kept.textContent = texts.restored;
    return true;
  }

  // The status once typing pauses (restarted by every edit), if its words changed.
  function settle(text) {
    pending = text;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      if (status.textContent !== pending) status.textContent = pending;
    }, PAUSE_MS);
  }

  // The status now, said even if the words are the same as before.
  function tell(text) {
    clearTimeout(timer);
    timer = 0;
    status.textContent = "";
    setTimeout(() => { status.textContent = text; }, 50);
  }

  const python = new PythonWorker(root, {
    onProgress: () => {},
    onReady: () => { dirty = true; flush(); },
    onFailed: (reason) => tell(t("The link maker could not start Python: {reason} Edit a field to try again.", { reason: t(reason) })),
    onAnswer: (message, latest) => {
      if (message.type === "result" && latest && asked === round) show(message.result);
      flush();
    },
  });

  function flush() {
    if (!python.ready || python.busy || !dirty) return;
    dirty = false;
    asked = round;
    python.send({ type: "link", values: values() });
  }

  function show(result) {
    for (const name of names) {
      const out = root.querySelector(`[data-sh-message="${CSS.escape(name)}"]`);
      const messages = result.messages[name] || [];
      const error = messages.some((m) => m.severity === "error");
      out.textContent = messages.map((m) => m.text).join(" ");
      out.classList.toggle("sh-field__message--error", error);
      const field = form.elements.namedItem(name);
      if (field && !(field instanceof RadioNodeList)) {
        if (error) field.setAttribute("aria-invalid", "true");
        else field.removeAttribute("aria-invalid");
      }
    }
    root.dataset.shReady = "true";
    showLink(result.query);
    saveSoon();
    if (!result.query) {
      settle(t("Fix the field marked above, and the link appears here."));
      return;
    }
    settle(t("Your link is ready. Anyone who opens it gets the builder with these answers filled in."));
  }

  function startPython() {
    if (python.worker) return;
    tell(t("Starting Python to make your link; it runs in your browser."));
    python.start();
  }

  function clear() {
    dialog.close();
    round += 1;
    clearTimeout(saveTimer);
    saveTimer = 0;
    form.reset();
    updateCounts(root, form);
    showLink("");
    keep.clear();
    for (const out of root.querySelectorAll("[data-sh-message]")) out.textContent = "";
    for (const item of form.querySelectorAll("[aria-invalid]")) item.removeAttribute("aria-invalid");
    kept.textContent = texts.cleared;
    settle(t("Fill in any of the fields above; the link appears here."));
    dirty = false;
    form.elements.namedItem(names[0])?.focus();
  }

  form.addEventListener("input", () => {
    updateCounts(root, form);
    dirty = true;
    saveSoon();
    if (timer) settle(pending);
    startPython();
    flush();
  });
  form.addEventListener("change", () => { dirty = true; saveSoon(); flush(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  addEventListener("pagehide", () => { if (saveTimer) save(); });
  root.querySelector("[data-sh-linkmaker-clear]").addEventListener("click", () => dialog.showModal());
  root.querySelector("[data-sh-linkmaker-clear-cancel]").addEventListener("click", () => dialog.close());
  root.querySelector("[data-sh-linkmaker-clear-confirm]").addEventListener("click", clear);
  if (restore()) {
    // Kept answers count as an edit: Python checks them and makes their link afresh.
    dirty = true;
    startPython();
  }
  root.querySelector("[data-sh-linkmaker-copy]").addEventListener("click", async () => {
    if (!output.value) {
      tell(t("There is no link yet: fill in a field first."));
      return;
    }
    try {
      await navigator.clipboard.writeText(output.value);
      tell(t("Copied the link."));
    } catch (error) {
      output.select();
      tell(t("Your browser did not allow copying; the link is selected, copy it by hand."));
    }
  });
}

function mountAll() {
  for (const root of document.querySelectorAll("[data-sh-linkmaker]:not([data-sh-mounted])")) {
    root.dataset.shMounted = "true";
    mount(root);
  }
}

if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
