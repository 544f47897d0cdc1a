// The calendar's packages (icalendar and the zone data), from the same bundle, the
// first time a reader asks for a calendar file: never at start-up, never in a snapshot.
const CALENDAR_MS = 60_000;

// The standard-library modules only the calendar's packages import, beside the rest
// (find_stdlib.mjs): put on Python's path before the packages load.
const STDLIB_LATER = "python_stdlib_later.zip";

async function addLaterStdlib(python, bundleURL) {
  const response = await fetch(new URL(STDLIB_LATER, bundleURL));
  if (!response.ok) throw new Error(`${STDLIB_LATER}: HTTP ${response.status}`);
  const path = `/lib/${STDLIB_LATER}`;
  python.FS.writeFile(path, new Uint8Array(await response.arrayBuffer()));
  python.runPython(`import sys\nif ${JSON.stringify(path)} not in sys.path: sys.path.append(${JSON.stringify(path)})`);
}

// A function that loads the calendar's packages into `python` (the running Pyodide)
// from the bundle at `bundleURL`, once: it resolves when they are in, and a failed load
// is tried again on the next call.
export function calendarLoader(python, bundleURL) {
  let loaded = null;
  return () => {
    loaded ??= new Promise((resolve, reject) => {
      const errors = [];
      const timer = setTimeout(() => reject(new Error("it took far too long")), CALENDAR_MS);
      addLaterStdlib(python, bundleURL)
        .then(() => python.loadPackage("icalendar", { messageCallback: () => {}, errorCallback: (m) => errors.push(m) }))
        .then(() => (errors.length ? reject(new Error(errors.join("; "))) : resolve()), reject)
        .finally(() => clearTimeout(timer));
    }).catch((error) => {
      loaded = null; // the next try starts again
      throw error;
    });
    return loaded;
  };
}

// Answers a calendar message (`data`, the page's JSON; `id`, its question's id) with
// `handle` once `load` has the packages in, or with the reason they could not come.
export async function answerCalendar(data, id, load, handle) {
  try {
    await load();
  } catch (error) {
    // The page says it in its own language (builder/calendar.js).
    const reason = `${error?.message ?? error}`;
    self.postMessage(JSON.stringify({ type: "result", id, result: { ok: false, loadFailed: reason } }));
    return;
  }
  self.postMessage(handle(data));
}
