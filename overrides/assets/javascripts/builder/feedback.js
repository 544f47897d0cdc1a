// Short answers to the reader's buttons ("Copied…", "not ready yet…"): written next to
// the button that was pressed, in its draft pane, the failure panel or the review step,
// so they are seen where the reader is, and said once through the polite announcer.
import { sayIn } from "./dom.js";
import { t } from "../texts.js";

const SCOPES = "[data-sh-draft], [data-sh-failure], [data-sh-send]";

export function showFeedback(root, announcer, text, from) {
  const scope = from?.closest(SCOPES) || root.querySelector("[data-sh-send]");
  // The review step's own line, not that of the draft a phone shows inside it.
  const line = scope.matches("[data-sh-send]")
    ? scope.querySelector("[data-sh-feedback]")
    : scope.querySelector("[data-sh-said]");
  if (line) {
    sayIn(line, text);
    line.scrollIntoView({ block: "nearest" });
  }
  announcer.say(text);
}

// Why a button has nothing to work on yet: still loading, or Python could not start.
export function notReady(what, failedToStart) {
  return failedToStart
    ? t("{what}: the coach could not start. The request template in the coaching panel works without it.", { what: t(what) })
    : t("{what}: the coach is still loading.", { what: t(what) });
}
