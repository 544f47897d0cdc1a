// The coordinators' link maker: sends the fields to the builder's Python (its own
// URL-state code) and shows the pre-filled link it makes. Python is started on the
// first edit, so reading the page costs no Python download.
import { updateCounts } from "./field-counts.js";
import { PythonWorker } from "./python.js";

function mount(root) {
  const names = JSON.parse(root.querySelector("[data-sh-linkmaker-data]").textContent);
  const form = root.querySelector("[data-sh-form]");
  const status = root.querySelector("[data-sh-linkmaker-status]");
  const output = root.querySelector("[data-sh-linkmaker-link]");
  const open = root.querySelector("[data-sh-linkmaker-open]");
  const builderUrl = new URL(root.dataset.shBuilderUrl, location.href);
  let dirty = false;

  const values = () => Object.fromEntries(names.map((name) => [name, form.elements.namedItem(name).value]));

  const python = new PythonWorker(root, {
    onProgress: (step, of, label) => { status.textContent = `${label} (${step} of ${of})`; },
    onReady: () => { dirty = true; flush(); },
    onFailed: (reason) => {
      status.textContent = `The link maker could not start Python: ${reason} Edit a field to try again.`;
    },
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
      out.textContent = messages.map((m) => m.text).join(" ");
      out.classList.toggle("sh-field__message--error", messages.some((m) => m.severity === "error"));
    }
    if (!result.query) {
      output.value = "";
      status.textContent = "Fix the field marked above, and the link appears here.";
      return;
    }
    const link = new URL(builderUrl);
    link.search = result.query;
    output.value = link.href;
    open.href = link.href;
    status.textContent = "Your link is ready. Anyone who opens it gets the builder with these answers filled in.";
    root.dataset.shReady = "true";
  }

  form.addEventListener("input", () => {
    updateCounts(root, form);
    dirty = true;
    if (!python.worker) python.start();
    flush();
  });
  form.addEventListener("change", () => { dirty = true; flush(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  root.querySelector("[data-sh-linkmaker-copy]").addEventListener("click", async () => {
    if (!output.value) {
      status.textContent = "There is no link yet: fill in a field first.";
      return;
    }
    try {
      await navigator.clipboard.writeText(output.value);
      status.textContent = "Copied the link.";
    } catch (error) {
      output.select();
      status.textContent = "Your browser did not allow copying; the link is selected, copy it by hand.";
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
