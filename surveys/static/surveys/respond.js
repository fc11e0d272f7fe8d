// Autosave for the survey: each answer is stored as soon as it is given.
// Without this script the page still works: answers are saved per page on "Next".
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) { return; }
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var status = document.getElementById("autosave-status");
  var timers = new WeakMap();
  // Answers that could not be sent (no connection); sent again when the phone is back online.
  var pending = new Set();

  function failed(fieldset) {
    pending.add(fieldset);
    fieldset.dataset.saved = "";
    if (status) { status.textContent = status.dataset.offline || ""; }
  }

  function save(fieldset) {
    var data = new FormData();
    fieldset.querySelectorAll("input, select, textarea").forEach(function (field) {
      if (!field.name) { return; }
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) { return; }
      data.append(field.name, field.value);
    });
    var error = fieldset.querySelector(".question-error");
    fieldset.setAttribute("aria-busy", "true");
    return fetch(fieldset.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      fieldset.removeAttribute("aria-busy");
      pending.delete(fieldset);
      if (result.ok) {
        fieldset.classList.remove("border-danger");
        if (error) { error.textContent = ""; }
        fieldset.dataset.saved = "1";
        if (status) { status.textContent = result.body.message || ""; }
      } else {
        fieldset.classList.add("border-danger");
        if (error) { error.textContent = result.body.error || ""; }
      }
    }).catch(function () {
      // Weak wifi: say so, and try again; the page form also saves everything on "Next".
      fieldset.removeAttribute("aria-busy");
      failed(fieldset);
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
    var fieldset = target.closest("fieldset[data-autosave-url]");
    if (fieldset) { schedule(fieldset, 800); }
  });
  // Typing in "other, namely" selects that option.
  form.addEventListener("input", function (event) {
    if (!event.target.classList.contains("other-text")) { return; }
    var option = event.target.closest("fieldset").querySelector("input[value=__other__]");
    if (option && event.target.value && !option.checked) { option.checked = true; }
  });
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
