// Autosave for the baseline questionnaire: every change of an answer is sent at once
// (comments after a short pause), so nothing is lost when the wifi drops or the
// respondent switches device. Without JavaScript the buttons save the whole page.
(function () {
  "use strict";
  var form = document.getElementById("answers-form");
  var status = document.getElementById("autosave-status");
  if (!form || !status || !window.fetch) { return; }
  var url = form.dataset.autosaveUrl;
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var timers = {};

  function say(key) { status.textContent = status.dataset[key] || ""; }

  function save(fieldset) {
    var id = fieldset.dataset.question;
    var chosen = fieldset.querySelector("input[type=radio]:checked");
    var comment = fieldset.querySelector("textarea");
    var quote = fieldset.querySelector("input[type=checkbox]");
    var body = new FormData();
    body.append("question", id);
    body.append("answer", chosen ? chosen.value : "");
    body.append("comment", comment ? comment.value : "");
    if (quote && quote.checked) { body.append("may_quote", "on"); }
    say("saving");
    fetch(url, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
    }).then(function (response) {
      say(response.ok ? "saved" : "failed");
      if (response.ok) { fieldset.dataset.saved = "1"; }
    }).catch(function () { say("failed"); });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (fieldset) { save(fieldset); }
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA") { return; }
    var fieldset = event.target.closest("fieldset[data-question]");
    var id = fieldset.dataset.question;
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { save(fieldset); }, 800);
  });
  var errors = document.getElementById("form-errors");
  if (errors) { errors.focus(); }
})();
