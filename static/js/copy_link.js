// Copy-link buttons: <button data-copy="URL">. Says so in the page's #copy-status
// (a live region); where the clipboard is refused, the link is shown to copy by hand.
(function () {
  "use strict";
  var status = document.getElementById("copy-status");
  function say(text) { if (status) { status.textContent = text; } }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) { return; }
    var link = button.getAttribute("data-copy");
    var copied = document.documentElement.lang === "en" ? "Link copied: " : "Link gekopieerd: ";
    var manual = document.documentElement.lang === "en" ? "Copy this link: " : "Kopieer deze link: ";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(
        function () { say(copied + link); },
        function () { say(manual + link); }
      );
    } else {
      say(manual + link);
    }
  });
})();
