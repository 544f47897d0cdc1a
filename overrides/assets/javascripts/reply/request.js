// The protégé's request, when it came as a link: read from the address (the request
// builder's own keys, in the fragment or the query), shown read-only as Python read
// it, and taken out of the address so a reload shows the mentor's saved reply.
import { el } from "../builder/dom.js";

// The request part of a link, or "" when the address carries none.
export function linkedQuery(keys) {
  for (const part of [location.hash.slice(1), location.search.slice(1)]) {
    if (!part) continue;
    const params = new URLSearchParams(part);
    if (keys.some((key) => key !== "v" && params.has(key))) return part;
  }
  return "";
}

// Drops the request's keys from the address; anything else (such as `embed`) stays.
export function forgetLink(keys) {
  const params = new URLSearchParams(location.search);
  for (const key of keys) params.delete(key);
  const rest = params.toString();
  history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : ""));
}

export class LinkedRequest {
  constructor(root) {
    this.root = root;
    this.panel = root.querySelector("[data-sh-linked]");
    this.rows = root.querySelector("[data-sh-linked-rows]");
  }

  // Linked or not: the summary shows, and the fields it fills in hide, or the reverse.
  mark(linked) {
    this.panel.hidden = !linked;
    for (const field of this.root.querySelectorAll("[data-sh-from-link]")) field.hidden = linked;
    this.root.dataset.shRequest = linked ? "linked" : "summed-up";
  }

  // Python's reading of the request: [{ label, text }], as text.
  show(rows) {
    this.rows.replaceChildren(
      ...rows.flatMap(({ label, text }) => {
        const value = el("dd", "", text);
        value.dir = "auto";
        return [el("dt", "", label), value];
      }),
    );
  }
}
