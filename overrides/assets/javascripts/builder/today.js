// The reader's own date, "YYYY-MM-DD": Python proposes dates and says when a date needs
// its year by it (the builder's and the reply helper's pages send it with each question).
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
