// Hands a text to the reader as a downloaded file. Made here, in the browser: nothing
// is sent anywhere.
import { el } from "./dom.js";

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
