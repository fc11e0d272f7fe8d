// Contrast of focus indicators and control borders, measured as a person sees them (WCAG 1.4.11).
(() => {
  function parse(c) {
    const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  function describe(el) {
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "")
      + " \"" + (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30) + "\"";
  }
  window.__focusIndicator = function () {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // A visually hidden input shows its focus on its label (Bootstrap's button-style radios).
    let shown = el;
    if (el.classList.contains("btn-check") && el.labels && el.labels.length) shown = el.labels[0];
    const s = getComputedStyle(shown);
    const width = s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth);
    const colour = parse(s.outlineColor);
    const behind = background(shown.parentElement || shown);
    return {element: describe(el), width: width, ratio: colour ? Math.round(ratio(colour, behind) * 100) / 100 : 0};
  };
  window.__borderContrasts = function (selector) {
    return Array.from(document.querySelectorAll(selector)).filter(e => e.offsetParent !== null).map(e => {
      const s = getComputedStyle(e);
      const colour = parse(s.borderTopColor);
      return {element: describe(e), width: parseFloat(s.borderTopWidth),
              ratio: Math.round(ratio(colour, background(e.parentElement || e)) * 100) / 100};
    });
  };
})()
