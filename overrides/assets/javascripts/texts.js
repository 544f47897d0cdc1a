// Every text the page scripts show, in the page's language. A text is written in
// English where it is used, `t("Copied the link.")`, `t("Deleted “{name}”.", { name })`;
// a page in another language carries its translations as JSON
// (<script type="application/json" id="sh-texts">, rendered at build time from
// builder/wording/<code>/catalog.py, sitebuild/texts.py), and an English page none.
// `mark("…")` flags a text that is shown elsewhere (the worker's progress, which the
// page translates), so the build finds it too.
let table = null;

function translations() {
  if (table === null) {
    const data = typeof document === "undefined" ? null : document.getElementById("sh-texts");
    try {
      table = data ? JSON.parse(data.textContent) : {};
    } catch {
      table = {};
    }
  }
  return table;
}

export function t(text, values = {}) {
  const found = translations()[text] ?? text;
  return found.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export const mark = (text) => text;

// The page's language ("en", "es"), as its <html lang> says: Python speaks it too.
export const LANGUAGE = (typeof document !== "undefined" && document.documentElement.lang) || "en";
