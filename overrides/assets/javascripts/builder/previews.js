// The draft panes: each output Python rendered, shown as text.

export function showDrafts(root, drafts) {
  for (const pane of root.querySelectorAll("[data-sh-draft]")) {
    const draft = drafts[pane.dataset.shDraft];
    if (!draft) continue;
    const subject = pane.querySelector("[data-sh-draft-subject]");
    subject.textContent = draft.subject ? `Subject: ${draft.subject}` : "";
    subject.hidden = !draft.subject;
    pane.querySelector("[data-sh-draft-text]").textContent = draft.text;
  }
}
