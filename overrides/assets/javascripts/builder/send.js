// The review step: what is left to fix, whether the request is ready, the mail link.
import { el } from "./dom.js";

export function fieldErrors(fields, messages) {
  const errors = [];
  for (const { name } of fields) {
    for (const message of messages[name] || []) {
      if (message.severity === "error") errors.push([name, message.text]);
    }
  }
  return errors;
}

export function sendState(ready, errors, open) {
  if (ready && open) {
    return `Your request can be sent, but ${open === 1 ? "one tip" : `${open} tips`} in the checklist ${open === 1 ? "is" : "are"} worth a look first.`;
  }
  if (ready) return "Your request is ready and meets all five tips. Read it through once more, then send it.";
  return `Fix ${errors.length === 1 ? "this" : `these ${errors.length} things`} before you send it:`;
}

export function showSend(root, fields, result) {
  const mailto = root.querySelector("[data-sh-mailto]");
  if (typeof result.mailto === "string" && result.mailto.startsWith("mailto:")) {
    mailto.href = result.mailto;
    mailto.removeAttribute("aria-disabled");
  }
  const errors = fieldErrors(fields, result.messages);
  root.querySelector("[data-sh-problems]").replaceChildren(...errors.map(([name, text]) => {
    const li = el("li");
    const link = el("a", "", text);
    link.href = `#sh-field-${name}`;
    link.dataset.shField = name;
    li.append(link);
    return li;
  }));
  const open = result.checklist.filter((check) => check.status !== "ok").length;
  root.querySelector("[data-sh-send-state]").textContent = sendState(result.ready, errors, open);
}
