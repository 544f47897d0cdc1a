// Ways out of the reply helper: the mail app, the clipboard, a download. What goes out
// is the mentor's version of each draft; sending (mail, copy) waits for a finished
// reply and lists what is missing instead, a download goes ahead.
import { COPY_REFUSED, copyText, draftText, saveFile } from "../builder/save.js";
import { t } from "../texts.js";

const DOWNLOADS = {
  text: { fileName: "mentoring-reply.txt", type: "text/plain" },
  markdown: { fileName: "mentoring-reply.md", type: "text/markdown" },
};

export class ReplyOutputs {
  // host: { drafts, result() -> the latest answer or null, attempt(),
  //         say(text, button) -> an answer beside the button }
  constructor(host) {
    this.host = host;
  }

  say(text, from) {
    this.host.say(text, from);
  }

  ready(from) {
    this.host.attempt();
    if (this.host.result()?.ready) return true;
    this.say(t("Not yet: fill in the things listed above first."), from);
    return false;
  }

  mail(event, link) {
    if (link.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      this.say(t("The reply is not ready yet: the helper is still loading."), link);
    } else if (!this.ready(link)) {
      event.preventDefault();
    }
  }

  async copy(name, from) {
    const result = this.host.result();
    const draft = result && this.host.drafts.current(name === "primary" ? result.primary : name);
    if (!draft) {
      this.say(t("There is nothing to copy yet: the helper is still loading."), from);
      return;
    }
    if (name === "primary" && !this.ready(from)) return;
    this.say(await copyText(draftText(draft)) ? t("Copied. Paste it into your reply to them.") : t(COPY_REFUSED), from);
  }

  download(format, from) {
    const result = this.host.result();
    if (result) this.host.attempt();
    const text = result?.downloads?.[format];
    const kind = DOWNLOADS[format];
    if (!text || !kind) {
      this.say(t("There is nothing to download yet: the helper is still loading."), from);
      return;
    }
    saveFile(kind.fileName, text, kind.type);
    this.say(t("Downloaded {file}.", { file: kind.fileName }), from);
  }
}
