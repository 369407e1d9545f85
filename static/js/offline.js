// Working without a connection on the check-in page and the report entry form (docs/offline.md).
// The service worker (/sw.js) keeps the pages and this file; here the page keeps its data in IndexedDB:
// - check-in: the session's roster (codes, names, groups) and a queue of check-ins and walk-ins, each with
//   a random key; the queue is sent to /api/v1/sessions/<id>/checkins/sync when the connection returns, and
//   the key makes a resend harmless (a replay never counts twice);
// - report: the values typed offline, with the lock version the page started from; when the connection
//   returns, the form is sent as it would have been, and the server answers "saved" or shows both versions.
// Without IndexedDB or service workers the pages work as before, online only.
(function () {
  "use strict";
  if (!("indexedDB" in window)) return;
  var checkinForm = document.querySelector("[data-offline-checkin]");
  var reportForm = document.querySelector("[data-offline-report]");
  if (!checkinForm && !reportForm) return;
  var status = document.getElementById("offline-status");

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* online only */ });
  }

  // Translated texts, from templates/_offline_text.html.
  function text(key, values) {
    var texts = document.getElementById("offline-text");
    var node = texts && texts.content.querySelector("[data-key='" + key + "']");
    var result = node ? node.textContent : key;
    Object.keys(values || {}).forEach(function (name) { result = result.split("{" + name + "}").join(values[name]); });
    return result;
  }

  // ---- IndexedDB: queue (check-ins waiting), rosters (per session), reports (per page address) ----
  var dbPromise = new Promise(function (resolve, reject) {
    var request = indexedDB.open("lifelong-offline", 1);
    request.onupgradeneeded = function () {
      var db = request.result;
      db.createObjectStore("queue", { keyPath: "key" }).createIndex("session", "session");
      db.createObjectStore("rosters", { keyPath: "session" });
      db.createObjectStore("reports", { keyPath: "page" });
    };
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });

  function store(name, mode, work) {
    return dbPromise.then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(name, mode);
        var result = work(tx.objectStore(name));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }
  function get(name, key) { return store(name, "readonly", function (s) { return s.get(key); }); }
  function put(name, value) { return store(name, "readwrite", function (s) { s.put(value); }); }
  function remove(name, key) { return store(name, "readwrite", function (s) { s.delete(key); }); }
  function queued(session) {
    return store("queue", "readonly", function (s) { return s.index("session").getAll(session); });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }
  function deviceName() {
    var name = localStorage.getItem("lifelong-device");
    if (!name) { name = "web-" + newKey().slice(0, 8); localStorage.setItem("lifelong-device", name); }
    return name;
  }
  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function showStatus(message, offline) {
    if (!status) return;
    status.hidden = !message;
    status.textContent = message || "";
    status.classList.toggle("is-offline", !!offline);
  }
  function clock(date) {
    var d = new Date(date);
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  // ---- Check-in ----
  function normalise(code) {  // as lifelong.activities.codes.normalise
    return (code || "").toUpperCase().replace(/[-\s]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  }

  function startCheckIn(form) {
    var session = Number(form.dataset.session);
    var walkForm = document.getElementById("walkin-form");
    var weak = document.getElementById("weak-link");
    var results = document.getElementById("offline-results");
    var sending = false;

    function workOffline() { return !navigator.onLine || (weak && weak.checked); }

    function say(message, ok) {
      var item = document.createElement("li");
      item.textContent = message;
      item.className = ok ? "ok" : "refused";
      results.insertBefore(item, results.firstChild);
      results.hidden = false;
    }

    function refreshStatus() {
      return queued(session).then(function (items) {
        if (workOffline()) {
          showStatus(text("offline") + (items.length ? " " + text("waiting", { n: items.length }) : ""), true);
        } else if (items.length) {
          showStatus(text("waiting", { n: items.length }), false);
        } else {
          showStatus("", false);
        }
        form.dataset.pending = String(items.length);
        return items;
      });
    }

    function showRoster(count) {
      var note = document.getElementById("roster-note");
      if (note) { note.textContent = text("roster_saved", { n: count }); note.hidden = false; }
    }

    function loadRoster() {
      if (!navigator.onLine) {  // what the last visit kept
        return get("rosters", session).then(function (roster) {
          if (roster) showRoster(Object.keys(roster.entries).length);
        });
      }
      return fetch(form.dataset.rosterUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(function (roster) {
          var entries = {};
          roster.registrations.forEach(function (r) { entries[normalise(r.code)] = r; });
          return put("rosters", { session: session, entries: entries, fetched_at: Date.now() }).then(function () {
            form.dataset.roster = String(roster.registrations.length);
            showRoster(roster.registrations.length);
          });
        }).catch(function () { /* the copy from the last visit stays */ });
    }

    function sync() {
      if (sending || workOffline()) return refreshStatus();
      return queued(session).then(function (items) {
        if (!items.length) return refreshStatus();
        sending = true;
        showStatus(text("sending", { n: items.length }), false);
        var body = { device: deviceName(), items: items.map(function (item) {
          return { key: item.key, kind: item.kind, code: item.code || "", name: item.name || "",
                   group: item.group || "", phone: item.phone || "", at: item.at };
        }) };
        return fetch(form.dataset.syncUrl, {
          method: "POST", credentials: "same-origin", body: JSON.stringify(body),
          headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(form), Accept: "application/json" }
        }).then(function (response) {
          return response.json().then(function (answer) {
            if (!response.ok) { say(answer.error ? answer.error.message : String(response.status), false); return; }
            var done = answer.results.map(function (r) {
              var who = r.name || r.code;
              if (r.outcome === "counted") say(text("counted") + " " + who, true);
              else if (r.outcome === "conflict") say(text("conflict") + " " + who + " · " + r.message, false);
              else say(text("refused") + " " + (who ? who + " · " : "") + r.message, false);
              return remove("queue", r.key);
            });
            var counts = document.querySelector("[data-testid=counts]");
            if (counts) counts.dataset.checkedIn = String(answer.checked_in);
            return Promise.all(done).then(loadRoster);
          });
        }).catch(function () { /* still offline: kept for the next try */ })
          .then(function () { sending = false; return refreshStatus(); });
      });
    }

    function enqueue(item) {
      item.key = newKey(); item.session = session; item.at = new Date().toISOString();
      return put("queue", item).then(refreshStatus).then(sync);
    }

    form.addEventListener("submit", function (event) {
      if (!workOffline()) return;  // online: the form is sent as usual and the server answers at once
      event.preventDefault();
      var input = form.querySelector("input[name=code]");
      var code = normalise(input.value);
      if (!code) return;
      get("rosters", session).then(function (roster) {
        var entry = roster && roster.entries[code];
        if (entry && entry.checked_in) { say(text("local_twice", { code: input.value }), false); return; }
        if (entry) {
          entry.checked_in = true;
          say(text("local_ok", { name: entry.name }), true);
          return put("rosters", roster).then(function () { return enqueue({ kind: "check_in", code: code }); });
        }
        say(text("local_unknown", { code: input.value }), false);
        return enqueue({ kind: "check_in", code: code });
      }).then(function () { input.value = ""; input.focus(); });
    });

    if (walkForm) walkForm.addEventListener("submit", function (event) {
      if (!workOffline()) return;
      event.preventDefault();
      var data = new FormData(walkForm);
      var name = (data.get("name") || "").trim();
      if (!name || !data.get("group")) { say(text("walkin_missing"), false); return; }
      say(text("walkin_ok", { name: name }), true);
      enqueue({ kind: "walk_in", name: name, group: data.get("group"), phone: data.get("phone") || "" })
        .then(function () { walkForm.reset(); });
    });

    if (weak) weak.addEventListener("change", function () { refreshStatus().then(sync); });
    window.addEventListener("online", sync);
    window.addEventListener("offline", refreshStatus);
    loadRoster().then(sync);
  }

  // ---- Report entry ----
  function startReport(form) {
    var page = location.pathname + location.search;

    function fields() {
      var list = [];
      new FormData(form).forEach(function (value, name) {
        if (name !== "csrfmiddlewaretoken" && typeof value === "string") list.push([name, value]);
      });
      return list;
    }
    function fill(entry) {
      var values = {};
      entry.fields.forEach(function (pair) { values[pair[0]] = pair[1]; });
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.name === "csrfmiddlewaretoken" || el.type === "submit") return;
        if (el.type === "checkbox") el.checked = el.name in values;
        else if (el.name in values) el.value = values[el.name];
        else if (el.name.indexOf("v.") === 0 || el.name.indexOf("n.") === 0) el.value = "";
      });
      form.querySelector("input[name=lock_version]").value = entry.lock_version;
    }
    function keep(queuedAction) {
      var entry = { page: page, fields: fields(), lock_version: form.querySelector("input[name=lock_version]").value,
                    saved_at: Date.now(), queued: !!queuedAction, action: queuedAction || "" };
      return put("reports", entry).then(function () { return entry; });
    }
    function describe(entry) {
      if (!entry) { showStatus(navigator.onLine ? "" : text("offline"), !navigator.onLine); return; }
      var key = entry.queued ? "report_queued" : "report_unsaved";
      showStatus((navigator.onLine ? "" : text("offline") + " ") + text(key, { time: clock(entry.saved_at) }),
                 !navigator.onLine);
      form.dataset.pending = entry.queued ? "1" : "0";
    }
    // Sends what was saved offline exactly as the form would have: the server saves it, or answers 409 with
    // both versions side by side when someone saved the report meanwhile.
    function send(entry) {
      clearTimeout(typing);
      showStatus(text("report_sending"), false);
      fill(entry);
      var marker = document.createElement("input");
      marker.type = "hidden";
      marker.name = entry.action === "submit" ? "submit" : "save";
      marker.value = "1";
      form.appendChild(marker);
      return remove("reports", page).then(function () { HTMLFormElement.prototype.submit.call(form); });
    }

    var typing;
    form.addEventListener("input", function () {
      if (navigator.onLine) return;
      clearTimeout(typing);
      typing = setTimeout(function () { keep("").then(describe); }, 400);
    });
    form.addEventListener("submit", function (event) {
      clearTimeout(typing);
      if (navigator.onLine) { remove("reports", page); return; }
      event.preventDefault();
      var action = event.submitter && event.submitter.name === "submit" ? "submit" : "save";
      keep(action).then(describe);
    });
    window.addEventListener("online", function () {
      get("reports", page).then(function (entry) { if (entry && entry.queued) send(entry); else describe(entry); });
    });
    window.addEventListener("offline", function () { get("reports", page).then(describe); });
    get("reports", page).then(function (entry) {
      if (!entry) { describe(null); return; }
      if (entry.queued && navigator.onLine) { send(entry); return; }
      fill(entry);
      describe(entry);
    });
  }

  // A roster holds names: it is kept only while it is useful, a few days after it was last fetched.
  var ROSTER_DAYS = 3;
  store("rosters", "readwrite", function (s) {
    s.getAll().onsuccess = function (e) {
      e.target.result.forEach(function (roster) {
        if (Date.now() - roster.fetched_at > ROSTER_DAYS * 864e5) s.delete(roster.session);
      });
    };
  }).catch(function () {});

  if (checkinForm) startCheckIn(checkinForm);
  if (reportForm) startReport(reportForm);
})();
