// The coaching notes on the reply, each with the advice it cites, as text.
import { el } from "../builder/dom.js";

const SEVERITY = { ok: "Good", advice: "Worth a look", warning: "Needs work" };

function note(finding, base) {
  const li = el("li", `sh-finding sh-finding--${finding.severity}`);
  li.dataset.shCode = finding.code;
  li.append(
    el("span", "sh-reply__severity", `${SEVERITY[finding.severity] || finding.severity}: `),
    el("strong", "sh-finding__title", finding.title),
    " ",
    el("span", "", finding.explanation),
  );
  if (finding.suggestion) li.append(" ", el("span", "sh-finding__suggestion", finding.suggestion));
  if (finding.cite_url) {
    const cite = el("a", "sh-reply__cite", finding.cite_title);
    cite.href = new URL(finding.cite_url, base).href;
    li.append(" ", cite);
  }
  if (finding.field) {
    const fix = el("a", "sh-finding__fix", "Change this");
    fix.href = `#sh-field-${finding.field}`;
    fix.dataset.shField = finding.field;
    li.append(" ", fix);
  }
  return li;
}

export function showCoaching(root, findings, base) {
  root.querySelector("[data-sh-coaching]").replaceChildren(...findings.map((f) => note(f, base)));
  root.querySelector("[data-sh-coaching-empty]").hidden = findings.length > 0;
}
