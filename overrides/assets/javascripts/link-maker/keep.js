// What the link maker keeps in this browser (localStorage, its own key): the answers
// as typed and the last link Python made from them, so a reload or a later visit picks
// up where the coordinator left off. Never throws: storage that is blocked or full, or
// a kept copy that cannot be read, is reported once with a sentence (`texts`, from
// hooks/builder_page.py), and the form goes on working. A copy that cannot be read is
// set aside, never overwritten.
export const KEEP_KEY = "shorthaul.linkmaker.answers";
export const UNREADABLE_KEY = "shorthaul.linkmaker.answers.unreadable";
const VERSION = 1;

export class LinkMakerKeep {
  // onProblem(text) is called once per new problem, with a sentence for the reader.
  constructor(texts, onProblem) {
    this.texts = texts;
    this.onProblem = onProblem;
    this.problem = "";
  }

  report(key) {
    if (this.problem === key) return;
    this.problem = key;
    this.onProblem(this.texts[key]);
  }

  // { values, query } kept last time, or null (nothing kept, blocked, or unreadable).
  read(names) {
    let raw;
    try {
      raw = localStorage.getItem(KEEP_KEY);
    } catch (error) {
      this.report("blocked");
      return null;
    }
    if (raw === null) return null;
    const kept = parse(raw, names);
    if (kept) return kept;
    try {
      localStorage.setItem(UNREADABLE_KEY, raw);
      localStorage.removeItem(KEEP_KEY);
    } catch (error) {
      // left where it was: nothing is written over it until this succeeds
      this.unwritable = true;
    }
    this.report("unreadable");
    return null;
  }

  write(values, query) {
    if (this.unwritable) return false;
    const text = JSON.stringify({ version: VERSION, saved_at: new Date().toISOString(), values, query });
    try {
      localStorage.setItem(KEEP_KEY, text);
      return true;
    } catch (error) {
      this.report(error && error.name === "QuotaExceededError" ? "full" : "blocked");
      return false;
    }
  }

  clear() {
    try {
      localStorage.removeItem(KEEP_KEY);
    } catch (error) {
      // nothing was kept
    }
  }
}

// The kept answers, only the link maker's own fields and only strings; null if the
// text is not a copy the link maker wrote.
function parse(raw, names) {
  let data;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    return null;
  }
  if (!data || typeof data !== "object" || !data.values || typeof data.values !== "object") return null;
  const values = {};
  for (const name of names) {
    if (typeof data.values[name] === "string") values[name] = data.values[name];
  }
  return { values, query: typeof data.query === "string" ? data.query : "" };
}
