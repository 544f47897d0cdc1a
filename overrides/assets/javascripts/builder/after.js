// "After you send": when the request went, what they said, when they were followed up,
// and what to send next (Python's answer: the stage's advice, the next steps, the
// drafts and their mail links). Values go in and out as .value; text as .textContent.
import { el, replaceIfChanged, setFlag, setHidden, setText } from "./dom.js";

const DATES = ["sent_on", "reply_on", "followed_up_on"];

export class AfterStep {
  // host: { root, fields (FormValues), baseUrl, askSomeoneElse() }
  constructor(root, host) {
    this.root = root;
    this.host = host;
    this.box = root.querySelector("[data-sh-after]");
    this.sentValues = null; // the request as it was sent (for "yes, but smaller")
    this.root.addEventListener("click", (event) => {
      const today = event.target.closest("[data-sh-after-today]");
      if (today) this.setToday(today.dataset.shAfterToday);
    });
    // Kept the moment the day or the reply is noted, not when Python next asks: a reader
    // quick to change the time box after "yes, but smaller" must not change it first.
    for (const type of ["input", "change"]) {
      this.box.addEventListener(type, (event) => {
        if (event.target.matches?.('[data-sh-after-field="sent_on"], [data-sh-after-field="reply"]')) {
          this.keepSent();
        }
      });
    }
  }

  keepSent() {
    const noted = this.input("sent_on").value || this.reply();
    if (noted && !this.sentValues) this.sentValues = this.host.fields.values();
    if (!noted) this.sentValues = null;
  }

  input(name) {
    return this.root.querySelector(`[data-sh-after-field="${name}"]:not([type=radio])`);
  }

  setToday(name) {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    const input = this.input(name);
    input.value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  reply() {
    return this.root.querySelector('[data-sh-after-field="reply"]:checked')?.value ?? "";
  }

  // The state Python reads (builder.after.progress.read_after), without the log. The request as
  // it was sent is kept from the moment the day it went, or their reply, is noted, so
  // that "yes, but smaller" can say what changed since.
  state() {
    const reply = this.reply();
    this.keepSent();
    const ended = this.input("ended").checked;
    const state = { reply, sent_values: this.sentValues, next: this.input("next").value, ended };
    for (const name of DATES) state[name] = this.dateValue(this.input(name));
    return state;
  }

  // A date the browser cannot read yet is sent as "incomplete", so Python can say so.
  dateValue(input) {
    return input.validity?.badInput ? "incomplete" : input.value;
  }

  fill(after) {
    const saved = after && typeof after === "object" ? after : {};
    for (const name of [...DATES, "next"]) {
      this.input(name).value = typeof saved[name] === "string" ? saved[name] : "";
    }
    this.input("ended").checked = saved.ended === true;
    for (const radio of this.root.querySelectorAll('[data-sh-after-field="reply"]')) {
      radio.checked = radio.value === (typeof saved.reply === "string" ? saved.reply : "");
    }
    this.sentValues = saved.sent_values && typeof saved.sent_values === "object" ? saved.sent_values : null;
  }

  show(view) {
    if (!view?.stage) return;
    setHidden(this.box.querySelector("[data-sh-after-wait]"), true);
    const { stage } = view;
    const shown = {
      replied: Boolean(this.reply()),
      follow_up: Boolean(view.follow_up_field),
      agreed: stage === "yes" || stage === "smaller",
    };
    for (const part of this.box.querySelectorAll("[data-sh-after-show]")) {
      setHidden(part, !shown[part.dataset.shAfterShow]);
    }
    setText(this.box.querySelector("[data-sh-after-state]"), view.advice);
    setText(this.box.querySelector("[data-sh-after-sent-label]"), view.sent_label);
    setText(this.box.querySelector("[data-sh-after-sent-help]"), view.sent_help);
    this.showSteps(view.next_steps || []);
    for (const name of DATES) {
      const out = this.box.querySelector(`[data-sh-after-message="${name}"]`);
      const message = (view.messages || []).find((m) => m.field === name);
      setText(out, message ? message.text : "");
      out.classList.toggle("sh-field__message--error", Boolean(message));
      setFlag(this.input(name), "aria-invalid", Boolean(message));
    }
    for (const holder of this.box.querySelectorAll("[data-sh-after-mail-for]")) {
      const name = holder.dataset.shAfterMailFor;
      const href = view.mailto?.[name];
      setHidden(holder, !(href && view.drafts.includes(name)));
      const link = holder.querySelector("a");
      if (href && link.getAttribute("href") !== href) link.href = href;
    }
  }

  showSteps(steps) {
    const list = this.box.querySelector("[data-sh-after-steps]");
    setHidden(list, !steps.length);
    replaceIfChanged(list, steps, () => steps.map((step) => {
      const li = el("li", "sh-after__step");
      if (step.url) {
        const link = el("a", "", step.title);
        link.href = `${this.host.baseUrl}${step.url}`;
        li.append(link, " ", el("span", "", step.text));
      } else {
        const button = el("button", "md-button", step.title);
        button.type = "button";
        button.addEventListener("click", () => this.host.askSomeoneElse());
        li.append(button, " ", el("span", "", step.text));
      }
      return li;
    }));
  }
}
