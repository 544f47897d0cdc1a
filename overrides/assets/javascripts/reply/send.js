// Whether the reply can go, what is left to fix, and the mail link. Until the mentor
// tries to send, only fields they have touched are listed; then, everything missing.
import { showProblems } from "../builder/send.js";

export function showSend(root, result, attempted) {
  const mailto = root.querySelector("[data-sh-mailto]");
  if (typeof result.mailto === "string" && result.mailto.startsWith("mailto:")) {
    mailto.href = result.mailto;
    mailto.removeAttribute("aria-disabled");
  }
  const listed = attempted
    ? result.missing
    : Object.values(result.messages).flat().filter((m) => m.severity === "error");
  showProblems(
    root.querySelector("[data-sh-problems]"),
    listed.map(({ field, text }) => [field, text]),
  );
  const open = result.findings.filter((f) => f.severity !== "ok").length;
  let state;
  if (result.ready && open) {
    state = `Your reply can be sent, but ${open === 1 ? "one note" : `${open} notes`} in the coaching ${open === 1 ? "is" : "are"} worth a look first.`;
  } else if (result.ready) {
    state = "Your reply is ready. Read it through once more, then send it.";
  } else if (!listed.length) {
    state = "Not ready to send yet: pick your answer and fill in both names.";
  } else {
    state = `Fix ${listed.length === 1 ? "this" : `these ${listed.length} things`} before you send it:`;
  }
  root.querySelector("[data-sh-send-state]").textContent = state;
}
