// The coordinators' link maker: sends the fields to the builder's Python (its own
// URL-state code) and shows the pre-filled link it makes. Python is started on the
// first edit, so reading the page costs no Python download.
//
// The status line is a live region, so it changes only when typing pauses and only when
// its words change: a screen reader hears where the reader ended up, not every keystroke.
// Answers to a button ("Copied the link.") are said at once.
import { updateCounts } from "./field-counts.js";
import { PythonWorker } from "./python.js";

const PAUSE_MS = 800;

function mount(root) {
  const names = JSON.parse(root.querySelector("[data-sh-linkmaker-data]").textContent);
  const form = root.querySelector("[data-sh-form]");
  const status = root.querySelector("[data-sh-linkmaker-status]");
  const output = root.querySelector("[data-sh-linkmaker-link]");
  const open = root.querySelector("[data-sh-linkmaker-open]");
  const builderUrl = new URL(root.dataset.shBuilderUrl, location.href);
  let dirty = false;
  let pending = null;
  let timer = 0;

  const values = () => Object.fromEntries(names.map((name) => [name, form.elements.namedItem(name).value]));

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
    onFailed: (reason) => tell(`The link maker could not start Python: ${reason} Edit a field to try again.`),
    onAnswer: (message, latest) => {
      if (message.type === "result" && latest) show(message.result);
      flush();
    },
  });

  function flush() {
    if (!python.ready || python.busy || !dirty) return;
    dirty = false;
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
    if (!result.query) {
      output.value = "";
      settle("Fix the field marked above, and the link appears here.");
      return;
    }
    const link = new URL(builderUrl);
    link.search = result.query;
    output.value = link.href;
    open.href = link.href;
    settle("Your link is ready. Anyone who opens it gets the builder with these answers filled in.");
  }

  form.addEventListener("input", () => {
    updateCounts(root, form);
    dirty = true;
    if (timer) settle(pending);
    if (!python.worker) {
      tell("Starting Python to make your link; it runs in your browser.");
      python.start();
    }
    flush();
  });
  form.addEventListener("change", () => { dirty = true; flush(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  root.querySelector("[data-sh-linkmaker-copy]").addEventListener("click", async () => {
    if (!output.value) {
      tell("There is no link yet: fill in a field first.");
      return;
    }
    try {
      await navigator.clipboard.writeText(output.value);
      tell("Copied the link.");
    } catch (error) {
      output.select();
      tell("Your browser did not allow copying; the link is selected, copy it by hand.");
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
