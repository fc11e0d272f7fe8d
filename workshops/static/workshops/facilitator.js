// Keyboard shortcuts of the facilitator view; each presses a button of the control form.
(function () {
  "use strict";
  var form = document.querySelector("[data-control-form]");
  if (!form) { return; }
  var notes = form.querySelector("[data-notes]");
  var savedNotes = notes ? notes.value : "";
  window.workshopFacilitatorDirty = function () { return notes ? notes.value !== savedNotes : false; };

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function press(shortcut) {
    var button = form.querySelector('[data-shortcut="' + shortcut + '"]');
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      if (press("ctrl+Enter")) { event.preventDefault(); }
      return;
    }
    if (event.target && event.target.name === "vision_text" && event.key === "Enter") {
      event.preventDefault();
      form.querySelector('[value="vision_add"]').click();
      return;
    }
    if (event.target && event.target.name === "minutes" && event.key === "Enter") {
      event.preventDefault();
      press("t");
      return;
    }
    if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (press(key)) { event.preventDefault(); }
  });
  window.addEventListener("beforeunload", function () { savedNotes = notes ? notes.value : ""; });
})();
