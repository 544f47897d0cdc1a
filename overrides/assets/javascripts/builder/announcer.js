// What screen-reader users hear besides what they read: one polite live region for the
// coach's news and the answers to buttons, one assertive region for failures, both in
// the page from the start (partials/builder/live.html), visually hidden.
//
// Coaching news is said once per meaningful change: "ready" once per start, and changes
// in the five-tip checklist only after typing pauses, comparing with what was last
// said, so a status that flips while someone types and flips back is never mentioned.
import { STATUS_TEXT } from "./checklist.js";
import { mark, t } from "../texts.js";

export const PAUSE_MS = 1500;

// How each checklist status is said: in a count that names the tips (the first), in one
// that does not (the others: "2 tips done, 3 need work"), one and more, and after "Tip 2".
const SAID = {
  ok: {
    first: [mark("{n} tip done"), mark("{n} tips done")],
    more: [mark("{n} done"), mark("{n} done")],
    now: mark("Tip {n} now done."),
  },
  advice: {
    first: [mark("{n} tip worth a look"), mark("{n} tips worth a look")],
    more: [mark("{n} worth a look"), mark("{n} worth a look")],
    now: mark("Tip {n} now worth a look."),
  },
  warning: {
    first: [mark("{n} tip needs work"), mark("{n} tips need work")],
    more: [mark("{n} needs work"), mark("{n} need work")],
    now: mark("Tip {n} now needs work."),
  },
  pending: {
    first: [mark("{n} tip not started"), mark("{n} tips not started")],
    more: [mark("{n} not started"), mark("{n} not started")],
    now: mark("Tip {n} now not started."),
  },
};
const ORDER = ["ok", "advice", "warning", "pending"];

function counted(status, n, first) {
  const forms = SAID[status]?.[first ? "first" : "more"];
  return forms ? t(forms[n === 1 ? 0 : 1], { n }) : `${n} ${STATUS_TEXT[status] ? t(STATUS_TEXT[status]) : status}`;
}

export class Announcer {
  constructor(root) {
    this.polite = root.querySelector('[data-sh-announce="polite"]');
    this.assertive = root.querySelector('[data-sh-announce="assertive"]');
  }

  say(text) {
    this.put(this.polite, text);
  }

  alert(text) {
    this.put(this.assertive, text);
  }

  // Emptied first and filled a moment later, so the same words said twice are heard twice.
  put(region, text) {
    if (!region) return;
    clearTimeout(region.shTimer);
    region.textContent = "";
    region.shTimer = setTimeout(() => { region.textContent = text; }, 50);
  }
}

// "Checklist: 2 tips done, 3 need work." (tips not started are not counted).
export function summary(statuses) {
  const counts = {};
  for (const status of Object.values(statuses)) counts[status] = (counts[status] || 0) + 1;
  const order = [...ORDER, ...Object.keys(counts).filter((status) => !ORDER.includes(status))];
  const parts = order
    .filter((status) => status !== "pending" && counts[status])
    .map((status, i) => counted(status, counts[status], i === 0));
  return parts.length ? t("Checklist: {parts}.", { parts: parts.join(", ") }) : "";
}

// "Tip 2 now done. Tip 3 now needs work." for the tips whose status changed.
export function changes(before, after) {
  return Object.keys(after)
    .filter((tip) => before[tip] !== after[tip])
    .map((tip) => (SAID[after[tip]] ? t(SAID[after[tip]].now, { n: tip }) : `${tip}: ${after[tip]}`))
    .join(" ");
}

const allPending = (statuses) => Object.values(statuses).every((s) => s === "pending");

export class CoachNews {
  constructor(announcer, pause = PAUSE_MS) {
    this.announcer = announcer;
    this.pause = pause;
    this.heard = null; // the statuses last said (or taken as known)
    this.latest = null;
    this.readySaid = true;
    this.timer = 0;
  }

  // Python started: the next checklist is said with "ready".
  ready() {
    this.readySaid = false;
  }

  // The form was cleared: the next checklist is taken as known, not said.
  quiet() {
    clearTimeout(this.timer);
    this.heard = null;
  }

  failed(text) {
    clearTimeout(this.timer);
    this.readySaid = true;
    this.announcer.alert(text);
  }

  // The reader typed: news waits until the typing pauses.
  typing() {
    if (this.timer) this.wait();
  }

  checklist(checklist) {
    this.latest = Object.fromEntries(checklist.map((check) => [check.tip.number, check.status]));
    if (!this.readySaid) {
      this.readySaid = true;
      this.heard = this.latest;
      this.announcer.say(`${t("The coach is ready.")} ${summary(this.latest)}`.trim());
    } else if (!this.heard) {
      this.heard = this.latest;
    } else {
      this.wait();
    }
  }

  wait() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tell(), this.pause);
  }

  tell() {
    this.timer = 0;
    const before = this.heard;
    const after = this.latest;
    this.heard = after;
    if (!before || allPending(after)) return;
    const text = allPending(before) ? summary(after) : changes(before, after);
    if (text) this.announcer.say(text);
  }
}
