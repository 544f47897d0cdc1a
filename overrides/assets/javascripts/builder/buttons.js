// What each of the builder's buttons and in-page links does, by its data attribute:
// one table, read top to bottom, so a reader of the code finds a button's action here.
// Each entry is [dataset key, action(builder, target, event)]; the first key present wins.
const ACTIONS = [
  ["shGoto", (b, target, event) => {
    event.preventDefault();
    b.steps.show(target.dataset.shGoto);
  }],
  ["shSkip", (b, target, event) => {
    // The shown step's first question (step 1's without script, by the link's address).
    event.preventDefault();
    b.root.querySelector("[data-sh-step]:not([hidden]) .sh-field__input, [data-sh-step]:not([hidden]) input")?.focus();
  }],
  ["shField", (b, target, event) => {
    event.preventDefault();
    const name = target.dataset.shField;
    if (b.steps.showField(b.form, name)) b.fields.focus(name);
  }],
  ["shCopy", (b, target) => b.outputs.copy(target.dataset.shCopy, target)],
  ["shMailto", (b, target, event) => b.outputs.mail(event, target)],
  ["shDraftKeep", (b, target) => b.drafts.keep(target.dataset.shDraftKeep)],
  ["shDraftTake", (b, target) => b.drafts.take(target.dataset.shDraftTake)],
  ["shDownload", (b, target) => b.outputs.download(target.dataset.shDownload, target)],
  ["shShare", (b, target) => b.outputs.share(target.dataset.shShare, target)],
  ["shRetry", (b) => {
    b.startWorker();
    // "Try again" hides with its panel: focus goes to the panel's title, above the progress.
    b.root.querySelector("[data-sh-live-title]").focus();
  }],
  ["shReset", (b) => b.root.querySelector("[data-sh-reset-dialog]").showModal()],
  ["shResetCancel", (b) => b.root.querySelector("[data-sh-reset-dialog]").close()],
  ["shResetConfirm", (b) => b.reset()],
];

// A click anywhere in the builder: runs the action of the button or link it landed on.
export function clicked(builder, event) {
  const target = event.target.closest("a, button");
  if (!target || !builder.root.contains(target)) return;
  const found = ACTIONS.find(([key]) => key in target.dataset);
  if (found) found[1](builder, target, event);
}
