// The form's values: read them, fill them in, read them from a pre-filled link.
// Field names and link keys come from the builder's field table (page data).
import { updateCounts } from "../field-counts.js";
import { setFlag, setText } from "./dom.js";

export class FormValues {
  constructor(root, form, fields) {
    this.root = root;
    this.form = form;
    this.fields = fields;
  }

  item(name) {
    return this.form.elements.namedItem(name);
  }

  values() {
    const values = {};
    for (const { name } of this.fields) {
      const item = this.item(name);
      values[name] = item ? item.value : "";
    }
    return values;
  }

  fill(values) {
    for (const { name } of this.fields) {
      if (typeof values[name] !== "string") continue;
      const item = this.item(name);
      if (item instanceof RadioNodeList) {
        for (const radio of item) radio.checked = radio.value === values[name];
      } else if (item) {
        item.value = values[name];
      }
    }
    this.updateCounts();
  }

  // The values a query string (?f=… or #v=1&f=…) carries, or null if it names no field.
  fromQuery(search) {
    const params = new URLSearchParams(search);
    const values = {};
    let found = false;
    for (const { name, url_key: key } of this.fields) {
      if (params.has(key)) {
        values[name] = params.get(key);
        found = true;
      }
    }
    return found ? values : null;
  }

  // The fields whose value is not the default: typed, pasted, or filled in.
  changed() {
    const values = this.values();
    return this.fields.filter(({ name, default: initial }) => values[name] !== initial).map(({ name }) => name);
  }

  // A field's grey hint, from Python (what a blank field stands for); "" keeps the form's.
  placeholder(name, text) {
    const item = this.item(name);
    if (!item || typeof text !== "string") return;
    if (!("shPlaceholder" in item.dataset)) item.dataset.shPlaceholder = item.placeholder;
    const shown = text || item.dataset.shPlaceholder;
    if (item.placeholder !== shown) item.placeholder = shown;
  }

  urlKeys() {
    return this.fields.map((field) => field.url_key);
  }

  // Python's messages next to each field, as text; errors mark the field invalid.
  showMessages(messages) {
    for (const { name } of this.fields) {
      const out = this.root.querySelector(`[data-sh-message="${CSS.escape(name)}"]`);
      const list = messages[name] || [];
      setText(out, list.map((m) => m.text).join(" "));
      const error = list.some((m) => m.severity === "error");
      out.classList.toggle("sh-field__message--error", error);
      const item = this.item(name);
      if (item && !(item instanceof RadioNodeList)) setFlag(item, "aria-invalid", error);
    }
  }

  focus(name) {
    const item = this.item(name);
    (item instanceof RadioNodeList ? item[0] : item)?.focus();
  }

  updateCounts() {
    updateCounts(this.root, this.form);
  }
}
