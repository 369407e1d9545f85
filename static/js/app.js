// Small behaviours that templates ask for with data- attributes. The Content-Security-Policy
// (config/settings.py) refuses inline scripts and on...= handlers, so they live here, loaded with
// defer by templates/base.html. Listeners are on the document, so content swapped in by htmx works too.
// Every page works without this file; it only makes some things smoother.
//
//   <select data-autosubmit>   submits its form as soon as another option is chosen
//                              (keep a <noscript> submit button next to it).
//   [data-error-summary] a     a link of a form's error summary (templates/_form_errors.html) puts the
//                              cursor in its field, with the field's label in view, opening any
//                              <details> around it.
//   [data-locate]              the learning assistant's "use my location" button: fills the lat/lon of its
//                              form from the browser's location, then submits it (data-locating and
//                              data-denied hold the messages shown meanwhile or when it is refused).
//   <form data-logout>         logging out deletes what the offline pages kept on this device (the server
//                              answers with Clear-Site-Data); if some of it was never sent, the person
//                              is asked first (data-pending-warning holds the question).
//   <details data-site-menu>   the header's menu (templates/base.html); app.css shows its links inline on
//                              wide screens, or, in browsers without ::details-content, this opens it there.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLSelectElement) || !field.hasAttribute("data-autosubmit") || !field.form) return;
    if (field.form.requestSubmit) {
      field.form.requestSubmit(); // fires "submit", so htmx and validation see it like a click
    } else {
      field.form.submit();
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) return;
    var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();
    for (var box = field.closest("details"); box; box = box.parentElement && box.parentElement.closest("details")) {
      box.open = true;
    }
    var label = document.querySelector("label[for='" + field.id + "']") || field.closest("fieldset") || field;
    label.scrollIntoView({block: "start"});
    field.focus({preventScroll: true});
  });

  var menu = document.querySelector("[data-site-menu]");
  if (menu && window.matchMedia && !(window.CSS && CSS.supports && CSS.supports("selector(::details-content)"))) {
    var wide = window.matchMedia("(min-width: 64rem)");
    var sync = function () { menu.open = wide.matches; };
    sync();
    if (wide.addEventListener) wide.addEventListener("change", sync);
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu && menu.open && !window.matchMedia("(min-width: 64rem)").matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("[data-locate]");
    if (!button || !button.form) return;
    event.preventDefault();
    var form = button.form;
    var status = form.querySelector("[data-locate-status]");
    if (!navigator.geolocation) {
      if (status) status.textContent = button.getAttribute("data-denied") || "";
      return;
    }
    if (status) status.textContent = button.getAttribute("data-locating") || "";
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude.toFixed(3);
      form.elements.lon.value = position.coords.longitude.toFixed(3);
      form.submit();
    }, function () {
      if (status) status.textContent = button.getAttribute("data-denied") || "";
    }, { timeout: 15000, maximumAge: 600000 });
  });
})();

// <span data-countdown="SECONDS" data-countdown-form="ID">: counts down the seconds the server said are left
// (the server's clock decides; this only shows it) and submits the form ID when they are over.
(function () {
  "use strict";
  var clock = document.querySelector("[data-countdown]");
  if (!clock) return;
  var ends = Date.now() + 1000 * parseInt(clock.getAttribute("data-countdown"), 10);
  var form = document.getElementById(clock.getAttribute("data-countdown-form"));
  var label = clock.textContent;
  function tick() {
    var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    clock.textContent = label + " · " + minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    if (left <= 0) {
      if (form && !form.dataset.sent) { form.dataset.sent = "1"; form.submit(); }
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
  // What static/js/offline.js keeps waiting to be sent: check-ins in "queue", reports saved offline in "reports".
  function pendingOnDevice() {
    return new Promise(function (resolve) {
      if (!("indexedDB" in window)) { resolve(0); return; }
      var request = indexedDB.open("lifelong-offline", 1);
      request.onupgradeneeded = function () { request.transaction.abort(); };  // never opened here: nothing kept
      request.onerror = function () { resolve(0); };
      request.onsuccess = function () {
        var db = request.result, count = 0;
        var tx = db.transaction(["queue", "reports"], "readonly");
        tx.objectStore("queue").count().onsuccess = function (e) { count += e.target.result; };
        tx.objectStore("reports").getAll().onsuccess = function (e) {
          count += e.target.result.filter(function (r) { return r.queued; }).length;
        };
        tx.oncomplete = function () { db.close(); resolve(count); };
        tx.onerror = function () { db.close(); resolve(0); };
      };
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-logout") || form.dataset.checked) return;
    event.preventDefault();
    pendingOnDevice().then(function (count) {
      if (count && !window.confirm(form.dataset.pendingWarning)) return;
      form.dataset.checked = "1";
      form.submit();
    });
  });
})();
