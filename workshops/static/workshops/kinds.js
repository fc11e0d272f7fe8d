// The phone side of the interactive kinds (open question, ideas, poll, ranking).
// The phone's HTML is the same for everyone; this script sends an action by fetch (the form
// also works without JavaScript), says what happened in the form's status line, and marks
// the participant's own answers from the participant's own state (the same JSON endpoint live.js
// reads, key "kind-<item id>") after every screen update.
(function () {
  "use strict";
  var root = document.querySelector("[data-live][data-own-url]");
  if (!root || !window.fetch) { return; }
  var region = root.querySelector("[data-live-region]");
  var ownUrl = root.dataset.ownUrl;
  var loading = false;
  var own = null;       // the participant's own answers to the item ownItem
  var ownItem = null;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var last = null;  // the answer to the last action, shown again after a screen update

  function currentItem() {
    var live = region.querySelector("[data-item]");
    return live ? live.dataset.item : "";
  }

  function showMessage() {
    var output = region.querySelector("[data-kind-message]");
    if (!output || !last || last.item !== currentItem()) { return; }
    if (output.textContent !== last.text) { output.textContent = last.text; }
    output.classList.toggle("text-danger", !last.ok);
  }

  function message(form, text, ok) {
    last = { item: currentItem(), text: text, ok: ok };
    showMessage();
  }

  function applyOwn(state) {
    if (!state || !state.kind) { return; }
    var own = region.querySelector('[data-own="contributions"]');
    if (own && state.contributions) {
      var list = own.querySelector("ul");
      list.textContent = "";
      state.contributions.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
      own.hidden = state.contributions.length === 0;
    }
    if (state.upvoted) {
      region.querySelectorAll("[data-upvote]").forEach(function (button) {
        var pressed = state.upvoted.indexOf(Number(button.dataset.upvote)) !== -1;
        button.setAttribute("aria-pressed", pressed ? "true" : "false");
        button.classList.toggle("btn-primary", pressed);
        button.classList.toggle("btn-outline-primary", !pressed);
      });
    }
    if (state.option !== undefined && state.option !== null) {
      var radio = region.querySelector('input[name="option"][value="' + state.option + '"]');
      if (radio && !region.querySelector('input[name="option"]:checked')) { radio.checked = true; }
    }
    if (state.order) {
      state.order.forEach(function (key, index) {
        var select = region.querySelector('select[name="place_' + (index + 1) + '"]');
        if (select && !select.dataset.touched) { select.value = key; }
      });
    }
  }

  // The answer of the own-state endpoint or of an action: {"own": {"kind-<item>": state}}.
  function rememberOwn(answer) {
    var item = currentItem();
    var state = answer && answer.own && answer.own["kind-" + item];
    remember(state || { item: item });
  }

  function remember(state) {
    if (!state) { return; }
    own = state;
    ownItem = state.item === null || state.item === undefined ? null : String(state.item);
    applyOwn(own);
  }

  // One request per phone and item: later screen updates of the same item reuse the answer
  // (and the phone's own actions bring their own state along).
  function loadOwn() {
    if (!region.querySelector("[data-kind-form]")) { return; }
    if (own && ownItem === currentItem()) { applyOwn(own); return; }
    if (loading) { return; }
    loading = true;
    fetch(ownUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) { rememberOwn(answer); } })
      .catch(function () { /* the next screen update tries again */ })
      .then(function () { loading = false; });
  }

  // What was typed or chosen but not sent survives a screen update: live.js keeps the text
  // of a form marked touched; the selects of a ranking are kept here.
  var chosen = {};
  function markTouched(event) {
    var form = event.target.closest && event.target.closest("form[data-kind-form]");
    if (!form) { return; }
    form.dataset.touched = "1";
    if (event.target.tagName === "SELECT" && form.id) {
      event.target.dataset.touched = "1";
      chosen[form.id] = chosen[form.id] || {};
      chosen[form.id][event.target.name] = event.target.value;
    }
  }
  document.addEventListener("input", markTouched);
  document.addEventListener("change", markTouched);

  function restoreChosen() {
    Object.keys(chosen).forEach(function (id) {
      var form = document.getElementById(id);
      if (!form) { return; }
      Object.keys(chosen[id]).forEach(function (name) {
        var select = form.querySelector('select[name="' + name + '"]');
        if (select && !select.disabled) { select.value = chosen[id][name]; select.dataset.touched = "1"; }
      });
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-kind-form]")) { return; }
    event.preventDefault();
    var button = form.querySelector('[type="submit"], button:not([type])');
    if (button) { button.disabled = true; }
    var data = new FormData(form);
    var headers = { "Accept": "application/json", "X-Requested-With": "fetch" };
    if (csrfMeta && csrfMeta.content) {
      data.set("csrfmiddlewaretoken", csrfMeta.content);
      headers["X-CSRFToken"] = csrfMeta.content;
    }
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: headers })
      .then(function (response) {
        return response.json().catch(function () { return { ok: false, message: "" }; });
      })
      .then(function (answer) {
        message(form, answer.message || (document.documentElement.lang === "en" ? "Something went wrong; try again." : "Er ging iets mis; probeer het opnieuw."), answer.ok);
        if (answer.ok) { delete chosen[form.id]; delete form.dataset.touched; }
        if (answer.ok && form.hasAttribute("data-clear-on-ok")) {
          form.querySelectorAll("input[type=text], textarea").forEach(function (input) { input.value = ""; input.defaultValue = ""; });
        }
        if (answer.ok && answer.own) { rememberOwn(answer); }
      })
      .catch(function () {
        message(form, document.documentElement.lang === "en" ? "No connection; your answer was not sent. Try again." : "Geen verbinding; uw antwoord is niet verstuurd. Probeer het opnieuw.", false);
      })
      .then(function () { if (button) { button.disabled = false; } });
  });

  if (window.MutationObserver) {
    new MutationObserver(function () { restoreChosen(); showMessage(); loadOwn(); }).observe(region, { childList: true });
  }
  loadOwn();
})();
