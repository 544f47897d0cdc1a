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
// to arrive; that decides, before either way's own files are requested.

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

// The decision: { snapshot: bool, why: "…" }. `bundle` is the build's bundle.json.
export function choosePath({ bytesPerSecond }, bundle) {
  const snapshotWay = bundle.snapshotBytes + (bundle.stdlibAfterSnapshotBytes ?? 0);
  const longWay = bundle.wheelBytes + (bundle.stdlibBytes ?? 0);
  const extra = snapshotWay - longWay;
  const seconds = extra / bytesPerSecond;
  const mbit = ((bytesPerSecond * 8) / 1e6).toFixed(1);
  if (seconds <= SNAPSHOT_SAVES_S) return { snapshot: true, why: `link ${mbit} Mbit/s` };
  return {
    snapshot: false,
    why: `slow link: ${mbit} Mbit/s, the snapshot would add ${seconds.toFixed(1)} s`,
  };
}
