// Keeps each text area's "N of M characters" line up to date. Counting is by
// character (code point), as Python counts the limit, so emoji count once.
import { t } from "./texts.js";
export function updateCounts(root, form) {
  for (const counter of root.querySelectorAll("[data-sh-count]")) {
    const field = counter.closest("[data-sh-field]");
    const item = form.elements.namedItem(field.dataset.shField);
    const used = [...item.value].length;
    const limit = Number(counter.dataset.shCount);
    counter.textContent = t("{count} of {limit} characters", { count: used, limit });
    counter.classList.toggle("sh-field__count--over", used > limit);
  }
}
