// The result page: switch between the video and its skeleton overlay at the same moment, and
// jump to a bout from the timeline.
(function () {
  "use strict";
  var player = document.getElementById("player");
  if (!player) return;
  var toggle = document.getElementById("skeleton-toggle");
  var annotated = player.getAttribute("data-annotated");
  var note = document.getElementById("format-note");

  // Phones cannot play every format people film in (AVI, some HEVC); the skeleton version is
  // always H.264 MP4, so show that one instead of a video that never starts.
  function showSkeletonInstead() {
    if (!annotated || player.getAttribute("src") === annotated) return;
    player.src = annotated;
    player.load();
    if (toggle) { toggle.checked = true; toggle.disabled = true; }
    if (note) note.hidden = false;
  }
  var type = player.getAttribute("data-original-type");
  if (type && !player.canPlayType(type)) { showSkeletonInstead(); }
  player.addEventListener("error", showSkeletonInstead);

  if (toggle) {
    toggle.addEventListener("change", function () {
      var at = player.currentTime, playing = !player.paused;
      player.src = toggle.checked ? player.getAttribute("data-annotated") : player.getAttribute("data-original");
      player.addEventListener("loadedmetadata", function resume() {
        player.removeEventListener("loadedmetadata", resume);
        player.currentTime = Math.min(at, player.duration || at);
        if (playing) player.play();
      });
      player.load();
    });
  }
  // Placed here, not in a style attribute, so the page needs no inline styles (CSP).
  document.querySelectorAll("[data-left]").forEach(function (seg) {
    seg.style.left = seg.getAttribute("data-left") + "%";
    seg.style.width = seg.getAttribute("data-width") + "%";
  });
  document.querySelectorAll("[data-seek]").forEach(function (seg) {
    seg.addEventListener("click", function () {
      player.currentTime = parseFloat(seg.getAttribute("data-seek"));
      player.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
})();
