// Show how long the practice timer has run. The start time comes from the server (the page's
// data-started), so a reload or a locked phone loses nothing; without this script the page
// still starts and stops the timer.
(function () {
  "use strict";
  var el = document.getElementById("timer-elapsed");
  if (!el) return;
  var started = Date.parse(el.getAttribute("data-started"));
  if (isNaN(started)) return;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function show() {
    var s = Math.max(0, Math.floor((Date.now() - started) / 1000));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    el.textContent = (h ? h + ":" + pad(m) : m) + ":" + pad(s % 60);
  }
  show();
  setInterval(show, 1000);
})();
