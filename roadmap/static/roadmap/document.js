// The progress of a "Visie en routeplan" made in the background: poll its status, show the
// percentage, and start the download when it is ready. Without JavaScript the link on the
// page downloads the document once it is ready.
(function () {
  "use strict";
  var section = document.getElementById("document-progress");
  if (!section) return;
  var bar = document.getElementById("document-progress-bar");
  var status = document.getElementById("document-progress-status");
  var slow = document.getElementById("document-progress-slow");
  var failed = document.getElementById("document-progress-failed");
  var started = Date.now();
  var lastAnnounced = -1;
  var template = status.textContent.replace(/^\d+/, "");

  function show(progress) {
    bar.value = progress;
    bar.textContent = progress + "%";
    // Announce in steps of 25, not every poll, so screen readers are not flooded.
    var step = Math.floor(progress / 25) * 25;
    if (step !== lastAnnounced) {
      lastAnnounced = step;
      status.textContent = progress + template;
    }
  }

  function poll() {
    fetch(section.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.status === "done") {
          show(100);
          window.location.href = section.dataset.downloadUrl;
          return;
        }
        if (data.status === "failed") {
          failed.hidden = false;
          return;
        }
        show(data.progress || 0);
        if (Date.now() - started > 30000) slow.hidden = false;
        window.setTimeout(poll, document.hidden ? 3000 : 700);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
