// The page side of the Python worker (builder-worker.js): starts it, reports its
// progress, notices when it fails or stalls, and passes JSON messages to
// builder.web.handle and the answers back. Used by the builder and the link maker.
import { LANGUAGE, t } from "./texts.js";

// A start-up that shows no progress for this long is reported as failed.
const STALL_MS = 120_000;
// Set in <head> by main.html while `mkdocs serve` serves the page.
const NO_SERVICE_WORKER = 'meta[name="sh-service-worker"][content="off"]';

export class PythonWorker {
  constructor(root, { onProgress, onReady, onFailed, onAnswer }) {
    this.root = root;
    this.workerUrl = new URL(root.dataset.shWorker, location.href);
    this.indexURL = new URL(root.dataset.shPyodide, location.href).href;
    this.on = { onProgress, onReady, onFailed, onAnswer };
    this.worker = null;
    this.ready = false;
    this.busy = false;
    this.seq = 0;
    this.asked = new Map(); // "ask-n" -> resolve: answers to ask(), apart from send()'s
    this.asks = 0;
  }

  start() {
    this.stop();
    try {
      this.worker = new Worker(this.workerUrl, { type: "module" });
    } catch (error) {
      this.fail(String(error.message || error));
      return;
    }
    this.worker.addEventListener("message", (event) => this.received(JSON.parse(event.data)));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(event.message || t("The coach's script could not be loaded."));
    });
    // keep: the worker puts the Python files it fetches into the cache the service
    // worker (sw.js) serves them from, for the next visit and offline use. Not under
    // `mkdocs serve`, which runs no service worker.
    const keep = "serviceWorker" in navigator && !document.querySelector(NO_SERVICE_WORKER);
    this.worker.postMessage(JSON.stringify({ type: "start", indexURL: this.indexURL, keep }));
    this.watch();
  }

  stop() {
    clearTimeout(this.stallTimer);
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    this.busy = false;
    for (const resolve of this.asked.values()) resolve({ type: "error", reason: "stopped" });
    this.asked.clear();
  }

  fail(reason) {
    this.stop();
    this.on.onFailed(reason);
  }

  watch() {
    clearTimeout(this.stallTimer);
    if (this.ready || !this.worker) return;
    this.stallTimer = setTimeout(() => this.fail(t("Starting Python is taking far too long.")), STALL_MS);
  }

  // Sends one message; the answer arrives through onAnswer. Returns its id.
  send(message) {
    this.busy = true;
    this.root.dataset.shBusy = "true"; // an answer is on its way (for tests: wait for "false")
    message.id = ++this.seq;
    this.worker.postMessage(JSON.stringify({ language: LANGUAGE, ...message }));
    return message.id;
  }

  // One message whose answer the caller awaits (the list of requests, files, the
  // calendar). Its own ids, so the edits' answers (send) stay in order.
  ask(message) {
    if (!this.ready) return Promise.resolve({ type: "error", reason: "not ready" });
    const id = `ask-${++this.asks}`;
    return new Promise((resolve) => {
      this.asked.set(id, resolve);
      this.worker.postMessage(JSON.stringify({ language: LANGUAGE, ...message, id }));
    });
  }

  received(message) {
    if (this.asked.has(message.id)) {
      this.asked.get(message.id)(message);
      this.asked.delete(message.id);
    } else if (message.type === "progress") {
      this.watch();
      this.on.onProgress(message.step, message.of, message.label);
    } else if (message.type === "ready") {
      this.ready = true;
      clearTimeout(this.stallTimer);
      // How Python started ("snapshot", or "wheels" and why not the snapshot): for
      // whoever looks at the page in developer tools, and for the tests.
      this.root.dataset.shPythonStart = message.start;
      this.on.onReady();
    } else if (message.type === "failed") {
      this.fail(message.reason);
    } else {
      this.busy = false;
      this.root.dataset.shBusy = "false";
      this.on.onAnswer(message, message.id === this.seq);
    }
  }
}
