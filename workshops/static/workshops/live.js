// Keeps a workshop screen in step with the session: WebSocket first, polling as fallback.
// The protocol is described in workshops/live.py. Each message carries a sequence number
// (seq); a message is applied only when its seq is higher than the last one applied, so a
// screen never shows an older count. A message with "html" replaces the screen (rendered once
// on the server for every screen of this role); a participant's own answers are applied here
// from their own actions and from the own-state endpoint fetched on (re)connect.
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root || !window.fetch) { return; }
  var role = root.dataset.role;
  var region = document.querySelector(root.dataset.regionSelector || "[data-live-region]");
  var announcer = document.querySelector("[data-live-announcer]");
  var connection = document.querySelector("[data-connection]");
  var connectionText = connection && connection.querySelector("[data-connection-text]");
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var labels = {
    nl: { live: "Live verbonden", polling: "Verbonden (langzaam netwerk)", offline: "Verbinding verbroken, opnieuw verbinden…", failed: "Niet verzonden: geen verbinding. Probeer het opnieuw." },
    en: { live: "Live", polling: "Connected (slow network)", offline: "Connection lost, reconnecting…", failed: "Not sent: no connection. Please try again." }
  };
  var text = labels[document.documentElement.lang] || labels.nl;
  var seq = Number(root.dataset.seq || 0);
  var current = snapshot();
  var own = {};
  var socket = null;
  var failures = 0;
  var pollTimer = null;
  var reconnectTimer = null;
  var fetching = false;
  var timerDeadline = null;

  function snapshot() {
    var element = region && region.firstElementChild;
    var data = element ? element.dataset : {};
    return { version: data.version, item: data.item, announce: data.announce };
  }

  function setConnection(state) {
    if (!connection) { return; }
    connection.dataset.state = state;
    if (connectionText) { connectionText.textContent = text[state]; }
  }

  function announce(sentence) {
    if (!announcer || !sentence) { return; }
    // Emptied first, so that the same sentence twice is read twice.
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = sentence; }, 50);
  }

  function updateCounts(state) {
    ["responses", "participants"].forEach(function (key) {
      if (state[key] === undefined) { return; }
      document.querySelectorAll('[data-state="' + key + '"]').forEach(function (element) {
        if (String(state[key]) !== element.textContent) { element.textContent = state[key]; }
      });
    });
  }

  function startTimer(remaining) {
    var element = document.querySelector("[data-timer]");
    if (remaining === undefined && element) { remaining = Number(element.dataset.remaining); }
    timerDeadline = element && remaining !== null && remaining !== undefined ? Date.now() + remaining * 1000 : null;
    tick();
  }

  function tick() {
    var element = document.querySelector("[data-timer]");
    if (!element || timerDeadline === null) { return; }
    var left = Math.max(0, Math.round((timerDeadline - Date.now()) / 1000));
    var output = element.querySelector("[data-timer-text]");
    output.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    element.classList.toggle("expired", left === 0);
  }

  // --- Own answers in the shared screen -----------------------------------------------------

  function applyOwn() {
    region.querySelectorAll("form[data-own-key]").forEach(function (form) {
      var value = own[form.dataset.ownKey];
      var answered = value !== undefined && value !== "" && value !== null;
      if (answered && !form.contains(document.activeElement) && !form.dataset.touched) {
        if (typeof value === "object" && !Array.isArray(value)) {
          Object.keys(value).forEach(function (name) {
            var input = form.querySelector('[name="' + name + '"]');
            if (input && input.type !== "radio" && input.type !== "checkbox") { input.value = value[name]; }
          });
        } else {
          var values = Array.isArray(value) ? value.map(String) : [String(value)];
          form.querySelectorAll('input[type="radio"], input[type="checkbox"]').forEach(function (input) {
            input.checked = values.indexOf(input.value) !== -1;
          });
        }
      }
      form.dataset.answered = answered ? "1" : "";
      form.querySelectorAll("[data-when-answered]").forEach(function (element) { element.hidden = !answered; });
      form.querySelectorAll("[data-when-unanswered]").forEach(function (element) { element.hidden = answered; });
    });
  }

  function fetchOwn() {
    if (!root.dataset.ownUrl) { return; }
    fetch(root.dataset.ownUrl, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer && answer.own) { own = answer.own; applyOwn(); } })
      .catch(function () { /* tried again on the next (re)connect */ });
  }

  // --- Replacing the screen, keeping focus and what was typed -------------------------------

  function formId(input) { return (input.form && input.form.id) || ""; }

  function unsavedInput() {
    var changed = [];
    region.querySelectorAll("form[data-touched] input, form[data-touched] textarea").forEach(function (input) {
      if (input.type === "hidden" || !input.name) { return; }
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) { changed.push({ form: formId(input), name: input.name, value: input.value, checked: true }); }
      } else {
        changed.push({ form: formId(input), name: input.name, text: input.value });
      }
    });
    return changed;
  }

  function restoreInput(changed) {
    changed.forEach(function (entry) {
      var form = entry.form && document.getElementById(entry.form);
      if (!form) { return; }
      form.dataset.touched = "1";
      form.querySelectorAll('[name="' + entry.name + '"]').forEach(function (input) {
        if (entry.text !== undefined) { input.value = entry.text; }
        else if (input.value === entry.value) { input.checked = true; }
      });
    });
  }

  // Where the focus is, as a selector that finds the same control in the new render: its id,
  // or its form's id with its tag, name and value (a vote button has no id of its own).
  function focusSelector(element) {
    if (element.id) { return "#" + CSS.escape(element.id); }
    var form = element.form || (element.closest && element.closest("form"));
    if (!form || !form.id) { return null; }
    var selector = "#" + CSS.escape(form.id) + " " + element.tagName.toLowerCase();
    if (element.name) { selector += '[name="' + CSS.escape(element.name) + '"]'; }
    if (element.value && (element.type === "submit" || element.type === "radio")) { selector += '[value="' + CSS.escape(element.value) + '"]'; }
    return selector;
  }

  // The nth element of its tag in the screen: the same control again when it has neither an
  // id nor a form with an id (the summary of a chart's number table on the facilitator).
  function position(element) {
    return Array.prototype.indexOf.call(region.querySelectorAll(element.tagName), element);
  }

  function openDetails() {
    return Array.prototype.map.call(region.querySelectorAll("details"), function (details) { return details.open; });
  }

  function replaceScreen(html) {
    var focused = document.activeElement;
    var hadFocus = focused && region.contains(focused) && focused !== region;
    var focusId = hadFocus ? focusSelector(focused) : null;
    var focusAt = hadFocus ? { tag: focused.tagName, index: position(focused) } : null;
    var opened = openDetails();
    var pending = unsavedInput();
    var before = current;
    region.innerHTML = html;
    // The shared render carries no one's CSRF token: this page's goes into its forms.
    if (csrfMeta && csrfMeta.content) {
      region.querySelectorAll('input[name="csrfmiddlewaretoken"]').forEach(function (input) { input.value = csrfMeta.content; });
    }
    restoreInput(pending);
    current = snapshot();
    applyOwn();
    startTimer();
    if (window.portalCharts) { window.portalCharts.draw(region); }
    var itemChanged = String(before.item || "") !== String(current.item || "");
    if (!itemChanged) {
      // A number table the person opened stays open.
      region.querySelectorAll("details").forEach(function (details, index) { if (opened[index]) { details.open = true; } });
    }
    if (hadFocus) {
      var again = focusId ? region.querySelector(focusId) : region.querySelectorAll(focusAt.tag)[focusAt.index];
      var heading = region.querySelector("[data-live-heading]");
      if (again && !itemChanged) { again.focus(); }
      // A control that is gone or disabled now (voting closed): the screen's heading instead.
      if (document.activeElement !== again && heading) { heading.focus(); }
    }
    // Said when the screen moved on, or when its sentence changed (the facilitator's count).
    if (current.announce && (itemChanged || before.version !== current.version || before.announce !== current.announce)) {
      announce(current.announce);
    }
  }

  function fetchScreen() {
    if (fetching) { return; }
    fetching = true;
    fetch(root.dataset.fragmentUrl, { credentials: "same-origin", cache: "no-store", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        var got = Number(response.headers.get("X-Live-Seq") || 0);
        return response.text().then(function (html) { return { seq: got, html: html }; });
      })
      .then(function (answer) {
        if (answer.seq >= seq) { seq = answer.seq; replaceScreen(answer.html); }
      })
      .catch(function () { /* the next message or poll tries again */ })
      .then(function () { fetching = false; });
  }

  function apply(message) {
    if (!message || message.seq === undefined) { return; }
    if (Number(message.seq) <= seq) { return; }  // older than what is shown: ignore
    seq = Number(message.seq);
    updateCounts(message);
    // The facilitator page brings its controls up to date itself when its live screen is
    // replaced (facilitator.js); no page here ever reloads.
    if (message.html !== undefined) {
      replaceScreen(message.html);
    } else if (message.version !== undefined && String(message.version) !== String(current.version)) {
      fetchScreen();  // a state without the screen (polling): fetch the shared render
    }
    if (message.timer !== undefined) { startTimer(message.timer); }
  }

  // --- Actions by fetch -----------------------------------------------------------------------

  function csrfToken(form) {
    var field = form.querySelector('[name="csrfmiddlewaretoken"]');
    if (csrfMeta && csrfMeta.content) { return csrfMeta.content; }
    return field ? field.value : "";
  }

  function submitAction(event) {
    var form = event.target.closest && event.target.closest("form[data-live-action]");
    if (!form) { return; }
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
    data.set("csrfmiddlewaretoken", csrfToken(form));
    // One request at a time; the buttons are not disabled, since disabling the focused button
    // would drop the keyboard focus to the top of the page.
    if (form.dataset.sending) { return; }
    form.dataset.sending = "1";
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (button) { button.setAttribute("aria-disabled", "true"); });
    fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken(form) }
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.ok) {
          Object.keys(answer.own || {}).forEach(function (key) { own[key] = answer.own[key]; });
          delete form.dataset.touched;
          applyOwn();
        }
        announce(answer.message);
        form.dataset.result = answer.ok ? "ok" : "error";
      })
      .catch(function () { announce(text.failed); form.dataset.result = "error"; })
      .then(function () {
        delete form.dataset.sending;
        buttons.forEach(function (button) { button.removeAttribute("aria-disabled"); });
      });
  }

  // --- Connection -----------------------------------------------------------------------------

  function poll() {
    clearTimeout(pollTimer);
    fetch(root.dataset.statusUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state) { apply(state); if (!socket || socket.readyState !== 1) { setConnection("polling"); } }
      })
      .catch(function () { setConnection("offline"); })
      .then(function () {
        if (!socket || socket.readyState !== 1) {
          pollTimer = setTimeout(poll, document.hidden ? 10000 : 3000);
        }
      });
  }

  function connect() {
    clearTimeout(reconnectTimer);
    if (!window.WebSocket) { poll(); return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + root.dataset.wsPath);
    } catch (error) {
      socket = null;
      failures += 1;
      poll();
      return;
    }
    socket.onopen = function () {
      failures = 0;
      clearTimeout(pollTimer);
      setConnection("live");
      fetchOwn();
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "pong") { return; }
      apply(message);
    };
    socket.onclose = function () {
      socket = null;
      failures += 1;
      setConnection(failures > 1 ? "polling" : "offline");
      // Keep working by polling while the socket is down; retry with backoff up to 30 s.
      poll();
      var delay = Math.min(30000, 1000 * Math.pow(2, Math.min(failures - 1, 5))) * (0.75 + Math.random() / 2);
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  region.addEventListener("submit", submitAction);
  region.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.matches("[data-own-key]")) { form.dataset.touched = "1"; }
  });
  window.workshopLive = {
    state: function () { return { version: current.version, item: current.item, seq: seq }; },
    socket: function () { return socket; },
    own: function () { return own; },
    refresh: fetchScreen
  };
  setInterval(tick, 1000);
  setInterval(function () { if (socket && socket.readyState === 1) { socket.send('{"type":"ping"}'); } }, 25000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { poll(); } });
  window.addEventListener("online", function () { poll(); connect(); });
  applyOwn();
  startTimer();
  setConnection("offline");
  connect();
})();
