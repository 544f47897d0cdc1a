// Ways out of the builder: open the email in the mail app, copy a draft, download them
// all, copy a share link. What goes out is the reader's version of each draft. Sending
// (mail, or copying the message) needs a finished request: the first try lists
// everything still missing instead.
import { el } from "./dom.js";

export const DOWNLOADS = {
  text: { fileName: "mentoring-request.txt", type: "text/plain" },
  markdown: { fileName: "mentoring-request.md", type: "text/markdown" },
};

export class Outputs {
  // host: { root, notices, drafts, result() -> the latest answer or null, attempt() }
  constructor(host) {
    this.host = host;
  }

  say(text) {
    this.host.notices.feedback(text);
  }

  text(name) {
    if (name === "fallback") return this.host.root.querySelector("[data-sh-fallback]").textContent;
    const result = this.host.result();
    if (!result?.drafts) return null;
    const draft = this.host.drafts.current(name === "primary" ? result.primary : name);
    if (!draft) return null;
    return draft.subject ? `Subject: ${draft.subject}\n\n${draft.text}` : draft.text;
  }

  sendable() {
    this.host.attempt();
    if (this.host.result()?.ready) return true;
    this.say("Not yet: fill in the things listed above first.");
    return false;
  }

  mail(event, link) {
    if (link.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      this.say("The message is not ready yet: the coach is still loading.");
    } else if (!this.sendable()) {
      event.preventDefault();
    }
  }

  async copy(name) {
    const text = this.text(name);
    if (text === null) {
      this.say("There is nothing to copy yet: the coach is still loading.");
      return;
    }
    if (name === "primary" && !this.sendable()) return;
    try {
      await navigator.clipboard.writeText(text);
      this.say("Copied. Paste it wherever you write to your mentor.");
    } catch (error) {
      this.say("Your browser did not allow copying. Select the text in the preview and copy it by hand.");
    }
  }

  // The download goes ahead (it is the reader's own copy), and lists what is missing.
  download(format) {
    const result = this.host.result();
    if (result) this.host.attempt();
    const text = result?.downloads?.[format];
    const kind = DOWNLOADS[format];
    if (!text || !kind) {
      this.say("There is nothing to download yet: the coach is still loading.");
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: `${kind.type};charset=utf-8` }));
    const link = el("a");
    link.href = url;
    link.download = kind.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say(`Downloaded ${kind.fileName}.`);
  }

  // A link to this page that re-creates the form, or (kind "mentor") to the mentors'
  // reply helper with the request shown; the answers ride in the fragment, which
  // browsers never send to the server.
  async share(kind = "") {
    const result = this.host.result();
    if (!result) {
      this.say("The link is not ready yet: the coach is still loading.");
      return;
    }
    const mentor = kind === "mentor";
    const url = mentor
      ? new URL(this.host.root.dataset.shReplyUrl, location.href)
      : new URL(location.pathname, location.origin);
    url.search = "";
    url.hash = result.query;
    try {
      await navigator.clipboard.writeText(url.href);
      this.say(
        mentor
          ? "Copied a link for your mentor: it opens the reply helper with your request. Anyone who opens it sees your answers."
          : "Copied a link that fills in this form. Anyone who opens it sees your answers.",
      );
    } catch (error) {
      this.say(`Your browser did not allow copying. The link is: ${url.href}`);
    }
  }
}
