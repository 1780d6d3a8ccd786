// Upload with a progress bar, and refuse a too-large video before sending a single byte.
(function () {
  "use strict";
  var form = document.querySelector("[data-upload-form]");
  if (!form) return;
  var input = form.querySelector("input[type=file]");
  var errorBox = document.querySelector("[data-upload-error]");
  var bar = form.querySelector("[data-upload-progress]");
  var note = form.querySelector("[data-upload-note]");
  var button = form.querySelector("button[type=submit]");
  var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    bar.hidden = true;
    note.hidden = true;
    button.disabled = false;
    errorBox.scrollIntoView({ block: "center" });
  }

  function tooLarge() {
    var file = input.files && input.files[0];
    return file && file.size > maxBytes;
  }

  input.addEventListener("change", function () {
    if (tooLarge()) { showError(form.getAttribute("data-too-large")); }
    else { errorBox.hidden = true; }
  });

  form.addEventListener("submit", function (event) {
    if (!window.XMLHttpRequest || !window.FormData) return; // plain form post still works
    event.preventDefault();
    if (!input.files || !input.files[0]) { showError("Choose a video first, then press Upload."); return; }
    if (tooLarge()) { showError(form.getAttribute("data-too-large")); return; }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action || window.location.href);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      bar.value = Math.round((100 * e.loaded) / e.total);
      note.textContent = e.loaded < e.total ? "Uploading… " + bar.value + "%" : "Checking the video…";
    });
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON: handled below */ }
      if (xhr.status >= 200 && xhr.status < 300 && body.url) { window.location.assign(body.url); }
      else { showError(body.error || "The upload did not go through. Please try again."); }
    };
    xhr.onerror = function () { showError("The upload was interrupted. Check the connection and try again."); };
    errorBox.hidden = true;
    bar.hidden = false;
    bar.value = 0;
    note.hidden = false;
    note.textContent = "Uploading…";
    button.disabled = true;
    xhr.send(new FormData(form));
  });
})();
