// Two tabs, one stored document: each save merges this tab's requests into what is
// stored now, request by request, against what this tab last read or wrote (its base),
// so that no tab's save deletes or overwrites another's work.
//
// For each request: changed only here, it is ours; changed only in another tab, it is
// theirs (and this tab shows it); changed in both, both are kept, ours as a copy under a
// new id; new in either, it is added; deleted in one and unchanged in the other, it goes;
// deleted in one but changed in the other, the change is kept. Records are compared by
// their content (keys in any order).

// JSON with every object's keys sorted, so that two equal records compare equal.
export function canonical(value) {
  return JSON.stringify(value, (key, item) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.fromEntries(Object.keys(item).sort().map((name) => [name, item[name]]));
  });
}

// What a document's requests were, by id: the base of the next merge.
export function snapshot(document) {
  return new Map((document?.requests ?? []).map((record) => [record.id, canonical(record)]));
}

// A new request id: "r-" and 64 random bits, as builder/record.py makes them.
export function newId(taken) {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    const id = `r-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
    if (!taken.has(id)) return id;
  }
}

export const COPY = " (copy)";
const MAX_NAME = 80;

// stored: the document in storage now; mine: this tab's; base: snapshot() of what this
// tab last read or wrote. Returns { document, theirs, copies, gone }: theirs are the ids
// whose stored version replaced this tab's (another tab changed them), copies the
// { from, to } ids of this tab's versions kept beside another tab's change, gone the ids
// another tab deleted that this tab had not changed.
export function merge(stored, mine, base) {
  const ours = new Map(mine.requests.map((record) => [record.id, record]));
  const taken = new Set([...ours.keys(), ...stored.requests.map((record) => record.id)]);
  const changedHere = (record) => canonical(record) !== base.get(record.id);
  const theirs = [];
  const copies = [];
  const gone = [];
  const requests = [];
  let current = mine.current;
  for (const record of stored.requests) {
    const own = ours.get(record.id);
    ours.delete(record.id);
    const changedThere = canonical(record) !== base.get(record.id);
    if (!own) {
      // Deleted here (known before) and left alone there: it goes; else it stays.
      if (!base.has(record.id) || changedThere) requests.push(record);
      continue;
    }
    if (!changedThere || canonical(own) === canonical(record)) {
      requests.push(own);
    } else if (!changedHere(own)) {
      requests.push(record);
      theirs.push(record.id);
    } else {
      // Both tabs changed it: theirs stays under its id, ours is kept as a copy.
      const copy = { ...own, id: newId(taken), named: true, name: copyName(own.name) };
      taken.add(copy.id);
      requests.push(record, copy);
      copies.push({ from: own.id, to: copy.id });
      if (current === own.id) current = copy.id;
    }
  }
  for (const own of ours.values()) {
    // Not in storage: new here, or deleted there (kept only if changed here since).
    if (!base.has(own.id) || changedHere(own)) requests.push(own);
    else gone.push(own.id);
  }
  if (!requests.some((record) => record.id === current)) current = requests[0]?.id ?? "";
  return { document: { ...mine, current, requests }, theirs, copies, gone };
}

function copyName(name) {
  const text = String(name || "Untitled request");
  return text.length + COPY.length > MAX_NAME ? `${text.slice(0, MAX_NAME - COPY.length - 1)}…${COPY}` : text + COPY;
}
