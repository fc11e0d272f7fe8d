// Keeps a workshop screen in step with the session: WebSocket first, polling as fallback.
// Every message holds the session's whole live state; when its version changes the page
// fetches its server-rendered fragment again, so a screen that missed messages (dropped
// wifi, server restart) is right again as soon as it hears from the server.
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root || !window.fetch) { return; }
  var role = root.dataset.role;
  var region = document.querySelector(root.dataset.regionSelector || "[data-live-region]");
  var connection = document.querySelector("[data-connection]");
  var connectionText = connection && connection.querySelector("[data-connection-text]");
  var labels = {
    nl: { live: "Live verbonden", polling: "Verbonden (langzaam netwerk)", offline: "Verbinding verbroken, opnieuw verbinden…" },
    en: { live: "Live", polling: "Connected (slow network)", offline: "Connection lost, reconnecting…" }
  };
  var text = labels[document.documentElement.lang] || labels.nl;
  var current = snapshot();
  var socket = null;
  var failures = 0;
  var pollTimer = null;
  var reconnectTimer = null;
  var refreshTimer = null;
  var refreshing = false;
  var timerDeadline = null;

  function snapshot() {
    var element = region && region.firstElementChild;
    var data = element ? element.dataset : {};
    return {
      version: data.version,
      item: data.item,
      countRefetch: data.refetchOnCount === "1",
      responses: data.responses === undefined ? null : Number(data.responses)
    };
  }

  function setConnection(state) {
    if (!connection) { return; }
    connection.dataset.state = state;
    if (connectionText) { connectionText.textContent = text[state]; }
  }

  function updateCounts(state) {
    ["responses", "participants"].forEach(function (key) {
      document.querySelectorAll('[data-state="' + key + '"]').forEach(function (element) {
        if (String(state[key]) !== element.textContent) { element.textContent = state[key]; }
      });
    });
  }

  function startTimer() {
    var element = document.querySelector("[data-timer]");
    timerDeadline = element ? Date.now() + Number(element.dataset.remaining) * 1000 : null;
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

  function refresh() {
    if (refreshing) { refreshTimer = setTimeout(refresh, 300); return; }
    refreshing = true;
    fetch(root.dataset.fragmentUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (response.status === 204 || response.status === 404) { window.location.reload(); return null; }
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      })
      .then(function (html) {
        if (html === null) { return; }
        var pending = unsavedInput();
        region.innerHTML = html;
        restoreInput(pending);
        current = snapshot();
        startTimer();
        if (window.portalCharts) { window.portalCharts.draw(region); }
      })
      .catch(function () { /* the next message or poll tries again */ })
      .then(function () { refreshing = false; });
  }

  function formId(input) { return (input.form && input.form.id) || ""; }

  // What the user chose or typed but did not send yet survives a refresh of the region.
  function unsavedInput() {
    var changed = [];
    region.querySelectorAll("input, textarea").forEach(function (input) {
      if (input.type === "hidden" || !input.name) { return; }
      if ((input.type === "radio" || input.type === "checkbox") && input.checked !== input.defaultChecked) {
        changed.push({ form: formId(input), name: input.name, value: input.value, checked: input.checked });
      } else if (input.type !== "radio" && input.type !== "checkbox" && input.value !== input.defaultValue) {
        changed.push({ form: formId(input), name: input.name, text: input.value });
      }
    });
    return changed;
  }

  function restoreInput(changed) {
    changed.forEach(function (entry) {
      region.querySelectorAll('[name="' + entry.name + '"]').forEach(function (input) {
        if (formId(input) !== entry.form) { return; }
        if (input.disabled || (input.closest("fieldset") && input.closest("fieldset").disabled)) { return; }
        if (entry.text !== undefined) { input.value = entry.text; }
        else if (input.value === entry.value) { input.checked = entry.checked; }
      });
    });
  }

  function scheduleRefresh(delay) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, delay);
  }

  function apply(state) {
    if (!state || state.version === undefined) { return; }
    updateCounts(state);
    var changedScreen = String(state.version) !== String(current.version);
    if (changedScreen) {
      current.version = String(state.version);
      if (role === "facilitator" && String(state.item || "") !== String(current.item || "")) {
        // Another device moved on: reload the controls unless notes are being typed.
        if (!window.workshopFacilitatorDirty || !window.workshopFacilitatorDirty()) {
          window.location.reload();
          return;
        }
      }
      scheduleRefresh(role === "participant" ? Math.random() * 400 : 0);
    } else if (current.countRefetch && state.responses !== current.responses) {
      current.responses = state.responses;
      scheduleRefresh(300);
    }
    if (state.timer === null && timerDeadline !== null) { scheduleRefresh(0); }
  }

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
    };
    socket.onmessage = function (event) {
      var state = JSON.parse(event.data);
      if (state.type === "pong") { return; }
      apply(state);
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

  window.workshopLive = {
    state: function () { return current; },
    socket: function () { return socket; },
    refresh: refresh
  };
  setInterval(tick, 1000);
  setInterval(function () { if (socket && socket.readyState === 1) { socket.send('{"type":"ping"}'); } }, 25000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { poll(); } });
  window.addEventListener("online", function () { poll(); connect(); });
  startTimer();
  setConnection("offline");
  connect();
})();
