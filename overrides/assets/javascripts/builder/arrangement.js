// After the ask, wired together: the kept requests (keeper), the list and files
// (requests bar), what happened after sending (after step), the meeting log and the
// calendar files. builder.js asks this for the saved request at start, the state to
// send with each edit, and hands it each of Python's answers.
import { AfterStep } from "./after.js";
import { CalendarButtons } from "./calendar.js";
import { DOCUMENT_KEY, Keeper } from "./keeper.js";
import { MeetingLog } from "./log.js";
import { RequestsBar } from "./requests.js";
import { today } from "./today.js";
import { t } from "../texts.js";

// The reader's own time zone (and date, today.js): dates are proposed and follow-ups
// fall due by them.
function zone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return "";
  }
}

// The first time zone asked for loads the browser's date data: about 25 ms here, once
// per page, which fell between Python being ready and its first answer. Asked while
// the page waits for Python instead, in time the page has to spare.
export function warmUpZone() {
  const idle = self.requestIdleCallback ?? ((run) => setTimeout(run, 0));
  idle(() => zone());
}

export class Arrangement {
  // host: { root, python, store, fields, drafts, changed(), save(), reopened(saved, step),
  //         announce(text), notice(key, text, kind) }
  constructor(host) {
    this.host = host;
    this.previous = null; // a request to offer back, once Python has opened the store
    this.keeper = new Keeper(host.store, (news) => this.merged(news));
    // Another tab saved: its changes come in, and this tab's list and form follow.
    addEventListener("storage", (event) => {
      if (event.key === DOCUMENT_KEY) this.keeper.heard(event, () => this.keeper.take(this.form()));
    });
    const baseUrl = new URL(host.root.dataset.shBase || "/", location.href).href;
    const askSomeoneElse = () => this.bar.askSomeoneElse();
    this.after = new AfterStep(host.root, { fields: host.fields, baseUrl, askSomeoneElse });
    this.log = new MeetingLog(host.root, () => host.changed());
    this.bar = new RequestsBar(host.root, {
      python: host.python,
      keeper: this.keeper,
      today,
      beforeChange: () => host.save(),
      open: (record, step) => host.reopened(record, step),
      announce: host.announce,
    });
    this.calendar = new CalendarButtons(host.root, {
      python: host.python,
      announce: host.announce,
      request: () => this.request(),
    });
  }

  // The saved request the form starts from ({ values, edits, after }), or null.
  saved() {
    return this.keeper.saved();
  }

  afterState() {
    return { ...this.after.state(), log: this.log.state() };
  }

  fillAfter(after) {
    this.after.fill(after);
    this.log.fill(after?.log);
  }

  // What Python needs for the calendar file and exports of the current request.
  request() {
    const { fields, drafts } = this.host;
    return {
      values: fields.values(),
      edits: drafts.saved(),
      request: this.keeper.document?.current ?? "",
      zone: this.keeper.current()?.zone || zone(),
      today: today(),
    };
  }

  // What goes with every edit to Python: what happened after sending, and today.
  state() {
    return { after: this.afterState(), today: today() };
  }

  save(values, edits) {
    this.keeper.save(this.form(values, edits));
  }

  // The form's state, as the current request keeps it.
  form(values = this.host.fields.values(), edits = this.host.drafts.saved()) {
    return { values, edits, after: this.afterState(), zone: zone() };
  }

  // Python is ready: it reads the stored requests (migrating older drafts into them).
  async opened() {
    const opened = await this.keeper.open(this.host.python, today());
    if (opened) {
      this.previous = opened.previous;
      this.bar.ready();
    }
    return opened;
  }

  // Another tab's changes were merged in (keeper.js, merge.js). The form follows when
  // they touch the request shown here; the list always does.
  merged({ theirs, copies, gone, was }) {
    const { current } = this.keeper.document;
    const name = (id) => this.keeper.document.requests.find((r) => r.id === id)?.name ?? "";
    const copy = copies.find((item) => item.id === was);
    if (copy) {
      // Changed here and there at once: both are kept; this tab goes on with its own.
      const [own, other] = copy.mine ? [copy.copy, copy.id] : [copy.id, copy.copy];
      this.host.notice(
        "other-tab",
        t("This request was changed in another tab at the same time. Both versions are kept: you are working on “{own}”, and the other tab's version is “{other}” in the list.", { own: name(own), other: name(other) }),
        "warning",
      );
    } else if (theirs.includes(current)) {
      this.host.reopened(this.keeper.saved());
      this.host.notice("other-tab", t("This request was changed in another tab: the form shows the latest."), "info");
    } else if (gone.includes(was)) {
      this.host.reopened(this.keeper.saved());
      this.host.notice("other-tab", t("The request you were working on was deleted in another tab. This is “{name}”.", { name: name(current) }), "info");
    }
    this.bar.render();
  }

  // "Use my saved draft instead": the request the form showed before a link or early
  // typing took its place. Kept in the list either way.
  // The link's own request goes too, unless the reader has typed in it: it held only
  // what the link filled in.
  usePrevious(saved, typed) {
    if (this.keeper.opened && this.previous) {
      const linked = this.keeper.document.current;
      this.bar.switchTo(this.previous);
      if (!typed && linked !== this.previous) this.bar.drop(linked);
    } else {
      this.keeper.converge();
      this.host.reopened(saved);
    }
  }

  show(result) {
    this.after.show(result.after);
    this.log.show(result.after);
    // A request's name follows its answers until the reader renames it (store.py).
    const record = this.keeper.opened ? this.keeper.current() : null;
    if (record && !record.named && result.name && record.name !== result.name) {
      record.name = result.name;
      this.keeper.writeSoon(); // it changes as the reader types: stored once they pause
      this.bar.render();
    }
  }
}
