// Python's start-up as the reader sees it: progress, and what to do if it fails.
import { mark, t } from "../texts.js";

export class StartStatus {
  constructor(root) {
    this.root = root;
    this.loading = root.querySelector("[data-sh-loading]");
    this.failure = root.querySelector("[data-sh-failure]");
  }

  starting() {
    this.failure.hidden = true;
    this.loading.hidden = false;
    this.progress(0, mark("Starting the coach…"));
  }

  progress(step, label) {
    this.root.querySelector("[data-sh-loading-bar]").value = step;
    this.root.querySelector("[data-sh-loading-label]").textContent = t(label);
  }

  ready() {
    this.loading.hidden = true;
    this.root.dataset.shReady = "true";
  }

  failed(reason) {
    this.loading.hidden = true;
    this.failure.querySelector("[data-sh-failure-reason]").textContent =
      t("{reason} (If you are offline, or your browser blocks WebAssembly, the coach cannot run.)", { reason: t(reason) });
    this.failure.hidden = false;
    this.root.querySelector("[data-sh-send-state]").textContent =
      t("The coach is not running, so there are no drafts yet. The template in the panel works without it.");
  }
}
