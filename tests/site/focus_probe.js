// The focused element as keyboard users see it (focuskit.py runs it in the page).
// Returns whether it is on screen and not under anything else, its focus outline and
// that outline's contrast against what is behind it, and the contrast of every run of
// text in it. Colours are computed styles read after running transitions are finished,
// composited over the backgrounds and opacities of the element's ancestors.
async (settle) => {
  // Let scripts that react to focus a moment later have their turn (Material opens its
  // search 1 ms after the box takes focus) and the next frame be drawn (an answer that
  // changes the page has the control in use brought back into view just before the
  // frame is painted: builder/dom.js), then finish every running transition
  // (getAnimations brings styles up to date first): computed colours are the end state.
  // The frame: our animation callback runs after every one asked for before it, then
  // the frame is painted, then the task after it. One frame, not two (a second
  // requestAnimationFrame would draw another: a quarter of a walk's processor time).
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  if (settle) {
    await new Promise((resolve) => setTimeout(resolve, settle));
    await frame();
    // Focus that moved far down the page: Chromium scrolls the element into view in a
    // frame of its own, which on a busy machine can come after the one waited for
    // (seen about once a run on a loaded two-core machine: a heading's "¶" measured
    // below the viewport after three frames). Frames until it is in view, for up to a
    // second of wall time (counting frames was not enough when frames come slowly); an
    // element that stays off screen is still reported.
    const inView = (n) => {
      const r = n.getBoundingClientRect();
      return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    };
    const until = performance.now() + 1000;
    while (document.activeElement && !inView(document.activeElement) && performance.now() < until) {
      await frame();
    }
  }
  for (const animation of document.getAnimations()) {
    const end = animation.effect && animation.effect.getComputedTiming().endTime;
    if (Number.isFinite(end)) animation.finish();
  }

  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return { body: true, describe: el ? el.tagName.toLowerCase() : "nothing", key: "body" };
  }

  function parse(text) {
    let m = text.match(/^rgba?\(([^)]+)\)$/);
    if (m) {
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = text.match(/^color\(srgb ([^)]+)\)$/);
    if (m) {
      const p = m[1].split(/[\s\/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    throw new Error(`cannot read the colour ${text}`);
  }
  const over = (top, bottom) =>
    [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const channel = (v) => {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

  // What is painted behind an element: the canvas, then every ancestor's background,
  // root first, each faded by the opacity of its subtree.
  function backdrop(node) {
    const chain = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) chain.unshift(n);
    const rootStyle = getComputedStyle(document.documentElement);
    let bg = rootStyle.colorScheme === "dark" ? [18, 18, 18, 1] : [255, 255, 255, 1];
    if (matchMedia("(forced-colors: active)").matches) bg = parse(canvasColour());
    let opacity = 1;
    let image = false;
    for (const n of chain) {
      const s = getComputedStyle(n);
      opacity *= Number(s.opacity);
      const c = parse(s.backgroundColor);
      c[3] *= opacity;
      bg = over(c, bg);
      if (s.backgroundImage !== "none" && !s.backgroundImage.startsWith("url(")) image = true;
    }
    return { bg, opacity, image };
  }
  function canvasColour() {
    const probe = document.createElement("div");
    probe.style.backgroundColor = "Canvas";
    document.body.append(probe);
    const c = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return c === "rgba(0, 0, 0, 0)" ? "rgb(255, 255, 255)" : c;
  }

  const describe = (n) => {
    let d = n.tagName.toLowerCase();
    if (n.id) d += "#" + n.id;
    const cls = (n.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean).slice(0, 2);
    if (cls.length) d += "." + cls.join(".");
    const name = (n.getAttribute("aria-label") || n.textContent || n.value || "").trim().replace(/\s+/g, " ");
    return `${d} "${name.slice(0, 40)}"`;
  };

  // On screen, and not under anything else: sample points of its visible part (inside
  // the viewport and every scroll area around it). A point may fall on an ancestor
  // (the gap beside a small inline link), never on anything else; the middle must be it.
  const rect = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  let left = Math.max(rect.left, 0), right = Math.min(rect.right, vw);
  let top = Math.max(rect.top, 0), bottom = Math.min(rect.bottom, vh);
  // Scroll areas clip what they contain, except what is positioned against something
  // outside them (an absolute box escapes ancestors below its containing block).
  let position = getComputedStyle(el).position;
  for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
    const s = getComputedStyle(n);
    const transformed = s.transform !== "none";
    const contains = position === "fixed" ? transformed
      : position === "absolute" ? s.position !== "static" || transformed : true;
    if (!contains) continue;
    position = s.position;
    if (s.overflowX === "visible" && s.overflowY === "visible") continue;
    const r = n.getBoundingClientRect();
    left = Math.max(left, r.left); right = Math.min(right, r.right);
    top = Math.max(top, r.top); bottom = Math.min(bottom, r.bottom);
  }
  const onScreen = rect.width >= 1 && rect.height >= 1 && right - left >= 1 && bottom - top >= 1;
  const covered = [];
  let point = null;
  if (onScreen) {
    const w = right - left, h = bottom - top;
    let points = [[0.5, 0.5], [0.25, 0.5], [0.75, 0.5], [0.5, 0.25], [0.5, 0.75]].map(
      ([fx, fy]) => [left + w * fx, top + h * fy]);
    const lines = [...el.getClientRects()];
    if (lines.length > 1) {
      // A link that wraps: the middle of each of its line boxes that is on screen.
      points = lines.filter((r) => r.width >= 1 && r.bottom > 0 && r.top < vh)
        .map((r) => [(Math.max(r.left, 0) + Math.min(r.right, vw)) / 2,
          (Math.max(r.top, 0) + Math.min(r.bottom, vh)) / 2]);
    }
    points.forEach(([x, y], i) => {
      const hit = document.elementFromPoint(x, y);
      const mine = hit && (el.contains(hit) || (hit.control && hit.control === el));
      const beside = hit && i > 0 && hit.contains(el);
      if (!mine && !beside) covered.push(hit ? describe(hit) : "nothing");
    });
    point = { x: left + w / 2, y: top + h / 2 };
  }

  // The focus indicator: an outline, against what is behind it.
  const style = getComputedStyle(el);
  const outside = Number.parseFloat(style.outlineOffset) >= 0;
  const behind = backdrop(outside ? el.parentElement : el);
  let indicator = null;
  const width = Number.parseFloat(style.outlineWidth) || 0;
  if (style.outlineStyle !== "none" && width > 0) {
    const c = parse(style.outlineColor);
    c[3] *= behind.opacity;
    const drawn = over(c, behind.bg);
    indicator = {
      style: style.outlineStyle, width, colour: hex(drawn), against: hex(behind.bg),
      contrast: ratio(drawn, behind.bg),
    };
  }

  // Every run of text in it (and, for icon-only controls, the icon) against its background.
  const texts = [];
  const nodes = [el, ...el.querySelectorAll("*")];
  for (const n of nodes) {
    if (n !== el && n.checkVisibility && !n.checkVisibility({ visibilityProperty: true })) continue;
    let own = [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    const typed = n.tagName === "TEXTAREA" || (n.tagName === "INPUT" && !/^(radio|checkbox|range|color)$/.test(n.type));
    if (typed && n.value) own = true;
    const icon = !own && n.tagName === "svg" && !el.textContent.trim();
    if (!own && !icon) continue;
    const s = getComputedStyle(n);
    const back = backdrop(n);
    const fg = parse(icon ? (s.fill.startsWith("rgb") ? s.fill : s.color) : s.color);
    fg[3] *= back.opacity;
    const drawn = over(fg, back.bg);
    texts.push({
      what: icon ? "icon" : describe(n), colour: hex(drawn), against: hex(back.bg),
      contrast: ratio(drawn, back.bg), icon, image: back.image,
    });
  }

  return {
    body: false, describe: describe(el), key: el.id || describe(el) + "@" + Math.round(rect.top + scrollY),
    onScreen, covered, point, indicator, texts,
    inFooter: Boolean(el.closest(".md-footer")),
    inDrawer: Boolean(el.closest(".md-sidebar--primary")),
    inForm: Boolean(el.closest("[data-sh-form]")),
    inLive: Boolean(el.closest(".sh-live")),
    rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
  };
}
