// Ways out of the builder: open the email in the mail app, copy a draft, download them
// all, copy a share link. What goes out is the reader's version of each draft. Sending
// (mail, or copying the message) needs a finished request: the first try lists
// everything still missing instead.
import { COPY_REFUSED, copyText, draftText, saveFile } from "./save.js";
import { mark, t } from "../texts.js";

export const DOWNLOADS = {
  text: { fileName: "mentoring-request.txt", type: "text/plain" },
  markdown: { fileName: "mentoring-request.md", type: "text/markdown" },
};

export class Outputs {
  // host: { root, drafts, result() -> the latest answer or null, attempt(),
  //         say(text, button) -> an answer beside the button, notReady(what) -> why not }
  constructor(host) {
    this.host = host;
  }

  say(text, from) {
    this.host.say(text, from);
  }

  text(name) {
    if (name === "fallback") return this.host.root.querySelector("[data-sh-fallback]").textContent;
    const result = this.host.result();
    if (!result?.drafts) return null;
    const draft = this.host.drafts.current(name === "primary" ? result.primary : name);
    if (!draft) return null;
    return draftText(draft);
  }

  sendable(from) {
    this.host.attempt();
    if (this.host.result()?.ready) return true;
    this.say(t("Not yet: fill in the things listed above first."), from);
    return false;
  }

  mail(event, link) {
    if (link.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      this.say(this.host.notReady(mark("The message is not ready yet")), link);
    } else if (!this.sendable(link)) {
      event.preventDefault();
    }
  }

  async copy(name, from) {
    const text = this.text(name);
    if (text === null) {
      this.say(this.host.notReady(mark("There is nothing to copy yet")), from);
      return;
    }
    if (name === "primary" && !this.sendable(from)) return;
    this.say(await copyText(text) ? t("Copied. Paste it wherever you write to your mentor.") : t(COPY_REFUSED), from);
  }

  // The download goes ahead (it is the reader's own copy), and lists what is missing.
  download(format, from) {
    const result = this.host.result();
    if (result) this.host.attempt();
    const text = result?.downloads?.[format];
    const kind = DOWNLOADS[format];
    if (!text || !kind) {
      this.say(this.host.notReady(mark("There is nothing to download yet")), from);
      return;
    }
    saveFile(kind.fileName, text, kind.type);
    this.say(t("Downloaded {file}.", { file: kind.fileName }), from);
  }

  // A link to this page that re-creates the form, or (kind "mentor") to the mentors'
  // reply helper with the request shown; the answers ride in the fragment, which
  // browsers never send to the server.
  async share(kind, from) {
    const result = this.host.result();
    if (!result) {
      this.say(this.host.notReady(mark("The link is not ready yet")), from);
      return;
    }
    const mentor = kind === "mentor";
    const url = mentor
      ? new URL(this.host.root.dataset.shReplyUrl, location.href)
      : new URL(location.pathname, location.origin);
    url.search = "";
    url.hash = result.query;
    if (!(await copyText(url.href))) {
      this.say(t("Your browser did not allow copying. The link is: {link}", { link: url.href }), from);
    } else if (mentor) {
      this.say(t("Copied a link for your mentor: it opens the reply helper with your request. Anyone who opens it sees your answers."), from);
    } else {
      this.say(t("Copied a link that fills in this form. Anyone who opens it sees your answers."), from);
    }
  }
}
