// Ways out of the builder: copy a draft, download them all, copy a share link.
import { el } from "./dom.js";

export async function copyText(text) {
  await navigator.clipboard.writeText(text);
}

// Starts a download of text as a file; returns the file name.
export function downloadText(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = el("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}

export const DOWNLOADS = {
  text: { fileName: "mentoring-request.txt", type: "text/plain" },
  markdown: { fileName: "mentoring-request.md", type: "text/markdown" },
};

// A link to this page that re-creates the form; the answers ride in the fragment,
// which browsers never send to the server.
export function shareUrl(query) {
  const url = new URL(location.pathname, location.origin);
  url.hash = query;
  return url.href;
}
