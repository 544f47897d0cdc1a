// Hands a text to the reader: as a downloaded file, or on the clipboard. Made here, in
// the browser: nothing is sent anywhere. Shared by the builder and the reply helper.
import { el } from "./dom.js";
import { mark } from "../texts.js";

// A draft as it is copied or saved: its subject line first, when it has one.
export function draftText(draft) {
  return draft.subject ? `Subject: ${draft.subject}\n\n${draft.text}` : draft.text;
}

// Whether the browser let us copy (it may refuse: no permission, not focused).
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export const COPY_REFUSED = mark(
  "Your browser did not allow copying. Select the text in the preview and copy it by hand.",
);

export function saveFile(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = el("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
