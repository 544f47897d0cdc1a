// Two tabs, one stored document: merges never let one tab's save delete or overwrite
// another's work. Each is a three-way merge, request by request, of another tab's
// document into this tab's, against their common ancestor: what this tab last read or
// wrote (when it saves), or what the other tab's write replaced (when it hears of it,
// from the `storage` event's old value, which stays right even when this tab's own
// read of storage was a moment out of date).
//
// For each request: changed on one side only, that side's version is kept (and this tab
// shows it); changed on both, both are kept: one under its id, the other as a copy, the
// same one in every tab (the smaller text wins the id; the copy's id is made from the
// loser's content), so tabs that resolve the same conflict agree; new on either side, it
// is added; deleted on one side and unchanged on the other, it goes; deleted on one side
// but changed on the other, the change is kept. Records compare by content.
import { t } from "../texts.js";

// JSON with every object's keys sorted, so that two equal records compare equal.
export function canonical(value) {
  return JSON.stringify(value, (key, item) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.fromEntries(Object.keys(item).sort().map((name) => [name, item[name]]));
  });
}

// What a document's requests were, by id: the ancestor of the next merge.
export function snapshot(document) {
  return new Map((document?.requests ?? []).map((record) => [record.id, canonical(record)]));
}

// A request id made from text, "r-" and 16 hex digits (two 32-bit FNV-1a hashes): the
// same in every tab for the same conflict.
function idFrom(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return `r-${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}

export const COPY = " (copy)";
const MAX_NAME = 80;

function copyName(name) {
  const text = String(name || t("Untitled request"));
  if (text.endsWith(COPY)) return text;
  return text.length + COPY.length > MAX_NAME ? `${text.slice(0, MAX_NAME - COPY.length - 1)}…${COPY}` : text + COPY;
}

// theirs: the other document (stored now, or another tab's new value); mine: this
// tab's; ancestor: snapshot() of what both came from. Returns { document, theirs,
// copies, gone }: theirs are the ids whose version from the other side replaced this
// tab's, copies the { id, copy, mine } of each conflict (mine: the copy is this tab's
// version), gone the ids deleted on the other side that this tab had not changed.
export function merge(other, mine, ancestor) {
  const ours = new Map(mine.requests.map((record) => [record.id, record]));
  const changed = (record) => canonical(record) !== ancestor.get(record.id);
  const theirs = [];
  const copies = [];
  const gone = [];
  const requests = [];
  for (const record of other.requests) {
    const own = ours.get(record.id);
    ours.delete(record.id);
    if (!own) {
      // Deleted here (known before) and left alone there: it goes; else it stays.
      if (!ancestor.has(record.id) || changed(record)) requests.push(record);
      continue;
    }
    const same = canonical(own) === canonical(record);
    if (same || !changed(record)) {
      requests.push(own);
    } else if (!changed(own)) {
      requests.push(record);
      theirs.push(record.id);
    } else {
      // Both sides changed it: the smaller keeps the id, the other is kept as a copy.
      const [kept, lost] = canonical(own) < canonical(record) ? [own, record] : [record, own];
      const copy = { ...lost, id: idFrom(record.id + canonical(lost)), named: true, name: copyName(lost.name) };
      requests.push(kept, copy);
      copies.push({ id: record.id, copy: copy.id, mine: lost === own });
      if (kept === record) theirs.push(record.id);
    }
  }
  for (const own of ours.values()) {
    if (requests.some((record) => record.id === own.id)) continue; // a copy made above
    // Not on the other side: new here, or deleted there (kept only if changed here).
    if (!ancestor.has(own.id) || changed(own)) requests.push(own);
    else gone.push(own.id);
  }
  let current = mine.current;
  const moved = copies.find((item) => item.mine && item.id === current);
  if (moved) current = moved.copy; // this tab goes on with its own version
  if (!requests.some((record) => record.id === current)) current = requests[0]?.id ?? "";
  return { document: { ...mine, current, requests }, theirs, copies, gone };
}
