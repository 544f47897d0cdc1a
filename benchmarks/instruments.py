"""Scripts the benchmark puts into pages and workers before they run.

They only add listeners and timestamps; the site's own code is unchanged.
"""

# Runs before any of the page's own scripts (Playwright init script). It records,
# against performance.now() (0 = navigation start):
#   - long tasks on the main thread (PerformanceObserver, buffered), and Event Timing
#     entries (input to next paint) for keystrokes;
#   - when the builder root gets sh-builder--enhanced (form wired up), when it gets
#     data-sh-ready=true, and when the first preview is shown (first data-sh-revision
#     with non-empty email text) -- a MutationObserver, so the time is taken in the
#     same task that updated the DOM, not when a poll happens to notice;
#   - the builder worker's messages (progress steps, ready), by wrapping the Worker
#     constructor: it only adds a listener and keeps the ids of questions not yet
#     answered, so the benchmark knows when no answer is outstanding. The builder
#     is unchanged;
#   - for edits: performance.now() at the capture-phase `input` event (before the
#     builder's own listener) and at the data-sh-revision mutation that follows.
PAGE_INSTRUMENTS = r"""
(() => {
  if (window.__bench) return;
  const b = window.__bench = {
    longtasks: [], marks: {}, msgs: [], revisions: [], waiting: new Set(),
    edit: null, editDone: null, settleDone: null,
  };
  const now = () => performance.now();
  const mark = (k, t) => { if (!(k in b.marks)) b.marks[k] = t ?? now(); };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { b.longtaskError = String(e); }
  // Event Timing: input to the next paint, per interaction (entries of 16 ms or more).
  b.events = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) b.events.push([e.startTime, e.duration, e.interactionId, e.name]);
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch (e) { b.eventError = String(e); }

  // Every message the page sends carries an id ("n" for edits, "ask-n" for the page's
  // other questions) that its answer repeats; settled = no answer outstanding.
  const settled = () => b.waiting.size === 0;
  // The id is the message's last member (python.js adds it), so a user's text, which
  // JSON escapes, can never be mistaken for it.
  // An answer's id comes right after its type, so the first match is the one.
  const idOf = (text, last = true) => {
    const all = [...text.matchAll(/[{,]\s*"id":\s*(-?\d+|"[^"\\]*")/g)];
    return all.length ? all[last ? all.length - 1 : 0][1].replace(/"/g, "") : null;
  };
  const maybeDone = () => {
    const e = b.edit;
    if (b.editDone && e && e.end !== undefined && e.painted !== undefined && settled()) {
      const done = b.editDone; b.editDone = null; done(e);
    }
    if (b.settleDone && settled()) { const done = b.settleDone; b.settleDone = null; done(true); }
  };
  b.waitEdit = (ms) => new Promise((resolve) => {
    b.editDone = resolve; setTimeout(maybeDone, 0);
    setTimeout(() => { if (b.editDone === resolve) { b.editDone = null; resolve(null); } }, ms);
  });
  b.waitSettled = (ms) => new Promise((resolve) => {
    b.settleDone = resolve; setTimeout(maybeDone, 0);
    setTimeout(() => {
      if (b.settleDone === resolve) { b.settleDone = null; resolve(false); }
    }, ms);
  });

  const RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = class extends RealWorker {
      constructor(url, options) {
        super(url, options);
        if (!String(url).includes("builder-worker")) return;
        mark("workerCreated");
        this.addEventListener("message", (event) => {
          const t = now();
          const head = typeof event.data === "string" ? event.data.slice(0, 60) : "";
          const kind = (/"type":\s*"([a-z-]+)"/.exec(head) || [])[1] || "?";
          if (kind === "result" || kind === "error") {
            b.waiting.delete(idOf(head, false)); setTimeout(maybeDone, 0);
            if (!("firstResult" in b.marks)) b.marks.firstResult = t;
          } else {
            let step = null;
            try { step = JSON.parse(event.data).step ?? null; } catch (e) {}
            b.msgs.push([t, kind, step]);
            if (kind === "ready") mark("workerReady", t);
            if (kind === "progress") mark(`progress${step}`, t);
          }
        });
      }
      postMessage(data, ...rest) {
        const text = typeof data === "string" ? data : "";
        if (!text.startsWith('{"type":"start"')) {
          const id = idOf(text);
          if (id !== null) b.waiting.add(id);
        }
        return super.postMessage(data, ...rest);
      }
    };
  }

  addEventListener("keydown", (e) => {
    if (b.edit && b.edit.keydown === undefined) b.edit.keydown = e.timeStamp;
  }, true);
  addEventListener("input", () => {
    if (b.edit && b.edit.start === undefined) b.edit.start = now();
  }, true);

  const observer = new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      const el = r.target;
      if (!(el instanceof Element) || !el.hasAttribute("data-sh-builder")) continue;
      if (r.attributeName === "class" && el.classList.contains("sh-builder--enhanced")) {
        mark("enhanced", t);
      } else if (r.attributeName === "data-sh-ready" && el.dataset.shReady === "true") {
        mark("readyAttr", t);
      } else if (r.attributeName === "data-sh-revision") {
        b.revisions.push([t, el.dataset.shRevision]);
        const pane = el.querySelector("[data-sh-draft=email] [data-sh-draft-text]");
        const text = pane ? pane.value : "";
        if (!("ready" in b.marks) && el.dataset.shReady === "true" && text.trim()) mark("ready", t);
        const e = b.edit;
        if (e && e.start !== undefined && e.end === undefined) {
          e.end = t; e.revision = el.dataset.shRevision;
          // After the next frame: the preview has been laid out and painted.
          requestAnimationFrame(() => setTimeout(() => { e.painted = now(); maybeDone(); }, 0));
        }
      }
    }
  });
  observer.observe(document, {
    subtree: true, attributes: true,
    attributeFilter: ["class", "data-sh-ready", "data-sh-revision"],
  });
})();
"""

# Evaluated in the builder's worker before it runs (CDP auto-attach, paused on
# start), only in the instrumented pass used for memory and the worker's own
# timeline: keeps the WebAssembly.Memory that Pyodide's module exports, and the
# time WebAssembly.instantiate(Streaming) starts and resolves. Times are absolute
# (timeOrigin + now) so the page can line them up with its own clock.
WORKER_INSTRUMENTS = r"""
(() => {
  if (self.__bench) return;
  const B = self.__bench = { memories: [], marks: {}, handled: [] };
  const abs = () => performance.timeOrigin + performance.now();
  B.marks.workerStart = abs();
  // Time spent in the worker per answer: from the message arriving (a capture
  // listener, so it runs before the builder's own) to the answer being posted.
  let arrived = null;
  self.addEventListener("message", () => { arrived = performance.now(); }, true);
  const post = self.postMessage.bind(self);
  self.postMessage = (data, ...rest) => {
    if (arrived !== null && typeof data === "string" && data.startsWith('{"type": "result"')) {
      B.handled.push(performance.now() - arrived);
      arrived = null;
    }
    return post(data, ...rest);
  };
  for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {
    const real = WebAssembly[name];
    if (!real) continue;
    WebAssembly[name] = function (...args) {
      B.marks[name + "Start"] ??= abs();
      return real.apply(this, args).then((r) => {
        B.marks[name + "End"] = abs();
        const inst = r && (r.instance || r);
        for (const v of Object.values((inst && inst.exports) || {})) {
          if (v instanceof WebAssembly.Memory && !B.memories.includes(v)) B.memories.push(v);
        }
        return r;
      });
    };
  }
})();
"""
