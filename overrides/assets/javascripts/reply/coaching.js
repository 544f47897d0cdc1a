// The coaching notes on the reply, each with the advice it cites, as text.
import { el, replaceIfChanged, setHidden } from "../builder/dom.js";
import { mark, t } from "../texts.js";

const SEVERITY = { ok: mark("Good"), advice: mark("Worth a look"), warning: mark("Needs work") };

function note(finding, base) {
  const li = el("li", `sh-finding sh-finding--${finding.severity}`);
  li.dataset.shCode = finding.code;
  li.append(
    el("span", "sh-reply__severity", `${SEVERITY[finding.severity] ? t(SEVERITY[finding.severity]) : finding.severity}: `),
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
    const fix = el("a", "sh-finding__fix", t("Change this"));
    fix.href = `#sh-field-${finding.field}`;
    fix.dataset.shField = finding.field;
    li.append(" ", fix);
  }
  return li;
}

// Rebuilt only when the notes change: most keystrokes leave them as they were, and a
// note rebuilt under the pointer would lose the click on its "Change this".
export function showCoaching(root, findings, base) {
  const list = root.querySelector("[data-sh-coaching]");
  replaceIfChanged(list, findings, () => findings.map((f) => note(f, base)));
  setHidden(root.querySelector("[data-sh-coaching-empty]"), findings.length > 0);
}
