// Forward and backward seconds per video over time, drawn with the locally served plotly.
(function () {
  "use strict";
  var el = document.getElementById("progress-chart");
  var data = document.getElementById("progress-series");
  if (!el || !data || !window.Plotly) return;
  var s = JSON.parse(data.textContent);
  var styles = getComputedStyle(document.documentElement);
  function color(name) { return styles.getPropertyValue(name).trim(); }
  window.Plotly.newPlot(el, [
    { x: s.dates, y: s.forward, name: "Forward", type: "scatter", mode: "lines+markers", line: { color: color("--forward"), width: 3 } },
    { x: s.dates, y: s.backward, name: "Backward", type: "scatter", mode: "lines+markers", line: { color: color("--backward"), width: 3, dash: "dot" } }
  ], {
    margin: { l: 44, r: 12, t: 8, b: 40 },
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
    yaxis: { title: { text: "seconds" }, rangemode: "tozero", gridcolor: "#e3ddd3" },
    xaxis: { gridcolor: "#e3ddd3" },
    legend: { orientation: "h", y: -0.2 },
    font: { family: "system-ui, sans-serif", color: color("--ink") }
  }, { displayModeBar: false, responsive: true });
})();
