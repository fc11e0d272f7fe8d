// Keyboard shortcuts of the facilitator view; each presses a button of the control form.
// WCAG 2.1.4: no single-key shortcuts. Voting, results, a new round and the timer take
// Alt+Shift with a letter (O, S, R, H, N, T); the arrows move through the agenda. None acts
// while the focus is on a control (a button, link, field, summary or scroll box), so a key
// pressed there does what that control does and nothing else.
(function () {
  "use strict";
  var form = document.querySelector("[data-control-form]");
  if (!form) { return; }

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
      if (((target && target.matches && target.matches("[data-notes]")) || !onControl(target)) && press("ctrl+Enter")) { event.preventDefault(); }
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
})();

// The facilitator page never reloads. Every button of the control form (and the buttons of
// the live screen inside it that post elsewhere with formaction) is sent by fetch; the answer
// ({"ok", "message"}) is said in the page's polite live region and shown in the control bar,
// and the parts of the page marked data-facilitator-part are replaced by those of a fresh
// render of this page. The focus stays on the same control (same id). When another screen
// moved the session on (a push changes the live screen's item or version), the parts are
// fetched again; notes typed meanwhile are sent first, for the item they were typed for.
// Without JavaScript the form posts and the page comes back: everything works as well.
(function () {
  "use strict";
  var form = document.querySelector("[data-control-form]");
  if (!form || !window.fetch || !window.DOMParser) { return; }
  var region = form.querySelector("[data-live-region]");
  var announcer = document.querySelector("[data-live-announcer]");
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var english = document.documentElement.lang === "en";
  var failed = english ? "Not sent: no connection. Please try again." : "Niet verzonden: geen verbinding. Probeer het opnieuw.";
  var queue = Promise.resolve();
  // form.action would be the buttons named "action": read the attribute.
  var controlUrl = form.getAttribute("action");
  var shown = partsState();

  function partsState() {
    var bar = document.getElementById("facilitator-bar");
    return bar ? { item: bar.dataset.item || "", version: bar.dataset.version || "" } : { item: "", version: "" };
  }

  function announce(sentence) {
    if (!announcer || !sentence) { return; }
    announcer.textContent = "";  // emptied first, so that the same sentence twice is read twice
    setTimeout(function () { announcer.textContent = sentence; }, 50);
  }

  var said = { text: "", ok: true };  // the last answer, shown in the bar (also after a swap)

  function show(sentence, ok) {
    said = { text: sentence || "", ok: ok };
    var output = form.querySelector("[data-control-message]");
    if (!output) { return; }
    output.textContent = said.text;
    output.classList.toggle("is-error", !ok);
  }

  function notesField() { return form.querySelector("[data-notes]"); }

  function notesDirty() {
    var notes = notesField();
    return !!(notes && notes.value !== notes.defaultValue);
  }

  function csrfToken() {
    if (csrfMeta && csrfMeta.content) { return csrfMeta.content; }
    var field = form.querySelector('[name="csrfmiddlewaretoken"]');
    return field ? field.value : "";
  }

  // The focused control of a part, to find it again in the fresh render.
  function focusSelector(element) {
    if (!element || element === document.body || !form.contains(element) || (region && region.contains(element))) { return null; }
    if (element.id) { return "#" + CSS.escape(element.id); }
    if (element.name) {
      var selector = element.tagName.toLowerCase() + '[name="' + CSS.escape(element.name) + '"]';
      return element.value ? selector + '[value="' + CSS.escape(element.value) + '"]' : selector;
    }
    return null;
  }

  function isField(element) {
    return !!element && (element.tagName === "TEXTAREA" || element.tagName === "SELECT" ||
      (element.tagName === "INPUT" && !/^(button|submit|hidden|checkbox|radio)$/.test(element.type)));
  }

  // Put the element we have in the place of its counterpart in the fresh render: what is
  // typed in it, its caret and its focus stay (and so do references other scripts hold).
  function keep(element, counterpart) {
    if (element && counterpart && element !== counterpart) { counterpart.replaceWith(element); }
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var focused = document.activeElement;
    var selector = focusSelector(focused);
    // The keyboard's focus comes back to the same control; after a click it does not stay on
    // a button, so the shortcuts (which never act on a focused control) work again.
    var hadFocus = !!selector && (isField(focused) || focused.matches(":focus-visible"));
    if (selector && !hadFocus && focused.blur) { focused.blur(); }
    var notes = notesField();
    var typed = notes && notesDirty() ? notes.value : null;
    var typedFor = notes ? notes.dataset.item : "";
    var openDetails = {};
    form.querySelectorAll("[data-facilitator-part] details").forEach(function (details, index) { openDetails[index] = details.open; });
    var before = partsState();
    form.querySelectorAll("[data-facilitator-part]").forEach(function (part) {
      var replacement = fresh.getElementById(part.id);
      if (replacement) { part.replaceWith(document.importNode(replacement, true)); }
    });
    shown = partsState();
    show(said.text, said.ok);
    var sameItem = before.item === shown.item;
    // The notes field stays the same element; its text is the saved one of the item shown,
    // unless notes were typed for this item and not saved yet.
    var fresher = notesField();
    if (notes && fresher && notes !== fresher) {
      notes.dataset.item = fresher.dataset.item;
      notes.defaultValue = fresher.defaultValue;
      notes.value = typed !== null && typedFor === fresher.dataset.item ? typed : fresher.defaultValue;
      keep(notes, fresher);
    }
    // A field being typed in stays as it is while the item is the same.
    if (sameItem && isField(focused) && focused !== notes && selector) {
      keep(focused, form.querySelector(selector));
    }
    if (sameItem) {
      form.querySelectorAll("[data-facilitator-part] details").forEach(function (details, index) { if (openDetails[index]) { details.open = true; } });
    }
    if (hadFocus && !form.contains(document.activeElement)) {
      var target = selector && form.querySelector(selector);
      if (!target || target.disabled) { target = document.getElementById("current-title"); }
      if (target) { target.focus({ preventScroll: true }); }
    }
  }

  function refresh() {
    return fetch(window.location.pathname, { credentials: "same-origin", cache: "no-store", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      })
      .then(swap);
  }

  function post(url, data) {
    data.set("csrfmiddlewaretoken", csrfToken());
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" }
    })
      .then(function (response) {
        return response.json().catch(function () { return { ok: false, message: failed }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          var notes = notesField();
          if (notes && data.get("notes") === notes.value) { notes.defaultValue = notes.value; }
        }
        show(answer.message, answer.ok);
        announce(answer.message);
        return refresh().catch(function () { /* the parts stay; the next change tries again */ });
      })
      .catch(function () { show(failed, false); announce(failed); });
  }

  // One request at a time, in the order pressed; the form says it is busy until all are done.
  var pending = 0;
  function enqueue(task) {
    pending += 1;
    form.setAttribute("aria-busy", "true");
    function done() {
      pending -= 1;
      if (!pending) { form.removeAttribute("aria-busy"); }
    }
    queue = queue.then(task).catch(function () { /* said by post */ }).then(done);
    return queue;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var submitter = event.submitter;
    var data;
    try { data = new FormData(form, submitter); } catch (error) {
      data = new FormData(form);
      if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    }
    var url = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : controlUrl;
    enqueue(function () { return post(url, data); });
  });

  // Another screen (a second laptop, a phone's answer) changed the session: the live screen
  // was replaced by live.js; bring the parts up to date too.
  function liveChanged() {
    var live = region && region.firstElementChild;
    if (!live) { return; }
    var item = live.dataset.item || "";
    var version = live.dataset.version || "";
    if (item === shown.item && (!version || version === shown.version)) { return; }
    shown = { item: item, version: version };
    enqueue(function () {
      if (notesDirty()) {
        var data = new FormData(form);
        data.set("action", "save_notes");
        return post(controlUrl, data);
      }
      return refresh().catch(function () { /* the next change tries again */ });
    });
  }
  if (region && window.MutationObserver) {
    new MutationObserver(liveChanged).observe(region, { childList: true });
  }

  // The projector's thumbnail: a 1280 x 720 screen scaled to the width of its box.
  var thumb = document.querySelector("[data-projector-thumb]");
  if (thumb && window.ResizeObserver) {
    new ResizeObserver(function () {
      thumb.style.setProperty("--thumb-scale", String(thumb.clientWidth / 1280));
    }).observe(thumb);
  }
})();
