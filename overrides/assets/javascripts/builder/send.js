// The review step: what is left to fix, whether the request is ready, the mail link.
// Until the reader tries to send, only fields they have touched are listed; then,
// everything still missing.
import { el, replaceIfChanged, setText } from "./dom.js";
import { t } from "../texts.js";

export function fieldErrors(fields, messages) {
  const errors = [];
  for (const { name } of fields) {
    for (const message of messages[name] || []) {
      if (message.severity === "error") errors.push([name, message.text]);
    }
  }
  return errors;
}

// spoken: the reader will ask in person, so it is said, not sent.
export function sendState(ready, errors, open, waiting, spoken = false) {
  if (ready && open) {
    if (spoken) {
      return open === 1
        ? t("Your request is ready to ask, but one tip in the checklist is worth a look first.")
        : t("Your request is ready to ask, but {n} tips in the checklist are worth a look first.", { n: open });
    }
    return open === 1
      ? t("Your request can be sent, but one tip in the checklist is worth a look first.")
      : t("Your request can be sent, but {n} tips in the checklist are worth a look first.", { n: open });
  }
  if (ready && spoken) {
    return t("Your request is ready and meets all five tips. Read what to say aloud once, then go and ask. When they have answered, note it in the next step: it drafts the email that puts it in writing.");
  }
  if (ready) return t("Your request is ready and meets all five tips. Read it through once more, then send it.");
  if (!errors.length) {
    return waiting === 1
      ? t("Not ready to send yet: one thing is still to fill in. When you try to send it, it is listed here.")
      : t("Not ready to send yet: {n} things are still to fill in. When you try to send it, they are listed here.", { n: waiting });
  }
  return errors.length === 1
    ? t("Fix this before you send it:")
    : t("Fix these {n} things before you send it:", { n: errors.length });
}

// The list of what is left to fix: links to the fields, [[field, text], ...]. Rebuilt
// only when it changes, and a link that had focus keeps it (or focus moves on to the
// next way out), so an answer arriving as someone tabs into the list never drops focus.
export function showProblems(list, problems) {
  const had = list.contains(document.activeElement) ? document.activeElement.dataset.shField : null;
  const rebuilt = replaceIfChanged(list, problems, () => problems.map(([name, text]) => {
    const li = el("li");
    const link = el("a", "", text);
    link.href = `#sh-field-${name}`;
    link.dataset.shField = name;
    li.append(link);
    return li;
  }));
  if (!rebuilt || had === null) return;
  const same = [...list.querySelectorAll("a")].find((link) => link.dataset.shField === had);
  const next = same || list.querySelector("a")
    || list.closest("[data-sh-send]")?.querySelector("[data-sh-mailto]:not([hidden]), button:not([hidden])");
  next?.focus();
}

export function showSend(root, fields, result, attempted, spoken = false) {
  const mailto = root.querySelector("[data-sh-mailto]");
  if (typeof result.mailto === "string" && result.mailto.startsWith("mailto:")) {
    if (mailto.getAttribute("href") !== result.mailto) mailto.href = result.mailto;
    mailto.removeAttribute("aria-disabled");
  }
  const missing = {};
  for (const message of result.missing || []) (missing[message.field] ||= []).push(message);
  const errors = fieldErrors(fields, attempted ? missing : result.messages);
  showProblems(root.querySelector("[data-sh-problems]"), errors);
  const open = result.checklist.filter((check) => check.status !== "ok").length;
  const waiting = (result.missing || []).length;
  setText(root.querySelector("[data-sh-send-state]"), sendState(result.ready, errors, open, waiting, spoken));
}
