// The details that belong to some answers only (data-sh-when="yes smaller"): shown
// for the answer the mentor picked, hidden for the others. Python ignores the hidden
// ones too; this only keeps the form short.
export function showDetails(root, form) {
  const picked = form.elements.namedItem("response")?.value || "";
  for (const field of root.querySelectorAll("[data-sh-when]")) {
    field.hidden = !field.dataset.shWhen.split(" ").includes(picked);
  }
  root.dataset.shResponse = picked;
}
