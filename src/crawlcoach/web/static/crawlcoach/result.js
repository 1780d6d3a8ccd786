// The result page: switch between the video and its skeleton overlay at the same moment, and
// jump to a bout from the timeline.
(function () {
  "use strict";
  var player = document.getElementById("player");
  if (!player) return;
  var toggle = document.getElementById("skeleton-toggle");
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
  document.querySelectorAll("[data-seek]").forEach(function (seg) {
    seg.addEventListener("click", function () {
      player.currentTime = parseFloat(seg.getAttribute("data-seek"));
      player.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
})();
