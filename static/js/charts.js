// Draws every <div data-chart="ID"> with the figure JSON in <script id="ID">.
// Runs after plotly.min.js; without JavaScript the numbers stay readable as a table.
(function () {
  "use strict";
  function draw(root) {
    if (!window.Plotly) { return; }
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      if (element.dataset.drawn) { return; }
      var source = document.getElementById(element.dataset.chart);
      if (!source) { return; }
      var figure = JSON.parse(source.textContent);
      // No mode bar: its buttons would sit inside the role="img" chart (nested-interactive).
      var config = { responsive: true, displaylogo: false, displayModeBar: false, locale: document.documentElement.lang };
      window.Plotly.newPlot(element, figure.data, figure.layout, config);
      element.dataset.drawn = "1";
    });
  }
  window.portalCharts = { draw: draw };
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
})();
