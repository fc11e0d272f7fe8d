// Autosave for the answering pages (the survey and the nulmeting): every answer is sent as
// soon as it is given (text after a short pause), so nothing is lost when the wifi drops or
// the respondent switches device. Without this script the pages still work: their buttons
// save the whole page.
//
// The page: <form data-autosave> with the CSRF token; one <fieldset data-autosave-url="…">
// per question (all its named fields are sent); optionally a live element with class
// "autosave-error" in the fieldset for a refusal; one live region #autosave-status with the
// texts data-saving and data-offline.
// The server answers every save in one shape (engagements/feedback.py):
//   {"saved": true, "message": "…"}                200
//   {"saved": false, "message": "…"}               422: this answer cannot be read
//   {"saved": false, "message": "…"}               409: no answers are accepted anymore
// and the message, in Dutch, is announced in the live region.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) { return; }
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var status = document.getElementById("autosave-status");
  var timers = new WeakMap();
  // Answers that could not be sent (no connection); sent again when the device is back online.
  var pending = new Set();

  function say(text) { if (status) { status.textContent = text || ""; } }

  // A refusal is said once: at the question when it has its own (live) error element,
  // else in the page's live region; "saved" is always said in the live region.
  function show(fieldset, body, saved) {
    var error = fieldset.querySelector(".autosave-error");
    fieldset.classList.toggle("border-danger", !saved);
    if (error) { error.textContent = saved ? "" : body.message; }
    if (saved) { fieldset.dataset.saved = "1"; }
    say(saved || !error ? body.message : "");
  }

  function save(fieldset) {
    var data = new FormData();
    fieldset.querySelectorAll("input, select, textarea").forEach(function (field) {
      if (!field.name || field.disabled) { return; }
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) { return; }
      data.append(field.name, field.value);
    });
    fieldset.setAttribute("aria-busy", "true");
    say(status && status.dataset.saving);
    return fetch(fieldset.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "", "Accept": "application/json" }
    }).then(function (response) {
      return response.json();
    }).then(function (body) {
      fieldset.removeAttribute("aria-busy");
      pending.delete(fieldset);
      show(fieldset, body, body.saved === true);
    }).catch(function () {
      // Weak wifi: say so and try again; the page's buttons also save everything.
      fieldset.removeAttribute("aria-busy");
      pending.add(fieldset);
      fieldset.dataset.saved = "";
      say(status && status.dataset.offline);
    });
  }

  function retry() { Array.from(pending).forEach(save); }
  window.addEventListener("online", retry);
  window.setInterval(function () { if (pending.size && navigator.onLine !== false) { retry(); } }, 5000);

  function schedule(fieldset, delay) {
    clearTimeout(timers.get(fieldset));
    fieldset.dataset.saved = "";
    timers.set(fieldset, setTimeout(function () { save(fieldset); }, delay));
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-autosave-url]");
    if (fieldset) { schedule(fieldset, 0); }
  });
  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.tagName !== "TEXTAREA" && target.type !== "text") { return; }
    // Typing in "other, namely" selects that option.
    if (target.classList.contains("other-text")) {
      var option = target.closest("fieldset").querySelector("input[value=__other__]");
      if (option && target.value && !option.checked) { option.checked = true; }
    }
    var fieldset = target.closest("fieldset[data-autosave-url]");
    if (fieldset) { schedule(fieldset, 800); }
  });
  // An answer given before this script ran (a slow connection, a quick hand) or restored by
  // the browser is sent now: nothing that shows on the page as answered stays unsaved.
  function changed(field) {
    if (!field.name || field.disabled || field.type === "hidden") { return false; }
    if (field.type === "radio" || field.type === "checkbox") { return field.checked !== field.defaultChecked; }
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (option) { return option.selected !== option.defaultSelected; });
    }
    return field.value !== field.defaultValue;
  }
  form.querySelectorAll("fieldset[data-autosave-url]").forEach(function (fieldset) {
    if (Array.prototype.some.call(fieldset.querySelectorAll("input, select, textarea"), changed)) {
      schedule(fieldset, 0);
    }
  });
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
})();
