// The draft saved in this browser (localStorage). Reading never throws: a draft that
// cannot be read is reported as such; storage that is blocked or full is reported once.
import { mark, t } from "../texts.js";

export const STORAGE_KEY = "shorthaul.builder.draft";
export const PREVIOUS_KEY = "shorthaul.builder.previous-draft";

const BLOCKED = mark("This browser does not let the page store anything, so your draft will not be kept when you leave. Copy or download it first.");
const FULL = mark("Your browser's storage is full, so this draft is not being saved. Copy or download it before you leave.");

export class DraftStore {
  // onProblem(text) is called once per new problem, with a sentence for the reader.
  constructor(onProblem) {
    this.onProblem = onProblem;
    this.problem = "";
  }

  report(message) {
    if (this.problem === message) return;
    this.problem = message;
    this.onProblem(message);
  }

  // { raw, saved } where saved is null when the text is not a draft; null when absent.
  read(key) {
    let raw;
    try {
      raw = localStorage.getItem(key);
    } catch (error) {
      this.report(t(BLOCKED));
      return null;
    }
    if (raw === null) return null;
    try {
      const saved = JSON.parse(raw);
      if (saved && typeof saved.values === "object" && saved.values) return { raw, saved };
    } catch (error) {
      // fall through: the caller reports it
    }
    return { raw, saved: null };
  }

  write(key, text) {
    try {
      localStorage.setItem(key, text);
      return true;
    } catch (error) {
      this.report(t(error && error.name === "QuotaExceededError" ? FULL : BLOCKED));
      return false;
    }
  }

  remove(...keys) {
    try {
      for (const key of keys) localStorage.removeItem(key);
    } catch (error) {
      // nothing was stored
    }
  }
}
