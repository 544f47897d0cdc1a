// A snapshot this browser made itself. A start the long way (a slow link's first
// visit) starts Python ready to be snapshotted and warms the builder as the build does
// (snapshot-steps.mjs); then, before the first answer and so before anything of the
// reader is in Python's memory, the worker keeps that memory here. The next visit
// restores it in about a second instead of starting Python again (four seconds of
// processor time on a 2-core machine), and the site's own snapshot, megabytes over that
// slow link, is never downloaded. Kept in the bundle's cache (the service worker drops
// it with the bundle), under an address no host serves.
import { MADE_HERE, PYTHON_CACHE } from "./kept-files.js";
import { SNAPSHOT_HEADERS } from "./snapshot.js";
import { heapLength, packParts, zeroFreeMemory } from "./snapshot-steps.mjs";

const address = (indexURL) => new URL(MADE_HERE, indexURL).href;

// Keeps the snapshot of `pyodide` (started with `_makeSnapshot`, warmed, not yet used);
// `heapAtStart`: the memory a restore starts with, which the snapshot must fit.
// Resolves to whether it was kept; never throws (without it, the next visit takes the
// long way, as before).
export async function keepSnapshotMadeHere(pyodide, indexURL, heapAtStart) {
  if (typeof caches !== "object") return false;
  try {
    zeroFreeMemory(pyodide);
    const snapshot = pyodide.makeMemorySnapshot();
    if (!heapAtStart || heapLength(snapshot) > heapAtStart) return false; // no restore could hold it
    const file = new Blob(packParts(snapshot).parts);
    const cache = await caches.open(PYTHON_CACHE);
    await cache.put(address(indexURL), new Response(file, { headers: SNAPSHOT_HEADERS }));
    return true;
  } catch {
    return false; // storage full or blocked, or Python holds what a snapshot cannot
  }
}

// After a restore from it failed: the long way makes another.
export async function forgetSnapshotMadeHere(indexURL) {
  try {
    await (await caches.open(PYTHON_CACHE)).delete(address(indexURL));
  } catch {
    // nothing kept, or storage blocked: nothing to forget
  }
}
