// What the form shows when the page script starts: a pre-filled link, text typed while
// the page loaded, the saved request (the kept document), or today's single saved draft.
// start.js decides between them; this applies the decision to the page.
import { OFFER_TEXT, readLink, startValues, tidyAddress } from "./start.js";
import { PREVIOUS_KEY, STORAGE_KEY } from "./storage.js";
import { t } from "../texts.js";

// b: the Builder (fields, drafts, store, notices, arrangement, save()). Returns { link }.
export function restoreForm(b) {
  const link = readLink(b.fields);
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
    const done = t("Your own saved draft is back in the form.");
    const note = b.notices.offer(t(OFFER_TEXT[start.offer]), t("Use my saved draft instead"), done, () => {
      b.arrangement.usePrevious(saved, b.touched);
      // The button goes: focus goes to the step in view, the notice says what happened.
      b.root.querySelector("[data-sh-step]:not([hidden]) .sh-step__title").focus();
    });
    // Seen at once, wherever the page opens (a reload keeps the place it was scrolled to).
    requestAnimationFrame(() => note.scrollIntoView({ block: "nearest" }));
  }
  if (link) tidyAddress(b.fields.urlKeys());
  if (link || start.offer) b.save();
  if (own && !own.saved) {
    b.notices.add(t("The draft saved in this browser could not be read, so the form starts blank."), "warning");
  }
  return { link };
}
