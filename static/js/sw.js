// The service worker of the two pages that must work without a connection: check-in at the door and
// report entry (docs/offline.md). It is served at /sw.js by lifelong.core.views.service_worker, which puts
// the configuration in front of this file: self.LIFELONG = {version, assets, pages, offlineTitle, offlineText}.
// Every other address passes through untouched, so the rest of the site behaves as without it.
/* global self, caches, fetch, Response, URL */
"use strict";
var CONFIG = self.LIFELONG;
var ASSETS = "lifelong-assets-" + CONFIG.version;
var PAGES = "lifelong-pages";  // kept across versions: a page cached yesterday still opens offline today
var PAGE_PATTERNS = CONFIG.pages.map(function (source) { return new RegExp(source); });
var NETWORK_WAIT_MS = 6000;  // on a weak link, the cached page after 6 s rather than a blank screen

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(ASSETS).then(function (cache) { return cache.addAll(CONFIG.assets); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("lifelong-assets-") === 0 && name !== ASSETS;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function offlinePage() {
  // The stylesheet comes from this worker's own cache; the texts are translated by the server (service_worker).
  var html = "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + CONFIG.offlineTitle +
    "</title><link rel=\"stylesheet\" href=\"" + CONFIG.assets[0] + "\"><body><header class=\"site-header\">" +
    "<a class=\"brand\" href=\"/\">" + CONFIG.siteName + "</a></header><main><h1>" + CONFIG.offlineTitle +
    "</h1><p class=\"notice\">" + CONFIG.offlineText + "</p><p><a class=\"button\" href=\"\">" + CONFIG.retry +
    "</a></p></main></body></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function withTimeout(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, ms);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
      function (error) { clearTimeout(timer); reject(error); });
  });
}

// Network first: the page as it is now when the server answers; the copy from the last visit otherwise.
function page(request) {
  var fromNetwork = fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !response.redirected) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  });
  return withTimeout(fromNetwork, NETWORK_WAIT_MS).catch(function () {
    return caches.open(PAGES).then(function (cache) { return cache.match(request, { ignoreVary: true }); })
      .then(function (cached) { return cached || fromNetwork.catch(offlinePage); });
  });
}

// Static files have content-hashed names in production: the cached copy is always right.
function asset(request) {
  return caches.match(request, { ignoreVary: true }).then(function (cached) {
    return cached || fetch(request);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && PAGE_PATTERNS.some(function (re) { return re.test(url.pathname); })) {
    event.respondWith(page(request));
  } else if (CONFIG.assets.indexOf(url.pathname) !== -1) {
    event.respondWith(asset(request));
  }
});
