// The five-tip checklist: each tip's status and the findings behind it, as text.
import { el, replaceIfChanged, setText } from "./dom.js";
import { mark, t } from "../texts.js";

// English, as written in the page's status labels: t() says them in the page's language.
export const STATUS_TEXT = {
  pending: mark("Not started"),
  ok: mark("Done"),
  advice: mark("Worth a look"),
  warning: mark("Needs work"),
};

function findingItem(finding) {
  const li = el("li", `sh-finding sh-finding--${finding.severity}`);
  li.append(el("strong", "sh-finding__title", finding.title), " ", el("span", "", finding.explanation));
  if (finding.suggestion) li.append(" ", el("span", "sh-finding__suggestion", finding.suggestion));
  if (finding.field) {
    const fix = el("a", "sh-finding__fix", t("Change this"));
    fix.href = `#sh-field-${finding.field}`;
    fix.dataset.shField = finding.field;
    li.append(" ", fix);
  }
  return li;
}

export function showChecklist(root, checklist) {
  for (const check of checklist) {
    const item = root.querySelector(`[data-sh-tip="${check.tip.number}"]`);
    if (!item) continue;
    if (item.dataset.shStatus !== check.status) item.dataset.shStatus = check.status;
    setText(item.querySelector("[data-sh-tip-status]"), STATUS_TEXT[check.status] ? t(STATUS_TEXT[check.status]) : check.status);
    replaceIfChanged(item.querySelector("[data-sh-tip-findings]"), check.findings, () => check.findings.map(findingItem));
  }
}
