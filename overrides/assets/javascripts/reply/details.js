// The details that belong to some answers only (data-sh-when="yes smaller"): shown
// for the answer the mentor picked, hidden for the others. Python ignores the hidden
// ones too; this only keeps the form short. A detail that also depends on the request
// (data-sh-decided: the answer to its first date) shows only once Python's latest
// answer lists it as relevant (`relevant`, null before the first answer).
export function showDetails(root, form, relevant = null) {
  const picked = form.elements.namedItem("response")?.value || "";
  for (const field of root.querySelectorAll("[data-sh-when]")) {
    const name = field.querySelector("[data-sh-field]")?.dataset.shField;
    const decided = "shDecided" in field.dataset;
    const belongs = field.dataset.shWhen.split(" ").includes(picked);
    const hidden = !belongs || (decided && !relevant?.includes(name));
    if (field.hidden !== hidden) field.hidden = hidden;
  }
  root.dataset.shResponse = picked;
}
