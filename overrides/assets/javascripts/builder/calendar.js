// "Add to calendar": Python writes the .ics (builder.after.ics, with icalendar, which the
// worker loads the first time); this saves it. The reader's copy has their reminders,
// the mentor's copy none. The same control on the review step and after a "yes".
import { sayIn } from "./dom.js";
import { saveFile } from "./save.js";
import { t } from "../texts.js";

export class CalendarButtons {
  // host: { python, announce(text), request() -> { values, edits, request, zone, today } }
  constructor(root, host) {
    this.host = host;
    root.addEventListener("click", (event) => {
      const button = event.target.closest("[data-sh-calendar]");
      if (button) this.download(button);
    });
  }

  async download(button) {
    const block = button.closest("[data-sh-calendar-block]");
    const out = block.querySelector("[data-sh-calendar-feedback]");
    const say = (text) => {
      sayIn(out, text); // seen beside the button, alone in its step; said once
      this.host.announce(text);
    };
    if (!this.host.python.ready) {
      say(t("Not yet: the coach is still loading."));
      return;
    }
    const mine = button.dataset.shCalendar === "mine";
    say(t("Making the calendar file…"));
    button.disabled = true;
    try {
      const answer = await this.host.python.ask({
        type: "calendar", mine, now: new Date().toISOString(), ...this.host.request(),
      });
      const result = answer.result;
      if (answer.type !== "result" || !result.ok) {
        say(
          result?.loadFailed
            ? t("The calendar could not be loaded ({reason}); are you offline?", { reason: result.loadFailed })
            : (result?.message ?? t("The calendar file could not be made.")),
        );
        return;
      }
      saveFile(result.name, result.text, "text/calendar");
      const notes = result.notes?.length ? ` ${result.notes.join(" ")}` : "";
      say(`${mine ? t("Downloaded {file}.", { file: result.name }) : t("Downloaded {file}. Attach it to your message.", { file: result.name })}${notes}`);
    } finally {
      button.disabled = false;
    }
  }
}
