// Small DOM helpers shared by the builder's components. Text only: nothing here
// ever parses HTML, so user text cannot become markup.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// After an answer changed the page (a message, a list of what is missing), the control
// in use (in the form or anywhere below it) stays in view: text appearing above it must not push it off the screen. (Only
// when none of it shows: a tall draft the reader types in is never scrolled about.)
export function keepFocusInView() {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return;
  const box = focused.getBoundingClientRect();
  if (box.top >= innerHeight || box.bottom <= 0) focused.scrollIntoView({ block: "nearest" });
}
