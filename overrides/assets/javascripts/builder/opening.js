// What the form shows when the page script starts: a pre-filled link, text typed while
// the page loaded, the saved request (the kept document), or today's single saved draft.
// start.js decides between them; this applies the decision to the page.
import { OFFER_TEXT, startValues } from "./start.js";
import { PREVIOUS_KEY, STORAGE_KEY } from "./storage.js";

// Pre-filled links carry the answers in the query (?f=…) or, for share links, in the
// fragment (#v=1&f=…), which the browser never sends to the server.
function linkState(fields) {
  for (const part of [location.search.slice(1), location.hash.slice(1)]) {
    const values = part ? fields.fromQuery(part) : null;
    if (values) return { query: part, values };
  }
  return null;
}

// b: the Builder (fields, drafts, store, notices, arrangement, save()). Returns { link }.
export function restoreForm(b) {
  const link = linkState(b.fields);
  const kept = b.arrangement.saved();
  const own = kept ? null : b.store.read(STORAGE_KEY);
  const saved = kept ?? own?.saved ?? null;
  const start = startValues({
    linked: link?.values ?? null,
    typed: { values: b.fields.values(), changed: b.fields.changed() },
    saved,
  });
  if (start.values) b.fields.fill(start.values);
  if (start.edits) b.drafts.restore(start.edits);
  if (saved && !start.offer) b.arrangement.fillAfter(saved.after);
  if (start.offer) {
    // The reader's own draft is kept and offered back, never dropped.
    b.arrangement.keeper.diverge();
    if (own) b.store.write(PREVIOUS_KEY, own.raw);
    b.notices.offer(OFFER_TEXT[start.offer], "Use my saved draft instead", () => b.arrangement.usePrevious(saved));
  }
  if (link) {
    // Drop the answers from the address, so a reload shows the reader's edits;
    // anything else in it (such as `embed`) stays.
    const params = new URLSearchParams(location.search);
    for (const key of b.fields.urlKeys()) params.delete(key);
    params.delete("v");
    const rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : ""));
  }
  if (link || start.offer) b.save();
  if (own && !own.saved) {
    b.notices.add("The draft saved in this browser could not be read, so the form starts blank.", "warning");
  }
  return { link };
}
