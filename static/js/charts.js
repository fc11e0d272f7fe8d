// Draws every <div data-chart="ID"> with the figure JSON in <script id="ID">.
// Runs after plotly.min.js; without JavaScript the numbers stay readable as a table.
(function () {
  "use strict";
  // Chart labels grow with the browser's text size (WCAG 1.4.4): every font size of the
  // figure, and its height with it, by the ratio of the root font size to the usual 16 px.
  function scaleText(layout) {
    var factor = parseFloat(window.getComputedStyle(document.documentElement).fontSize) / 16;
    if (!(factor > 1.05)) { return layout; }
    (function walk(node, key) {
      if (!node || typeof node !== "object") { return; }
      if (/font$/i.test(key || "") && typeof node.size === "number") { node.size = Math.round(node.size * factor); }
      Object.keys(node).forEach(function (child) { walk(node[child], child); });
    })(layout, "");
    layout.font = layout.font || {};
    if (typeof layout.font.size !== "number") { layout.font.size = Math.round(12 * factor); }
    if (typeof layout.height === "number") { layout.height = Math.round(layout.height * Math.min(factor, 2)); }
    // Room for the larger labels around the plot (polar charts do not make room by themselves).
    if (layout.margin) {
      ["l", "r", "t", "b"].forEach(function (side) {
        if (typeof layout.margin[side] === "number") { layout.margin[side] = Math.round(layout.margin[side] * factor); }
      });
    }
    return layout;
  }
  function draw(root) {
    if (!window.Plotly) { return; }
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      if (element.dataset.drawn) { return; }
      var source = document.getElementById(element.dataset.chart);
      if (!source) { return; }
      var figure = JSON.parse(source.textContent);
      // No mode bar: its buttons would sit inside the role="img" chart (nested-interactive).
      var config = { responsive: true, displaylogo: false, displayModeBar: false, locale: document.documentElement.lang };
      window.Plotly.newPlot(element, figure.data, scaleText(figure.layout || {}), config);
      element.dataset.drawn = "1";
    });
  }
  window.portalCharts = { draw: draw };
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
})();
