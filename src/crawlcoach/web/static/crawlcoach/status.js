// Keep every video status on the page current without a reload: poll its JSON endpoint while
// the analysis is queued or running; reload the result page once it is finished.
(function () {
  "use strict";
  var POLL_MS = 1500;

  function watch(el) {
    var url = el.getAttribute("data-status-url");
    var label = el.querySelector("[data-status-label]");
    var bar = el.querySelector("[data-status-progress]");
    function apply(s) {
      el.className = el.className.replace(/status-\w+/, "status-" + s.status);
      label.textContent = s.status === "analysing" ? s.label + " · " + Math.round(s.progress * 100) + "%" : s.label;
      bar.hidden = s.status !== "analysing";
      bar.value = s.progress;
    }
    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (s) {
          apply(s);
          if (s.pending) { setTimeout(poll, POLL_MS); }
          else if (el.hasAttribute("data-reload-when-finished")) { window.location.reload(); }
        })
        .catch(function () { setTimeout(poll, POLL_MS * 4); });
    }
    if (/status-(queued|analysing)/.test(el.className)) { setTimeout(poll, POLL_MS); }
  }

  document.querySelectorAll("[data-status-url]").forEach(watch);
})();
