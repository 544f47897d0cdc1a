// Small DOM helpers shared by the builder's components. Text only: nothing here
// ever parses HTML, so user text cannot become markup.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// An answer arrives on every keystroke, and most change nothing on the page. These
// write only what differs: rewriting the same text or list still makes the browser
// lay the page out again before the reader sees the new draft.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

export function setFlag(node, name, on) {
  if (on && node.getAttribute(name) !== "true") node.setAttribute(name, "true");
  else if (!on && node.hasAttribute(name)) node.removeAttribute(name);
}

// Rebuilds `node`'s children with `build()` only when `shown` (anything JSON can hold,
// from which the children are built) differs from what was last built there.
const built = new WeakMap();
export function replaceIfChanged(node, shown, build) {
  const key = JSON.stringify(shown);
  if (built.get(node) === key) return false;
  built.set(node, key);
  node.replaceChildren(...build());
  return true;
}

// After an answer changed the page (a message, a list of what is missing), the control
// in use (in the form or anywhere below it) stays in view: text appearing above it must
// not push it off the screen. (Only when none of it shows: a tall draft the reader types
// in is never scrolled about.) Looked at in the next frame, before it is painted: read
// at once, the position made the browser lay out the changed page inside the answer's
// task (40-123 ms of the first answer's 64-165 ms on cold starts, by Long Animation
// Frames); in the frame the layout is the frame's own, a task apart from the answer.
let lookPending = false;
export function keepFocusInView() {
  if (lookPending) return;
  lookPending = true;
  requestAnimationFrame(() => {
    lookPending = false;
    const focused = document.activeElement;
    if (!focused || focused === document.body) return;
    const box = focused.getBoundingClientRect();
    if (box.top >= innerHeight || box.bottom <= 0) focused.scrollIntoView({ block: "nearest" });
  });
}

// Status lines answer the latest button of their area ("Copied…", "Downloaded…",
// "Imported…"): writing one clears the others there, so an earlier outcome never
// reads as the latest, and a new context (another request) clears them all.
const STATUS_LINES = "[data-sh-feedback], [data-sh-said], [data-sh-calendar-feedback], " +
  "[data-sh-requests-feedback], [data-sh-files-feedback], [data-sh-import-message]";
const STATUS_AREAS = "[data-sh-step], [data-sh-requests], [data-sh-requests-files], [data-sh-draft], [data-sh-failure]";

export function sayIn(line, text) {
  const area = line.closest(STATUS_AREAS) ?? line.parentElement;
  for (const other of area.querySelectorAll(STATUS_LINES)) {
    if (other !== line) clearLine(other);
  }
  line.textContent = text;
}

export function clearStatus(root) {
  for (const line of root.querySelectorAll(STATUS_LINES)) clearLine(line);
}

function clearLine(line) {
  if (!line.textContent) return;
  line.textContent = "";
  if (line.classList.contains("sh-field__message--error")) {
    line.classList.remove("sh-field__message--error");
    for (const input of document.querySelectorAll(`[aria-describedby~="${CSS.escape(line.id)}"]`)) {
      input.removeAttribute("aria-invalid");
    }
  }
}

// A control that takes focus is brought whole into view, below the sticky header. The
// browser does this itself, except inside the live panel, which sticks below the header
// and scrolls on its own: once the page has scrolled past the panel's container, Chrome
// left a focused draft half under the header. Only when focus arrives, never while
// the reader types.
export function showFocusWhole(root) {
  root.addEventListener("focusin", (event) => {
    const target = event.target;
    requestAnimationFrame(() => {
      if (document.activeElement !== target) return;
      const box = target.getBoundingClientRect();
      const top = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      const fits = box.height <= innerHeight - top;
      if (fits && (box.top < top || box.bottom > innerHeight)) target.scrollIntoView({ block: "nearest" });
    });
  });
}
