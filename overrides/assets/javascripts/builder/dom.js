// Small DOM helpers shared by the builder's components. Text only: nothing here
// ever parses HTML, so user text cannot become markup.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
