// Which values the form starts with, when a pre-filled link, text typed before this
// script ran (a slow connection makes that seconds) and the draft saved in this
// browser disagree. What the reader typed always wins; a link fills in the rest; a
// saved draft that is not used is kept and offered back, never silently dropped.
import { mark } from "../texts.js";

// linked: values from the link, or null. typed: the form's values now (defaults where
// nothing was typed), and the names of those that differ from the defaults. saved:
// the saved draft ({ values, edits }), or null. Returns { values, edits, offer }, where
// offer says why the saved draft is offered back ("link" or "typed"), or "" when it
// is used or there is none.
export function startValues({ linked, typed, saved }) {
  const typedNames = new Set(typed.changed);
  if (linked) {
    const values = { ...typed.values, ...linked };
    for (const name of typedNames) values[name] = typed.values[name];
    const offer = saved && !sameValues(saved.values, values) ? "link" : "";
    return { values, edits: null, offer };
  }
  if (typedNames.size) {
    const offer = saved && !sameValues(saved.values, typed.values) ? "typed" : "";
    return { values: typed.values, edits: null, offer };
  }
  if (saved) return { values: saved.values, edits: saved.edits || null, offer: "" };
  return { values: null, edits: null, offer: "" };
}

export const OFFER_TEXT = {
  link: mark("This page was opened from a link that fills in the form. Your own saved draft is kept."),
  typed: mark("You started typing before the page had finished loading, so your saved draft was not filled in. It is kept."),
};

function sameValues(a, b) {
  const keys = new Set([...Object.keys(a || {}), ...Object.keys(b || {})]);
  for (const key of keys) {
    if ((a || {})[key] !== (b || {})[key]) return false;
  }
  return true;
}

// Pre-filled links carry the answers in the query (?f=…) or, for share links, in the
// fragment (#v=1&f=…), which the browser never sends to the server.
export function readLink(fields) {
  for (const part of [location.search.slice(1), location.hash.slice(1)]) {
    const values = part ? fields.fromQuery(part) : null;
    if (values) return { query: part, values };
  }
  return null;
}

// Drops the answers from the address, so a reload shows the reader's edits; anything
// else in it (such as `embed`) stays.
export function tidyAddress(urlKeys) {
  const params = new URLSearchParams(location.search);
  for (const key of urlKeys) params.delete(key);
  params.delete("v");
  const rest = params.toString();
  history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : ""));
}
