// Which of the Python bundle's files this browser keeps, and when: each file as it
// arrives (builder-worker.js `keep`), the snapshot's compressed copy as it arrives too,
// then, after the start, the snapshot decompressed (in place of that copy), the
// scripts Pyodide imported and the standard library a restore needs. All in the cache
// the service worker (sw.js) serves the bundle from.
import { SNAPSHOT_HEADERS, decompressedFile, isSnapshotFile } from "./snapshot.js";

export const PYTHON_CACHE = "sh-python";
export const SNAPSHOT = "builder.snapshot"; // kept decompressed, by the builder's worker only
// The standard library a restored snapshot still needs (sitebuild/python_bundle/): the
// modules it has not imported. The long way takes the whole python_stdlib.zip.
export const STDLIB_AFTER_SNAPSHOT = "python_stdlib_after_snapshot.zip";
export const STDLIB = "python_stdlib.zip"; // the whole (cut) standard library: the long way's
// The snapshot this browser made on a start the long way (made-here.js): no host serves
// this address. Restored with STDLIB.
export const MADE_HERE = "builder-made-here.snapshot";

// The snapshot as it arrives (compressed), kept under its own key until the worker has
// kept it decompressed after the start (keepTheRest, which then drops this copy): a
// reader who leaves right after the first preview has received every byte of it, and
// the next visit must not download it again.
const AS_ARRIVED = "?as-arrived";
const SNAPSHOT_FILES = [SNAPSHOT, `${SNAPSHOT}.gz`]; // xz and gzip, as built

export function asArrivedKey(url) {
  return `${url}${AS_ARRIVED}`;
}

export async function keptAsArrived(indexURL, kept) {
  for (const name of SNAPSHOT_FILES) {
    const hit = await kept(asArrivedKey(new URL(name, indexURL).href));
    if (hit) return hit;
  }
  return null;
}

// The wheels a start installs (`bundle`: the build's bundle.json); the calendar's are
// loaded later, on first use.
export function startWheels(bundle) {
  const later = new Set(bundle.later ?? []);
  return bundle.files.filter((name) => name.endsWith(".whl") && !name.includes("/") && !later.has(name));
}

// The long way's zips (the standard library and the start's wheels) come twice: deflated
// member by member, as zips are, and under STORED with their members stored, which a
// host's brotli then compresses whole, across members: 0.33 MB less of the long way's
// 1.11 MB (sitebuild/python_bundle/). Only a host that sends the build's compressed
// copies (nginx, Caddy: the README's publishing setups) or compresses zips itself
// sends the stored ones compressed; GitHub Pages, Netlify and Cloudflare Pages send a
// zip as it is, four times the size. So a first visit asks (`servedCompressed`).
export const STORED = "stored/";

// The names the long way fetches: { stdlib, wheels }, stored or deflated.
export function longWayFiles(bundle, stored) {
  const prefix = stored && bundle.stored?.includes(`${STORED}${STDLIB}`) ? STORED : "";
  return { stdlib: `${prefix}${STDLIB}`, wheels: startWheels(bundle).map((name) => `${prefix}${name}`) };
}

// Whether this host sends the stored standard library compressed: a HEAD request (its
// headers only, one round trip, made beside the runtime's download). False if it sends
// it as it is, or has no stored copy (a bundle built before them), or cannot say.
export async function servedCompressed(indexURL, fetchFile) {
  try {
    const response = await fetchFile(new URL(`${STORED}${STDLIB}`, indexURL).href, { method: "HEAD" });
    const encoding = (response.headers.get("Content-Encoding") ?? "identity").trim().toLowerCase();
    await response.arrayBuffer(); // none for HEAD; left unread, the request counts as cut off
    return response.ok && encoding !== "identity";
  } catch {
    return false;
  }
}

// The way to start when this browser kept the runtime (then there is no download to
// measure the link on): { way: "snapshot", keptSnapshot } if the site's snapshot was
// kept (`keptSnapshot`: { decompressed, asArrived }, the files as looked up, for the
// restore not to look them up again); { way: "here", madeHere, stdlib } if the snapshot
// this browser made on a start the long way was (`madeHere`: that file, as looked up),
// with the files a restore of it needs (`stdlib`: the standard library's name, stored
// or not, whichever that start fetched: any holds what it imports); { way: "long",
// stored } if neither was but every file of the long way was (a first visit on a slow
// link took that way and could not keep a snapshot): this one starts from what is here
// instead of downloading megabytes over that same link; else null. `kept(url)` looks a
// file up; each is looked up once, and all at once (on the way back to a slow link's
// first preview, one after another they cost tens of milliseconds of its 1.5 s).
export async function keptWay(indexURL, bundle, kept) {
  const url = (name) => new URL(name, indexURL).href;
  const wanted = [
    SNAPSHOT,
    ...SNAPSHOT_FILES.map((name) => asArrivedKey(name)),
    MADE_HERE, // or a restore of the one made here
    `${STORED}${STDLIB}`,
    STDLIB,
    "pyodide-lock.json", // or the long way
  ];
  const found = await Promise.all(wanted.map((name) => kept(url(name))));
  const [snapshot, xzArrived, gzipArrived, madeHere, storedStdlib, stdlib, lock] = found;
  if (snapshot || xzArrived || gzipArrived) {
    return { way: "snapshot", keptSnapshot: { decompressed: snapshot, asArrived: xzArrived ?? gzipArrived } };
  }
  if (!(storedStdlib || stdlib) || !lock) return null;
  const files = longWayFiles(bundle, Boolean(storedStdlib));
  if (madeHere) return { way: "here", madeHere, stdlib: files.stdlib };
  for (const name of files.wheels) {
    if (!(await kept(url(name)))) return null;
  }
  return { way: "long", stored: Boolean(storedStdlib) };
}

async function dropAsArrived(cache, indexURL) {
  for (const name of SNAPSHOT_FILES) await cache.delete(asArrivedKey(new URL(name, indexURL).href));
}

// Whether the snapshot kept in `cache` is the decompressed file (its first bytes),
// not a compressed copy an earlier version of this site kept.
async function keptDecompressed(cache, url) {
  const response = await cache.match(url);
  if (!response?.body) return false;
  const reader = response.body.getReader();
  const { value } = await reader.read();
  reader.cancel().catch(() => {});
  return isSnapshotFile(value ?? new Uint8Array());
}

// After the start, in the background: the snapshot, decompressed, so the next visit
// restores it without decoding, then the scripts it imported (not seen by the fetches
// of builder-worker.js) and the standard library a restore needs (after a start the
// long way). `read` is the snapshot this start restored (null if it started the long
// way): kept from what was read, unless that was the kept file already. After a start
// the long way, the site's snapshot is fetched (unless the browser asks to save data),
// unless this browser keeps one it made (`madeHere`): then neither it nor the standard
// library a restore of it needs are. The copy kept as it arrived goes either way:
// megabytes never read again.
export async function keepTheRest(indexURL, read, fetchFile, madeHere = false) {
  if (typeof caches !== "object") return;
  try {
    const cache = await caches.open(PYTHON_CACHE);
    // The snapshot first: the biggest file, already here (its copy as it arrived is
    // dropped once the decompressed one is kept).
    const url = new URL(SNAPSHOT, indexURL).href;
    if (read?.packed) await cache.put(url, new Response(read.file(), { headers: SNAPSHOT_HEADERS }));
    if (read) await dropAsArrived(cache, indexURL);
    const scripts = ["pyodide.asm.mjs"]; // Pyodide's loader is in the worker's own script
    for (const name of madeHere ? scripts : [...scripts, "xz-decompress.mjs", STDLIB_AFTER_SNAPSHOT]) {
      const file = new URL(name, indexURL).href;
      if (await cache.match(file)) continue;
      // The browser's HTTP cache holds it from this start: taken from there as it is,
      // never revalidated (a file of a digest-named bundle never changes). Revalidating
      // cost a round trip, and a reader who left while it was under way lost the
      // cache's copy (measured: the next visit fetched pyodide.asm.mjs whole again).
      const response = await fetchFile(file, { cache: "force-cache" });
      if (response.ok) await cache.put(file, response);
    }
    if (!read && !madeHere && !self.navigator.connection?.saveData && !(await keptDecompressed(cache, url))) {
      const response = await fetchFile(url);
      if (response.ok) await cache.put(url, await decompressedFile(response, indexURL));
    }
    if (!read) await dropAsArrived(cache, indexURL); // after a restore, dropped above
  } catch {
    // Storage full or blocked: the next visit downloads again, as without caching.
  }
}

