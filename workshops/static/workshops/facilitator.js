// Keyboard shortcuts of the facilitator view; each presses a button of the control form.
// WCAG 2.1.4: no single-key shortcuts. Voting, results, a new round and the timer take
// Alt+Shift with a letter (O, S, R, H, N, T); the arrows move through the agenda. None acts
// while the focus is on a control (a button, link, field, summary or scroll box), so a key
// pressed there does what that control does and nothing else.
(function () {
  "use strict";
  var form = document.querySelector("[data-control-form]");
  if (!form) { return; }
  var notes = form.querySelector("[data-notes]");
  var savedNotes = notes ? notes.value : "";
  window.workshopFacilitatorDirty = function () { return notes ? notes.value !== savedNotes : false; };

  var CONTROLS = "button, a[href], input, select, textarea, summary, [contenteditable]:not([contenteditable='false']), [tabindex]:not([tabindex='-1'])";

  function onControl(target) {
    return !!(target && target.closest && target.closest(CONTROLS));
  }

  function press(shortcut) {
    var button = form.querySelector('[data-shortcut="' + shortcut + '"]');
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  // The shortcut a key press stands for, or null: "alt+shift+o" (by the physical key, so that
  // Option+Shift on a Mac, which types a symbol, still works) or a bare arrow.
  function shortcutOf(event) {
    if (event.ctrlKey || event.metaKey) { return null; }
    if (event.altKey && event.shiftKey) {
      var letter = /^Key([A-Z])$/.exec(event.code || "");
      return letter ? "alt+shift+" + letter[1].toLowerCase() : null;
    }
    if (event.altKey || event.shiftKey) { return null; }
    return event.key === "ArrowLeft" || event.key === "ArrowRight" ? event.key : null;
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      if ((target === notes || !onControl(target)) && press("ctrl+Enter")) { event.preventDefault(); }
      return;
    }
    if (event.key === "Escape" && onControl(target)) {
      target.blur();  // the next Tab goes on from here; the shortcuts work again
      return;
    }
    if (target && target.name === "vision_text" && event.key === "Enter") {
      event.preventDefault();
      form.querySelector('[value="vision_add"]').click();
      return;
    }
    if (target && target.name === "minutes" && event.key === "Enter") {
      event.preventDefault();
      press("alt+shift+t");
      return;
    }
    if (event.defaultPrevented || onControl(target)) { return; }
    var shortcut = shortcutOf(event);
    if (shortcut && press(shortcut)) { event.preventDefault(); }
  });
  window.addEventListener("beforeunload", function () { savedNotes = notes ? notes.value : ""; });
})();
