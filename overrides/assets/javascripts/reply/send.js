// Whether the reply can go, what is left to fix, and the mail link. Until the mentor
// tries to send, only fields they have touched are listed; then, everything missing.
import { showProblems } from "../builder/send.js";
import { t } from "../texts.js";

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
    state = open === 1
      ? t("Your reply can be sent, but one note in the coaching is worth a look first.")
      : t("Your reply can be sent, but {n} notes in the coaching are worth a look first.", { n: open });
  } else if (result.ready) {
    state = t("Your reply is ready. Read it through once more, then send it.");
  } else if (!listed.length) {
    state = t("Not ready to send yet: pick your answer and fill in both names.");
  } else {
    state = listed.length === 1
      ? t("Fix this before you send it:")
      : t("Fix these {n} things before you send it:", { n: listed.length });
  }
  root.querySelector("[data-sh-send-state]").textContent = state;
}
