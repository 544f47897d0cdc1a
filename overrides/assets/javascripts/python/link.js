// Which way to start Python, from the connection at hand.
//
// Both ways need the runtime (WebAssembly and its JavaScript). The snapshot way then
// downloads the snapshot (a few MB) and the few standard-library modules it has not
// imported, and restores it in about a second; the long way downloads the small wheels
// and the whole (cut) standard library, but spends seconds of CPU starting Python and
// importing the builder. So the snapshot pays only when its extra bytes arrive sooner
// than that CPU time: on a fast link, not on a slow one.
//
// The worker fetches the runtime's WebAssembly first and measures how fast it starts
// to arrive; that decides, before either way's own files are requested. It also
// chooses which of the snapshot's two files to fetch (xz or gzip: bytes against
// decoding time).

// CPU the snapshot saves, in seconds: starting Python and importing the builder the long
// way (~1.3x a bare loadPyodide, ~5.5 s), less restoring the snapshot (~2 s), measured
// unthrottled on the quiet 2-core development machine. A faster machine saves less, a
// slower or busier one more.
export const SNAPSHOT_SAVES_S = 3.5;
// Measure for at least this long (or until the file is complete) before deciding.
const MEASURE_MS = 500;

// Reads `response` while counting bytes; `measured` resolves to bytes per second once
// MEASURE_MS have passed since the first byte or the body is complete. Returns the
// measurement and a Response carrying the same bytes, for whoever wanted the file.
export function meter(response) {
  const reader = response.body.getReader();
  let first = null;
  let bytes = 0;
  let settle;
  const measured = new Promise((resolve) => { settle = resolve; });
  const rate = (now) => (now > first ? (bytes * 1000) / (now - first) : Infinity);
  const body = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      const now = performance.now();
      if (done) {
        // Arrived in a chunk or two (a cache, or a fast link): too fast to measure.
        settle({ bytesPerSecond: bytes < 65536 ? Infinity : rate(now), complete: true });
        controller.close();
        return;
      }
      if (first === null) first = now;
      else bytes += value.length; // bytes after the first chunk, over the time since it
      if (now - first >= MEASURE_MS) settle({ bytesPerSecond: rate(now), complete: false });
      controller.enqueue(value);
    },
  });
  // Read on our own so the measurement does not wait for a consumer.
  const [mine, theirs] = body.tee();
  mine.pipeTo(new WritableStream()).catch(() => {});
  const copy = new Response(theirs, { status: response.status, headers: response.headers });
  return { measured, response: copy };
}

// Decoding the snapshot, in seconds, per file: gzip by the browser's own
// DecompressionStream ~0.1 s (13 MB out, Chromium, the 2-core machine); xz by
// xz-decompress (WebAssembly) 0.45 s alone, but during a start it shares this worker and
// the two cores with the runtime's compile and the page, and the figure here is the one
// that puts the choice where cold starts found the two files equal. Measured (benchmark
// host and link, 5 cold starts each way, same hour): gzip was 0.3 s slower at 50 Mbit/s,
// even at 75 Mbit/s, 0.16 s quicker at 100 Mbit/s and 0.3 s quicker unthrottled; the
// meter reads those links as 28-50, 52-65, 48-76 and 61-210 Mbit/s (it counts from the
// first byte, before a link is up to speed). 0.7 s puts the turn at ~59 Mbit/s read;
// 0.45 s put it at ~91, so the local host got xz on half its starts.
// Decoding runs as the bytes arrive, so a file is ready after its download or its
// decoding, whichever ends later.
export const DECODE_S = { xz: 0.7, gzip: 0.1 };
export const SNAPSHOT_FILES = { xz: "builder.snapshot", gzip: "builder.snapshot.gz" };

// Which snapshot file is ready sooner on this link: xz (fewer bytes) unless the link
// is fast enough (read as ~59 Mbit/s and up) for gzip's extra bytes to cost less than
// xz's slower decoding. A bundle without the gzip file, or a browser without
// DecompressionStream, gets xz.
function quickerFile(bytesPerSecond, bundle) {
  const ready = (bytes, codec) => Math.max(bytes / bytesPerSecond, DECODE_S[codec]);
  const gzip =
    bundle.snapshotGzipBytes > 0 &&
    typeof DecompressionStream === "function" &&
    ready(bundle.snapshotGzipBytes, "gzip") < ready(bundle.snapshotBytes, "xz");
  if (gzip) return { file: SNAPSHOT_FILES.gzip, bytes: bundle.snapshotGzipBytes };
  return { file: SNAPSHOT_FILES.xz, bytes: bundle.snapshotBytes };
}

// Bytes on the wire per byte read, for the runtime's WebAssembly in `response`: the
// meter counts what the body gives, which a host compressing the file (most do: it is
// WebAssembly) has made ~2.7 times larger than what crossed the link. With its
// Content-Length the compressed size is known; a host compressing on the fly sends
// none, and is taken to do as well as gzip. Measured: without this, a 1.6 Mbit/s link
// looked like 4.3 and got the snapshot (41 s to the first preview, not 37).
export function wireRatio(response, bundle) {
  const encoding = (response.headers.get("Content-Encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || !(bundle.runtimeBytes > 0)) return 1;
  const sent = Number(response.headers.get("Content-Length"));
  if (sent > 0 && sent < bundle.runtimeBytes) return sent / bundle.runtimeBytes;
  return bundle.runtimeGzipBytes > 0 ? bundle.runtimeGzipBytes / bundle.runtimeBytes : 1;
}

// The decision: { snapshot: bool, file, why: "…" }. `file` is the snapshot file to
// fetch (its name in the bundle). `bundle` is the build's bundle.json.
export function choosePath({ bytesPerSecond }, bundle) {
  const { file, bytes } = quickerFile(bytesPerSecond, bundle);
  const snapshotWay = bytes + (bundle.stdlibAfterSnapshotBytes ?? 0);
  const longWay = bundle.wheelBytes + (bundle.stdlibBytes ?? 0);
  const seconds = (snapshotWay - longWay) / bytesPerSecond;
  const mbit = ((bytesPerSecond * 8) / 1e6).toFixed(1);
  if (seconds <= SNAPSHOT_SAVES_S) return { snapshot: true, file, why: `link ${mbit} Mbit/s` };
  return {
    snapshot: false,
    file,
    why: `slow link: ${mbit} Mbit/s, the snapshot would add ${seconds.toFixed(1)} s`,
  };
}
